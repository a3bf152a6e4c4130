"""The start screen: the archive, newest and still-running meetings first; new, resume, demo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Input, Static

from meeting_tui import i18n
from meeting_tui.domain import DomainError, MeetingKind, MeetingStatus, label
from meeting_tui.store.archive import Archive
from meeting_tui.store.backup_compare import compare_backup
from meeting_tui.store.errors import StoreError, refusal_message
from meeting_tui.store.ids import new_meeting_id
from meeting_tui.store.live import Clock, LiveMeeting
from meeting_tui.tui import keymap
from meeting_tui.tui.guarded_app import GuardedApp
from meeting_tui.tui.keymap import Key
from meeting_tui.tui.screens.lifecycle_messages import MeetingChosen
from meeting_tui.tui.strings_records import RESTORE_WORDS
from meeting_tui.tui.widgets.fixed_width_table import FixedWidthTable
from meeting_tui.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:  # the dialogs load with the first key that opens one, not before the list
    from meeting_tui.tui.dialogs.form_answers import NewMeetingAnswers, WordAnswers

START_KEYS: tuple[Key, ...] = (
    Key("enter", "open", "key.open", "group.archive"),
    Key("n", "new_meeting", "key.new_meeting", "group.archive"),
    Key("d", "demo", "key.demo", "group.archive"),
    Key("b", "backlog", "key.backlog", "group.archive"),
    Key("f", "followups", "key.followups", "group.archive"),
    Key("o", "owners", "key.owners", "group.archive"),
    Key("slash", "filter", "key.filter", "group.archive", display="/"),
    Key("ctrl+r", "restore", "key.restore", "group.archive", show=False),
    Key("q", "quit", "key.quit", "group.meeting"),
)
FIRST_ROWS = 120  # the first screenful when the terminal's height is not known yet
# The rest are added this many at a time (about 20 ms each), a timer apart: between two slices
# the driver writes the frame out and keys are read.
ROWS_PER_SLICE = 500
# After the first frame: the backlog and follow-ups screens are made and their kept lists read
# while the chair reads the list (`preload`), between the slices of rows.
PRELOAD_S = 0.1
COLUMNS = ("date", "title", "kind", "community", "status", "motions", "passed", "deferred")


def sort_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Meetings still in session first (a crash leaves them there), then newest first."""
    newest = sorted(
        rows, key=lambda r: (str(r.get("date", "")), str(r.get("id", ""))), reverse=True
    )
    return sorted(newest, key=lambda r: r.get("status") != MeetingStatus.IN_SESSION.value)


def matches(row: dict[str, Any], needle: str) -> bool:
    hay = " ".join(str(row.get(k, "")) for k in ("id", "date", "title", "community"))
    return needle.casefold() in hay.casefold()


