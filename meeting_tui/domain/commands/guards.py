"""Checks every command shares: is the meeting open, does the id exist, is the text usable."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.events import Draft, EventKind
from meeting_tui.domain.model import AgendaItem, MeetingState, MeetingStatus, Motion
from meeting_tui.domain.text import clean_text

E = TypeVar("E", bound=StrEnum)

MAX_TITLE = 200
MAX_TEXT = 2000
MAX_COUNT = 100_000
MAX_COST = 100_000_000_000


def require_open(state: MeetingState) -> None:
    """A closed meeting changes only through an explicit, recorded reopen."""
    if state.status is MeetingStatus.CLOSED:
        raise DomainError("error.meeting_closed", title=state.title)


def ensure_started(state: MeetingState) -> list[Draft]:
    """Starting the first item or the first vote starts a draft meeting, in the same batch."""
    require_open(state)
    if state.status is MeetingStatus.DRAFT:
        return [Draft(EventKind.MEETING_STARTED, {})]
    return []


def item(state: MeetingState, item_id: str) -> AgendaItem:
    found = state.find_item(item_id)
    if found is None:
        raise DomainError("error.unknown_item", id=item_id)
    return found


def motion(state: MeetingState, motion_id: str) -> Motion:
    found = state.motions.get(motion_id)
    if found is None:
        raise DomainError("error.unknown_motion", id=motion_id)
    return found


def text(value: Any, field: str, *, required: bool = True, limit: int = MAX_TEXT) -> str:
    """Clean user text (no control or escape codes) and check it is there and not too long."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise DomainError("error.not_text", field=field)
    cleaned = clean_text(value, multiline=limit > MAX_TITLE)
    if required and not cleaned:
        raise DomainError("error.empty_text", field=field)
    if len(cleaned) > limit:
        raise DomainError("error.text_too_long", field=field, limit=limit, length=len(cleaned))
    return cleaned


def count(value: Any, field: str) -> int:
    """A headcount or tally: a whole number from 0 up."""
    if isinstance(value, bool) or not isinstance(value, int):
        typed = str(value).strip()
        if typed.isdigit() and len(typed) > len(str(MAX_COUNT)):
            # int() itself refuses beyond 4,300 digits; no count is that long anyway.
            shown = f"{typed[:12]}…"
            raise DomainError("error.count_too_large", field=field, value=shown, limit=MAX_COUNT)
        try:
            value = int(typed)
        except ValueError:
            raise DomainError("error.not_a_number", field=field, value=str(value)[:20]) from None
    if value < 0:
        raise DomainError("error.negative_count", field=field, value=value)
    if value > MAX_COUNT:
        raise DomainError("error.count_too_large", field=field, value=value, limit=MAX_COUNT)
    return int(value)


def choice(enum: type[E], value: Any, field: str) -> E:
    try:
        return enum(value)
    except ValueError:
        options = ", ".join(e.value for e in enum)
        raise DomainError(
            "error.bad_choice", field=field, value=str(value), options=options
        ) from None


def iso_date(value: Any, field: str) -> str | None:
    """A due date as YYYY-MM-DD, or None when not given."""
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise DomainError("error.bad_date", field=field, value=str(value)[:30]) from None


def cost(value: Any) -> int | None:
    """Estimated cost in whole yuan; None when unknown."""
    if value in (None, ""):
        return None
    try:
        yuan = int(str(value).replace(",", "").replace("，", "").strip())
    except ValueError:
        raise DomainError("error.not_a_number", field="cost", value=str(value)[:20]) from None
    if yuan < 0 or yuan > MAX_COST:
        raise DomainError("error.bad_cost", value=yuan)
    return yuan
