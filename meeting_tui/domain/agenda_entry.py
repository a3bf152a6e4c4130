"""One imported agenda item, its validation, and the time boxes people write.

Shared by the plain-text/Markdown reader and the CSV reader so both formats
accept the same time boxes and refuse the same mistakes with the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.text import clean_text

MAX_TITLE_CHARS = 200
MAX_NOTES_CHARS = 2000
MAX_MINUTES = 600
MAX_ITEMS = 200  # the reference meeting has 12; more means the wrong file

DIGIT_FOLD = str.maketrans("０１２３４５６７８９", "0123456789")

_MINUTE_UNIT = r"分钟|分鐘|minutes?|mins?"
_HOUR_UNIT = r"个?小时|個?小時|hours?|hrs?|h"
_DURATION = (
    rf"(?:(?<![0-9A-Za-z.])(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>{_MINUTE_UNIT}|{_HOUR_UNIT})\.?"
    r"|(?P<half>半个?小时|半個?小時))"
)
_TIME_BOX = re.compile(
    r"(?P<sep>\s*[—–\-－~～:：,，|/]+\s*|\s*[（(【\[]\s*|\s+)?"
    + _DURATION
    + r"\s*(?P<close>[）)】\]])?\s*$",
    re.IGNORECASE,
)
_DURATION_CELL = re.compile(rf"\s*{_DURATION}?\s*$", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"\s*(?P<num>\d+(?:\.\d+)?)\s*$")
EMPHASIS = re.compile(r"(\*\*|__)(.+)\1")  # **电线入地改造**
_TIME_BOX_WINDOW = 40
_TRAILING_SEPARATORS = " \u3000—–-－~～:：,，|/"


@dataclass(frozen=True)
class AgendaEntry:
    """An agenda item as read from a file, before it joins a meeting.

    `line` is the 1-based line of the file the item starts on, so a
    facilitator can find it; `minutes` is the time box, if one was written.
    """

    title: str
    minutes: int | None
    notes: str
    line: int


class AgendaFileError(DomainError):
    """An agenda file that cannot be imported, with where and how to fix it."""

    @property
    def line(self) -> int | None:
        value: Any = self.values.get("line")
        return value if isinstance(value, int) else None


def split_time_box(title: str, line: int) -> tuple[str, int | None]:
    """Split "电线入地改造 —— 15分钟" into ("电线入地改造", 15).

    A duration glued to the title without a separator ("休息15分钟") counts
    only when it is a sensible time box; "改为24小时" stays part of the title.
    An unpaired closing bracket means the duration belongs to the title too
    ("设施（含2小时）").
    """
    # A time box is short: search only the tail, so a long line costs linear time.
    match = _TIME_BOX.search(title.translate(DIGIT_FOLD), max(len(title) - _TIME_BOX_WINDOW, 0))
    if match is None:
        return title, None
    sep = match.group("sep") or ""
    if match.group("close") and not re.search(r"[（(【\[]", sep):
        return title, None
    rest = title[: match.start()].rstrip(_TRAILING_SEPARATORS)
    if not sep:
        try:
            return rest, _minutes_of(match, line)
        except AgendaFileError:
            return title, None
    return rest, _minutes_of(match, line)


def parse_minutes_cell(cell: str, line: int) -> int | None:
    """A CSV minutes cell: empty, 15, １５, 15分钟, 1.5小时 or 半小时."""
    folded = cell.translate(DIGIT_FOLD).strip()
    if not folded:
        return None
    match = _DURATION_CELL.fullmatch(folded)
    if match is not None and (match.group("num") or match.group("half")):
        return _minutes_of(match, line)
    bare = _BARE_NUMBER.fullmatch(folded)
    if bare is not None:
        return minutes_from(bare.group("num"), 1, line)
    raise AgendaFileError("agenda.bad_minutes", line=line, value=clean_text(cell, max_len=20))


def _minutes_of(match: re.Match[str], line: int) -> int:
    if match.group("half"):
        return 30
    unit = match.group("unit").lower()
    factor = 1 if re.fullmatch(_MINUTE_UNIT, unit) else 60
    return minutes_from(match.group("num"), factor, line)


def minutes_from(number: str, factor: int, line: int) -> int:
    """Whole minutes in 1..MAX_MINUTES, or a line error saying which rule failed."""
    shown = number[:12] + ("…" if len(number) > 12 else "")
    if len(number.split(".")[0]) > 6:
        raise AgendaFileError("agenda.minutes_range", line=line, minutes=shown, limit=MAX_MINUTES)
    total = Decimal(number[:40]) * factor
    if total != total.to_integral_value():
        raise AgendaFileError("agenda.minutes_fraction", line=line, value=shown)
    minutes = int(total)
    if not 1 <= minutes <= MAX_MINUTES:
        raise AgendaFileError("agenda.minutes_range", line=line, minutes=minutes, limit=MAX_MINUTES)
    return minutes


def make_entry(title: str, minutes: int | None, notes: list[str], line: int) -> AgendaEntry:
    """Clean and check one item; every format ends here."""
    title = clean_text(title).translate(DIGIT_FOLD)
    emphasis = EMPHASIS.fullmatch(title)
    if emphasis is not None:
        title = emphasis.group(2).strip()
    if not title:
        raise AgendaFileError("agenda.empty_title", line=line)
    if len(title) > MAX_TITLE_CHARS:
        raise AgendaFileError(
            "agenda.title_too_long", line=line, length=len(title), limit=MAX_TITLE_CHARS
        )
    text = clean_text("\n".join(notes), multiline=True)
    if len(text) > MAX_NOTES_CHARS:
        raise AgendaFileError("agenda.notes_too_long", line=line, limit=MAX_NOTES_CHARS)
    return AgendaEntry(title=title, minutes=minutes, notes=text, line=line)
