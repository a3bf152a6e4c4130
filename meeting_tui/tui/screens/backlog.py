"""The backlog: every deferral across the archive; pick one onto the meeting being prepared."""

from __future__ import annotations

from rich.text import Text
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

BACKLOG_KEYS: tuple[Key, ...] = (
    Key("enter,space", "pick", "key.pick", "group.archive", display="enter"),
    Key("escape,q", "back", "key.back", "group.archive", display="esc"),
)


def where_text(entry: BacklogEntry) -> str:
    """Open, or where it was taken up: "通过 20261127-k3f9 #3"."""
    if entry.status is BacklogStatus.OPEN or entry.resolved_in is None:
        return label(entry.status)
    status = label(entry.resolution) if entry.resolution else label(entry.status)
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

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in (
            "col.date",
            "col.origin",
            "col.number",
            "col.text",
            "col.reason",
            "col.owner",
            "col.vote",
            "col.status",
        ):
            table.add_column(i18n.t(key), key=key)
        self.reload()
        table.focus()

    def reload(self) -> None:
        self.entries = backlog(load_states(app_of(self).archive))
        table = self.query_one(DataTable)
        table.clear()
        for n, e in enumerate(self.entries):
            vote = e.last_vote
            counts = f"{vote.in_favour}/{vote.against}/{vote.abstain}" if vote else "—"
            style = "" if e.status is BacklogStatus.OPEN else "dim"
            table.add_row(
                e.meeting_date,
                Text(e.meeting_title, no_wrap=True, overflow="ellipsis", style=style),
                str(e.number),
                Text(e.text, no_wrap=True, overflow="ellipsis", style=style),
                Text(e.reason, no_wrap=True, overflow="ellipsis"),
                e.owner,
                counts,
                Text(where_text(e), style="green" if e.status is BacklogStatus.RESOLVED else ""),
                key=str(n),
            )
        self.query_one("#empty").display = not self.entries

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
