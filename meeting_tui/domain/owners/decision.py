"""One owners' decision, event-sourced: created, roster imported, ballots over days, closed.

Like a meeting, the decision is a log of events `{seq, at, kind, payload}`
and its state is their fold; commands check everything and return drafts,
which the store appends durably before the state moves. A unit holds at most
one current answer: a second answer is a correction that keeps the earlier
one in the history, and a withdrawal before the count closes is recorded as
such. Closing the count stores the outcome with its reasons.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.events import timestamp
from meeting_tui.domain.owners.roster import Roster
from meeting_tui.domain.owners.rules import MatterKind, Outcome
from meeting_tui.domain.text import clean_text

MAX_CANDIDATES = 9  # one key each on the screen (1–9; 0 abstains)
QUESTION_ANSWERS = ("yes", "no", "abstain")
ABSTAIN = "abstain"


class DecisionEventKind(StrEnum):
    CREATED = "decision_created"
    ROSTER_IMPORTED = "roster_imported"
    BALLOT_RECORDED = "ballot_recorded"
    BALLOT_WITHDRAWN = "ballot_withdrawn"
    COUNT_CLOSED = "count_closed"
    COUNT_REOPENED = "count_reopened"


class BallotMethod(StrEnum):
    WRITTEN = "written"  # 书面表决票
    VISIT = "visit"  # 入户征求意见


@dataclass(frozen=True)
class DecisionDraft:
    kind: DecisionEventKind
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DecisionEvent:
    seq: int
    at: str
    kind: DecisionEventKind
    payload: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at, "kind": str(self.kind), "payload": self.payload}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DecisionEvent:
        """A stored event; a malformed one raises ValueError naming what is wrong."""
        try:
            kind = DecisionEventKind(data["kind"])
            seq, at, payload = data["seq"], data["at"], data["payload"]
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"malformed decision event: {exc}") from None
        if not isinstance(seq, int) or not isinstance(at, str) or not isinstance(payload, dict):
            raise ValueError(f"malformed decision event {seq!r}")
        return cls(seq, at, kind, dict(payload))


def stamp(last_seq: int, drafts: Sequence[DecisionDraft], at: datetime) -> list[DecisionEvent]:
    when = timestamp(at)
    return [
        DecisionEvent(last_seq + n, when, d.kind, d.payload) for n, d in enumerate(drafts, start=1)
    ]


@dataclass(frozen=True)
class Ballot:
    """One answer for one unit, as collected: from a written ballot or a door-to-door visit."""

    seq: int
    at: str
    unit: str
    answer: str  # "yes" / "no" / "abstain", or a candidate's number "1" …
    method: BallotMethod
    collector: str
    note: str = ""
    corrects: int | None = None
    collected_at: str = ""  # when the ballot was collected, if not when it was entered  # seq of the answer this one replaces
    withdrawn_at: str | None = None
    withdrawn_seq: int | None = None
    withdrawn_reason: str = ""
    withdrawn_by: str = ""


@dataclass(frozen=True)
class DecisionState:
    id: str = ""
    title: str = ""
    question: str = ""
    community: str = ""
    kind: MatterKind = MatterKind.ORDINARY
    candidates: tuple[str, ...] = ()  # empty: a yes / no / abstain question
    roster: Roster | None = None
    roster_source: str = ""
    current: dict[str, Ballot] = field(default_factory=dict)  # unit id → its answer now
    history: tuple[Ballot, ...] = ()  # every answer ever recorded, withdrawals marked
    closed: bool = False
    outcome: Outcome | None = None
    closed_at: str = ""
    reopen_reasons: tuple[str, ...] = ()
    last_seq: int = 0

    @property
    def is_selection(self) -> bool:
        return bool(self.candidates)

    @property
    def options(self) -> tuple[str, ...]:
        """Every answer code in display order: the candidates' numbers (then abstain), or yes/no/abstain."""
        if self.candidates:
            return (*(str(n) for n in range(1, len(self.candidates) + 1)), ABSTAIN)
        return QUESTION_ANSWERS


