"""Import the agenda a facilitator prepared the evening before.

The file comes from whatever the community office has: Notepad on Chinese
Windows (GBK), WPS or Word saved as text, Excel saved as CSV (UTF-8 with BOM,
or "Unicode text", which is UTF-16 with tabs), a Markdown note on a phone.
So this module guesses the encoding and the format and turns every problem
into an :class:`AgendaFileError` that says where and how to fix it — never a
traceback in front of residents.

Formats: a file is read as CSV when its name ends in ``.csv``/``.tsv`` or its
first line is a header such as ``title,minutes,notes``, ``议题,时长,备注`` or
``议题,分钟,说明`` (comma, semicolon or tab separated; columns found by
name, so a 序号 column or another order is fine; without a header the
columns are title, minutes, notes). Anything else is plain text or Markdown,
described in :mod:`meeting_tui.domain.agenda_lines`.

Encodings tried, in order: a BOM (UTF-8, UTF-16, UTF-32), UTF-16 without BOM
(detected by its NUL bytes), UTF-8, then GB18030 (a superset of GBK and
GB2312). A short GBK file can also be valid UTF-8 (位 reads as λ): UTF-8
text with Greek, Cyrillic or other U+0100–U+07FF letters and no Chinese at
all is re-read as GBK when that gives Chinese. Latin accents (café) stay
UTF-8. Word/Excel files themselves are recognised and refused with advice.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import stat
import unicodedata
from pathlib import Path

from meeting_tui.domain.agenda_entry import (
    MAX_ITEMS,
    AgendaEntry,
    AgendaFileError,
    make_entry,
    parse_minutes_cell,
)
from meeting_tui.domain.agenda_lines import parse_lines
from meeting_tui.domain.text import clean_text

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_ITEMS",
    "AgendaEntry",
    "AgendaFileError",
    "decode_agenda",
    "parse_agenda",
    "read_agenda_file",
]

MAX_FILE_BYTES = 1_000_000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_OFFICE_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # .xlsx/.docx (zip), .xls/.doc (OLE)
_TITLE_HEADERS = frozenset({"title", "item", "topic", "议题", "事项", "标题", "议程", "内容"})
_MINUTES_HEADERS = frozenset(
    {"minutes", "min", "mins", "time", "duration", "时长", "分钟", "时间", "用时", "分钟数"}
)
_NOTES_HEADERS = frozenset({"notes", "note", "comment", "备注", "说明", "描述", "详情"})
_HEADER_NOISE = re.compile(r"[\s（(].*$")  # 时长（分钟） → 时长


def parse_agenda(data: bytes, filename: str | None = None) -> list[AgendaEntry]:
    """The items in an agenda file's bytes; `filename` only hints at the format.

    Raises nothing but :class:`AgendaFileError`.
    """
    if len(data) > MAX_FILE_BYTES:
        raise AgendaFileError(
            "agenda.too_large", size_kb=len(data) // 1000, limit_kb=MAX_FILE_BYTES // 1000
        )
    text = decode_agenda(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    suffix = Path(filename).suffix.lower() if filename else ""
    delimiter = csv_delimiter(first_line(text))
    if suffix in (".csv", ".tsv") or _header_columns(first_line(text), delimiter):
        entries = _parse_csv(text, delimiter)
    else:
        entries = parse_lines(text)
    if not entries:
        raise AgendaFileError("agenda.empty")
    if len(entries) > MAX_ITEMS:
        raise AgendaFileError("agenda.too_many", count=len(entries), limit=MAX_ITEMS)
    return entries


def read_agenda_file(path: str | os.PathLike[str]) -> list[AgendaEntry]:
    """Read and parse an agenda file; the only I/O in the agenda import."""
    file = Path(path)
    shown = clean_text(str(file))
    try:
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            raise AgendaFileError("agenda.is_directory", path=shown)
        if not stat.S_ISREG(info.st_mode):
            raise AgendaFileError("agenda.not_a_file", path=shown)
        if info.st_size > MAX_FILE_BYTES:
            raise AgendaFileError(
                "agenda.too_large",
                size_kb=info.st_size // 1000,
                limit_kb=MAX_FILE_BYTES // 1000,
            )
        with file.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise AgendaFileError("agenda.not_found", path=shown) from None
    except IsADirectoryError:
        raise AgendaFileError("agenda.is_directory", path=shown) from None
    except PermissionError:
        raise AgendaFileError("agenda.permission", path=shown) from None
    except (OSError, ValueError) as exc:
        reason = clean_text(getattr(exc, "strerror", None) or type(exc).__name__)
        raise AgendaFileError("agenda.unreadable", path=shown, reason=reason) from None
    return parse_agenda(data, file.name)


def decode_agenda(data: bytes) -> str:
    """The text of an agenda file, whichever encoding a Chinese office used."""
    if data.startswith(_OFFICE_MAGIC):
        raise AgendaFileError("agenda.office_file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data, codec))
    if b"\x00" in data:
        return _plausible(_decode(data, _utf16_without_bom(data)))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _plausible(_decode(data, "gb18030"), error="agenda.encoding")
    if not _has_cjk(text) and any("\u0100" <= char <= "\u07ff" for char in text):
        # Short GBK text can be valid UTF-8 by accident (位 → λ); Greek or
        # Cyrillic with no Chinese at all is the tell.
        try:
            gbk = _plausible(data.decode("gb18030"), error="agenda.encoding")
        except (UnicodeDecodeError, AgendaFileError):
            gbk = ""
        if _has_cjk(gbk):
            return gbk
    return _checked(text)


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" for char in text)


def _decode(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, UnicodeError):
        raise AgendaFileError("agenda.encoding") from None


def _utf16_without_bom(data: bytes) -> str:
    """UTF-16 saved without a BOM: ASCII characters leave NULs on one side."""
    odd, even = data[1::2].count(0), data[0::2].count(0)
    if len(data) % 2 == 0 and odd != even:
        return "utf-16-le" if odd > even else "utf-16-be"
    raise AgendaFileError("agenda.binary")


def _checked(text: str) -> str:
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise AgendaFileError("agenda.binary")
    return text


def _plausible(text: str, error: str = "agenda.binary") -> str:
    """A guessed decoding must read like text: GB18030 and UTF-16 decode much byte soup.

    Private-use and unassigned characters betray a wrong guess. Control
    characters do too, except in GBK files, where old tools leave a Ctrl-Z or
    a form feed that cleaning removes anyway.
    """
    controls_allowed = error == "agenda.encoding"
    for char in text:
        category = unicodedata.category(char)
        if category in ("Co", "Cn", "Cs"):
            raise AgendaFileError(error)
        if category == "Cc" and char not in "\t\n\r" and not controls_allowed:
            raise AgendaFileError(error)
    return _checked(text)


def first_line(text: str) -> str:
    """The first line that is not blank (a header row, as Excel writes it)."""
    return next((line for line in text.split("\n") if line.strip()), "")


def csv_delimiter(line: str) -> str:
    """The separator a header line uses: comma, tab or semicolon (Excel in some locales)."""
    counts = {delimiter: line.count(delimiter) for delimiter in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _header_name(cell: str) -> str:
    return _HEADER_NOISE.sub("", clean_text(cell).lower())


def _header_columns(line: str, delimiter: str) -> tuple[int, int | None, int | None] | None:
    """(title, minutes, notes) column positions if `line` is a header row."""
    try:
        cells = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return None
    names = [_header_name(cell) for cell in cells]
    title = next((i for i, name in enumerate(names) if name in _TITLE_HEADERS), None)
    if title is None or len(names) < 2:
        return None
    minutes = next((i for i, name in enumerate(names) if name in _MINUTES_HEADERS), None)
    notes = next((i for i, name in enumerate(names) if name in _NOTES_HEADERS), None)
    if minutes is None and notes is None:
        return None
    return title, minutes, notes


def _parse_csv(text: str, delimiter: str) -> list[AgendaEntry]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = _header_columns(first_line(text), delimiter)
    title_at, minutes_at, notes_at = columns or (0, 1, 2)
    entries: list[AgendaEntry] = []
    seen_header = columns is None
    previous_end = 0
    try:
        for row in reader:
            line, previous_end = previous_end + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if not seen_header:
                seen_header = True
                continue
            if len(entries) > MAX_ITEMS:
                break
            minutes = parse_minutes_cell(_cell(row, minutes_at), line)
            entries.append(make_entry(_cell(row, title_at), minutes, [_cell(row, notes_at)], line))
    except csv.Error:
        raise AgendaFileError("agenda.csv_broken", line=previous_end + 1) from None
    return entries


def _cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""
