"""The sign-in sheet and the meeting notice as Word documents, on the minutes' WordML writer.

The sign-in sheet fills one A4 page for up to 40 residents: its rows share
the height left under the header (at most 12 mm, at least 5.5 mm, enough to
sign in), the columns to write in are at least as wide as a handwritten
name, and a longer list runs onto more pages with the header row repeated.
The notice keeps to one page for a usual agenda of eight items.
"""

from __future__ import annotations

import dataclasses
import io

from meeting_tui import i18n
from meeting_tui.minutes import wordml
from meeting_tui.minutes.build import paren
from meeting_tui.minutes.papers import (
    SIGNATURE_MM,
    SIGNIN_HANDWRITING_MM,
    SIGNIN_MARGINS,
    Notice,
    SignInSheet,
    signin_row_mm,
)
from meeting_tui.minutes.sections import chinese_number

# A sign-in sheet uses the page to the edges a printer allows: 15 mm top and bottom, 18 mm sides.


def _page_numbers(w: wordml.Writer, lang: str) -> None:
    if lang == "zh":
        w.page_numbers("第 ", " 页 共 ", " 页")
    else:
        w.page_numbers("Page ", " of ", "")


def signin_widths(sheet: SignInSheet, size_pt: float, total: int) -> list[int]:
    """序号 姓名 楼栋单元 身份 as wide as their values and a handwritten name; 签名 the rest.

    The signature column keeps at least SIGNATURE_MM however long the roster's values.
    """
    fitted = wordml.fit_widths(sheet.columns, sheet.rows, (0, 1, 2, 3), size_pt, total)
    widths = [
        max(w, round(mm * wordml.TWIPS_PER_MM))
        for w, mm in zip(fitted, SIGNIN_HANDWRITING_MM, strict=False)
    ]
    room = total - round(SIGNATURE_MM * wordml.TWIPS_PER_MM)
    if sum(widths) > room:
        widths = [round(w * room / sum(widths)) for w in widths]
    return [*widths, total - sum(widths)]


def render_signin(sheet: SignInSheet, layout: str = "community") -> bytes:
    base = wordml.LAYOUTS[layout]
    chosen = dataclasses.replace(base, margins_mm=SIGNIN_MARGINS, line_pt=None, indent_body=False)
    w = wordml.Writer(chosen, sheet.lang, sheet.title)
    _page_numbers(w, sheet.lang)
    w.paragraph((wordml.title_lines(sheet.title, chosen), False), style="Title")
    colon = "：" if sheet.lang == "zh" else ": "
    for pairs in sheet.header:
        w.paragraph(("　　".join(f"{name}{colon}{value}" for name, value in pairs), False))
    height = round(signin_row_mm(len(sheet.rows), len(sheet.header)) * wordml.TWIPS_PER_MM)
    widths = signin_widths(sheet, chosen.table.size, chosen.text_width)
    w.table(sheet.columns, sheet.rows, widths, short=(0, 1, 2, 3), row_height=height)
    buffer = io.BytesIO()
    w.save(buffer)
    return buffer.getvalue()


def render_notice(notice: Notice, layout: str = "community") -> bytes:
    chosen = wordml.LAYOUTS[layout]
    w = wordml.Writer(chosen, notice.lang, notice.title)
    _page_numbers(w, notice.lang)
    zh = notice.lang == "zh"
    colon = "：" if zh else ": "
    w.paragraph((wordml.title_lines(notice.title, chosen), False), style="Title")
    w.paragraph((notice.addressee, False))
    w.paragraph((notice.opening, False), indent=True)

    def heading(n: int, text: str) -> str:
        return f"{chinese_number(n)}、{text}" if zh else f"{n}. {text}"

    n = 0
    for n, (name, value) in enumerate(notice.facts, start=1):
        w.paragraph((heading(n, name) + colon, True), (value, False), indent=True)
    w.paragraph(
        (heading(n + 1, i18n.t("paper.h.agenda", notice.lang)), True), indent=True, keep_next=True
    )
    columns = tuple(
        i18n.t(f"paper.col.{c}", notice.lang) for c in ("number", "slot", "item", "length")
    )
    rows = [
        (str(a.number), a.slot, paren(a.title, a.notes, notice.lang), a.minutes)
        for a in notice.agenda
    ]
    widths = wordml.fit_widths(columns, rows, (0, 1, 3), chosen.table.size, chosen.text_width)
    w.table(columns, rows, widths, short=(0, 1, 3))
    w.paragraph((heading(n + 2, i18n.t("paper.h.raise", notice.lang)) + colon, True), (notice.raise_items, False),
                indent=True, space_before=6)  # fmt: skip
    for k, line in enumerate(notice.closing):
        w.paragraph((line, False), align="right", right_chars=2, space_before=24 if k == 0 else 0)
    buffer = io.BytesIO()
    w.save(buffer)
    return buffer.getvalue()