def fold(events: Iterable[DecisionEvent], state: DecisionState | None = None) -> DecisionState:
    """The state after `events` (from `state`, or from nothing).

    The answers are accumulated in one dict and one list, not copied per
    event, so reopening a 3,000-unit decision folds in linear time; where
    each answer sits in the history is indexed only when a withdrawal needs
    it, so folding one new answer onto a long state does not re-index it.
    """
    state = state or DecisionState()
    current = dict(state.current)
    history = list(state.history)
    positions: dict[int, int] = {}  # seq → index in history, made when a withdrawal needs it
    for event in events:
        state = _apply(state, event, current, history, positions)
    return replace(state, current=current, history=tuple(history))


def _apply(
    state: DecisionState,
    event: DecisionEvent,
    current: dict[str, Ballot],
    history: list[Ballot],
    positions: dict[int, int],
) -> DecisionState:
    p = event.payload
    kind = event.kind
    if kind is DecisionEventKind.CREATED:
        state = replace(
            state,
            id=str(p["id"]),
            title=str(p.get("title", "")),
            question=str(p.get("question", "")),
            community=str(p.get("community", "")),
            kind=MatterKind(p.get("kind", "ordinary")),
            candidates=tuple(str(c) for c in p.get("candidates", [])),
        )
    elif kind is DecisionEventKind.ROSTER_IMPORTED:
        state = replace(
            state, roster=Roster.from_json(p["units"]), roster_source=str(p.get("source", ""))
        )
    elif kind is DecisionEventKind.BALLOT_RECORDED:
        unit = str(p["unit"])
        earlier = current.get(unit)
        ballot = Ballot(
            event.seq,
            event.at,
            unit,
            str(p["answer"]),
            BallotMethod(p.get("method", "written")),
            str(p.get("collector", "")),
            str(p.get("note", "")),
            corrects=earlier.seq if earlier else None,
            collected_at=str(p.get("collected_at", "")),
        )
        current[unit] = ballot
        history.append(ballot)
    elif kind is DecisionEventKind.BALLOT_WITHDRAWN:
        withdrawn = current.pop(str(p["unit"]))
        if withdrawn.seq not in positions:
            positions.update((ballot.seq, n) for n, ballot in enumerate(history))
        history[positions[withdrawn.seq]] = replace(
            withdrawn,
            withdrawn_at=event.at,
            withdrawn_seq=event.seq,
            withdrawn_reason=str(p.get("reason", "")),
            withdrawn_by=str(p.get("collector", "")),
        )
    elif kind is DecisionEventKind.COUNT_CLOSED:
        state = replace(
            state, closed=True, outcome=Outcome.from_json(p["outcome"]), closed_at=event.at
        )
    elif kind is DecisionEventKind.COUNT_REOPENED:
        state = replace(
            state,
            closed=False,
            outcome=None,
            reopen_reasons=(*state.reopen_reasons, str(p.get("reason", ""))),
        )
    return replace(state, last_seq=event.seq)


# -- commands -----------------------------------------------------------------


def create_decision(
    decision_id: str,
    title: str,
    question: str,
    kind: str,
    candidates: Sequence[str] = (),
    community: str = "",
) -> list[DecisionDraft]:
    title, question = clean_text(title), clean_text(question, multiline=True)
    if not title:
        raise DomainError("owners.decision.no_title")
    try:
        matter = MatterKind(kind)
    except ValueError:
        raise DomainError("owners.decision.bad_kind", kind=kind) from None
    names = [clean_text(c) for c in candidates]
    names = [n for n in names if n]
    if len(names) == 1:
        raise DomainError("owners.decision.one_candidate")
    if len(names) > MAX_CANDIDATES:
        raise DomainError("owners.decision.too_many_candidates", limit=MAX_CANDIDATES)
    if len(set(names)) != len(names):
        raise DomainError("owners.decision.repeated_candidate")
    payload = {
        "id": decision_id,
        "title": title,
        "question": question or title,
        "kind": str(matter),
        "candidates": names,
        "community": clean_text(community),
    }
    return [DecisionDraft(DecisionEventKind.CREATED, payload)]


def _open(state: DecisionState) -> None:
    if state.closed:
        raise DomainError("owners.count.closed")


def import_roster(state: DecisionState, roster: Roster, source: str = "") -> list[DecisionDraft]:
    """The roster is fixed before the first ballot: totals cannot move under answers."""
    _open(state)
    if state.history:
        raise DomainError("owners.roster.after_ballots", count=len(state.history))
    payload = {"units": roster.to_json(), "source": clean_text(source)}
    return [DecisionDraft(DecisionEventKind.ROSTER_IMPORTED, payload)]


