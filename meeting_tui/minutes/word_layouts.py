"""Page layouts for the Word documents, and column widths fitted to what the columns hold.

Two layouts: the community office's own (宋体 body 小四, 黑体 headings) and
the 公文 style after GB/T 9704-2012 (版心 156 × 225 mm, title 2号小标宋, body
3号仿宋 on 22 lines a page, headings 一、 黑体 and （一） 楷体). A font an
office PC lacks falls back through the font table's `w:altName` (FALLBACKS).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

TWIPS_PER_MM = 1440 / 25.4
CELL_PADDING = 2 * 108  # Word's default left + right cell margins, in twips
FREE_SHARE = 0.3  # the least part of a table its free-text columns keep


@dataclass(frozen=True)
class Font:
    east_asia: str
    latin: str
    size: float  # pt
    bold: bool = False


@dataclass(frozen=True)
class Layout:
    """A page and its type: the community office's own, or the 公文 style of GB/T 9704."""

    name: str
    title: Font
    heading1: Font
    heading2: Font
    body: Font
    table: Font
    margins_mm: tuple[float, float, float, float]  # top, right, bottom, left
    line_pt: float | None = None  # exact line pitch (公文: 22 lines a page); None: single
    indent_body: bool = False  # first line indented two characters
    numbered_fields: bool = False  # motion fields as 1. 2. 3. (the third level of 一、（一）1.)
    landscape: bool = False  # A4 turned: 297 mm wide (a record of many columns)

    @property
    def page_mm(self) -> tuple[float, float]:
        """(width, height) of the A4 page as it is printed, in mm."""
        return (297, 210) if self.landscape else (210, 297)

    @property
    def text_width(self) -> int:
        """Width between the margins on the page, in twips."""
        _top, right, _bottom, left = self.margins_mm
        return round((self.page_mm[0] - left - right) * TWIPS_PER_MM)


COMMUNITY = Layout(
    name="community",
    title=Font("黑体", "SimHei", 18.0, True),
    heading1=Font("黑体", "SimHei", 14.0, True),
    heading2=Font("黑体", "SimHei", 12.0, True),
    body=Font("宋体", "Times New Roman", 12.0),
    table=Font("宋体", "Times New Roman", 10.5),
    margins_mm=(25, 26, 25, 28),
)
# GB/T 9704-2012: 版心 156 × 225 mm (天头 37 mm, 订口 28 mm), 22 lines of 28 characters;
# title 2号小标宋, level one 3号黑体, level two 3号楷体, body 3号仿宋.
GONGWEN = Layout(
    name="gongwen",
    title=Font("方正小标宋简体", "Times New Roman", 22.0),
    heading1=Font("黑体", "SimHei", 16.0),
    heading2=Font("楷体_GB2312", "Times New Roman", 16.0),
    body=Font("仿宋_GB2312", "Times New Roman", 16.0),
    table=Font("仿宋_GB2312", "Times New Roman", 12.0),
    margins_mm=(37, 26, 35, 28),
    line_pt=28.95,
    indent_body=True,
    numbered_fields=True,
)
LAYOUTS = {layout.name: layout for layout in (COMMUNITY, GONGWEN)}
# Fonts an office PC may lack, and what Word should use instead (font table `w:altName`).
FALLBACKS = {
    "方正小标宋简体": "小标宋",
    "仿宋_GB2312": "仿宋",
    "楷体_GB2312": "楷体",
}


def text_em(text: str) -> float:
    """Width of the longest line of `text` in ems, as Word and LibreOffice set it.

    A Chinese character is 1 em; a Latin letter or digit is taken at 0.62
    (Times New Roman is narrower, but its stand-in DejaVu Serif is not); and
    both programs put a quarter-em space where Chinese meets Latin
    ("2027 年 5 月 31 日"), which is what made dates wrap.
    """
    widest = 0.0
    for line in text.split("\n"):
        width, previous = 0.0, None
        for ch in line:
            wide = unicodedata.east_asian_width(ch) in "WF"
            width += 1.0 if wide else 0.62
            if previous is not None and wide != previous and not ch.isspace():
                width += 0.25
            previous = wide
        widest = max(widest, width)
    return widest


def fit_widths(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    short: Sequence[int],
    size_pt: float,
    total: int,
) -> list[int]:
    """Column widths in twips summing to `total`: short columns as wide as their widest value.

    A short column (a number, a date, a name) gets its longest value plus the
    cell margins and a tenth to spare, so "2027年5月31日" and "社区工作人员"
    stay on one line; it is capped at a third of the table. The other columns
    share the rest in proportion to how much text they hold, and always keep
    at least `FREE_SHARE` of the table: unusually long short values (a
    60-character keeper typed by hand) shrink and wrap rather than squeeze
    the text column to nothing.
    """
    em = size_pt * 20
    widths: list[float] = [0.0] * len(columns)
    for n in short:
        widest = max([text_em(columns[n]), *(text_em(r[n]) for r in rows if n < len(r))])
        widths[n] = min(widest * em * 1.1 + CELL_PADDING, total / 3)
    free = [n for n in range(len(columns)) if n not in short]
    taken = sum(widths)
    if free and taken > total * (1 - FREE_SHARE):
        widths = [w * total * (1 - FREE_SHARE) / taken for w in widths]
    left = total - sum(widths)
    if free:
        weight = [
            max(4.0, max([text_em(columns[n]), *(min(text_em(r[n]), 40) for r in rows)]))
            for n in free
        ]
        for n, w in zip(free, weight, strict=True):
            widths[n] = left * w / sum(weight)
    out = [round(w) for w in widths]
    out[-1] += total - sum(out)
    return out
