"""Rosters and decisions for the owners tests, built through the domain commands (imported by name)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

from meeting_tui.domain.owners import decision as d
from meeting_tui.domain.owners.roster import AreaSource, Roster, Unit, counting_key, unit_id

CST = timezone(timedelta(hours=8))
T0 = datetime(2026, 11, 21, 19, 0, tzinfo=CST)


def make_roster(units: Sequence[tuple[str, str, str, int, str]]) -> Roster:
    """(building, entrance, room, area, owner key) rows; "dev" marks the developer's units."""
    return Roster(
        tuple(
            Unit(b, e, r, (), area, AreaSource.REGISTERED, _key(b, e, r, key), key == "dev")
            for b, e, r, area, key in units
        )
    )


def _key(b: str, e: str, r: str, key: str) -> str:
    return counting_key("" if key == "dev" else key, unit_id(b, e, r), key == "dev")


class Book:
    """A decision moved forward by commands, as the store would (without the files)."""

    def __init__(self, roster: Roster, candidates: Sequence[str] = (), kind: str = "ordinary"):
        self.events: list[d.DecisionEvent] = []
        self.at = T0
        self.run(d.create_decision("20261121-kxdj", "物业选聘", "选聘物业", kind, candidates))
        self.run(d.import_roster(self.state, roster, "清册.csv"))

    @property
    def state(self) -> d.DecisionState:
        return d.fold(self.events)

    def run(self, drafts: list[d.DecisionDraft]) -> None:
        self.at += timedelta(minutes=1)
        self.events.extend(d.stamp(len(self.events), drafts, self.at))

    def ballot(self, unit: str, answer: str, who: str = "崔辉", method: str = "visit") -> None:
        self.run(d.record_ballot(self.state, unit, answer, method, who))
