"""The backlog: every deferral across the archive; pick one onto the meeting being prepared."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from meeting_tui import i18n
from meeting_tui.domain import DomainError, MeetingStatus, label
from meeting_tui.domain import commands as c
from meeting_tui.domain.archive_views import BacklogEntry, BacklogStatus, backlog
from meeting_tui.store.archive_states import load_states
from meeting_tui.store.errors import StoreError
from meeting_tui.tui import keymap
from meeting_tui.tui.keymap import Key
from meeting_tui.tui.lifecycle_access import app_of

i18n.register({"backlog.where_agenda": ("{status}：{meeting}", "{status}: {meeting}")})

BACKLOG_KEYS: tuple[Key, ...] = (
    Key("enter,space", "pick", "key.pick", "group.archive", display="enter"),
    Key("escape,q", "back", "key.back", "group.archive", display="esc"),
)


def where_text(entry: BacklogEntry) -> str:
    """Open, or where it was taken up: "通过 20261127-k3f9 #3"."""
    if entry.status is BacklogStatus.OPEN or entry.resolved_in is None:
        return label(entry.status)
    status = label(entry.resolution) if entry.resolution else label(entry.status)
    if not entry.resolved_in.motion_id:  # on a later agenda, nothing raised under it yet
        return i18n.t("backlog.where_agenda", status=status, meeting=entry.resolved_in.meeting_id)
    number = entry.resolved_in.motion_id.lstrip("m")
    return i18n.t(
        "backlog.where", status=status, meeting=entry.resolved_in.meeting_id, number=number
    )


class BacklogScreen(Screen[None]):
    DEFAULT_CSS = """
    BacklogScreen #heading { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    BacklogScreen #empty { padding: 1 2; height: auto; color: $text-muted; }
    BacklogScreen DataTable { height: 1fr; }
    """

    def __init__(self) -> None:
        super().__init__()
        keymap.install(self, BACKLOG_KEYS, "backlog")
        self.entries: list[BacklogEntry] = []

    def compose(self) -> ComposeResult:
        yield Static(i18n.t("backlog.title"), id="heading")
        yield Static(i18n.t("backlog.empty"), id="empty")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    # What matters first (the item, where it stands, the last vote) stays in view at 80 columns;
    # owner, reason and origin meeting follow, in full from about 110 columns on.
    COLUMNS = (
        "col.date",
        "col.number",
        "col.text",
        "col.status",
        "col.vote",
        "col.owner",
        "col.reason",
        "col.origin",
    )

    def on_mount(self) -> None:
        self.reload()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        self.show()

    def widths(self) -> dict[str, int]:
        room = self.size.width - 2 - 2 * len(self.COLUMNS)  # scrollbar, cell padding
        w = {"col.date": 10, "col.number": 3, "col.vote": 8, "col.owner": 12}
        if self.size.width < 110:
            w |= {"col.status": 20, "col.reason": 24, "col.origin": 24}
            w["col.text"] = max(14, room - 10 - 3 - 20 - 8)
        else:
            w["col.status"] = 24
            left = max(30, room - sum(w.values()))
            w["col.text"] = left * 9 // 20
            w["col.reason"] = left * 6 // 20
            w["col.origin"] = left - w["col.text"] - w["col.reason"]
        return w

    def reload(self) -> None:
        self.entries = backlog(load_states(app_of(self).archive))
        self.show()

    def show(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        widths = self.widths()
        for key in self.COLUMNS:
            table.add_column(i18n.t(key), key=key, width=widths[key])

        def cut(text: str, style: str = "") -> Text:
            return Text(text, style=style, no_wrap=True, overflow="ellipsis")

        for n, e in enumerate(self.entries):
            vote = e.last_vote
            counts = f"{vote.in_favour}/{vote.against}/{vote.abstain}" if vote else "—"
            style = "" if e.status is BacklogStatus.OPEN else "dim"
            table.add_row(
                e.meeting_date,
                str(e.number),
                cut(e.text, style),
                cut(where_text(e), "green" if e.status is BacklogStatus.RESOLVED else ""),
                counts,
                cut(e.owner),
                cut(e.reason),
                cut(e.meeting_title, style),
                key=str(n),
            )
        if self.entries:
            table.move_cursor(row=min(max(row, 0), len(self.entries) - 1), animate=False)
        self.query_one("#empty").display = not self.entries

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        """The table takes enter for itself (select_cursor): enter on a row picks it."""
        event.stop()
        self.action_pick()

    def action_pick(self) -> None:
        """Put the selected deferral on the agenda of the open meeting, linked to its origin."""
        table = self.query_one(DataTable)
        if not self.entries or table.row_count == 0:
            return
        entry = self.entries[table.cursor_row]
        live = app_of(self).live
        if live is None or live.state.status is MeetingStatus.CLOSED:
            self.notify(i18n.t("backlog.no_meeting"), severity="warning", timeout=8)
            return
        try:
            drafts = c.add_item(live.state, entry.text, None, entry.reason, origin=entry.origin)
            live.execute(drafts)
        except (DomainError, StoreError) as error:
            self.notify(error.message(), severity="error", timeout=12)
            return
        self.notify(i18n.t("backlog.picked", text=entry.text))
        self.reload()

    def action_back(self) -> None:
        self.app.pop_screen()
