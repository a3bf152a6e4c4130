"""Minutes as a Word document laid out like a Chinese 会议纪要: the file community offices file.

Body text is Song (宋体, 小四 12 pt) and headings Hei (黑体). Word picks the
font for Chinese characters from the East Asian slot of `w:rFonts`
(`w:eastAsia`), not from the Latin name python-docx sets, and the default
template's theme fonts (`w:*Theme`) would override both, so the styles get
explicit fonts in every slot and lose their theme attributes. Everything is
black on white: the document is printed on a monochrome printer.

Speed: python-docx's `add_paragraph`, `add_heading` and `add_row` look the
style up by name and re-scan the body for every element, which made a
200-motion meeting take 1.7 s. The styles and the header are made through
python-docx; the many body paragraphs and table rows are written as WordML
elements directly (`_Body`), the same markup python-docx would write.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from meeting_tui.minutes import sections as s
from meeting_tui.minutes.model import Minutes

SONG = "宋体"
HEI = "黑体"
LATIN_BODY = "Times New Roman"
LATIN_HEADING = "SimHei"
BLACK = RGBColor(0, 0, 0)
_NOT_XML = re.compile("[\ufffe\uffff]")  # noncharacters XML 1.0 refuses; controls are gone already
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")
# style name → (East Asian font, Latin font, size in pt, bold)
STYLE_FONTS = {
    "Normal": (SONG, LATIN_BODY, 12.0, False),
    "Title": (HEI, LATIN_HEADING, 18.0, True),
    "Heading 1": (HEI, LATIN_HEADING, 14.0, True),
    "Heading 2": (HEI, LATIN_HEADING, 12.0, True),
    "Table Grid": (SONG, LATIN_BODY, 10.5, False),
}


def set_east_asian_font(rpr_parent: Any, east_asia: str, latin: str) -> None:
    """Put `east_asia` in the `w:eastAsia` slot (and `latin` in the others) of an rPr owner."""
    rfonts = rpr_parent.get_or_add_rPr().get_or_add_rFonts()
    for attribute in _THEME_ATTRIBUTES:
        rfonts.attrib.pop(qn(attribute), None)
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:cs"), latin)


def _styles(document: Any) -> None:
    for name, (east_asia, latin, size, bold) in STYLE_FONTS.items():
        style = document.styles[name]
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = False
        style.font.color.rgb = BLACK
        set_east_asian_font(style.element, east_asia, latin)
    title = document.styles["Title"]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title_ppr = title.element.get_or_add_pPr()
    for border in title_ppr.findall(qn("w:pBdr")):  # the template's blue rule under titles
        title_ppr.remove(border)
    document.styles["Normal"].paragraph_format.space_after = Pt(2)


def _page(document: Any) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(25)
    section.left_margin, section.right_margin = Mm(28), Mm(26)


def _sub(parent: Any, tag: str) -> Any:
    """A new WordML element `tag` (e.g. "w:r") appended to `parent`."""
    child = OxmlElement(tag)
    parent.append(child)
    return child


class _Body:
    """Appends paragraphs and table rows to the document body as raw WordML elements."""

    def __init__(self, document: Any) -> None:
        self.body = document.element.body
        self.styles = {name: document.styles[name].style_id for name in STYLE_FONTS}

    def _add(self, element: Any) -> Any:
        self.body[-1].addprevious(element)  # the body ends with the section properties
        return element

    @staticmethod
    def _run(parent: Any, text: str, bold: bool = False) -> None:
        run = _sub(parent, "w:r")
        if bold:
            _sub(_sub(run, "w:rPr"), "w:b")
        for n, line in enumerate(_NOT_XML.sub("", text).split("\n")):
            if n:
                _sub(run, "w:br")
            t = _sub(run, "w:t")
            t.text = line
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    def paragraph(self, *runs: tuple[str, bool], style: str = "", space_before: int = 0) -> Any:
        """A paragraph of (text, bold) runs in the named style (Normal when empty)."""
        p = OxmlElement("w:p")
        if style or space_before:
            ppr = _sub(p, "w:pPr")
            if style:
                _sub(ppr, "w:pStyle").set(qn("w:val"), self.styles[style])
            if space_before:
                _sub(ppr, "w:spacing").set(qn("w:before"), str(Pt(space_before).twips))
        for text, bold in runs:
            self._run(p, text, bold)
        return self._add(p)

    def table(self, document: Any, table: s.Table, widths: Sequence[int]) -> None:
        """A bordered table: the header row in bold, then a row per entry."""
        grid = document.add_table(rows=0, cols=len(table.columns), style="Table Grid")
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        for column, width in zip(grid.columns, widths, strict=False):
            column.width = Mm(width)
        tbl = grid._tbl
        for row, bold in [(table.columns, True), *((r, False) for r in table.rows)]:
            tr = _sub(tbl, "w:tr")
            for value in row:
                p = _sub(_sub(tr, "w:tc"), "w:p")
                self._run(p, value, bold)


def _listed(
    body: _Body, document: Any, minutes: Minutes, table: s.Table, widths: tuple[int, ...]
) -> None:
    if table.rows:
        body.table(document, table, widths)
    else:
        body.paragraph((s.t(minutes, "minutes.none"), False))


def _build(minutes: Minutes) -> Any:
    document = Document()
    _styles(document)
    _page(document)
    body = _Body(document)
    title = s.document_title(minutes)
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = title, "", ""
    properties.language = "zh-CN" if minutes.lang == "zh" else "en"
    colon = s.colon(minutes)

    body.paragraph((title, False), style="Title")
    for note in s.notes(minutes):
        body.paragraph((note, True))
    grid = document.add_table(rows=0, cols=2, style="Table Grid")
    for name, value in s.header_rows(minutes):
        cells = grid.add_row().cells
        cells[0].paragraphs[0].add_run(name).bold = True
        cells[1].text = value
    for column, width in zip(grid.columns, (30, 126), strict=True):
        column.width = Mm(width)

    def heading(key: str) -> None:
        body.paragraph((s.section_title(minutes, key), False), style="Heading 1")

    heading("agenda")
    for n, line in enumerate(s.agenda_lines(minutes), start=1):
        body.paragraph((f"{n}. {line}", False))
    heading("motions")
    for motion in minutes.motions:
        body.paragraph((s.motion_heading(minutes, motion), False), style="Heading 2")
        for name, value in s.motion_rows(minutes, motion):
            body.paragraph((name + colon, True), (value, False))

    heading("followups")
    _listed(body, document, minutes, s.followup_table(minutes), (14, 86, 28, 28))
    heading("deferred")
    _listed(body, document, minutes, s.deferred_table(minutes), (14, 50, 50, 21, 21))
    heading("unvoted")
    unvoted = s.unvoted_table(minutes)
    if unvoted.rows:
        body.paragraph((s.t(minutes, "minutes.unvoted_note"), False))
    _listed(body, document, minutes, unvoted, (14, 112, 30))
    heading("timeline")
    body.table(document, s.timeline_table(minutes), (22, 134))

    heading("signatures")
    for role, day in s.signature_lines(minutes):
        line = f"{role}{colon}{'＿' * 10}　　{day}{colon}{'＿' * 7}"
        body.paragraph((line, False), space_before=18)
    for line in s.checkpoint_lines(minutes):  # the record digest
        body.paragraph((line, False), space_before=18)
    return document


def render(minutes: Minutes) -> bytes:
    buffer = io.BytesIO()
    _build(minutes).save(buffer)
    return buffer.getvalue()
