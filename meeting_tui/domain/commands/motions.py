"""Commands for motions (提议/事项): raise, respond, vote, defer, and follow up."""

from __future__ import annotations

from typing import Any

from meeting_tui.domain.commands import guards
from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.events import Draft, EventKind
from meeting_tui.domain.model import (
    Category,
    DecisionRule,
    MeetingState,
    Motion,
    MotionState,
    Origin,
    Party,
    QuorumPolicy,
    VoteMethod,
)
from meeting_tui.domain.rules import RuleOutcome, evaluate

NAME_LIMIT = 60


def _fields(changes: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "text":
            out[name] = guards.text(value, "text", limit=guards.MAX_TEXT)
        elif name == "proposer":
            out[name] = guards.text(value, "proposer", required=False, limit=NAME_LIMIT)
        elif name == "note":
            out[name] = guards.text(value, "note", required=False)
        elif name == "party":
            out[name] = guards.choice(Party, value, "party").value
        elif name == "category":
            out[name] = guards.choice(Category, value or "other", "category").value
        elif name == "cost":
            out[name] = guards.cost(value)
        elif name == "rule":
            out[name] = None if not value else guards.choice(DecisionRule, value, "rule").value
        elif name == "show_proposer_name":
            out[name] = bool(value)
        else:
            raise TypeError(f"unknown motion field {name!r}")
    return out


def raise_motion(
    state: MeetingState,
    text: str,
    item_id: str | None = None,
    *,
    origin: Origin | None = None,
    **fields: Any,
) -> list[Draft]:
    """A resident raises a matter under an agenda item (the active one by default)."""
    drafts = guards.ensure_started(state)
    if item_id is None:
        active = state.active_item
        if active is None:
            raise DomainError("error.no_active_item")
        item_id = active.id
    item = guards.item(state, item_id)
    if origin is None and item.origin is not None:
        # An item pulled off the backlog: its first motion takes up the earlier deferral.
        taken = {m.origin for m in state.motions_of(item.id)}
        origin = item.origin if item.origin not in taken else None
    return [*drafts, motion_raised(state, item.id, text, origin, **fields)]


def motion_raised(
    state: MeetingState, item_id: str, text: str, origin: Origin | None, **fields: Any
) -> Draft:
    """The `motion_raised` step, numbered after every motion of the meeting."""
    number = max((m.number for m in state.motions.values()), default=0) + 1
    payload: dict[str, Any] = {
        "motion_id": f"m{number}",
        "number": number,
        "item_id": item_id,
        **_fields({"text": text, "party": "resident", "category": "other", **fields}),
    }
    if origin is not None:
        payload["origin"] = origin.to_json()
    return Draft(EventKind.MOTION_RAISED, payload)


def edit_motion(state: MeetingState, motion_id: str, **changes: Any) -> list[Draft]:
    guards.require_open(state)
    motion = guards.motion(state, motion_id)
    if "item_id" in changes:
        item = guards.item(state, changes.pop("item_id"))
        changes_out: dict[str, Any] = {"item_id": item.id}
    else:
        changes_out = {}
    changes_out.update(_fields(changes))
    changed = {k: v for k, v in changes_out.items() if _current(motion, k) != v}
    if not changed:
        return []
    return [Draft(EventKind.MOTION_EDITED, {"motion_id": motion.id, **changed})]


def _current(motion: Motion, name: str) -> Any:
    value = getattr(motion, name)
    return value.value if hasattr(value, "value") else value


def note_motion(state: MeetingState, motion_id: str, note: str) -> list[Draft]:
    """Discussion notes (讨论情况) for the minutes."""
    guards.require_open(state)
    motion = guards.motion(state, motion_id)
    cleaned = guards.text(note, "note", required=False)
    return [Draft(EventKind.MOTION_NOTED, {"motion_id": motion.id, "note": cleaned})]


def respond(state: MeetingState, motion_id: str, response: str, responder: str = "") -> list[Draft]:
    """A response (答复), e.g. the contractor's "already planned"."""
    guards.require_open(state)
    motion = guards.motion(state, motion_id)
    payload = {
        "motion_id": motion.id,
        "response": guards.text(response, "response"),
        "responder": guards.text(responder, "responder", required=False, limit=NAME_LIMIT),
    }
    return [Draft(EventKind.MOTION_RESPONDED, payload)]


def _require_state(motion: Motion, *allowed: MotionState) -> None:
    if motion.state not in allowed:
        raise DomainError("error.bad_transition", number=motion.number, state=motion.state.value)


def withdraw(state: MeetingState, motion_id: str, reason: str = "") -> list[Draft]:
    guards.require_open(state)
    motion = guards.motion(state, motion_id)
    _require_state(motion, MotionState.RAISED, MotionState.DEFERRED)
    cleaned = guards.text(reason, "reason", required=False)
    return [Draft(EventKind.MOTION_WITHDRAWN, {"motion_id": motion.id, "reason": cleaned})]


def mark_answered(
    state: MeetingState, motion_id: str, response: str = "", responder: str = ""
) -> list[Draft]:
    """已答复: settled by an answer, no vote needed. An answer must be on record."""
    guards.require_open(state)
    motion = guards.motion(state, motion_id)
    _require_state(motion, MotionState.RAISED)
    cleaned = guards.text(response, "response", required=False)
    if not cleaned and not motion.response:
        raise DomainError("error.answer_needs_response", number=motion.number)
    payload = {"motion_id": motion.id, "response": cleaned}
    if responder:
        payload["responder"] = guards.text(responder, "responder", limit=NAME_LIMIT)
    return [Draft(EventKind.MOTION_ANSWERED, payload)]


def defer(
    state: MeetingState, motion_id: str, reason: str, owner: str, target: str = ""
) -> list[Draft]:
    """暂缓: kept by `owner` for further deliberation at `target` (a later meeting or a date)."""
    guards.require_open(state)
    motion = guards.motion(state, motion_id)
    _require_state(motion, MotionState.RAISED, MotionState.REJECTED)
    payload = {
        "motion_id": motion.id,
        "reason": guards.text(reason, "reason"),
        "owner": guards.text(owner, "owner", limit=NAME_LIMIT),
        "target": guards.text(target, "target", required=False, limit=NAME_LIMIT),
    }
    return [Draft(EventKind.MOTION_DEFERRED, payload)]


def require_voters(state: MeetingState) -> None:
    """Someone present may vote; when not, say which fix applies (attendance or who votes)."""
    guards.require_open(state)
    if state.eligible_present:
        return
    if state.attendance.total == 0:
        raise DomainError("error.nobody_eligible")
    raise DomainError(
        "error.no_voting_party_present",
        present=state.attendance.total,
        parties=[p.value for p in state.voting_parties],
    )


def judge_vote(
    state: MeetingState,
    motion_id: str,
    in_favour: Any,
    against: Any,
    abstain: Any,
    *,
    recount: bool = False,
) -> RuleOutcome:
    """Every check `record_vote` makes on a tally, then the verdict it would record.

    The vote form previews the verdict through this very function, so a count
    the command refuses (too many hands, a minus sign, nothing typed) is refused
    by the form with the same words, and the rule is applied in one place.
    """
    guards.require_open(state)
    motion = guards.motion(state, motion_id)
    if motion.state.decided and not recount:
        raise DomainError("error.already_decided", number=motion.number, state=motion.state.value)
    if not motion.state.decided:
        _require_state(motion, MotionState.RAISED)
    require_voters(state)
    present = state.eligible_present
    counts = _entered_counts({"for": in_favour, "against": against, "abstain": abstain})
    if sum(counts) > present:
        raise DomainError("error.too_many_votes", cast=sum(counts), present=present)
    if not state.quorum_met and state.quorum_policy is QuorumPolicy.REFUSE:
        raise DomainError("error.quorum_not_met", present=present, quorum=state.quorum)
    return evaluate(state.rule_for(motion), counts[0], counts[1], counts[2], present, state.quorum)


def record_vote(
    state: MeetingState,
    motion_id: str,
    in_favour: Any,
    against: Any,
    abstain: Any,
    *,
    method: str = "hands",
    recount: bool = False,
) -> list[Draft]:
    """A tally against the eligible present count at this moment, decided by the motion's rule.

    The event keeps the verdict's reason (key and values) with the result, so
    what is shown later is what was decided then, whatever the rules say by then.
    """
    drafts = guards.ensure_started(state)
    outcome = judge_vote(state, motion_id, in_favour, against, abstain, recount=recount)
    chosen = guards.choice(VoteMethod, method, "method")
    motion = guards.motion(state, motion_id)
    values = outcome.values
    payload = {
        "motion_id": motion.id,
        "method": chosen.value,
        "for": values["for"],
        "against": values["against"],
        "abstain": values["abstain"],
        "eligible_present": values["present"],
        "rule": state.rule_for(motion).value,
        "quorum": state.quorum,
        "quorum_met": outcome.quorum_met,
        "passed": outcome.passed,
        "reason": {"key": outcome.key, "values": dict(values)},
        "recount": motion.state.decided,
    }
    return [*drafts, Draft(EventKind.VOTE_RECORDED, payload)]


def _entered_counts(typed: dict[str, Any]) -> list[int]:
    """The three counts; a field left empty reads 0, but three empty fields are no vote at all.

    A 0/0/0 "vote" from an Enter pressed too early would reject the motion in
    the minutes and on the public page; acclamation (`acclaim`) is the way to
    record everyone in favour without counting.
    """
    entered = {k: v for k, v in typed.items() if v is not None and str(v).strip() != ""}
    if not entered:
        raise DomainError("error.empty_vote")
    return [guards.count(entered.get(k, 0), k) for k in typed]


def acclaim(state: MeetingState, motion_id: str, *, recount: bool = False) -> list[Draft]:
    """无异议通过: everyone eligible present in favour, nobody against."""
    present = state.eligible_present
    return record_vote(state, motion_id, present, 0, 0, method="acclamation", recount=recount)


def assign_followup(
    state: MeetingState, motion_id: str, owner: str, due: Any = None
) -> list[Draft]:
    """Who carries out a passed motion (落实责任方), and by when."""
    guards.require_open(state)
    motion = guards.motion(state, motion_id)
    _require_state(motion, MotionState.PASSED)
    payload = {
        "motion_id": motion.id,
        "owner": guards.text(owner, "owner", limit=NAME_LIMIT),
        "due": guards.iso_date(due, "due"),
    }
    return [Draft(EventKind.FOLLOWUP_ASSIGNED, payload)]


def _followup_motion(state: MeetingState, motion_id: str) -> Motion:
    """Follow-ups happen after the meeting, so a closed meeting accepts them."""
    motion = guards.motion(state, motion_id)
    if motion.followup is None:
        raise DomainError("error.no_followup", number=motion.number)
    return motion


def complete_followup(state: MeetingState, motion_id: str, done_on: Any = None) -> list[Draft]:
    motion = _followup_motion(state, motion_id)
    payload = {"motion_id": motion.id, "done_on": guards.iso_date(done_on, "done_on")}
    return [Draft(EventKind.FOLLOWUP_DONE, payload)]


def evaluate_followup(
    state: MeetingState,
    motion_id: str,
    satisfied: Any,
    basic: Any,
    unsatisfied: Any,
    at_meeting: str = "",
) -> list[Draft]:
    """居民评: 满意 / 基本满意 / 不满意 by show of hands, often at a later meeting."""
    motion = _followup_motion(state, motion_id)
    payload = {
        "motion_id": motion.id,
        "satisfied": guards.count(satisfied, "satisfied"),
        "basic": guards.count(basic, "basic"),
        "unsatisfied": guards.count(unsatisfied, "unsatisfied"),
        "meeting_id": at_meeting,
    }
    return [Draft(EventKind.FOLLOWUP_EVALUATED, payload)]
