"""Taking a deferral up again: the backlog's entry becomes an agenda item with its motion."""

from __future__ import annotations

from meeting_tui.domain.archive_views import BacklogEntry
from meeting_tui.domain.commands import guards
from meeting_tui.domain.commands.agenda import add_item
from meeting_tui.domain.commands.motions import motion_raised
from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.events import Draft
from meeting_tui.domain.model import MeetingState, MeetingStatus


def pull_deferral(state: MeetingState, entry: BacklogEntry) -> list[Draft]:
    """A new item titled after the deferred motion, with the motion raised under it as it was.

    Both carry the origin, linked to the earlier meeting, number and vote; a
    decision on the motion resolves the deferral. While the meeting is being
    prepared nothing starts it; in session the item goes after the current one.
    """
    guards.require_open(state)
    origin = entry.linked_origin()
    if any(m.origin == origin for m in state.motions.values()) or any(
        i.origin == origin for i in state.items
    ):
        raise DomainError("error.already_pulled", number=entry.number, title=entry.meeting_title)
    title = entry.text if len(entry.text) <= guards.MAX_TITLE else entry.text[:59] + "…"
    active = state.active_item
    position = None
    if state.status is MeetingStatus.IN_SESSION and active is not None:
        position = state.items.index(active) + 1
    (item,) = add_item(state, title, None, entry.reason, position, origin)
    motion = motion_raised(
        state,
        str(item.payload["item_id"]),
        entry.text,
        origin,
        proposer=entry.proposer,
        party=entry.party.value,
        category=entry.category.value,
        cost=entry.cost,
    )
    return [item, motion]
