"""Import the household roster (房屋清册) as a community office saves it from Excel.

Encodings are detected as for agenda files (UTF-8 with or without BOM, GBK /
GB18030, UTF-16 "Unicode text"): `decode_agenda` does it. Columns are found
by their header names (zh or en, any order); every problem is reported with
its line number, all of them at once, so the file is fixed in one pass.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from meeting_tui.domain.agenda_entry import AgendaFileError
from meeting_tui.domain.agenda_file import csv_delimiter, decode_agenda, first_line
from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.owners.roster import (
    Roster,
    Unit,
    choose_area,
    counting_key,
    parse_area,
    unit_id,
)
from meeting_tui.domain.text import clean_text

MAX_ROSTER_BYTES = 10_000_000
MAX_ERRORS_SHOWN = 3

COLUMNS: dict[str, frozenset[str]] = {
    "building": frozenset({"building", "楼号", "楼栋", "栋", "幢", "楼", "栋号", "楼栋号"}),
    "entrance": frozenset({"unit", "entrance", "单元", "单元号"}),
    "room": frozenset({"room", "房号", "室", "房间", "房间号", "门牌", "户号", "室号"}),
    "owners": frozenset({"owner", "owners", "业主", "业主姓名", "姓名", "产权人", "所有权人"}),
    "registered": frozenset(
        {"registered_area", "登记面积", "产权面积", "面积", "专有面积", "area"}
    ),
    "surveyed": frozenset({"surveyed_area", "测绘面积", "实测面积"}),
    "contract": frozenset({"contract_area", "合同面积", "预售面积"}),
    "owner_key": frozenset({"owner_key", "业主标识", "业主编号", "产权人编号", "买受人编号"}),
    "developer": frozenset({"developer", "开发商", "开发商未售", "未售"}),
}
_YES = frozenset({"是", "y", "yes", "1", "true", "√", "✓", "未售", "未交付", "开发商"})
_NOISE = re.compile(r"[\s（(].*$")  # 面积（㎡） → 面积
_NAME_SPLIT = re.compile(r"[、，,;；/／]+")


@dataclass(frozen=True)
class RosterProblem:
    line: int
    key: str
    values: dict[str, str]


class RosterFileError(DomainError):
    """A roster that cannot be imported; `problems` lists every line at fault."""

    def __init__(
        self, key: str, /, problems: tuple[RosterProblem, ...] = (), **values: str
    ) -> None:
        super().__init__(key, **values)
        self.problems = problems


def _problem_error(problems: list[RosterProblem]) -> RosterFileError:
    from meeting_tui import i18n

    shown = "；".join(
        i18n.t("owners.roster.at_line", line=p.line, problem=i18n.t(p.key, **p.values))
        for p in problems[:MAX_ERRORS_SHOWN]
    )
    more = len(problems) - MAX_ERRORS_SHOWN
    return RosterFileError(
        "owners.roster.problems" if more > 0 else "owners.roster.problem",
        tuple(problems),
        shown=shown,
        more=str(more),
    )


def read_roster_file(path: str | os.PathLike[str]) -> Roster:
    """Read and parse a roster file; the only I/O of the roster import."""
    file = Path(path)
    shown = clean_text(str(file))
    try:
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):
            raise RosterFileError("owners.roster.not_a_file", path=shown)
        if info.st_size > MAX_ROSTER_BYTES:
            raise RosterFileError("owners.roster.too_large", path=shown)
        data = file.read_bytes()
    except FileNotFoundError:
        raise RosterFileError("owners.roster.not_found", path=shown) from None
    except OSError as exc:
        reason = clean_text(exc.strerror or type(exc).__name__)
        raise RosterFileError("owners.roster.unreadable", path=shown, reason=reason) from None
    return parse_roster(data)


def parse_roster(data: bytes) -> Roster:
    """The units in a roster file's bytes; raises nothing but RosterFileError."""
    try:
        text = decode_agenda(data)
    except AgendaFileError as error:
        key = {"agenda.office_file": "owners.roster.office_file"}.get(error.key)
        raise RosterFileError(key or "owners.roster.encoding") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    delimiter = csv_delimiter(first_line(text))
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    problems: list[RosterProblem] = []
    columns: dict[str, int] | None = None
    units: list[Unit] = []
    seen: dict[str, int] = {}
    line = 0
    try:
        for row in rows:
            start, line = line + 1, rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            if columns is None:
                columns = _header(row)
                if columns is None:
                    raise RosterFileError("owners.roster.no_header")
                continue
            unit = _unit(row, columns, start, problems)
            if unit is None:
                continue
            if unit.id in seen:
                problems.append(
                    RosterProblem(
                        start,
                        "owners.roster.repeated",
                        {"unit": unit.id, "first": str(seen[unit.id])},
                    )
                )
                continue
            seen[unit.id] = start
            units.append(unit)
    except csv.Error:
        raise RosterFileError("owners.roster.csv_broken", line=str(line + 1)) from None
    if problems:
        raise _problem_error(problems)
    if not units:
        raise RosterFileError("owners.roster.empty")
    return Roster(tuple(units))


def _header(row: list[str]) -> dict[str, int] | None:
    names = [_NOISE.sub("", clean_text(cell).lower()) for cell in row]
    found: dict[str, int] = {}
    for field, accepted in COLUMNS.items():
        at = next((i for i, name in enumerate(names) if name in accepted), None)
        if at is not None:
            found[field] = at
    has_area = any(f in found for f in ("registered", "surveyed", "contract"))
    if "building" not in found or "room" not in found or not has_area:
        return None
    return found


def _unit(
    row: list[str], columns: dict[str, int], line: int, problems: list[RosterProblem]
) -> Unit | None:
    def cell(field: str) -> str:
        at = columns.get(field)
        return clean_text(row[at]) if at is not None and at < len(row) else ""

    building, entrance, room = cell("building"), cell("entrance"), cell("room")
    if not building or not room:
        problems.append(RosterProblem(line, "owners.roster.no_room", {}))
        return None
    areas: list[int | None] = []
    for field in ("registered", "surveyed", "contract"):
        try:
            areas.append(parse_area(cell(field)))
        except ValueError:
            problems.append(RosterProblem(line, "owners.roster.bad_area", {"value": cell(field)}))
            return None
    chosen = choose_area(*areas)
    if chosen is None or chosen[0] <= 0:
        problems.append(RosterProblem(line, "owners.roster.no_area", {}))
        return None
    names = tuple(n.strip() for n in _NAME_SPLIT.split(cell("owners")) if n.strip())
    developer = cell("developer").lower() in _YES
    own_id = unit_id(building, entrance, room)
    return Unit(
        building,
        entrance,
        room,
        names,
        chosen[0],
        chosen[1],
        counting_key(cell("owner_key"), own_id, developer),
        developer,
    )