def parse_answer(state: DecisionState, typed: str) -> str:
    """1/2/3 (yes/no/abstain), a candidate's number, or the code itself ("yes", "abstain")."""
    value = typed.strip().lower()
    if value in state.options:
        return value
    if not state.is_selection and value in ("1", "2", "3"):
        return QUESTION_ANSWERS[int(value) - 1]
    if state.is_selection and value == "0":
        return ABSTAIN
    raise DomainError(
        "owners.answer.unknown", answer=typed.strip() or "?", choices=_choices_text(state)
    )


def _choices_text(state: DecisionState) -> str:
    if state.is_selection:
        return f"1–{len(state.candidates)}, 0"
    return "1/2/3"


def record_ballot(
    state: DecisionState,
    typed_unit: str,
    typed_answer: str,
    method: str,
    collector: str,
    note: str = "",
    collected_at: str = "",
) -> list[DecisionDraft]:
    """A unit's answer; if the unit has one already, a correction of it (earlier one kept).

    Several units of one owner are one vote: a new unit of an owner who has
    answered otherwise elsewhere is refused (correct that one instead), and a
    correction changes every answered unit of that owner together.
    """
    _open(state)
    if state.roster is None:
        raise DomainError("owners.roster.missing")
    unit = state.roster.find(typed_unit)
    answer = parse_answer(state, typed_answer)
    try:
        how = BallotMethod(method)
    except ValueError:
        raise DomainError("owners.ballot.bad_method", method=method) from None
    who = clean_text(collector)
    if not who:
        raise DomainError("owners.ballot.no_collector")
    earlier = state.current.get(unit.id)
    siblings = [
        u.id
        for u in state.roster.units_of_owner(unit.owner_key)
        if u.id != unit.id and u.id in state.current
    ]
    if earlier is not None and earlier.answer == answer:
        raise DomainError("owners.ballot.same", unit=unit.id)
    if earlier is None:
        differing = [s for s in siblings if state.current[s].answer != answer]
        if differing:
            raise DomainError("owners.ballot.owner_differs", unit=unit.id, other=differing[0])
        targets = [unit.id]
    else:
        targets = [unit.id, *siblings]
    payload = {"answer": answer, "method": str(how), "collector": who}
    if note.strip():
        payload["note"] = clean_text(note)
    if collected_at.strip():
        try:
            when = datetime.fromisoformat(collected_at.strip())
        except ValueError:
            raise DomainError("owners.ballot.bad_time", value=collected_at.strip()) from None
        payload["collected_at"] = when.isoformat(timespec="minutes")
    return [
        DecisionDraft(DecisionEventKind.BALLOT_RECORDED, {"unit": target, **payload})
        for target in targets
    ]


def withdraw_ballot(
    state: DecisionState, typed_unit: str, reason: str = "", collector: str = ""
) -> list[DecisionDraft]:
    """Take a unit's answer back before the count closes; the answer stays in the history."""
    _open(state)
    if state.roster is None:
        raise DomainError("owners.roster.missing")
    unit = state.roster.find(typed_unit)
    if unit.id not in state.current:
        raise DomainError("owners.ballot.nothing_to_withdraw", unit=unit.id)
    payload = {"unit": unit.id, "reason": clean_text(reason), "collector": clean_text(collector)}
    return [DecisionDraft(DecisionEventKind.BALLOT_WITHDRAWN, payload)]


def close_count(state: DecisionState, outcome: Outcome) -> list[DecisionDraft]:
    """Close the count with the outcome the tally computed now (stored with its reasons)."""
    _open(state)
    if state.roster is None:
        raise DomainError("owners.roster.missing")
    return [DecisionDraft(DecisionEventKind.COUNT_CLOSED, {"outcome": outcome.to_json()})]


def reopen_count(state: DecisionState, reason: str) -> list[DecisionDraft]:
    if not state.closed:
        raise DomainError("owners.count.not_closed")
    why = clean_text(reason)
    if not why:
        raise DomainError("owners.count.reopen_reason")
    return [DecisionDraft(DecisionEventKind.COUNT_REOPENED, {"reason": why})]
