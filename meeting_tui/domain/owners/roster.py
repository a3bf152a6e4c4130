"""The household roster (房屋清册): exclusive units, their areas and who owns them.

Counting owners (SPC interpretation on 建筑物区分所有权, art. 9): one
exclusive unit counts as one owner; several units of the same buyer count as
one (recognised by the roster's stated owner key, e.g. an ID-card number or
a purchaser number); the developer's unsold or undelivered units together
count as one. The area that counts is the registered area; before
registration the surveyed area; before a survey the area in the contract.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from meeting_tui.domain.errors import DomainError

DEVELOPER_KEY = "developer"  # the one owner all of the developer's units count as


class AreaSource(StrEnum):
    REGISTERED = "registered"  # 登记面积 (不动产权证)
    SURVEYED = "surveyed"  # 测绘面积
    CONTRACT = "contract"  # 合同面积


_AREA = re.compile(r"(\d{1,7})(?:\.(\d{1,2}))?")
_AREA_UNITS = ("平方米", "平米", "㎡", "m²", "m2", "M2", "m^2")
_SEPARATORS = re.compile(r"[\s\-－—_/／\\#号栋幢单元室]+")


def parse_area(text: str) -> int | None:
    """ "89.5", "89.50㎡", "1,089.50" → centi-m² (8950 …); "" → None; anything else: ValueError."""
    value = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    for unit in _AREA_UNITS:
        value = value.removesuffix(unit).strip()
    if not value:
        return None
    match = _AREA.fullmatch(value)
    if match is None:
        raise ValueError(text)
    whole, cents = match.group(1), (match.group(2) or "").ljust(2, "0")
    return int(whole) * 100 + int(cents)


def unit_id(building: str, entrance: str, room: str) -> str:
    """ "3", "2", "501" → "3-2-501" ("3栋", "2单元", "501室" too); without an entrance "3-501"."""
    return normalise_unit_id("-".join(part for part in (building, entrance, room) if part))


def normalise_unit_id(text: str) -> str:
    """What a canvasser types ("3－2－501", "3 2 501", "3栋2单元501室") as the roster's id."""
    value = unicodedata.normalize("NFKC", text).strip()
    return "-".join(part for part in _SEPARATORS.split(value) if part)


@dataclass(frozen=True)
class Unit:
    """One exclusive unit (专有部分) and the area that counts for it."""

    building: str
    entrance: str
    room: str
    owners: tuple[str, ...]
    area: int  # 0.01 m²
    area_source: AreaSource
    owner_key: str  # units with the same key are one owner
    developer: bool = False
    id: str = field(init=False, compare=False)  # "3-2-501", computed once: tallies read it often

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", unit_id(self.building, self.entrance, self.room))

    def to_json(self) -> dict[str, Any]:
        return {
            "building": self.building,
            "entrance": self.entrance,
            "room": self.room,
            "owners": list(self.owners),
            "area": self.area,
            "area_source": str(self.area_source),
            "owner_key": self.owner_key,
            "developer": self.developer,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Unit:
        return cls(
            str(data["building"]),
            str(data.get("entrance", "")),
            str(data["room"]),
            tuple(str(name) for name in data.get("owners", [])),
            int(data["area"]),
            AreaSource(data.get("area_source", AreaSource.REGISTERED)),
            str(data["owner_key"]),
            bool(data.get("developer", False)),
        )


def counting_key(owner_key: str, unit: str, developer: bool) -> str:
    """The key a unit's owner is counted under: developer, the stated key, or the unit itself."""
    if developer:
        return DEVELOPER_KEY
    return f"key:{owner_key}" if owner_key else f"unit:{unit}"


def choose_area(
    registered: int | None, surveyed: int | None, contract: int | None
) -> tuple[int, AreaSource] | None:
    """Registered, else surveyed, else contract area (the first one given)."""
    for value, source in (
        (registered, AreaSource.REGISTERED),
        (surveyed, AreaSource.SURVEYED),
        (contract, AreaSource.CONTRACT),
    ):
        if value is not None:
            return value, source
    return None


@dataclass(frozen=True)
class Roster:
    """The units of one compound, looked up by id ("3-2-501"); totals for the double count."""

    units: tuple[Unit, ...]
    by_id: dict[str, Unit] = field(init=False, repr=False, compare=False)
    by_owner: dict[str, tuple[Unit, ...]] = field(init=False, repr=False, compare=False)
    total_area: int = field(init=False, compare=False)
    total_owners: int = field(init=False, compare=False)

    def __post_init__(self) -> None:
        by_id: dict[str, Unit] = {}
        for unit in self.units:
            if unit.id in by_id:
                raise DomainError("owners.roster.duplicate_unit", unit=unit.id)
            by_id[unit.id] = unit
        object.__setattr__(self, "by_id", by_id)
        by_owner: dict[str, list[Unit]] = {}
        for unit in self.units:
            by_owner.setdefault(unit.owner_key, []).append(unit)
        object.__setattr__(self, "by_owner", {k: tuple(v) for k, v in by_owner.items()})
        object.__setattr__(self, "total_area", sum(u.area for u in self.units))
        object.__setattr__(self, "total_owners", len(by_owner))

    @property
    def buildings(self) -> list[str]:
        """Building names in roster order (first appearance)."""
        return list(dict.fromkeys(unit.building for unit in self.units))

    def find(self, typed: str) -> Unit:
        """The unit a canvasser typed, or a DomainError naming what was typed and the fix."""
        key = normalise_unit_id(typed)
        unit = self.by_id.get(key)
        if unit is None:
            raise DomainError(
                "owners.unit.unknown", unit=typed.strip() or "?", example=self.example
            )
        return unit

    @property
    def example(self) -> str:
        return self.units[0].id if self.units else "3-2-501"

    def units_of_owner(self, owner_key: str) -> list[Unit]:
        """In roster order; from an index made once, as every answer key asks."""
        return list(self.by_owner.get(owner_key, ()))

    def to_json(self) -> list[dict[str, Any]]:
        return [unit.to_json() for unit in self.units]

    @classmethod
    def from_json(cls, rows: Iterable[Mapping[str, Any]]) -> Roster:
        return cls(tuple(Unit.from_json(row) for row in rows))
