"""Undo: a compensating event that cancels the latest step still in force."""

from __future__ import annotations

from meeting_tui import i18n
from meeting_tui.domain.commands import guards
from meeting_tui.domain.errors import DomainError, party_names
from meeting_tui.domain.events import NOT_UNDOABLE, Draft, Event, EventKind
from meeting_tui.domain.floor_messages import describe_values
from meeting_tui.domain.model import MeetingState


def undo_target(state: MeetingState) -> Event | None:
    """The step `u` would cancel: the latest one in force that may be undone."""
    for event in reversed(state.history):
        if event.kind not in NOT_UNDOABLE:
            return event
    return None


def undo(state: MeetingState) -> list[Draft]:
    """Cancel the latest command: its last step, and the other steps of the same batch."""
    guards.require_open(state)
    target = undo_target(state)
    if target is None:
        raise DomainError("error.nothing_to_undo")
    payload: dict[str, object] = {"target": target.seq, "kind": target.kind.value}
    batch = target.payload.get("batch")
    if batch is not None:
        also = [
            e.seq
            for e in state.history
            if e.payload.get("batch") == batch
            and e.seq != target.seq
            and e.kind not in NOT_UNDOABLE
        ]
        if also:
            payload["also"] = also
    return [Draft(EventKind.UNDONE, payload)]


def describe(event: Event, state: MeetingState, lang: str | None = None) -> str:
    """One line saying what a step did, for the undo confirmation and the timeline."""
    p = event.payload
    values: dict[str, object] = dict(p)
    motion = state.motions.get(p.get("motion_id", ""))
    if motion is not None:
        values["number"] = motion.number
        values["text"] = motion.text
    if "item_id" in p:
        item = state.find_item(p["item_id"])
        if item is not None:
            values["title"] = item.title
        elif "title" not in p:  # removed since: say so, never show another item's title
            values["title"] = i18n.t("event.removed_item", lang)
    if "party" in p:
        values["party"] = i18n.t(f"party.{p['party']}", lang)
    if "parties" in p:
        values["parties"] = party_names(list(p["parties"]), lang)
    values.update(describe_values(event, state, lang))  # the floor's speakers and limits
    return i18n.t(f"event.{event.kind.value}", lang, **values)
