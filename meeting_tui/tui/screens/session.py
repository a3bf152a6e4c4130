"""The Session screen: the one a facilitator looks at for two hours in a courtyard.

It owns the live meeting, the selected motion and the view toggles, and pushes
state down into the panes; panes report selections up by message. Every
action runs a domain command through `LiveMeeting.execute`, which stores the
events before the panes show them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Footer

from meeting_tui import i18n
from meeting_tui.domain import DomainError, MeetingStatus, Motion, MotionState
from meeting_tui.domain import commands as c
from meeting_tui.store.errors import StoreError
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui import keymap
from meeting_tui.tui.guarded_app import GuardedApp
from meeting_tui.tui.key_order import paint_in_one_frame
from meeting_tui.tui.keymap import CLOSED_KEYS, SESSION_KEYS
from meeting_tui.tui.recording import Make
from meeting_tui.tui.screens.lifecycle_messages import MeetingLeft
from meeting_tui.tui.screens.session_entries import PRELOAD_S
from meeting_tui.tui.screens.session_floor import FloorActions
from meeting_tui.tui.widgets.agenda_pane import AgendaPane, AgendaStrip
from meeting_tui.tui.widgets.floor_strip import FloorStrip
from meeting_tui.tui.widgets.header_bar import HeaderBar
from meeting_tui.tui.widgets.key_footer import KeyFooter
from meeting_tui.tui.widgets.motion_table import MotionTable
from meeting_tui.tui.widgets.status_strip import StatusStrip
from meeting_tui.tui.widgets.vote_panel import VotePanel

if TYPE_CHECKING:
    from meeting_tui.store.live import ClosedRecord
    from meeting_tui.tui.dialogs.form_answers import ReasonAnswers

NARROW = 100  # below this many columns the agenda folds into one line
# The clock ticks this long after its second turns. Steps are stamped in whole seconds, so
# every time the screen shows (the clock, the meeting's and the item's time) turns with the
# clock's second: ticked just after, the bar is never up to a second behind, and a key
# pressed between two ticks finds those times as drawn (nothing of them repainted with it).
TICK_AFTER_S = 0.005


class SessionScreen(FloorActions):
    # SESSION_KEYS first, so the footer keeps their order; on a closed meeting their
    # recording keys are disabled (check_action) and the CLOSED_KEYS behind them answer instead.
    BINDINGS = [
        *keymap.bindings(SESSION_KEYS, "session"),
        *keymap.bindings(CLOSED_KEYS, "session.closed"),
    ]
    CSS_PATH = ["session.tcss", "../dialogs/entry_panel.tcss"]
    AUTO_FOCUS = "#motions"  # not the first field in the DOM: the hidden vote form's
    # Textual's `Screen.focused` repaints the whole screen on every focus change; the
    # widgets that gain and lose the focus are restyled (and so redrawn) anyway. Each
    # vote or deferral moves the focus twice, so that was 24 lines drawn each way.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, live: LiveMeeting, clock: Callable[[], datetime]) -> None:
        super().__init__(live)
        self.clock = clock
        self._belled: set[str] = set()
        # Narrow or wide before the first styling: set at the first resize, the class
        # restyled every widget of the screen before the first frame (about 6 ms).
        self.set_class(self.app.size.width < NARROW, "-narrow", update=False)

    def compose(self) -> ComposeResult:
        # The vote and the deferral forms are mounted after the first frame (session_entries.py).
        yield HeaderBar(id="header")
        yield AgendaStrip(id="agenda-strip")
        with Horizontal(id="body"):
            yield AgendaPane(id="agenda")
            yield MotionTable()
            yield VotePanel(id="vote")
        yield FloorStrip(id="floor-strip")
        yield StatusStrip(id="strip")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.selected = self._default_selection()
        self.refresh_panes()
        table = self.query_one(MotionTable)
        table.focus()
        self.watch(table, "cursor_coordinate", self._cursor_moved, init=False)
        self._tick_next()
        self.set_timer(PRELOAD_S, self.entries.preload)
        self.read_archive_answers()
        # Said once the first frame is on the terminal: the check loads the vote's commands.
        assert isinstance(self.app, GuardedApp)
        self.app.call_after_frame(self.warn_if_nobody_votes)
        # A step's archive summary (a deferral's, for the backlog) is written once it shows.
        self.live.summaries_after(self.app.call_after_frame)
        # State words take their colours from the theme when drawn: redraw on a theme change.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.refresh_panes())

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")
        # At 80 columns the footer drops its padding, so `q 退出` still fits.
        self.query_one(Footer).compact = self.size.width < NARROW
        self.call_after_refresh(self.refresh_panes)

    # -- state down ----------------------------------------------------------

    def _visible_motions(self) -> list[Motion]:
        item = self.state.active_item
        if self.show_all or item is None:
            return list(self.state.motions.values())
        return self.state.motions_of(item.id)

    def _default_selection(self) -> str | None:
        visible = self._visible_motions()
        if self.selected in {m.id for m in visible}:
            return self.selected
        open_ones = [m for m in visible if not m.state.decided]
        candidates = open_ones or visible
        return candidates[-1].id if candidates else None

    def refresh_panes(self) -> None:
        now = self.clock()
        state = self.state
        self.selected = self._default_selection()
        self.query_one(HeaderBar).show(state, now)
        self.query_one(AgendaPane).show(state, now)
        self.query_one(AgendaStrip).show(state, now)
        self.query_one(MotionTable).show(state, self.show_all, self.selected)
        self.query_one(VotePanel).show(state, self.selected_motion)
        self.query_one(StatusStrip).show(state, self.lists_open, len(self.live.pending))
        self.show_floor(now)

    def _tick_next(self) -> None:
        """Tick once the clock's next second has turned (`TICK_AFTER_S`), and again after it.

        Timed afresh from the clock each second (not a fixed interval from the mount), so
        the ticks stay on the clock's second however the event loop's clock drifts from it.
        """
        wait = 1 - self.clock().microsecond / 1_000_000 + TICK_AFTER_S
        self.set_timer(wait, self._tick_and_next)

    def _tick_and_next(self) -> None:
        self.tick()
        self._tick_next()

    def tick(self) -> None:
        """Once a second: the clock, the item timer, and the bell when a time box runs out."""
        now = self.clock()
        self.query_one(HeaderBar).show(self.state, now)
        self.query_one(AgendaPane).show(self.state, now)
        self.query_one(AgendaStrip).show(self.state, now)
        self.tick_floor(now)
        item = self.state.active_item
        if item is not None and item.overtime(now) and item.id not in self._belled:
            self._belled.add(item.id)
            self.app.bell()
            self.notify(
                i18n.t("notify.timebox", title=item.title, minutes=item.timebox_min),
                severity="warning",
            )

    def watch_selected(self) -> None:
        self.query_one(VotePanel).show(self.state, self.selected_motion)
        self.show_floor(self.clock())

    def watch_show_all(self) -> None:
        self.refresh_panes()

    def watch_lists_open(self) -> None:
        self.refresh_panes()

    # -- messages up ---------------------------------------------------------

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """An open vote or deferral form keeps the focus, as its dialog did (a click elsewhere)."""
        for entry in self.entries.panels():
            entry.keep_focus(event.widget)

    def on_motion_table_motion_selected(self, message: MotionTable.MotionSelected) -> None:
        if message.motion_id is not None:
            self.selected = message.motion_id

    def _cursor_moved(self) -> None:
        """The chair moved the table's cursor: the vote panel follows in the same frame.

        Followed by message only (`MotionSelected`, above), the panel was drawn a
        frame after the table, and a key was answered in two frames. The message
        still comes and finds the motion selected already.
        """
        table = self.query_one(MotionTable)
        if not table.showing and table.selected_id is not None:
            self.selected = table.selected_id
            paint_in_one_frame(self)

    # -- the meeting's before and after ---------------------------------------

    def action_close_meeting(self) -> None:
        """Close after a summary of what was decided; a closed meeting offers a recorded reopen."""
        from meeting_tui.tui.dialogs.confirm import ConfirmDialog

        state = self.state
        if state.status is MeetingStatus.CLOSED:
            self._reopen()
            return
        counts = {s.value: len(state.motions_in(s)) for s in MotionState}
        open_ones = state.motions_in(MotionState.RAISED)
        question = i18n.t(
            "close.summary",
            **counts,
            open=len(open_ones),
            open_list="、".join(f"#{m.number} {m.text[:12]}" for m in open_ones) or "—",
        )
        self.app.push_screen(ConfirmDialog(question), self._close_confirmed)

    @dataclass
    class MinutesComposed(Message):
        """The worker built the minutes of the close just stored (or says why it could not)."""

        record: ClosedRecord
        document: dict[str, Any] | None
        problem: str = ""

    # While the minutes are being built in the worker (tests wait on this, as on a key).
    working = False

    def _close_confirmed(self, yes: bool | None) -> None:
        """The close is stored first, here; the minutes are made in a worker, stored here too.

        They are owed to the meeting until then: a step taken before the worker
        is back (a reopen, an undo) or leaving the meeting makes and stores them
        first, and the worker's late result is dropped (LiveMeeting.owe_minutes).
        """
        from meeting_tui.minutes.record import sealed_minutes

        if not yes:
            return
        try:
            self.live.execute(c.close_meeting(self.live.state))
            record = self.live.owe_minutes(sealed_minutes)
        except (DomainError, StoreError) as error:
            self.notify(error.message(), severity="error", timeout=15)
            self.refresh_panes()
            return
        self.refresh_panes()
        self.working = True
        self._compose_minutes(record)

    @work(thread=True, exclusive=True, exit_on_error=False, group="minutes")
    def _compose_minutes(self, record: ClosedRecord) -> None:
        """Only makes them: the meeting file is written on the UI thread, as every event is."""
        from meeting_tui.minutes.record import sealed_minutes

        try:
            self.post_message(self.MinutesComposed(record, sealed_minutes(record)))
        except Exception as error:  # a bug in building them: said, and the close still stands
            problem = f"{type(error).__name__}: {error}"
            self.post_message(self.MinutesComposed(record, None, problem))

    @on(MinutesComposed)
    def _minutes_composed(self, message: MinutesComposed) -> None:
        self.working = False
        try:
            version = self.live.pay_minutes(message.record, message.document)
            if message.document is None:
                raise StoreError("minutes.not_saved", reason=message.problem)
        except StoreError as error:
            self.notify(error.message(), severity="error", timeout=15)
            return
        if version is None:  # settled already, before a later step: that step said so
            return
        self.notify(i18n.t("close.done", version=version))
        self.action_minutes()

    def _reopen(self) -> None:
        from meeting_tui.tui.dialogs.form import Field, FormDialog
        from meeting_tui.tui.dialogs.form_answers import ReasonAnswers

        fields = [Field("reason", i18n.t("form.reason"))]

        def make(a: ReasonAnswers) -> Make:
            return lambda s: c.reopen_meeting(s, a.reason)

        def done(a: ReasonAnswers | None) -> None:
            if a is not None:
                self.run_command(make(a))

        title = i18n.t("key.close_meeting")
        form = FormDialog(title, fields, ReasonAnswers.read, lambda a: self.check(make(a)))
        self.app.push_screen(form, done)

    def action_minutes(self) -> None:
        from meeting_tui.tui.screens.minutes_preview import MinutesPreviewScreen

        self.app.push_screen(MinutesPreviewScreen(self.live))

    def action_publish(self) -> None:
        from meeting_tui.tui.screens.publish import PublishScreen

        self.app.push_screen(PublishScreen(self.live))

    def action_present(self) -> None:
        """The public view's command line, and what it emphasises (display state, not an event)."""
        from meeting_tui.store.follow import read_emphasis, write_emphasis
        from meeting_tui.tui.dialogs.present_dialog import PresentDialog, present_command

        archive, meeting_id = self.live.archive, self.live.state.meeting_id

        def done(emphasis: str | None) -> None:
            if emphasis is None:
                return
            try:
                write_emphasis(archive, meeting_id, emphasis)
            except StoreError as error:
                self.notify(error.message(), severity="error", timeout=12)
                return
            label = i18n.t(f"present.emphasis.{emphasis}")
            self.notify(i18n.t("present.saved", emphasis=label))

        command = present_command(archive.root, meeting_id)
        self.app.push_screen(PresentDialog(command, read_emphasis(archive, meeting_id)), done)

    def action_archive(self) -> None:
        """Back to the archive list; the meeting is saved and stays as it is."""
        if self.live.pending:
            self.action_retry()
            if self.live.pending:
                return
        self.post_message(MeetingLeft())
