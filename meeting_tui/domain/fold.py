"""fold(events) -> MeetingState: the single place where events change state.

Undo is a compensating `undone` event naming the step it cancels; the fold
first collects those targets, then applies every other step in order. So
undoing the last k steps gives exactly the state the first n-k steps gave.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from meeting_tui.domain.events import Event, EventKind
from meeting_tui.domain.floor_fold import FLOOR_HANDLERS
from meeting_tui.domain.model import (
    AgendaItem,
    Attendee,
    Category,
    DecisionRule,
    Deferral,
    Evaluation,
    FollowUp,
    ItemState,
    MeetingKind,
    MeetingState,
    MeetingStatus,
    Motion,
    MotionState,
    Origin,
    Party,
    QuorumPolicy,
    Vote,
    VoteMethod,
)
from meeting_tui.domain.rules import stored_outcome

Handler = Callable[[MeetingState, Event], None]
_handlers: dict[EventKind, Handler] = {}


def _on(kind: EventKind) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _handlers[kind] = fn
        return fn

    return register


def fold(events: Iterable[Event]) -> MeetingState:
    """The state of a meeting after `events` (in seq order)."""
    log = list(events)
    undone: set[int] = set()
    for e in log:
        if e.kind is EventKind.UNDONE:
            undone.add(e.payload["target"])
            undone.update(e.payload.get("also", ()))
    state = MeetingState()
    for event in log:
        if event.kind is EventKind.UNDONE or event.seq in undone:
            state.last_seq, state.last_at = event.seq, event.at
            continue
        apply(state, event)
    return state


def apply(state: MeetingState, event: Event) -> MeetingState:
    """Apply one step in place. An `undone` step needs a whole re-fold: use `advance`."""
    if event.kind is EventKind.UNDONE:
        raise ValueError("an undone event changes earlier steps: re-fold the log")
    _handlers[event.kind](state, event)
    state.last_seq, state.last_at = event.seq, event.at
    state.history.append(event)
    return state


def advance(state: MeetingState, log: list[Event], new: list[Event]) -> MeetingState:
    """The state after appending `new` to `log` (which already holds `new`).

    Steps are applied in place; a batch with an undo re-folds the whole log.
    """
    if any(e.kind is EventKind.UNDONE for e in new):
        return fold(log)
    for event in new:
        apply(state, event)
    return state


def motions_changed(state: MeetingState, since: int) -> frozenset[str]:
    """The motions that the steps applied to `state` after its first `since` may have changed.

    Applied in place, a step changes only the motion its payload names: `_motion` and a
    raise are the only places that reach `state.motions`, both by the step's `motion_id`
    (tests/domain/test_fold_properties.py checks it on random walks). A view that drew
    `state` after `since` steps draws again just these motions while `advance` keeps the
    same state object; an undo re-folds into a new one, which the view draws whole.
    """
    return frozenset(
        str(e.payload["motion_id"]) for e in state.history[since:] if "motion_id" in e.payload
    )


# --- helpers -----------------------------------------------------------------


def _origin(data: Any) -> Origin | None:
    if isinstance(data, dict) and data.get("meeting_id") and data.get("motion_id"):
        vote = data.get("vote")
        return Origin(
            str(data["meeting_id"]),
            str(data["motion_id"]),
            meeting_title=str(data.get("meeting_title", "")),
            meeting_date=str(data.get("meeting_date", "")),
            number=int(data.get("number", 0)),
            vote=(int(vote[0]), int(vote[1]), int(vote[2])) if isinstance(vote, list) else None,
            state=str(data.get("state", "")),
        )
    return None


def _item(state: MeetingState, event: Event) -> AgendaItem:
    item = state.find_item(event.payload["item_id"])
    if item is None:
        raise ValueError(f"event {event.seq}: unknown agenda item {event.payload['item_id']!r}")
    return item


def _motion(state: MeetingState, event: Event) -> Motion:
    motion = state.motions.get(event.payload["motion_id"])
    if motion is None:
        raise ValueError(f"event {event.seq}: unknown motion {event.payload['motion_id']!r}")
    return motion


def _stop_clock(item: AgendaItem, at: str) -> None:
    if item.running_since is not None:
        item.elapsed_s = item.elapsed(datetime.fromisoformat(at))
        item.running_since = None


_MEETING_FIELDS = {
    "title": str,
    "community": str,
    "location": str,
    "planned_start": str,
    "planned_end": str,
    "facilitator": str,
    "recorder": str,
    "lang": str,
    "kind": MeetingKind,
    "default_rule": DecisionRule,
    "quorum_policy": QuorumPolicy,
}


def _set_meeting_fields(state: MeetingState, payload: dict[str, Any]) -> None:
    for name, convert in _MEETING_FIELDS.items():
        if name in payload:
            setattr(state, name, convert(payload[name]))
    if "quorum" in payload:
        state.quorum = None if payload["quorum"] is None else int(payload["quorum"])
    if "voting_parties" in payload:
        state.voting_parties = tuple(Party(p) for p in payload["voting_parties"])


# --- meeting -----------------------------------------------------------------


@_on(EventKind.MEETING_CREATED)
def _created(state: MeetingState, event: Event) -> None:
    state.meeting_id = event.payload["meeting_id"]
    state.created_at = event.at
    _set_meeting_fields(state, event.payload)


@_on(EventKind.MEETING_EDITED)
def _edited(state: MeetingState, event: Event) -> None:
    _set_meeting_fields(state, event.payload)


@_on(EventKind.MEETING_STARTED)
def _started(state: MeetingState, event: Event) -> None:
    state.status = MeetingStatus.IN_SESSION
    state.started_at = state.started_at or event.at


@_on(EventKind.MEETING_CLOSED)
def _closed(state: MeetingState, event: Event) -> None:
    state.status = MeetingStatus.CLOSED
    state.ended_at = event.at
    for item in state.items:
        _stop_clock(item, event.at)


@_on(EventKind.MEETING_REOPENED)
def _reopened(state: MeetingState, event: Event) -> None:
    state.status = MeetingStatus.IN_SESSION
    state.reopenings.append((event.at, event.payload.get("reason", "")))


@_on(EventKind.VOTING_PARTIES_SET)
def _voting_parties_set(state: MeetingState, event: Event) -> None:
    state.voting_parties = tuple(Party(p) for p in event.payload["parties"])


# --- attendance --------------------------------------------------------------


@_on(EventKind.ATTENDANCE_SET)
def _attendance(state: MeetingState, event: Event) -> None:
    party, count = Party(event.payload["party"]), int(event.payload["count"])
    state.attendance.counts[party] = count
    state.attendance.changes.append((event.at, party, count))


@_on(EventKind.ATTENDEE_ADDED)
def _attendee_added(state: MeetingState, event: Event) -> None:
    p = event.payload
    state.attendance.roster.append(
        Attendee(p["attendee_id"], p["name"], Party(p["party"]), p.get("building", ""))
    )


@_on(EventKind.ATTENDEE_REMOVED)
def _attendee_removed(state: MeetingState, event: Event) -> None:
    aid = event.payload["attendee_id"]
    state.attendance.roster = [a for a in state.attendance.roster if a.id != aid]


# --- agenda ------------------------------------------------------------------


@_on(EventKind.ITEM_ADDED)
def _item_added(state: MeetingState, event: Event) -> None:
    p = event.payload
    item = AgendaItem(
        id=p["item_id"],
        title=p["title"],
        notes=p.get("notes", ""),
        timebox_min=p.get("timebox_min"),
        origin=_origin(p.get("origin")),
    )
    position = p.get("position")
    if position is None:
        state.items.append(item)
    else:
        state.items.insert(int(position), item)


@_on(EventKind.ITEM_EDITED)
def _item_edited(state: MeetingState, event: Event) -> None:
    item = _item(state, event)
    for name in ("title", "notes", "timebox_min"):
        if name in event.payload:
            setattr(item, name, event.payload[name])


@_on(EventKind.ITEM_MOVED)
def _item_moved(state: MeetingState, event: Event) -> None:
    item = _item(state, event)
    state.items.remove(item)
    state.items.insert(int(event.payload["index"]), item)


@_on(EventKind.ITEM_REMOVED)
def _item_removed(state: MeetingState, event: Event) -> None:
    state.items.remove(_item(state, event))


@_on(EventKind.ITEM_ACTIVATED)
def _item_activated(state: MeetingState, event: Event) -> None:
    item = _item(state, event)
    current = state.active_item
    if current is not None and current is not item:
        _stop_clock(current, event.at)
        current.state = ItemState.PENDING
    item.state = ItemState.ACTIVE
    if item.running_since is None:
        item.running_since = datetime.fromisoformat(event.at)


@_on(EventKind.ITEM_TIMER_PAUSED)
def _timer_paused(state: MeetingState, event: Event) -> None:
    _stop_clock(_item(state, event), event.at)


@_on(EventKind.ITEM_TIMER_RESUMED)
def _timer_resumed(state: MeetingState, event: Event) -> None:
    _item(state, event).running_since = datetime.fromisoformat(event.at)


@_on(EventKind.ITEM_DONE)
def _item_done(state: MeetingState, event: Event) -> None:
    item = _item(state, event)
    _stop_clock(item, event.at)
    item.state = ItemState.DONE


@_on(EventKind.ITEM_SKIPPED)
def _item_skipped(state: MeetingState, event: Event) -> None:
    item = _item(state, event)
    _stop_clock(item, event.at)
    item.state = ItemState.SKIPPED


# --- motions -----------------------------------------------------------------


@_on(EventKind.MOTION_RAISED)
def _motion_raised(state: MeetingState, event: Event) -> None:
    p = event.payload
    rule = p.get("rule")
    state.motions[p["motion_id"]] = Motion(
        id=p["motion_id"],
        number=int(p["number"]),
        item_id=p["item_id"],
        text=p["text"],
        proposer=p.get("proposer", ""),
        party=Party(p.get("party", Party.RESIDENT)),
        category=Category(p.get("category", Category.OTHER)),
        cost=p.get("cost"),
        rule=DecisionRule(rule) if rule else None,
        raised_at=event.at,
        note=p.get("note", ""),
        origin=_origin(p.get("origin")),
        show_proposer_name=bool(p.get("show_proposer_name", False)),
    )


_MOTION_EDITS: dict[str, Callable[[Any], Any]] = {
    "text": str,
    "proposer": str,
    "party": Party,
    "category": Category,
    "cost": lambda v: None if v is None else int(v),
    "rule": lambda v: None if v is None else DecisionRule(v),
    "note": str,
    "item_id": str,
    "show_proposer_name": bool,
}


@_on(EventKind.MOTION_EDITED)
def _motion_edited(state: MeetingState, event: Event) -> None:
    motion = _motion(state, event)
    for name, convert in _MOTION_EDITS.items():
        if name in event.payload:
            setattr(motion, name, convert(event.payload[name]))


@_on(EventKind.MOTION_NOTED)
def _motion_noted(state: MeetingState, event: Event) -> None:
    _motion(state, event).note = event.payload["note"]


@_on(EventKind.MOTION_RESPONDED)
def _motion_responded(state: MeetingState, event: Event) -> None:
    motion = _motion(state, event)
    motion.response = event.payload["response"]
    motion.responder = event.payload.get("responder", "")


@_on(EventKind.MOTION_WITHDRAWN)
def _motion_withdrawn(state: MeetingState, event: Event) -> None:
    motion = _motion(state, event)
    motion.state = MotionState.WITHDRAWN
    motion.withdraw_reason = event.payload.get("reason", "")


@_on(EventKind.MOTION_ANSWERED)
def _motion_answered(state: MeetingState, event: Event) -> None:
    motion = _motion(state, event)
    motion.state = MotionState.ANSWERED
    if event.payload.get("response"):
        motion.response = event.payload["response"]
        motion.responder = event.payload.get("responder", motion.responder)


@_on(EventKind.MOTION_DEFERRED)
def _motion_deferred(state: MeetingState, event: Event) -> None:
    motion = _motion(state, event)
    p = event.payload
    motion.state = MotionState.DEFERRED
    motion.deferral = Deferral(
        p.get("reason", ""), p.get("owner", ""), p.get("target", ""), event.at
    )


@_on(EventKind.VOTE_RECORDED)
def _vote_recorded(state: MeetingState, event: Event) -> None:
    motion = _motion(state, event)
    p = event.payload
    for earlier in motion.votes:
        earlier.superseded = True
    motion.votes.append(
        Vote(
            seq=event.seq,
            at=event.at,
            method=VoteMethod(p["method"]),
            in_favour=int(p["for"]),
            against=int(p["against"]),
            abstain=int(p["abstain"]),
            eligible_present=int(p["eligible_present"]),
            rule=DecisionRule(p["rule"]),
            quorum=p.get("quorum"),
            quorum_met=bool(p.get("quorum_met", True)),
            passed=bool(p["passed"]),
            outcome=stored_outcome(p),
        )
    )
    motion.state = MotionState.PASSED if p["passed"] else MotionState.REJECTED
    if not p["passed"]:
        motion.followup = None


# --- follow-ups --------------------------------------------------------------


@_on(EventKind.FOLLOWUP_ASSIGNED)
def _followup_assigned(state: MeetingState, event: Event) -> None:
    motion = _motion(state, event)
    old = motion.followup
    motion.followup = FollowUp(
        owner=event.payload["owner"],
        due=event.payload.get("due"),
        done_on=old.done_on if old else None,
        evaluation=old.evaluation if old else None,
    )


@_on(EventKind.FOLLOWUP_DONE)
def _followup_done(state: MeetingState, event: Event) -> None:
    followup = _motion(state, event).followup
    if followup is not None:
        followup.done_on = event.payload.get("done_on") or event.at[:10]


@_on(EventKind.FOLLOWUP_EVALUATED)
def _followup_evaluated(state: MeetingState, event: Event) -> None:
    followup = _motion(state, event).followup
    if followup is not None:
        p = event.payload
        followup.evaluation = Evaluation(
            int(p["satisfied"]),
            int(p["basic"]),
            int(p["unsatisfied"]),
            event.at,
            p.get("meeting_id", ""),
        )


@_on(EventKind.NAME_CHOICE_SET)
def _name_choice_set(state: MeetingState, event: Event) -> None:
    state.name_choices[str(event.payload["name"])] = bool(event.payload["shown"])


# The floor's steps live in their own module (domain/floor_fold.py).
_handlers.update(FLOOR_HANDLERS)
