"""Every meeting of the archive folded from its log: the slow truth the kept archive summary must
equal (the app reads the summary, store/archive_summary.py; the tests compare the two)."""

from __future__ import annotations

from meeting_tui import i18n
from meeting_tui.domain.events import events_from_json
from meeting_tui.domain.fold import fold
from meeting_tui.domain.model import MeetingState
from meeting_tui.store.archive import Archive
from meeting_tui.store.errors import StoreError, StoreNotice


def load_states(archive: Archive) -> list[MeetingState]:
    """Read each meeting without locking it; a damaged one is left out (see `read_states`)."""
    states, _problems = read_states(archive)
    return states


def read_states(archive: Archive) -> tuple[list[MeetingState], list[StoreError]]:
    """Each readable meeting folded, and for each one that cannot be read, a notice saying so.

    A view across meetings must not drop a meeting silently: the notice names
    it and says how to restore it, so its deferred items are not forgotten.
    """
    states: list[MeetingState] = []
    problems: list[StoreError] = []
    for row in archive.list_meetings():
        meeting_id = str(row.get("id", ""))
        if row.get("broken"):
            problems.append(_unreadable(meeting_id, i18n.t("store.status.damaged")))
            continue
        try:
            _, events = archive.read_meeting(meeting_id)
            states.append(fold(events_from_json(events)))
        except StoreError as error:
            problems.append(_unreadable(meeting_id, error.message()))
        except (ValueError, KeyError) as error:
            problems.append(_unreadable(meeting_id, str(error)))
    return states, problems


def _unreadable(meeting_id: str, reason: str) -> StoreNotice:
    return StoreNotice("store.meeting.unreadable_in_backlog", meeting_id=meeting_id, reason=reason)
