"""The minutes (会议纪要) as one document: what every renderer prints and what the archive keeps.

The document holds finished words (labels and rule reasons in the meeting's
language), not codes to be looked up again, so a saved version reads the
same after the program's wording changes. It is immutable (frozen dataclasses
and tuples) and round-trips through `to_json` / `from_json` unchanged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from meeting_tui.domain.events import Event
from meeting_tui.domain.model import MeetingState, MotionState
from meeting_tui.domain.privacy import Redactor
from meeting_tui.domain.text import clean_text
from meeting_tui.minutes.floor_model import (
    ChairEntry,
    FloorEntry,
    chairs_from_json,
    floor_from_json,
)

SCHEMA_VERSION = 1

# Fields that hold a person's name: shortened whole in a redacted copy.
PERSON_FIELDS = frozenset(
    {"facilitator", "recorder", "proposer", "responder", "owner", "deferral_owner", "name"}
)
# Free text that may span lines (discussion notes, responses).
MULTILINE_FIELDS = frozenset({"note", "response", "notes", "deferral_reason", "withdraw_reason"})


@dataclass(frozen=True)
class PartyCount:
    party: str  # the Party code, for machines
    label: str
    count: int
    votes: bool
    largest: int = 0  # the most present at any time; 0 in minutes saved before it was kept


@dataclass(frozen=True)
class AttendeeEntry:
    name: str
    party: str  # label
    building: str = ""


@dataclass(frozen=True)
class AgendaEntry:
    number: int
    title: str
    notes: str
    state: str  # label
    timebox_min: int | None
    minutes_used: int


@dataclass(frozen=True)
class VoteEntry:
    at: str  # HH:MM
    method: str
    in_favour: int
    against: int
    abstain: int
    eligible_present: int
    not_voting: int
    rule: str
    result: str
    reason: str  # "赞成 23 > 出席 40 的一半 → 通过"
    superseded: bool
    plain: str = ""  # "通过：赞成 23 人，超过出席有表决权 40 人的一半"; "" in older saved minutes


@dataclass(frozen=True)
class MotionEntry:
    number: int
    item: str
    text: str
    proposer: str
    party: str
    category: str
    cost: int | None
    over_limit: bool
    note: str
    response: str
    responder: str
    state: str  # MotionState code: the deferred and unvoted lists select on it
    state_label: str
    rule: str
    votes: tuple[VoteEntry, ...]
    owner: str
    due: str
    done_on: str
    deferral_reason: str
    deferral_owner: str
    deferral_target: str
    withdraw_reason: str
    show_proposer_name: bool
    # A deferral taken up again: "来自 2026-10-17 … 第 2 项，上次表决 … → 暂缓".
    origin: str = ""

    @property
    def vote(self) -> VoteEntry | None:
        """The count in force; earlier ones stay in `votes`, marked superseded."""
        return self.votes[-1] if self.votes else None


@dataclass(frozen=True)
class TimelineEntry:
    at: str
    text: str


@dataclass(frozen=True)
class Minutes:
    meeting_id: str
    lang: str
    title: str
    community: str
    place: str
    kind: str
    date: str  # YYYY-MM-DD, for file names and sorting
    when: str  # 2026年10月17日 14:30–16:19
    facilitator: str
    recorder: str
    status: str  # MeetingStatus code
    attendance: tuple[PartyCount, ...]
    attendees: tuple[AttendeeEntry, ...]
    eligible_present: int
    voting_parties: str
    default_rule: str
    quorum: int | None
    summary: str
    agenda: tuple[AgendaEntry, ...]
    motions: tuple[MotionEntry, ...]
    timeline: tuple[TimelineEntry, ...]
    reopenings: tuple[TimelineEntry, ...]
    signatures: tuple[str, ...]
    # Who votes, changed at the meeting: "14:36 居民 → 社区工作人员，政府部门".
    voting_changes: tuple[TimelineEntry, ...] = ()
    is_redacted: bool = False
    schema_version: int = SCHEMA_VERSION
    # The record's checkpoint digest (domain.checkpoint), set when the version is saved at close.
    digest: str = ""
    digest_events: int = 0
    # The facilitator's recorded choices (publish preview): names shown whole / shortened.
    shown_names: tuple[str, ...] = ()
    hidden_names: tuple[str, ...] = ()
    # The floor: speeches per matter, the chair's handovers, the limits in force (floor_model.py).
    floor: tuple[FloorEntry, ...] = ()
    chair_handovers: tuple[ChairEntry, ...] = ()
    floor_rules: str = ""

    @classmethod
    def build(
        cls, state: MeetingState, events: Sequence[Event], lang: str | None = None
    ) -> Minutes:
        """The minutes of `state` (folded from `events`), in `lang` or the meeting's language."""
        from meeting_tui.minutes.build import build_minutes

        return build_minutes(state, events, lang)

    # -- selections the renderers share ---------------------------------------

    def in_state(self, *states: MotionState) -> list[MotionEntry]:
        codes = {s.value for s in states}
        return [m for m in self.motions if m.state in codes]

    @property
    def decided(self) -> list[MotionEntry]:
        """Passed motions: what the meeting agreed, with who carries it out."""
        return self.in_state(MotionState.PASSED)

    @property
    def deferred(self) -> list[MotionEntry]:
        return self.in_state(MotionState.DEFERRED)

    @property
    def unvoted(self) -> list[MotionEntry]:
        """Motions still only raised when the meeting closed: called out so none is forgotten."""
        return self.in_state(MotionState.RAISED)

    # -- storage ---------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types only (tuples become lists)."""
        data: dict[str, Any] = _plain(dataclasses.asdict(self))
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Minutes:
        """Read a stored document back; raises ValueError naming what is missing or wrong."""
        try:
            row = _known(cls, data)
            motions = tuple(
                MotionEntry(**{**_known(MotionEntry, m), "votes": _many(VoteEntry, m["votes"])})
                for m in data["motions"]
            )
            return cls(
                **{
                    **row,
                    "attendance": _many(PartyCount, data["attendance"]),
                    "attendees": _many(AttendeeEntry, data["attendees"]),
                    "agenda": _many(AgendaEntry, data["agenda"]),
                    "motions": motions,
                    "timeline": _many(TimelineEntry, data["timeline"]),
                    "reopenings": _many(TimelineEntry, data["reopenings"]),
                    "voting_changes": _many(TimelineEntry, data.get("voting_changes", ())),
                    "signatures": tuple(str(s) for s in data["signatures"]),
                    "shown_names": tuple(str(s) for s in data.get("shown_names", ())),
                    "hidden_names": tuple(str(s) for s in data.get("hidden_names", ())),
                    "floor": floor_from_json(data.get("floor", ())),
                    "chair_handovers": chairs_from_json(data.get("chair_handovers", ())),
                }
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not a minutes document: {exc!r}") from None

    # -- safety and privacy ----------------------------------------------------

    def cleaned(self) -> Minutes:
        """Every text without control characters or terminal escape sequences."""
        return map_text(
            self, lambda name, text: clean_text(text, multiline=name in MULTILINE_FIELDS)
        )

    def person_names(self) -> list[str]:
        """Every name the document holds, for shortening wherever it appears in free text."""
        names = [self.facilitator, self.recorder, *(a.name for a in self.attendees)]
        for m in self.motions:
            names += [m.proposer, m.responder, m.owner, m.deferral_owner]
        names += [sp.name for f in self.floor for sp in f.speeches]
        names += [c.name for c in self.chair_handovers]
        return list(
            dict.fromkeys(n for n in names if n)
        )  # each name once: redaction scans per name

    def redacted(self) -> Minutes:
        """The copy for sharing: names shortened (李建国 → 李某), phone and ID numbers masked.

        A proposer the facilitator opted in for (`show_proposer_name`) keeps
        the full name on that motion only; every other text is redacted.
        """
        redactor = Redactor(
            self.person_names(),
            shown=self.shown_names,
            hidden=self.hidden_names,
        )  # compiled once for the whole document

        def redact(name: str, text: str) -> str:
            return redactor.person(text) if name in PERSON_FIELDS else redactor.text(text)

        copy = map_text(self, redact)
        motions = tuple(
            dataclasses.replace(red, proposer=redactor.person(orig.proposer, opted_in=True))
            if orig.show_proposer_name
            else red
            for orig, red in zip(self.motions, copy.motions, strict=True)
        )
        # The digest is a code, not text: a roster name such as "AB" must not bend it.
        return dataclasses.replace(
            copy,
            motions=motions,
            is_redacted=True,
            digest=self.digest,
            shown_names=(),
            hidden_names=(),
        )


T = TypeVar("T")


def map_text(obj: T, change: Callable[[str, str], str]) -> T:
    """`obj` with `change(field_name, text)` applied to every string inside it."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        updates: dict[str, Any] = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if isinstance(value, str):
                updates[f.name] = change(f.name, value)
            elif isinstance(value, tuple):
                updates[f.name] = tuple(
                    change(f.name, v) if isinstance(v, str) else map_text(v, change) for v in value
                )
            elif dataclasses.is_dataclass(value):
                updates[f.name] = map_text(value, change)
        result: T = dataclasses.replace(obj, **updates)
        return result
    return obj


def _known(cls: type[Any], data: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of `cls` found in `data` (a later version may add others)."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def _many(cls: type[T], rows: Iterable[Mapping[str, Any]]) -> tuple[T, ...]:
    return tuple(cls(**_known(cls, row)) for row in rows)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
