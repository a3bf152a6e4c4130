"""Commands for agenda items (议题): add, edit, reorder, remove, and move through them."""

from __future__ import annotations

from typing import Any

from meeting_tui.domain.commands import guards
from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.events import Draft, EventKind
from meeting_tui.domain.model import ItemState, MeetingState, Origin

MAX_TIMEBOX = 600


def _timebox(value: Any) -> int | None:
    if value in (None, "", 0, "0"):
        return None
    minutes = guards.count(value, "timebox")
    if minutes > MAX_TIMEBOX:
        raise DomainError("error.timebox_too_long", value=minutes, limit=MAX_TIMEBOX)
    return minutes


def _new_item_ids(state: MeetingState, how_many: int) -> list[str]:
    """Ids i1, i2 … not yet used (removed items leave gaps that are not reused)."""
    used = {i.id for i in state.items} | {
        str(e.payload["item_id"]) for e in state.history if e.kind is EventKind.ITEM_ADDED
    }
    ids: list[str] = []
    n = len(state.items)
    while len(ids) < how_many:
        n += 1
        if f"i{n}" not in used:
            ids.append(f"i{n}")
    return ids


def add_item(
    state: MeetingState,
    title: str,
    timebox_min: Any = None,
    notes: str = "",
    position: int | None = None,
    origin: Origin | None = None,
) -> list[Draft]:
    guards.require_open(state)
    payload: dict[str, Any] = {
        "item_id": _new_item_ids(state, 1)[0],
        "title": guards.text(title, "title", limit=guards.MAX_TITLE),
        "notes": guards.text(notes, "notes", required=False),
        "timebox_min": _timebox(timebox_min),
    }
    if position is not None:
        payload["position"] = max(0, min(int(position), len(state.items)))
    if origin is not None:
        payload["origin"] = origin.to_json()
    return [Draft(EventKind.ITEM_ADDED, payload)]


def add_items(state: MeetingState, entries: list[tuple[str, Any, str]]) -> list[Draft]:
    """An imported agenda: (title, minutes, notes) rows, added in one batch."""
    ids = _new_item_ids(state, len(entries))
    drafts: list[Draft] = []
    for item_id, (title, minutes, notes) in zip(ids, entries, strict=True):
        draft = add_item(state, title, minutes, notes)[0]
        drafts.append(Draft(draft.kind, {**draft.payload, "item_id": item_id}))
    return drafts


def edit_item(state: MeetingState, item_id: str, **changes: Any) -> list[Draft]:
    guards.require_open(state)
    item = guards.item(state, item_id)
    payload: dict[str, Any] = {"item_id": item.id}
    if "title" in changes:
        payload["title"] = guards.text(changes.pop("title"), "title", limit=guards.MAX_TITLE)
    if "notes" in changes:
        payload["notes"] = guards.text(changes.pop("notes"), "notes", required=False)
    if "timebox_min" in changes:
        payload["timebox_min"] = _timebox(changes.pop("timebox_min"))
    if changes:
        raise TypeError(f"unknown agenda item fields {sorted(changes)}")
    payload = {k: v for k, v in payload.items() if k == "item_id" or getattr(item, k) != v}
    return [Draft(EventKind.ITEM_EDITED, payload)] if len(payload) > 1 else []


def move_item(state: MeetingState, item_id: str, index: int) -> list[Draft]:
    guards.require_open(state)
    item = guards.item(state, item_id)
    target = max(0, min(int(index), len(state.items) - 1))
    if state.items.index(item) == target:
        return []
    return [Draft(EventKind.ITEM_MOVED, {"item_id": item.id, "index": target})]


def remove_item(state: MeetingState, item_id: str) -> list[Draft]:
    """Only an item without motions can go: motions are never dropped silently."""
    guards.require_open(state)
    item = guards.item(state, item_id)
    if state.motions_of(item.id):
        raise DomainError("error.item_has_motions", title=item.title)
    return [Draft(EventKind.ITEM_REMOVED, {"item_id": item.id})]


def activate_item(state: MeetingState, item_id: str) -> list[Draft]:
    item = guards.item(state, item_id)
    drafts = guards.ensure_started(state)
    if item.state is ItemState.ACTIVE:
        return drafts
    return [*drafts, Draft(EventKind.ITEM_ACTIVATED, {"item_id": item.id})]


def step_agenda(state: MeetingState, step: int) -> list[Draft]:
    """`]` and `[`: go to the next (marking the current done) or the previous item."""
    guards.require_open(state)
    if not state.items:
        raise DomainError("error.no_items")
    current = state.active_item
    if current is None:
        candidates = [i for i in state.items if i.state is ItemState.PENDING] or state.items
        return activate_item(state, candidates[0].id)
    index = state.items.index(current) + step
    if not 0 <= index < len(state.items):
        raise DomainError("error.no_next_item" if step > 0 else "error.no_previous_item")
    drafts = []
    if step > 0 and current.state is ItemState.ACTIVE:
        drafts.append(Draft(EventKind.ITEM_DONE, {"item_id": current.id}))
    return [*drafts, *activate_item(state, state.items[index].id)]


def toggle_timer(state: MeetingState, item_id: str | None = None) -> list[Draft]:
    """`t`: pause or resume the time of the active (or given) item."""
    guards.require_open(state)
    item = guards.item(state, item_id) if item_id else state.active_item
    if item is None or item.state is not ItemState.ACTIVE:
        raise DomainError("error.no_active_item")
    kind = EventKind.ITEM_TIMER_PAUSED if item.running_since else EventKind.ITEM_TIMER_RESUMED
    return [Draft(kind, {"item_id": item.id})]


def finish_item(state: MeetingState, item_id: str) -> list[Draft]:
    guards.require_open(state)
    item = guards.item(state, item_id)
    if item.state is ItemState.DONE:
        return []
    return [Draft(EventKind.ITEM_DONE, {"item_id": item.id})]


def skip_item(state: MeetingState, item_id: str) -> list[Draft]:
    guards.require_open(state)
    item = guards.item(state, item_id)
    if item.state is ItemState.SKIPPED:
        return []
    return [Draft(EventKind.ITEM_SKIPPED, {"item_id": item.id})]


def insert_item(
    state: MeetingState,
    title: str,
    timebox_min: Any = None,
    notes: str = "",
    *,
    at_end: bool = False,
) -> list[Draft]:
    """An item added at the meeting: after the current one (or last); started if none is active.

    A meeting begun with an empty agenda has nothing to raise motions under;
    the new item becomes the active one in the same step, so one undo takes it back.
    """
    active = state.active_item
    position = None if at_end or active is None else state.items.index(active) + 1
    drafts = add_item(state, title, timebox_min, notes, position)
    if active is None:
        drafts += [
            *guards.ensure_started(state),
            Draft(EventKind.ITEM_ACTIVATED, {"item_id": drafts[0].payload["item_id"]}),
        ]
    return drafts


def skip_current(state: MeetingState) -> list[Draft]:
    """`}`: the active item is skipped (跳过, not discussed) and the next pending one begins."""
    guards.require_open(state)
    current = state.active_item
    if current is None:
        raise DomainError("error.no_active_item")
    drafts = [Draft(EventKind.ITEM_SKIPPED, {"item_id": current.id})]
    later = state.items[state.items.index(current) + 1 :]
    following = next((i for i in later if i.state is ItemState.PENDING), None)
    if following is not None:
        drafts.append(Draft(EventKind.ITEM_ACTIVATED, {"item_id": following.id}))
    return drafts
