"""Commands about what the public sees: the facilitator's choice to show or shorten a name."""

from __future__ import annotations

from meeting_tui.domain.commands import guards
from meeting_tui.domain.commands.motions import NAME_LIMIT
from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.events import Draft, EventKind
from meeting_tui.domain.model import MeetingState


def set_name_choice(state: MeetingState, name: str, shown: bool) -> list[Draft]:
    """Show `name` whole on the public page (shown) or shorten it (李某) wherever it appears.

    Allowed at any stage, also after the close: it decides what is published,
    not what was decided, and it is recorded so the choice is in the record.
    """
    if not state.meeting_id:
        raise DomainError("error.no_meeting")
    chosen = guards.text(name, "name", limit=NAME_LIMIT)
    if state.name_choices.get(chosen) is bool(shown):
        return []
    return [Draft(EventKind.NAME_CHOICE_SET, {"name": chosen, "shown": bool(shown)})]
