"""Minutes as a Word document laid out like a Chinese 会议纪要: the file community offices file.

Two layouts (`wordml.LAYOUTS`): the community office's own (宋体 body 小四,
黑体 headings) and the 公文 style after GB/T 9704 (title 小标宋, body 仿宋
三号 on 22 lines a page, headings 一、 黑体 and （一） 楷体, motion fields
numbered 1. 2. 3.). Both print on A4 with "第 X 页 共 Y 页" in the footer, the
header table's label column as wide as its longest label, short columns
(numbers, dates, names) as wide as their values, every table's header row
repeated on each page, the signatures and the 落款 (committee, date)
right-aligned, and the timeline after them as the appendix (附件) on a page
of its own. Everything is black on white: it goes to a monochrome printer.
"""

from __future__ import annotations

import io

from meeting_tui.minutes import floor_sections as fs
from meeting_tui.minutes import sections as s
from meeting_tui.minutes import wordml
from meeting_tui.minutes.floor_model import FloorEntry
from meeting_tui.minutes.model import Minutes, MotionEntry

DEFAULT_LAYOUT = "community"


def _table(w: wordml.Writer, minutes: Minutes, table: s.Table) -> None:
    if not table.rows:
        w.paragraph((s.t(minutes, "minutes.none"), False), indent=w.layout.indent_body)
        return
    size = w.layout.table.size
    widths = wordml.fit_widths(table.columns, table.rows, table.short, size, w.layout.text_width)
    w.table(table.columns, table.rows, widths, short=table.short)


def _header(w: wordml.Writer, minutes: Minutes) -> None:
    """The two-column header table: labels as wide as the longest one, values the rest."""
    rows = s.header_rows(minutes) + fs.header_rows(minutes)
    names = [name for name, _ in rows]
    total = w.layout.text_width
    label = wordml.fit_widths(["", ""], [(n, "") for n in names], (0,), w.layout.table.size, total)[
        0
    ]
    widths = [label, total - label]
    w.table(("", ""), rows, widths, header=False, bold_first=True, short=(0,))


def _motion(w: wordml.Writer, minutes: Minutes, n: int, motion: MotionEntry) -> None:
    gongwen = w.layout.numbered_fields
    heading = (
        f"（{s.chinese_number(n)}）{motion.text}" if gongwen else s.motion_heading(minutes, motion)
    )
    w.paragraph((heading, False), style="Heading 2", keep_next=True, indent=gongwen)
    colon = s.colon(minutes)
    for k, (name, value) in enumerate(s.motion_rows(minutes, motion), start=1):
        number = f"{k}. " if gongwen else ""
        w.paragraph((number + name + colon, gongwen is False), (value, False), indent=gongwen)
    _debate(w, minutes, fs.of_motion(minutes, motion.number))


def _debate(w: wordml.Writer, minutes: Minutes, entry: FloorEntry | None) -> None:
    """Under a motion: who spoke, in a table, then the time per party and the overruns."""
    if entry is None:
        return
    indent = w.layout.indent_body
    w.paragraph((s.t(minutes, "minutes.floor.debate") + s.colon(minutes), True), keep_next=True)
    _table(w, minutes, fs.speech_table(minutes, entry))
    for line in fs.summary_lines(minutes, entry):
        w.paragraph((line, False), indent=indent)


def _heading(w: wordml.Writer, minutes: Minutes, key: str, *, page_break: bool = False) -> None:
    text = s.section_title(minutes, key)
    w.paragraph((text, False), style="Heading 1", keep_next=True, page_break=page_break)


def build(minutes: Minutes, layout: str = DEFAULT_LAYOUT) -> wordml.Writer:
    chosen = wordml.LAYOUTS[layout]
    title = s.document_title(minutes)
    w = wordml.Writer(chosen, minutes.lang, title)
    indent = chosen.indent_body
    if minutes.lang == "zh":
        w.page_numbers("第 ", " 页 共 ", " 页")
    else:
        w.page_numbers("Page ", " of ", "")

    w.paragraph((wordml.title_lines(title, chosen), False), style="Title")
    for note in s.notes(minutes):
        w.paragraph((note, True))
    _header(w, minutes)

    _heading(w, minutes, "agenda")
    for n, line in enumerate(s.agenda_lines(minutes), start=1):
        w.paragraph((f"{n}. {line}", False), indent=indent)
    _heading(w, minutes, "motions")
    for n, motion in enumerate(minutes.motions, start=1):
        _motion(w, minutes, n, motion)
    for entry in fs.of_items(minutes):
        heading = fs.item_heading(minutes, entry)
        w.paragraph((heading, False), style="Heading 2", keep_next=True)
        _debate(w, minutes, entry)

    _heading(w, minutes, "followups")
    _table(w, minutes, s.followup_table(minutes))
    _heading(w, minutes, "deferred")
    _table(w, minutes, s.deferred_table(minutes))
    _heading(w, minutes, "unvoted")
    unvoted = s.unvoted_table(minutes)
    if unvoted.rows:
        w.paragraph((s.t(minutes, "minutes.unvoted_note"), False), indent=indent)
    _table(w, minutes, unvoted)

    _heading(w, minutes, "signatures")
    colon = s.colon(minutes)
    for role, day in s.signature_lines(minutes):
        line = f"{role}{colon}{'＿' * 10}　　{day}{colon}{'＿' * 7}"
        w.paragraph((line, False), space_before=18)
    for line in s.checkpoint_lines(minutes):  # the record digest
        w.paragraph((line, False), space_before=18)

    # The 落款: who files the minutes and the meeting's date, right-aligned (右空二字).
    for n, line in enumerate(s.closing_lines(minutes)):
        w.paragraph((line, False), align="right", right_chars=2, space_before=24 if n == 0 else 0)

    _heading(w, minutes, "timeline", page_break=True)
    _table(w, minutes, s.timeline_table(minutes))
    return w


def render(minutes: Minutes, layout: str = DEFAULT_LAYOUT) -> bytes:
    buffer = io.BytesIO()
    build(minutes, layout).save(buffer)
    return buffer.getvalue()
