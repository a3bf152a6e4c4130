"""The live double count: participation and each answer, by area and by head, per building.

The tally is recomputed from the current answers (one pass over the units),
so whatever order ballots, corrections and withdrawals came in, it equals a
recount from scratch. Heads are owners, not units: an owner's several units
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
    """Count `answers` (unit id → answer code) over `roster`.

    If an owner's units carry different answers (the commands refuse that),
    the owner's head goes to the answer covering most of their area, ties to
    the earliest unit in the roster, so the count stays defined.
    """
    area_by: dict[str, int] = dict.fromkeys(options, 0)
    owner_answers: dict[str, dict[str, int]] = {}
    part_area = 0
    per_building: dict[str, list[int]] = {b: [0, 0, 0, 0] for b in roster.buildings}
    answered_units = 0
    for unit in roster.units:
        row = per_building[unit.building]
        row[0] += 1
        row[2] += unit.area
        answer = answers.get(unit.id)
        if answer is None:
            continue
        answered_units += 1
        row[1] += 1
        row[3] += unit.area
        part_area += unit.area
        area_by[answer] = area_by.get(answer, 0) + unit.area
        mine = owner_answers.setdefault(unit.owner_key, {})
        mine[answer] = mine.get(answer, 0) + unit.area
    heads_by: dict[str, int] = dict.fromkeys(options, 0)
    for mine in owner_answers.values():
        chosen = max(mine, key=lambda a: mine[a])  # first key wins a tie (insertion order)
        heads_by[chosen] = heads_by.get(chosen, 0) + 1
    return Tally(
        total=Counts(roster.total_area, roster.total_owners),
        participating=Counts(part_area, len(owner_answers)),
        options={a: Counts(area_by[a], heads_by.get(a, 0)) for a in area_by},
        buildings=tuple(BuildingProgress(b, *row) for b, row in per_building.items()),
        units=len(roster.units),
        answered_units=answered_units,
    )


def tally(state: DecisionState) -> Tally:
    roster = state.roster or Roster(())
    return count(roster, state.options, {u: b.answer for u, b in state.current.items()})


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