class StartScreen(keymap.KeyedScreen):
    BINDINGS = keymap.bindings(START_KEYS, "start")
    CSS_PATH = "start.tcss"
    COMPONENT_CLASSES = {"start--broken"}

    def __init__(self, archive: Archive, clock: Clock) -> None:
        super().__init__()
        self.archive = archive
        self.clock = clock
        self.rows: list[dict[str, Any]] = []
        self._columns_for = -1
        self._generation = 0  # counts the times `rows` changed
        self._fills = 0  # counts the times the table was filled
        self._shown: tuple[int, str, int] | None = None  # width, filter, generation: the table's
        self._preloading = False  # `preload` is under way or done
        self._just_read = False  # `on_mount` read the archive, and no resume came since
        # Rows not added yet because another screen was shown: added when this one is again.
        self._held: tuple[DataTable[Any], list[dict[str, Any]], int] | None = None

    def compose(self) -> ComposeResult:
        yield Static(i18n.t("start.title"), id="heading")
        yield Input(placeholder=i18n.t("start.filter"), compact=True, id="filter")
        yield Static(i18n.t("start.empty"), id="empty")
        yield FixedWidthTable(cursor_type="row", zebra_stripes=True, id="archive")
        yield KeyFooter()

    # Cells of each fixed column; the title takes what is left, so the counts stay in view.
    WIDTHS = {
        "date": 10,
        "kind": 8,
        "community": 10,
        "status": 8,
        "motions": 4,
        "passed": 4,
        "deferred": 4,
    }

    def on_mount(self) -> None:
        self.reload()
        self._just_read = True  # the first resume comes next: the archive was read just now
        self.query_one(DataTable).focus()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show(force=True))

    def on_resize(self) -> None:
        self.show()

    def _columns(self, table: DataTable[Any]) -> None:
        """Rows always go; columns are laid out again only when the width changed."""
        if table.columns and self._columns_for == self.size.width:
            table.clear()
            return
        self._columns_for = self.size.width
        fixed = sum(self.WIDTHS.values()) + 2 * len(COLUMNS) + 2
        title = max(10, self.size.width - fixed)
        table.clear(columns=True)
        for key in COLUMNS:
            table.add_column(i18n.t(f"col.{key}"), key=key, width=self.WIDTHS.get(key, title))

    def on_screen_resume(self) -> None:
        """Back from a meeting: the list again, the cursor on the first row (in session first).

        Not read again on the resume that follows the mount (a second listing of 5,000
        meetings before the first frame, about 15 ms); every later resume reads it."""
        if not self._just_read:
            self.reload()
        self._just_read = False
        held, self._held = self._held, None
        if held is not None:  # the rest of the rows, unless `reload` filled the table again
            self._add_rows(*held)
        self.query_one(DataTable).move_cursor(row=0, animate=False)

    def reload(self) -> None:
        """Read the archive list; a disk that refuses the read is said in place of the rows."""
        archive = self.archive
        empty = self.query_one("#empty", Static)
        try:
            rows = sort_rows(archive.list_meetings())
            if rows != self.rows:  # the same list kept: `show` need not build 5,000 rows again
                self.rows, self._generation = rows, self._generation + 1
        except StoreError as error:
            self.rows, self._generation = [], self._generation + 1
            empty.update(Text(error.message(), style="bold red"))
        else:
            empty.update(i18n.t("start.empty"))
        for notice in archive.take_notices():  # an index rebuilt on its own: said once
            self.notify(notice.message(), severity="warning", timeout=12)
        self.show()

    def show(self, *, force: bool = False) -> None:
        """Fill the table; mount, the first resume and the first resize all ask for the same
        rows at the same width, and an archive of 5,000 meetings is built only once for them."""
        needle = self.query_one("#filter", Input).value.strip()
        shown = (self.size.width, needle, self._generation)
        if shown == self._shown and not force:
            return
        self._shown, self._fills = shown, self._fills + 1
        table = self.query_one(DataTable)
        self._columns(table)
        rows = [row for row in self.rows if not needle or matches(row, needle)]
        # A screenful first (no more rows than the terminal has lines), so the list shows at
        # once; the rest after that frame, in slices.
        first = self.app.size.height or FIRST_ROWS
        self._add_rows(table, rows[:first], self._fills, first)
        if rows[first:]:
            rest, fill = rows[first:], self._fills
            assert isinstance(self.app, GuardedApp)
            self.app.call_after_frame(lambda: self._add_rows(table, rest, fill))
        if not self._preloading:  # the lists' screens next, once the first frame is drawn
            self._preloading = True
            self.call_after_refresh(self.set_timer, PRELOAD_S, self.preload)
        self.query_one("#empty").display = not self.rows

    def _add_rows(
        self, table: DataTable[Any], rows: list[dict[str, Any]], fill: int, at_once: int = 0
    ) -> None:
        """Add `rows`, the first `at_once` (or ROWS_PER_SLICE) now and the others on a timer.

        Added in one go, the 4,880 rows after the first screenful of a 5,000-meeting archive
        held the interpreter for about 0.2 s just after the first frame was drawn, and the
        driver's writer thread could not put that frame on the terminal until they were in.
        """
        if fill != self._fills:  # the table was filled again since: these rows are stale
            return
        if not self.is_active and not at_once:
            # Another screen is shown (`b` pressed before the last slice): each slice here
            # drew that whole screen again. The rest wait until this screen is shown again
            # (a screenful, `at_once`, is added as ever: only the slices after it wait).
            self._held = (table, rows, fill)
            return
        size = at_once or ROWS_PER_SLICE
        now, later = rows[:size], rows[size:]
        for row in now:
            table.add_row(*self._cells(row), key=str(row.get("id")))
        if later:
            self.set_timer(0.001, lambda: self._add_rows(table, later, fill))

    def preload(self) -> None:
        """Make the backlog and follow-ups screens ahead of `b` and `f`, one step at a time.

        A first `b` imported the screen's modules, parsed the app's whole stylesheet
        again for its file and (in its worker) read the kept list's megabytes, before
        a loading line and then the rows were drawn. Here, after the start screen's
        first frame: each screen's module is imported and the screen
        made, not mounted (`ArchiveListScreen.prepare`: no widget, so no layout and no
        frame under the chair's keys), each step a message of its own so a key waits
        for one step at most; then a thread reads both kept lists, so the screen draws
        its rows in its first frame. Nothing is done once another screen is shown.
        The steps run between the slices of a large archive's rows (each a message
        too), so a `b` pressed before the last slice finds its screen made.
        """
        from meeting_tui.store.archive_lists import BACKLOG, FOLLOWUPS, lists_of

        def make(which: str) -> None:
            if not self.is_active:
                return
            if which == "backlog":
                from meeting_tui.tui.screens.backlog import BacklogScreen

                BacklogScreen.prepare(self.app, *self._made_with("backlog"))
            else:
                from meeting_tui.tui.screens.followups import FollowUpsScreen

                FollowUpsScreen.prepare(self.app, *self._made_with("followups"))

        def read_lists() -> None:
            lists = lists_of(self.archive)
            lists.kept(BACKLOG, from_disk=True)
            lists.kept(FOLLOWUPS, from_disk=True)

        def read() -> None:
            if self.is_active:
                self.run_worker(read_lists, thread=True, group="preload", exit_on_error=False)

        self.call_later(make, "backlog")
        self.call_later(make, "followups")
        self.call_later(read)

    def _made_with(self, which: str) -> tuple[Any, ...]:
        """What `b` and `f` make their screens with here (no meeting open to pick into)."""
        return (self.archive, None) if which == "backlog" else (self.archive, None, self.clock)

    @property
    def broken_style(self) -> Style:
        """The theme's error colour (themes.py) for a meeting whose file is damaged."""
        return self.get_component_rich_style("start--broken", partial=True)

    def _cells(self, row: dict[str, Any]) -> list[Text | str]:
        def enum_label(kind: type[Any], value: Any) -> str:
            try:
                return label(kind(value))
            except ValueError:
                return str(value or "")

        status = enum_label(MeetingStatus, row.get("status"))
        if row.get("broken"):
            status = i18n.t("start.broken")
        style = "bold" if row.get("status") == MeetingStatus.IN_SESSION.value else ""
        return [
            str(row.get("date", "")),
            Text(str(row.get("title", "")), style=style, no_wrap=True, overflow="ellipsis"),
            enum_label(MeetingKind, row.get("kind")),
            Text(str(row.get("community", "")), no_wrap=True, overflow="ellipsis"),
            Text(status, style=self.broken_style if row.get("broken") else style),
            str(row.get("motions", "")),
            str(row.get("passed", "")),
            str(row.get("deferred", "")),
        ]

    @on(Input.Changed, "#filter")
    def _filter(self) -> None:
        self.show()

    @on(Input.Submitted, "#filter")
    def _filtered(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def selected_id(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    # -- actions -------------------------------------------------------------

    def action_open(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id:
            self.post_message(MeetingChosen(meeting_id))

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_demo(self) -> None:
        from meeting_tui.demo import LIVE_ID, install_demo

        try:
            install_demo(self.archive, now=self.clock())
        except StoreError as error:
            self.notify(refusal_message(error), severity="error", timeout=12)
            return
        self.reload()
        self.post_message(MeetingChosen(LIVE_ID))

    def action_new_meeting(self) -> None:
        from meeting_tui.domain import commands as c
        from meeting_tui.tui.dialogs.form import Field, FormDialog
        from meeting_tui.tui.dialogs.form_answers import NewMeetingAnswers

        fields = [
            Field("title", i18n.t("form.meeting.name")),
            Field(
                "kind",
                i18n.t("form.kind"),
                MeetingKind.BENCH.value,
                options=[(label(k), k.value) for k in MeetingKind],
            ),
            Field("community", i18n.t("form.community")),
            Field("location", i18n.t("form.location")),
        ]

        def check(a: NewMeetingAnswers) -> str | None:
            try:
                c.create_meeting(
                    new_meeting_id(date.today()),
                    a.title,
                    a.kind,
                    community=a.community,
                    location=a.location,
                )
            except DomainError as error:
                return error.message()
            return None

        def done(a: NewMeetingAnswers | None) -> None:
            if a is None:
                return
            try:
                live = LiveMeeting.create_new(
                    self.archive,
                    lambda meeting_id: c.create_meeting(
                        meeting_id, a.title, a.kind, community=a.community, location=a.location
                    ),
                    self.clock,
                )
            except StoreError as error:
                self.notify(refusal_message(error), severity="error", timeout=12)
                return
            live.close()
            self.reload()
            self.post_message(MeetingChosen(live.meeting_id))

        form = FormDialog(i18n.t("form.new_meeting"), fields, NewMeetingAnswers.read, check)
        self.app.push_screen(form, done)

    def action_backlog(self) -> None:
        from meeting_tui.tui.screens.backlog import BacklogScreen

        BacklogScreen.open(self.app, *self._made_with("backlog"))

    def action_followups(self) -> None:
        from meeting_tui.tui.screens.followups import FollowUpsScreen

        FollowUpsScreen.open(self.app, *self._made_with("followups"))

    def action_owners(self) -> None:
        from meeting_tui.store.owners import DecisionArchive
        from meeting_tui.tui.screens.owners_list import OwnersListScreen

        self.app.push_screen(OwnersListScreen(DecisionArchive(self.archive.root), self.clock))

    def action_restore(self) -> None:
        """Restore a backup: straight after one question for a damaged file; on a healthy
        one only if the facilitator insists twice, told how many steps would be lost."""
        meeting_id = self.selected_id()
        if not meeting_id:
            return
        seen = compare_backup(self.archive, meeting_id)
        if seen is None:
            self._restore(meeting_id)  # the store says there is no backup, and where it looked
            return
        counts = {
            "meeting_id": meeting_id,
            "events": seen.lost_events,
            "motions": seen.lost_motions,
        }
        if seen.damaged:
            question = i18n.t("restore.damaged", meeting_id=meeting_id, events=seen.backup_events)
            self._ask(question, lambda: self._restore(meeting_id))
        elif seen.lost_events == 0:
            self.notify(i18n.t("restore.none_lost", meeting_id=meeting_id))
        else:
            self._ask(i18n.t("restore.healthy", **counts), lambda: self._insist(meeting_id, counts))

    def _ask(self, question: str, then: Callable[[], None]) -> None:
        from meeting_tui.tui.dialogs.confirm import ConfirmDialog

        self.app.push_screen(ConfirmDialog(question), lambda yes: then() if yes else None)

    def _insist(self, meeting_id: str, counts: dict[str, Any]) -> None:
        """The second question for a healthy file: the word typed, so Enter alone never restores."""
        from meeting_tui.tui.dialogs.form import Field, FormDialog
        from meeting_tui.tui.dialogs.form_answers import WordAnswers

        fields = [Field("word", i18n.t("restore.word_label"))]

        def check(a: WordAnswers) -> str | None:
            typed = a.word.strip().casefold()
            return None if typed in RESTORE_WORDS else i18n.t("restore.word_wrong")

        def done(a: WordAnswers | None) -> None:
            if a is not None:
                self._restore(meeting_id)

        title = i18n.t("restore.type_word", **counts)
        self.app.push_screen(FormDialog(title, fields, WordAnswers.read, check), done)

    def _restore(self, meeting_id: str) -> None:
        try:
            path = self.archive.restore_backup(meeting_id)
        except StoreError as error:
            self.notify(error.message(), severity="error", timeout=12)
            return
        self.notify(i18n.t("start.restored", file=str(path)))
        self.reload()

    def action_quit(self) -> None:
        self.app.exit()
