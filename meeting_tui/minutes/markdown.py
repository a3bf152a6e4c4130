"""Minutes as Markdown: readable as plain text, rendered by the TUI preview and by any viewer.

Residents' words are escaped so that a `*` or `#` typed at the meeting stays
a character and never becomes formatting, a link or raw HTML.
"""

from __future__ import annotations

import re

from meeting_tui.minutes import floor_sections as fs
from meeting_tui.minutes import sections as s
from meeting_tui.minutes.floor_model import FloorEntry
from meeting_tui.minutes.model import Minutes

_SPECIAL = re.compile(r"([\\`*_\[\]<|~])")


def escape(text: str) -> str:
    """`text` with every character that Markdown would read as markup escaped."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    # A line that starts like a list item or a rule would be read as one.
    escaped = re.sub(r"(?m)^(\s*)([-+=#>]|\d+[.)])", r"\1\\\2", escaped)
    return escaped


def _inline(text: str) -> str:
    """Text in a table cell or a list item: line breaks kept as hard breaks."""
    return "\\\n  ".join(escape(line) for line in text.split("\n"))


def _table(table: s.Table) -> list[str]:
    head = "| " + " | ".join(escape(c) for c in table.columns) + " |"
    rule = "|" + "|".join("---" for _ in table.columns) + "|"
    body = [
        "| " + " | ".join(escape(cell).replace("\n", "<br>") for cell in row) + " |"
        for row in table.rows
    ]
    return [head, rule, *body]


def _debate(minutes: Minutes, entry: FloorEntry | None) -> list[str]:
    """Under a motion: who spoke, in a table, then the time per party and the overruns."""
    if entry is None:
        return []
    out = ["", f"**{escape(s.t(minutes, 'minutes.floor.debate'))}**", ""]
    out += _table(fs.speech_table(minutes, entry))
    out += ["", *(f"{escape(line)}  " for line in fs.summary_lines(minutes, entry))]
    return out


def _section(minutes: Minutes, key: str) -> list[str]:
    return ["", f"## {s.section_title(minutes, key)}", ""]


def render(minutes: Minutes) -> str:
    out = [f"# {escape(s.document_title(minutes))}", ""]
    for note in s.notes(minutes):
        out += [f"> {escape(note)}", ""]
    out += _table(
        s.Table(
            (s.t(minutes, "minutes.h.field"), s.t(minutes, "minutes.h.value")),
            tuple(s.header_rows(minutes) + fs.header_rows(minutes)),
        )
    )

    out += _section(minutes, "agenda")
    out += [f"{n}. {escape(line)}" for n, line in enumerate(s.agenda_lines(minutes), 1)]

    out += _section(minutes, "motions")
    for motion in minutes.motions:
        out += [f"### {escape(s.motion_heading(minutes, motion))}", ""]
        colon = s.colon(minutes)
        out += [
            f"- {escape(name)}{colon}{_inline(value)}"
            for name, value in s.motion_rows(minutes, motion)
        ]
        out += _debate(minutes, fs.of_motion(minutes, motion.number))
        out.append("")
    for entry in fs.of_items(minutes):
        out += [f"### {escape(fs.item_heading(minutes, entry))}", *_debate(minutes, entry), ""]
    out.pop()

    none = s.t(minutes, "minutes.none")
    for key, table in (
        ("followups", s.followup_table(minutes)),
        ("deferred", s.deferred_table(minutes)),
        ("unvoted", s.unvoted_table(minutes)),
    ):
        out += _section(minutes, key)
        if key == "unvoted" and table.rows:
            out += [escape(s.t(minutes, "minutes.unvoted_note")), ""]
        out += _table(table) if table.rows else [none]

    out += _section(minutes, "signatures")
    for role, day in s.signature_lines(minutes):
        colon = s.colon(minutes)
        out += [f"{escape(role)}{colon}＿＿＿＿＿＿＿＿　　{escape(day)}{colon}＿＿＿＿＿＿", ""]

    out += [f"{escape(line)}\n" for line in s.checkpoint_lines(minutes)]  # the record digest
    # The 落款, right-aligned in print; Markdown has no alignment, so it stands on its own lines.
    out += [f"{escape(line)}  " for line in s.closing_lines(minutes)]

    out += _section(minutes, "timeline")
    out += _table(s.timeline_table(minutes))
    return "\n".join(out).rstrip("\n") + "\n"


_HEADING_START = re.compile(r"(?m)^(?=#{1,6} )")


def parts_at_headings(source: str) -> list[str]:
    """`source` cut before each heading: rendered one under the other, a blank line between,
    they draw as the whole does (a heading ends any list, table or paragraph before it, and
    residents' `#` at the start of a line is escaped), so a preview can draw the first parts
    before the rest."""
    return [part for part in _HEADING_START.split(source) if part.strip()]
