"""Follow-ups across meetings: who carries out each passed motion, by when; done and 居民评."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from meeting_tui import i18n
from meeting_tui.domain import DomainError, Draft, MeetingState
from meeting_tui.domain import commands as c
from meeting_tui.domain.archive_views import FollowUpEntry, followups
from meeting_tui.store.archive_states import load_states
from meeting_tui.store.errors import StoreError
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui import keymap
from meeting_tui.tui.dialogs.form import Answers, Field, FormDialog
from meeting_tui.tui.keymap import Key
from meeting_tui.tui.lifecycle_access import app_of

FOLLOWUP_KEYS: tuple[Key, ...] = (
    Key("d", "done", "key.done", "group.archive"),
    Key("e", "evaluate", "key.evaluate", "group.archive"),
    Key("escape,q", "back", "key.back", "group.archive", display="esc"),
)


class FollowUpsScreen(Screen[None]):
    DEFAULT_CSS = """
    FollowUpsScreen #heading { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    FollowUpsScreen #empty { padding: 1 2; height: auto; color: $text-muted; }
    FollowUpsScreen DataTable { height: 1fr; }
    """

    def __init__(self) -> None:
        super().__init__()
        keymap.install(self, FOLLOWUP_KEYS, "followups")
        self.entries: list[FollowUpEntry] = []

    def compose(self) -> ComposeResult:
        yield Static(i18n.t("followups.title"), id="heading")
        yield Static(i18n.t("followups.empty"), id="empty")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    # The item, its state and who carries it out stay in view at 80 columns; the origin follows.
    COLUMNS = ("col.due", "col.number", "col.text", "col.status", "col.owner", "col.origin")

    def on_mount(self) -> None:
        self.reload()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        self.show()

    def widths(self) -> dict[str, int]:
        room = self.size.width - 2 - 2 * len(self.COLUMNS)  # scrollbar, cell padding
        w = {"col.due": 10, "col.number": 3, "col.status": 17, "col.owner": 10}
        left = max(30, room - sum(w.values()))
        if self.size.width < 110:
            w |= {"col.text": max(14, left), "col.origin": 24}
        else:
            w |= {"col.text": left * 3 // 5, "col.origin": left - left * 3 // 5}
        return w

    def today(self) -> str:
        return app_of(self).clock().date().isoformat()

    def reload(self) -> None:
        self.entries = followups(load_states(app_of(self).archive), self.today())
        self.show()

    def show(self) -> None:
        today = self.today()
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        widths = self.widths()
        for key in self.COLUMNS:
            table.add_column(i18n.t(key), key=key, width=widths[key])
        for n, e in enumerate(self.entries):
            if e.done_on:
                status = Text(i18n.t("followups.done", date=e.done_on), style="green")
            elif e.overdue(today):
                status = Text(i18n.t("followups.overdue"), style="bold red")
            else:
                status = Text(i18n.t("followups.open"))
            table.add_row(
                e.due or "—",
                str(e.number),
                Text(e.text, no_wrap=True, overflow="ellipsis"),
                status,
                Text(e.owner, no_wrap=True, overflow="ellipsis"),
                Text(e.meeting_title, no_wrap=True, overflow="ellipsis"),
                key=str(n),
            )
        if self.entries:
            table.move_cursor(row=min(max(row, 0), len(self.entries) - 1), animate=False)
        self.query_one("#empty").display = not self.entries

    def selected(self) -> FollowUpEntry | None:
        table = self.query_one(DataTable)
        if not self.entries or table.row_count == 0:
            return None
        return self.entries[table.cursor_row]

    def _record(
        self, entry: FollowUpEntry, make: Callable[[MeetingState], Sequence[Draft]]
    ) -> bool:
        """Record on the motion's own meeting: the open one, or that file opened briefly."""
        app = app_of(self)
        current = app.live
        try:
            if current is not None and current.meeting_id == entry.origin.meeting_id:
                current.execute(make(current.state))
            else:
                other = LiveMeeting.open(app.archive, entry.origin.meeting_id, app.clock)
                try:
                    other.execute(make(other.state))
                finally:
                    other.close()
        except (DomainError, StoreError) as error:
            self.notify(error.message(), severity="error", timeout=12)
            return False
        self.reload()
        return True

    def action_done(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        today = date.fromisoformat(self.today())
        if self._record(entry, lambda s: c.complete_followup(s, entry.origin.motion_id, today)):
            self.notify(i18n.t("followups.marked", text=entry.text))

    def action_evaluate(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        live = app_of(self).live
        at_meeting = live.meeting_id if live is not None else ""
        fields = [
            Field("satisfied", i18n.t("field.satisfied"), count=True),
            Field("basic", i18n.t("field.basic"), count=True),
            Field("unsatisfied", i18n.t("field.unsatisfied"), count=True),
        ]

        def done(a: Answers | None) -> None:
            if a is None:
                return
            make = lambda s: c.evaluate_followup(  # noqa: E731
                s, entry.origin.motion_id, a["satisfied"], a["basic"], a["unsatisfied"], at_meeting
            )
            if self._record(entry, make):
                self.notify(i18n.t("followups.evaluated", text=entry.text))

        title = i18n.t("form.evaluate.title", text=entry.text)
        self.app.push_screen(FormDialog(title, fields), done)

    def action_back(self) -> None:
        self.app.pop_screen()
