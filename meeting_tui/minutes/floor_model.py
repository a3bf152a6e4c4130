"""The debate in the minutes: who spoke on each matter, in order, and who chaired.

Finished words like the rest of the document (labels in the meeting's
language, times as HH:MM), so a saved version reads the same later; minutes
saved before the floor existed read back with none of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class SpeechEntry:
    order: int  # 1, 2, 3 … in the order the speeches began
    name: str
    party: str  # label
    stance: str  # label; 程序问题 for a point of order
    at: str  # HH:MM the speech began
    seconds: int
    limit_s: int | None
    summary: str
    overrun: bool
    over_cap: bool  # more speeches than the per-person cap allowed (warned, not refused)
    nth: int
    out_of_turn: bool  # the chair called this speaker before the one the rules suggested


@dataclass(frozen=True)
class PartyTime:
    party: str  # label
    seconds: int
    speeches: int


@dataclass(frozen=True)
class FloorEntry:
    """The speeches on one matter: a motion (by its number) or an agenda item (number 0)."""

    motion_number: int
    item: str
    speeches: tuple[SpeechEntry, ...]
    party_times: tuple[PartyTime, ...]


@dataclass(frozen=True)
class ChairEntry:
    """主持中立: the chair handed to `name` at `at`, taken back at `back_at` ("" if never)."""

    at: str
    name: str
    reason: str
    back_at: str


def _known(cls: type[Any], data: Mapping[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def floor_from_json(rows: Any) -> tuple[FloorEntry, ...]:
    return tuple(
        FloorEntry(
            **{
                **_known(FloorEntry, row),
                "speeches": tuple(SpeechEntry(**_known(SpeechEntry, s)) for s in row["speeches"]),
                "party_times": tuple(PartyTime(**_known(PartyTime, p)) for p in row["party_times"]),
            }
        )
        for row in rows
    )


def chairs_from_json(rows: Any) -> tuple[ChairEntry, ...]:
    return tuple(ChairEntry(**_known(ChairEntry, row)) for row in rows)
