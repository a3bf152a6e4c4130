"""The backlog: every deferral across the archive; pick one onto the meeting being prepared."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import DataTable

from meeting_tui import i18n
from meeting_tui.domain import MeetingStatus
from meeting_tui.domain import commands as c
from meeting_tui.domain.archive_summary import summarise
from meeting_tui.domain.archive_views import (
    BacklogEntry,
    BacklogStatus,
    standing,
    takers,
    where_text,
)
from meeting_tui.store.archive import Archive
from meeting_tui.store.archive_lists import BACKLOG, ListKind
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui import keymap
from meeting_tui.tui.keymap import Key
from meeting_tui.tui.recording import record
from meeting_tui.tui.screens.archive_list import ArchiveListScreen, cut

BACKLOG_KEYS: tuple[Key, ...] = (
    Key("enter,space", "pick", "key.pick", "group.archive", display="enter"),
    Key("escape,q", "back", "key.back", "group.archive", display="esc"),
)


class BacklogScreen(ArchiveListScreen[BacklogEntry]):
    """Deferrals of `archive`; `live` is the meeting a pick goes onto (None: nothing to put it on)."""

    BINDINGS = keymap.bindings(BACKLOG_KEYS, "backlog")

    def __init__(self, archive: Archive, live: LiveMeeting | None = None) -> None:
        super().__init__(archive, "backlog.title", "backlog.empty")
        self.live = live

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

    def widths(self) -> dict[str, int]:
        room = self.room()
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

    def list_kind(self) -> ListKind[BacklogEntry]:
        return BACKLOG

    def cells(self, e: BacklogEntry) -> list[Text | str]:
        vote = e.last_vote
        counts = f"{vote.in_favour}/{vote.against}/{vote.abstain}" if vote else "—"
        style = "" if e.status is BacklogStatus.OPEN else self.tone("muted")
        return [
            e.meeting_date,
            str(e.number),
            cut(e.text, style),
            cut(where_text(e), self.tone("done") if e.status is BacklogStatus.RESOLVED else ""),
            counts,
            cut(e.owner),
            cut(e.reason),
            cut(e.meeting_title, style),
        ]

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        """The table takes enter for itself (select_cursor): enter on a row picks it."""
        event.stop()
        self.action_pick()

    def action_pick(self) -> None:
        """Put the selected deferral on the agenda of the open meeting, linked to its origin."""
        entry = self.selected()
        if entry is None:
            return
        live = self.live
        if live is None or live.state.status is MeetingStatus.CLOSED:
            self.notify(i18n.t("backlog.no_meeting"), severity="warning", timeout=8)
            return
        if not record(self, live, lambda s: c.pull_deferral(s, entry)):
            return
        self.notify(i18n.t("backlog.picked", text=entry.text))
        # Only this deferral's standing changed, and only by the open meeting: no re-read.
        status, where, resolution = standing(entry.origin, *takers([summarise(live.state)]))
        picked = entry._replace(status=status, resolved_in=where, resolution=resolution)
        self.replace_entry(entry, picked)
