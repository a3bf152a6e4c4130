"""The live double count: participation and each answer, by area and by head, per building.

`tally` recomputes the count from the current answers (one pass over the
units), so whatever order ballots, corrections and withdrawals came in, it
equals a recount from scratch; the screen keeps a `RunningTally` moved one
answer at a time instead, checked against that recount in the tests. Heads are owners, not units: an owner's several units
add their areas but count one head (DESIGN §3, roster.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from meeting_tui import i18n
from meeting_tui.domain.owners.decision import ABSTAIN, DecisionState
from meeting_tui.domain.owners.roster import Roster
from meeting_tui.domain.owners.rules import (
    Counts,
    MatterKind,
    Outcome,
    decide_question,
    decide_selection,
    percent,
)


@dataclass(frozen=True)
class BuildingProgress:
    """Where the canvassers stand in one building ("入户比例 30.06%")."""

    building: str
    units: int
    answered: int
    area: int
    answered_area: int

    @property
    def share(self) -> str:
        return percent(self.answered, self.units)


@dataclass(frozen=True)
class Tally:
    total: Counts
    participating: Counts
    options: dict[str, Counts]  # answer code → its area and heads
    buildings: tuple[BuildingProgress, ...]
    units: int
    answered_units: int

    def counts(self, option: str) -> Counts:
        return self.options.get(option, Counts(0, 0))


def count(roster: Roster, options: tuple[str, ...], answers: Mapping[str, str]) -> Tally:
    """Count `answers` (unit id → answer code) over `roster`, from scratch.

    If an owner's units carry different answers (the commands refuse that),
    the owner's head goes to the answer covering most of their area, ties to
    the earliest unit in the roster, so the count stays defined.
    """
    return RunningTally(roster, options, answers).tally()


def _head_answer(mine: Mapping[str, int]) -> str:
    """The answer an owner's head counts for: most area; a tie to the earliest unit's."""
    return max(mine, key=lambda a: mine[a])  # first key wins a tie (roster order)


class RunningTally:
    """The count kept up to date one answer at a time, for the answer key of the screen.

    Built by one pass over the units (`count` is exactly that), then `set`
    moves only what one unit's answer changes: its building, its area, and
    its owner's head (recounted over that owner's units in roster order, so
    a tie breaks as a recount breaks it). `tally()` is then O(answers +
    buildings) instead of O(units); the tests check it against a recount.
    """

    def __init__(self, roster: Roster, options: tuple[str, ...], answers: Mapping[str, str]):
        self.roster, self.options = roster, options
        self.answers: dict[str, str] = {}  # of the roster's units only
        self._area_by: dict[str, int] = dict.fromkeys(options, 0)
        self._heads_by: dict[str, int] = dict.fromkeys(options, 0)
        self._head_of: dict[str, str] = {}  # owner key → the answer their head counts for
        self._buildings: dict[str, list[int]] = {b: [0, 0, 0, 0] for b in roster.buildings}
        self._part_area = 0
        owner_answers: dict[str, dict[str, int]] = {}
        for unit in roster.units:
            row = self._buildings[unit.building]
            row[0] += 1
            row[2] += unit.area
            answer = answers.get(unit.id)
            if answer is not None:
                self.answers[unit.id] = answer
                self._add(unit.building, unit.area, answer, +1)
                mine = owner_answers.setdefault(unit.owner_key, {})
                mine[answer] = mine.get(answer, 0) + unit.area
        for key, mine in owner_answers.items():
            self._set_head(key, _head_answer(mine))

    def _add(self, building: str, area: int, answer: str, sign: int) -> None:
        row = self._buildings[building]
        row[1] += sign
        row[3] += sign * area
        self._part_area += sign * area
        self._area_by[answer] = self._area_by.get(answer, 0) + sign * area

    def _set_head(self, owner_key: str, answer: str | None) -> None:
        before = self._head_of.pop(owner_key, None)
        if before is not None:
            self._heads_by[before] -= 1
        if answer is not None:
            self._head_of[owner_key] = answer
            self._heads_by[answer] = self._heads_by.get(answer, 0) + 1

    def set(self, unit_id: str, answer: str | None) -> None:
        """Unit `unit_id` now answers `answer` (None: no answer, e.g. withdrawn)."""
        unit = self.roster.by_id[unit_id]
        old = self.answers.pop(unit_id, None)
        if old is not None:
            self._add(unit.building, unit.area, old, -1)
        if answer is not None:
            self.answers[unit_id] = answer
            self._add(unit.building, unit.area, answer, +1)
        mine: dict[str, int] = {}
        for sibling in self.roster.units_of_owner(unit.owner_key):
            if (given := self.answers.get(sibling.id)) is not None:
                mine[given] = mine.get(given, 0) + sibling.area
        self._set_head(unit.owner_key, _head_answer(mine) if mine else None)

    def tally(self) -> Tally:
        shown = [*self.options, *(a for a in self._area_by if a not in self.options)]
        return Tally(
            total=Counts(self.roster.total_area, self.roster.total_owners),
            participating=Counts(self._part_area, len(self._head_of)),
            options={
                a: Counts(self._area_by.get(a, 0), self._heads_by.get(a, 0))
                for a in shown
                if a in self.options or self._area_by.get(a) or self._heads_by.get(a)
            },
            buildings=tuple(BuildingProgress(b, *row) for b, row in self._buildings.items()),
            units=len(self.roster.units),
            answered_units=len(self.answers),
        )

    @classmethod
    def of(cls, state: DecisionState) -> RunningTally:
        answers = {u: b.answer for u, b in state.current.items()}
        return cls(state.roster or Roster(()), state.options, answers)


def tally(state: DecisionState) -> Tally:
    return RunningTally.of(state).tally()


def option_label(state: DecisionState, option: str, lang: str | None = None) -> str:
    """赞成 / 反对 / 弃权, or the candidate's name."""
    if option.isdigit() and state.candidates:
        return state.candidates[int(option) - 1]
    return i18n.t(f"owners.answer.{option}", lang)


def outcome(state: DecisionState, result: Tally | None = None) -> Outcome:
    """What the count decides now (the stored outcome once the count is closed)."""
    if state.closed and state.outcome is not None:
        return state.outcome
    result = result or tally(state)
    kind: MatterKind = state.kind
    if not state.is_selection:
        return decide_question(kind, result.counts("yes"), result.participating, result.total)
    candidates = {
        number: (option_label(state, number), result.counts(number))
        for number in state.options
        if number != ABSTAIN
    }
    return decide_selection(kind, candidates, result.participating, result.total)
