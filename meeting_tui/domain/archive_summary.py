"""What the archive-wide views need of one meeting, small enough to keep for every meeting.

The backlog and the follow-ups used to fold every meeting's log each time they
opened. A `MeetingSummary` is the part of a folded meeting those views read —
its deferrals, its follow-ups (due, done, 居民评) and which earlier deferrals it
took up — so the store can keep one per meeting (store/archive_summary.py) and
the views read a few KB per meeting instead of every event. It is derived data:
`summarise(state)` rebuilds it from the meeting at any time. Its parts are named
tuples: an archive of 5,000 meetings holds 40,000 of them, made at every first read.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, NamedTuple

from meeting_tui.domain.model import (
    Category,
    DecisionRule,
    Evaluation,
    MeetingState,
    MotionState,
    Origin,
    Party,
    Vote,
    VoteMethod,
)
from meeting_tui.domain.outcome import RuleOutcome


class DeferredMotion(NamedTuple):
    """A motion deferred at this meeting, as the backlog lists it and a later meeting takes it up."""

    motion_id: str
    number: int
    text: str
    reason: str
    owner: str
    target: str
    last_vote: Vote | None
    proposer: str
    party: Party
    category: Category
    cost: int | None


class FollowUpMotion(NamedTuple):
    """A passed motion with someone to carry it out."""

    motion_id: str
    number: int
    text: str
    owner: str
    due: str | None
    done_on: str | None
    evaluation: Evaluation | None


class TakenUp(NamedTuple):
    """An earlier deferral raised here again (`motion_id`) or only put on the agenda ("")."""

    origin: Origin
    motion_id: str
    state: MotionState | None


@dataclass(frozen=True)
class MeetingSummary:
    """What the backlog and follow-up lists need of one meeting, kept beside its log."""

    meeting_id: str
    title: str
    date: str
    deferred: tuple[DeferredMotion, ...] = ()
    followups: tuple[FollowUpMotion, ...] = ()
    taken_up: tuple[TakenUp, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.meeting_id,
            "title": self.title,
            "date": self.date,
            "deferred": [_deferred_json(d) for d in self.deferred],
            "followups": [_followup_json(f) for f in self.followups],
            "taken_up": taken_json(self.taken_up),
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> MeetingSummary:
        """The summary back from its stored form; raises KeyError/TypeError/ValueError if damaged."""
        return cls(
            str(doc["id"]),
            str(doc["title"]),
            str(doc["date"]),
            tuple(_deferred_from(d) for d in doc["deferred"]),
            tuple(_followup_from(f) for f in doc["followups"]),
            taken_from(doc["taken_up"]),
        )


def taken_json(taken_up: tuple[TakenUp, ...]) -> list[list[str | None]]:
    """What a meeting took up as stored: [meeting, motion, motion here or "", state or None]."""
    return [
        [t.origin.meeting_id, t.origin.motion_id, t.motion_id, _code(t.state)] for t in taken_up
    ]


def taken_from(raw: list[list[Any]]) -> tuple[TakenUp, ...]:
    """`taken_json` back; raises ValueError (or TypeError) for a state no release writes."""
    return tuple(
        TakenUp(Origin(str(m), str(n)), str(here), None if s is None else MotionState(s))
        for m, n, here, s in raw
    )


def meeting_date(state: MeetingState) -> str:
    """The day the meeting happened (or was created, for a draft): YYYY-MM-DD."""
    return (state.started_at or state.planned_start or state.created_at)[:10]


def summarise(state: MeetingState) -> MeetingSummary:
    """The archive views' part of one folded meeting."""
    deferred, followups, taken_up = [], [], []
    for m in state.motions.values():
        if m.state is MotionState.DEFERRED and m.deferral is not None:
            d = m.deferral
            deferred.append(
                DeferredMotion(
                    m.id,
                    m.number,
                    m.text,
                    d.reason,
                    d.owner,
                    d.target,
                    m.vote,
                    m.proposer,
                    m.party,
                    m.category,
                    m.cost,
                )
            )
        if m.state is MotionState.PASSED and m.followup is not None:
            f = m.followup
            followups.append(
                FollowUpMotion(m.id, m.number, m.text, f.owner, f.due, f.done_on, f.evaluation)
            )
        if m.origin is not None:
            taken_up.append(TakenUp(m.origin, m.id, m.state))
    taken_up += [TakenUp(i.origin, "", None) for i in state.items if i.origin is not None]
    return MeetingSummary(
        state.meeting_id,
        state.title,
        meeting_date(state),
        tuple(deferred),
        tuple(followups),
        tuple(taken_up),
    )


def _code(state: MotionState | None) -> str | None:
    return None if state is None else state.value


_VOTE_FIELDS = tuple(f.name for f in dataclasses.fields(Vote))
_OUTCOME_FIELDS = tuple(f.name for f in dataclasses.fields(RuleOutcome))


def vote_json(vote: Vote | None) -> list[Any] | None:
    """A vote as a JSON list, its recorded outcome included (kept summaries, kept lists).

    The outcome is written out field by field: `dataclasses.asdict` deep-copied
    every value of every vote, most of the time a kept list of 10,000 deferrals
    took to make (0.7 of 1.2 s, cProfile at 5,000 meetings).
    """
    if vote is None:
        return None
    return [
        _outcome_json(v) if isinstance(v, RuleOutcome) else v
        for v in map(vote.__getattribute__, _VOTE_FIELDS)
    ]


def _outcome_json(outcome: RuleOutcome) -> dict[str, Any]:
    """What `dataclasses.asdict` gives: the reason's values are numbers and words (JSON's)."""
    plain = {name: getattr(outcome, name) for name in _OUTCOME_FIELDS}
    plain["values"] = dict(outcome.values)
    return plain


def vote_from(raw: list[Any] | None) -> Vote | None:
    """The stored vote back, its recorded outcome (verdict and reason) included."""
    if raw is None:
        return None
    vote = Vote(*raw)
    vote.method, vote.rule = VoteMethod(vote.method), DecisionRule(vote.rule)
    vote.outcome = RuleOutcome(**vote.outcome)  # type: ignore[arg-type]
    return vote


def _deferred_json(d: DeferredMotion) -> list[Any]:
    return [
        d.motion_id,
        d.number,
        d.text,
        d.reason,
        d.owner,
        d.target,
        vote_json(d.last_vote),
        d.proposer,
        d.party.value,
        d.category.value,
        d.cost,
    ]


def _deferred_from(raw: list[Any]) -> DeferredMotion:
    motion_id, number, text, reason, owner, target, vote, proposer, party, category, cost = raw
    return DeferredMotion(
        str(motion_id),
        int(number),
        str(text),
        str(reason),
        str(owner),
        str(target),
        vote_from(vote),
        str(proposer),
        Party(party),
        Category(category),
        None if cost is None else int(cost),
    )


def _followup_json(f: FollowUpMotion) -> list[Any]:
    evaluation = None if f.evaluation is None else dataclasses.asdict(f.evaluation)
    return [f.motion_id, f.number, f.text, f.owner, f.due, f.done_on, evaluation]


def _followup_from(raw: list[Any]) -> FollowUpMotion:
    motion_id, number, text, owner, due, done_on, evaluation = raw
    return FollowUpMotion(
        str(motion_id),
        int(number),
        str(text),
        str(owner),
        due,
        done_on,
        None if evaluation is None else Evaluation(**evaluation),
    )
