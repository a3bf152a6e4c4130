"""Agendas written as plain text or Markdown, the way facilitators write them.

Rules (also the user documentation of the format):

* One item a line; blank lines are ignored.
* A line starting with ``#`` is a heading or a comment ("# 南苑社区议事会
  议程", "## 改造方案"): it is skipped, never an item. So are horizontal
  rules (``---``), single-line HTML comments and Markdown table rules.
* List markers are removed: ``- * + •``, ``1.`` ``1)`` ``1、`` ``（1）``
  ``(一)`` ``一、`` ``第一项：`` ``①``, and checkboxes ``[ ]`` / ``[x]``.
* If any line carries such a marker the file is a list: unmarked lines
  *before* the first item are a preamble (时间、地点 …) and skipped; after
  that an unmarked line is still an item, so a forgotten dash loses nothing.
* A line indented deeper than the items (two spaces, a tab or a full-width
  space more), or a ``>`` quote, is a note of the item above it.
* A time box may end the line: "— 15分钟", "- 15 分钟", "（15分钟）",
  "(15 min)", "15min", "15 minutes", "【10分钟】", "1.5小时", "半小时"; a
  clock span may start it: "14:00-14:15 开场说明". Full-width digits count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from meeting_tui.domain.agenda_entry import (
    DIGIT_FOLD,
    EMPHASIS,
    MAX_ITEMS,
    AgendaEntry,
    AgendaFileError,
    make_entry,
    minutes_from,
    split_time_box,
)
from meeting_tui.domain.text import clean_text

_CN_NUMBER = "[一二三四五六七八九十百零〇两]+"
_NUMBER = rf"(?:\d{{1,3}}|{_CN_NUMBER})"
_MARKER = re.compile(
    r"(?:[-*+](?=\s)|[-－](?=[^\x00-\x7f])|[•·・●○■□◆◇▪►▶◦‣])\s*"
    rf"|{_NUMBER}\s*(?:[.．)）、:：](?!\d))\s*"
    rf"|[（(]\s*{_NUMBER}\s*[）)]\s*"
    rf"|第\s*{_NUMBER}\s*(?:[项条个][、.．:：]?|[、.．:：])\s*"
    r"|[①-⑳]\s*"
)
_CHECKBOX = re.compile(r"\[[ xX✓√]?\]\s*")
_SKIPPED = re.compile(
    r"#|<!--.*-->\s*$|([-*_=])(?:\s*\1){2,}\s*$|\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$"
)
_CLOCK_SPAN = re.compile(
    r"(?P<h1>\d{1,2})[:：](?P<m1>\d{2})\s*[-–—~～至到]+\s*(?P<h2>\d{1,2})[:：](?P<m2>\d{2})\s*"
)
_CLOCK = re.compile(r"\d{1,2}[:：]\d{2}(?!\d)\s+")
_INDENT_WIDTH = {" ": 1, "\t": 4, "\u3000": 2}


@dataclass
class _Draft:
    title: str
    minutes: int | None
    line: int
    notes: list[str] = field(default_factory=list)


def parse_lines(text: str) -> list[AgendaEntry]:
    """Items of a plain-text or Markdown agenda, in file order."""
    lines = text.split("\n")
    bodies = [clean_text(line).translate(DIGIT_FOLD) for line in lines]
    list_mode = any(_MARKER.match(body) for body in bodies if not _SKIPPED.match(body))
    drafts: list[_Draft] = []
    base_indent: int | None = None
    for number, (raw, body) in enumerate(zip(lines, bodies, strict=True), start=1):
        if not body or _SKIPPED.match(body):
            continue
        indent = _indent_width(raw)
        if body.startswith(">") or (base_indent is not None and indent >= base_indent + 2):
            if drafts:
                drafts[-1].notes.append(_note_text(body))
            continue
        marker = _MARKER.match(body)
        if list_mode and marker is None and not drafts:
            continue  # preamble: meeting time, place, who called it
        content = body[marker.end() :] if marker else body
        content = _CHECKBOX.sub("", content, count=1) if _CHECKBOX.match(content) else content
        content = content.strip()
        if not content:
            continue  # a lone bullet
        if base_indent is None:
            base_indent = indent
        if len(drafts) > MAX_ITEMS:
            break  # enough to report "too many"; the rest would only cost time
        drafts.append(_draft(content, number))
    return [make_entry(d.title, d.minutes, d.notes, d.line) for d in drafts]


def _draft(content: str, line: int) -> _Draft:
    emphasis = EMPHASIS.fullmatch(content)
    if emphasis is not None:
        content = emphasis.group(2).strip()
    clock_minutes: int | None = None
    span = _CLOCK_SPAN.match(content)
    if span is not None:
        clock_minutes = _span_minutes(span, line)
        content = content[span.end() :]
    else:
        clock = _CLOCK.match(content)
        content = content[clock.end() :] if clock else content
    title, minutes = split_time_box(content, line)
    make_entry(title, minutes, [], line)  # report a bad title at its line, in file order
    return _Draft(title=title, minutes=minutes if minutes is not None else clock_minutes, line=line)


def _span_minutes(span: re.Match[str], line: int) -> int:
    start = int(span.group("h1")) * 60 + int(span.group("m1"))
    end = int(span.group("h2")) * 60 + int(span.group("m2"))
    if end <= start:
        raise AgendaFileError("agenda.bad_clock", line=line, value=span.group().strip())
    return minutes_from(str(end - start), 1, line)


def _note_text(body: str) -> str:
    body = body.lstrip(">").strip()
    marker = _MARKER.match(body)
    return body[marker.end() :] if marker else body


def _indent_width(raw: str) -> int:
    width = 0
    for char in raw:
        if char not in _INDENT_WIDTH:
            break
        width += _INDENT_WIDTH[char]
    return width
