"""Every meeting of the archive folded, for views across meetings (backlog, follow-ups)."""

from __future__ import annotations

from meeting_tui.domain.events import events_from_json
from meeting_tui.domain.fold import fold
from meeting_tui.domain.model import MeetingState
from meeting_tui.store.archive import Archive
from meeting_tui.store.errors import StoreError


def load_states(archive: Archive, skip_broken: bool = True) -> list[MeetingState]:
    """Read each meeting without locking it; a damaged one is left out (the start screen marks it)."""
    states: list[MeetingState] = []
    for row in archive.list_meetings():
        if row.get("broken"):
            continue
        try:
            _, events = archive.read_meeting(str(row["id"]))
            states.append(fold(events_from_json(events)))
        except (StoreError, ValueError, KeyError):
            if not skip_broken:
                raise
    return states
