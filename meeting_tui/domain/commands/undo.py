"""Undo: a compensating event that cancels the latest step still in force."""

from __future__ import annotations

from meeting_tui import i18n
from meeting_tui.domain.commands import guards
from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.events import NOT_UNDOABLE, Draft, Event, EventKind
from meeting_tui.domain.model import MeetingState


def undo_target(state: MeetingState) -> Event | None:
    """The step `u` would cancel: the latest one in force that may be undone."""
    for event in reversed(state.history):
        if event.kind not in NOT_UNDOABLE:
            return event
    return None


def undo(state: MeetingState) -> list[Draft]:
    guards.require_open(state)
    target = undo_target(state)
    if target is None:
        raise DomainError("error.nothing_to_undo")
    return [Draft(EventKind.UNDONE, {"target": target.seq, "kind": target.kind.value})]


def describe(event: Event, state: MeetingState, lang: str | None = None) -> str:
    """One line saying what a step did, for the undo confirmation and the timeline."""
    p = event.payload
    values: dict[str, object] = dict(p)
    motion = state.motions.get(p.get("motion_id", ""))
    if motion is not None:
        values["number"] = motion.number
        values["text"] = motion.text
    item = state.find_item(p.get("item_id", ""))
    if item is not None:
        values["title"] = item.title
    if "party" in p:
        values["party"] = i18n.t(f"party.{p['party']}", lang)
    return i18n.t(f"event.{event.kind.value}", lang, **values)
