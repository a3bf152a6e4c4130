"""What each form returns: a frozen dataclass per form, so a caller reads `a.owner`, not `a["owner"]`.

A form's fields are named like its result's attributes; `FormAnswers.read`
builds the result from the texts by name and fails loudly (TypeError) when the
two disagree, which `FormDialog` tries as it opens. Typed text (counts, dates,
money, names) stays text, for the domain command to judge and refuse in its
own words; a choice among fixed options arrives as what it is (an enum, a
yes/no), since nothing typed can make it wrong.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, Self

from meeting_tui.domain import Category, DecisionRule, MeetingKind, Party, QuorumPolicy, VoteMethod

YES = "yes"  # the value of a ‹是› option


@dataclass(frozen=True)
class FormAnswers:
    """The base of every form's result: built from the fields' texts by name."""

    @classmethod
    def read(cls, texts: Mapping[str, str]) -> Self:
        hints = _declared(cls)  # read on every keystroke of the vote form: worked out once
        names = list(hints)
        if set(names) != set(texts):
            raise TypeError(f"{cls.__name__} has {sorted(names)}, the form {sorted(texts)}")
        return cls(**{name: _as(hints[name], texts[name]) for name in names})


_DECLARED: dict[type, dict[str, Any]] = {}


def _declared(cls: type[FormAnswers]) -> dict[str, Any]:
    """A result's fields in order, with their declared types."""
    if cls not in _DECLARED:
        hints = typing.get_type_hints(cls)
        _DECLARED[cls] = {f.name: hints[f.name] for f in fields(cls)}
    return _DECLARED[cls]


def _as(kind: Any, text: str) -> object:
    """A field's text as its declared type: text as is, an option's value as its enum or bool."""
    if kind is str:
        return text
    if kind is bool:
        return text == YES
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return kind(text)
    raise TypeError(f"a form answer cannot be a {kind!r}")


@dataclass(frozen=True)
class MotionAnswers(FormAnswers):
    text: str
    proposer: str
    party: Party
    category: Category
    cost: str
    note: str
    show_proposer_name: bool  # the opt-in: the proposer's full name on the public page

    def details(self) -> dict[str, Any]:
        """Everything but the text, as `raise_motion` and `edit_motion` both take it."""
        return {
            "proposer": self.proposer,
            "party": self.party,
            "category": self.category,
            "cost": self.cost,
            "note": self.note,
            "show_proposer_name": self.show_proposer_name,
        }


@dataclass(frozen=True)
class ResponseAnswers(FormAnswers):
    """答复 with who gave it, and the discussion notes, from the respond form."""

    response: str
    responder: str
    note: str


@dataclass(frozen=True)
class AnsweredAnswers(FormAnswers):
    """The answer that settles a motion without a vote (已答复)."""

    response: str
    responder: str


@dataclass(frozen=True)
class DeferralAnswers(FormAnswers):
    reason: str
    owner: str
    target: str


@dataclass(frozen=True)
class FollowupAnswers(FormAnswers):
    owner: str
    due: str


@dataclass(frozen=True)
class VoteAnswers(FormAnswers):
    """The three counts as typed (the command judges them) and how they were taken."""

    in_favour: str
    against: str
    abstain: str
    method: VoteMethod

    @classmethod
    def read(cls, texts: Mapping[str, str]) -> Self:
        # The field is `for` (赞成), a word Python keeps for itself.
        renamed = {("in_favour" if k == "for" else k): v for k, v in texts.items()}
        return super().read(renamed)


@dataclass(frozen=True)
class PartyCounts(FormAnswers):
    """A headcount per party as typed, one field per party."""

    counts: Mapping[Party, str]

    @classmethod
    def read(cls, texts: Mapping[str, str]) -> Self:
        return cls(_per_party(texts))


@dataclass(frozen=True)
class VotingParties(FormAnswers):
    """Who votes (表决权), chosen party by party."""

    parties: frozenset[Party]

    @classmethod
    def read(cls, texts: Mapping[str, str]) -> Self:
        chosen = _per_party(texts)
        return cls(frozenset(p for p, value in chosen.items() if value == YES))

    def values(self) -> list[str]:
        """The parties in the catalogue's order, as the commands take them."""
        return [p.value for p in Party if p in self.parties]


def _per_party(texts: Mapping[str, str]) -> dict[Party, str]:
    if set(texts) != {p.value for p in Party}:
        raise TypeError(f"a per-party form needs one field per party, not {sorted(texts)}")
    return {Party(name): text for name, text in texts.items()}


@dataclass(frozen=True)
class ItemAnswers(FormAnswers):
    title: str
    minutes: str
    notes: str


@dataclass(frozen=True)
class PlacedItemAnswers(ItemAnswers):
    """An item added during the meeting: after the current one, or at the end."""

    where: str  # "after" or "end"

    @property
    def at_end(self) -> bool:
        return self.where == "end"


@dataclass(frozen=True)
class NewMeetingAnswers(FormAnswers):
    title: str
    kind: MeetingKind
    community: str
    location: str


@dataclass(frozen=True)
class MeetingDetailsAnswers(FormAnswers):
    title: str
    kind: MeetingKind
    community: str
    location: str
    planned_start: str
    facilitator: str
    recorder: str
    voting: str  # a preset of `setup.VOTING_PRESETS`, or "custom" to keep the set chosen by V
    default_rule: DecisionRule
    quorum: str
    quorum_policy: QuorumPolicy


@dataclass(frozen=True)
class PersonAnswers(FormAnswers):
    name: str
    party: Party
    building: str


@dataclass(frozen=True)
class ReasonAnswers(FormAnswers):
    """Why: a reopening, a ballot withdrawn."""

    reason: str


@dataclass(frozen=True)
class EvaluationAnswers(FormAnswers):
    """居民评 by show of hands, as typed."""

    satisfied: str
    basic: str
    unsatisfied: str


@dataclass(frozen=True)
class PathAnswers(FormAnswers):
    path: str


@dataclass(frozen=True)
class WordAnswers(FormAnswers):
    """The word typed to insist on restoring a healthy file."""

    word: str


@dataclass(frozen=True)
class CollectorAnswers(FormAnswers):
    collector: str


@dataclass(frozen=True)
class NewDecisionAnswers(FormAnswers):
    """A new owners' decision (业主表决): its wording, kind, candidates and roster file."""

    title: str
    question: str
    kind: str  # "ordinary" or "major"
    candidates: str
    community: str
    roster: str
