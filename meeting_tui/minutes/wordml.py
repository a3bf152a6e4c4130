"""WordML for the documents a community office files: styles, fixed tables, page numbers.

Shared by the minutes, the sign-in sheet and the meeting notice. Three things
Word and LibreOffice do differently from what python-docx's defaults give:

- Word lays a table out by the cell widths (`w:tcW`), not the grid, so every
  cell carries its grid column's width, and the table says `w:tblLayout
  fixed` with its full width, or Word and LibreOffice re-flow it by content.
- Word picks the font for Chinese characters from the East Asian slot of
  `w:rFonts` (`w:eastAsia`); the template's theme fonts (`w:*Theme`) would
  override it, so styles get explicit fonts in every slot and lose the theme.
  A font missing on the reader's machine is replaced by the `w:altName` given
  in the font table (方正小标宋简体 → 小标宋, 仿宋_GB2312 → 仿宋, 楷体_GB2312 →
  楷体), as Word does.
- Page numbers are fields (PAGE, NUMPAGES) in the footer, so they count the
  pages as the reader's printer lays them out.

Speed: python-docx's `add_paragraph` and `add_row` re-scan the body for every
element (1.7 s for a 200-motion meeting), and even making the elements one
by one costs most of the time, so body paragraphs and tables are written as
WordML text, the same markup python-docx would write, and parsed once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from meeting_tui.minutes.word_layouts import (
    CELL_PADDING,
    FALLBACKS,
    LAYOUTS,
    TWIPS_PER_MM,
    Font,
    Layout,
    fit_widths,
    text_em,
)

__all__ = [
    "CELL_PADDING",
    "LAYOUTS",
    "TWIPS_PER_MM",
    "Font",
    "Layout",
    "Writer",
    "fit_widths",
    "keep_last_pair",
    "text_em",
    "title_lines",
]

BLACK = RGBColor(0, 0, 0)
_NOT_XML = re.compile("[\ufffe\uffff]")  # noncharacters XML 1.0 refuses; controls are gone already
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


WORD_JOINER = "\u2060"


def keep_last_pair(line: str) -> str:
    """The line with its last two Chinese characters joined, so "议" never wraps alone.

    Word and LibreOffice break a Chinese line between any two characters, so
    a paragraph one character too long ends with a line holding "议" alone
    ("…下次议事会再/议"). A word joiner (U+2060) between the last two
    characters before any closing punctuation keeps them together on the
    last line (the punctuation already stays with its character).
    """
    end = len(line)
    while end and unicodedata.category(line[end - 1]).startswith("P"):
        end -= 1
    pair = line[end - 2 : end]
    if end < 4 or not all(unicodedata.east_asian_width(ch) in "WF" for ch in pair):
        return line
    return line[: end - 1] + WORD_JOINER + line[end - 1 :]


def title_lines(title: str, layout: Layout) -> str:
    """A title too long for one line breaks at its last space that makes it fit
    ("… 议事会" / "会议纪要"), not wherever the line happens to end ("… 会" / "议纪要")."""
    width = layout.text_width / (layout.title.size * 20)  # ems on a line
    if " " not in title or text_em(title) <= width:
        return title
    spaces = [n for n, ch in enumerate(title) if ch == " "]
    fitting = [n for n in spaces if text_em(title[:n]) <= width] or spaces[:1]
    cut = fitting[-1]
    return f"{title[:cut]}\n{title[cut + 1 :]}"


def _sub(parent: Any, tag: str, **attributes: str) -> Any:
    """A new WordML element `tag` (e.g. "w:r") appended to `parent`, with w: attributes."""
    child = OxmlElement(tag)
    for name, value in attributes.items():
        child.set(qn(f"w:{name}"), value)
    parent.append(child)
    return child


def set_fonts(rpr_parent: Any, font: Font) -> None:
    """Put the font in every slot of an rPr owner (a style), dropping theme fonts."""
    rfonts = rpr_parent.get_or_add_rPr().get_or_add_rFonts()
    for attribute in _THEME_ATTRIBUTES:
        rfonts.attrib.pop(qn(attribute), None)
    rfonts.set(qn("w:eastAsia"), font.east_asia)
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(slot), font.latin)


def _font_table(document: Any) -> None:
    """Declare the 公文 fonts with their fallbacks (`w:altName`) and the GB2312 charset."""
    for part in document.part.package.iter_parts():
        if str(part.partname).endswith("/fontTable.xml"):
            entries = "".join(
                f"<w:font w:name={quoteattr(name)}><w:altName w:val={quoteattr(alt)}/>"
                '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/>'
                "</w:font>"
                for name, alt in FALLBACKS.items()
            )
            part._blob = part.blob.replace(b"</w:fonts>", entries.encode() + b"</w:fonts>")


class Writer:
    """A new A4 document in a layout (upright, or landscape), and the WordML to fill its body."""

    STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "Table Grid")

    def __init__(self, layout: Layout, lang: str, title: str) -> None:
        self.layout = layout
        self.document = document = Document()
        self._styles()
        self._page()
        _font_table(document)
        properties = document.core_properties
        properties.title, properties.author, properties.last_modified_by = title, "", ""
        properties.language = "zh-CN" if lang == "zh" else "en"
        self._pending: list[str] = []
        self.style_ids = {name: document.styles[name].style_id for name in self.STYLES}

    def _styles(self) -> None:
        layout, styles = self.layout, self.document.styles
        fonts = {
            "Normal": layout.body,
            "Title": layout.title,
            "Heading 1": layout.heading1,
            "Heading 2": layout.heading2,
            "Table Grid": layout.table,
        }
        for name, font in fonts.items():
            style = styles[name]
            style.font.size = Pt(font.size)
            style.font.bold = font.bold
            style.font.italic = False
            style.font.color.rgb = BLACK
            set_fonts(style.element, font)
            spacing = style.paragraph_format
            if layout.line_pt and name != "Table Grid":
                spacing.line_spacing = Pt(layout.line_pt)
            if name.startswith("Heading"):
                spacing.space_before, spacing.space_after = Pt(6), Pt(3)
        title = styles["Title"]
        title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.space_after = Pt(12)
        title_ppr = title.element.get_or_add_pPr()
        for border in title_ppr.findall(qn("w:pBdr")):  # the template's blue rule under titles
            title_ppr.remove(border)
        styles["Normal"].paragraph_format.space_after = Pt(0 if layout.line_pt else 2)

    def _page(self) -> None:
        section = self.document.sections[0]
        width, height = self.layout.page_mm
        section.page_width, section.page_height = Mm(width), Mm(height)
        if self.layout.landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
        top, right, bottom, left = self.layout.margins_mm
        section.top_margin, section.right_margin = Mm(top), Mm(right)
        section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
        section.footer_distance = Mm(min(bottom - 8, 18))

    # -- body ------------------------------------------------------------------
    # Paragraphs and tables are written as WordML text and parsed in one go when
    # the document is saved: a 200-motion meeting has 40,000 elements, and
    # making them one by one (python-docx's OxmlElement, or lxml's SubElement)
    # took most of the export's time.

    def _flush(self) -> None:
        """Parse the written paragraphs and tables into the body, before its section properties.

        The body is parsed whole and put in place of the old one: moving
        thousands of parsed elements into the template's body one by one
        cost more than the parse.
        """
        if not self._pending:
            return
        old = self.document.element.body
        *before, section = (str(child.xml) for child in old)  # the template's, then sectPr
        written = "".join([*before, *self._pending, section])
        body = parse_xml(f"<w:body {nsdecls('w', 'r')}>{written}</w:body>")
        self._pending.clear()
        self.document.element.replace(old, body)

    @staticmethod
    def run_xml(text: str, bold: bool = False, size: float | None = None, keep: bool = True) -> str:
        """A run of `text` (lines split by breaks); `keep`: its last two characters together."""
        props = "<w:b/>" if bold else ""
        if size:
            half_points = round(size * 2)
            props += f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
        lines = _NOT_XML.sub("", text).split("\n")
        body = "<w:br/>".join(
            f'<w:t xml:space="preserve">{escape(keep_last_pair(line) if keep else line)}</w:t>'
            for line in lines
        )
        return f"<w:r>{'<w:rPr>' + props + '</w:rPr>' if props else ''}{body}</w:r>"

    def paragraph(
        self,
        *runs: tuple[str, bool],
        style: str = "",
        space_before: float = 0,
        align: str = "",
        indent: bool = False,
        keep_next: bool = False,
        page_break: bool = False,
        right_chars: int = 0,
    ) -> None:
        """A paragraph of (text, bold) runs in the named style (Normal when empty)."""
        ppr = f"<w:pStyle w:val={quoteattr(self.style_ids[style])}/>" if style else ""
        if keep_next:
            ppr += "<w:keepNext/>"
        if page_break:
            ppr += "<w:pageBreakBefore/>"
        if space_before:
            ppr += f'<w:spacing w:before="{Pt(space_before).twips}"/>'
        if indent or right_chars:
            size = self.layout.body.size
            first = f' w:firstLineChars="200" w:firstLine="{round(size * 40)}"' if indent else ""
            right = (
                f' w:rightChars="{right_chars * 100}" w:right="{round(size * 20 * right_chars)}"'
                if right_chars
                else ""
            )
            ppr += f"<w:ind{first}{right}/>"
        if align:
            ppr += f'<w:jc w:val="{align}"/>'
        # Only the paragraph's end is kept together; titles and headings stay as typed.
        text = "".join(
            self.run_xml(value, bold, keep=not style and n == len(runs))
            for n, (value, bold) in enumerate(runs, start=1)
        )
        self._pending.append(f"<w:p><w:pPr>{ppr}</w:pPr>{text}</w:p>")

    def table(
        self,
        columns: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[int],
        *,
        header: bool = True,
        bold_first: bool = False,
        short: Sequence[int] = (),
        row_height: int = 0,
    ) -> None:
        """A bordered table at fixed widths: each cell as wide as its grid column.

        The header row repeats on every page (`w:tblHeader`); no row is split
        across pages (`w:cantSplit`); short columns never wrap (`w:noWrap`).
        `row_height` (twips) gives rows to write in by hand their height.
        """
        size = self.layout.table.size
        out = [
            f"<w:tbl><w:tblPr><w:tblStyle w:val={quoteattr(self.style_ids['Table Grid'])}/>"
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
            'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
            *(f'<w:gridCol w:w="{width}"/>' for width in widths),
            "</w:tblGrid>",
        ]
        spacing = (
            '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        )
        middle = '<w:vAlign w:val="center"/>' if row_height else ""
        height = f'<w:trHeight w:val="{row_height}" w:hRule="atLeast"/>' if row_height else ""
        body = [(columns, True)] if header else []
        body += [(r, False) for r in rows]
        for values, is_header in body:
            row_props = "<w:cantSplit/>" + ("<w:tblHeader/>" if is_header else height)
            out.append(f"<w:tr><w:trPr>{row_props}</w:trPr>")
            for n, (value, width) in enumerate(zip(values, widths, strict=False)):
                kept_whole = is_header or n in short
                no_wrap = "<w:noWrap/>" if kept_whole else ""
                # The size on the run too: LibreOffice does not apply a table style's run size.
                bold = is_header or (bold_first and n == 0)
                run = self.run_xml(value, bold, size, keep=not kept_whole)
                out.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{no_wrap}{middle}</w:tcPr>'
                    f"<w:p>{spacing}{run}</w:p></w:tc>"
                )
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self._pending.append("".join(out))

    # -- footer ----------------------------------------------------------------

    def page_numbers(self, before: str, middle: str, after: str) -> None:
        """ "第 {PAGE} 页 共 {NUMPAGES} 页", centred in the footer of every page."""
        footer = self.document.sections[0].footer
        p = footer.paragraphs[0]._p
        ppr = p.get_or_add_pPr()
        _sub(ppr, "w:jc", val="center")
        size = 10.5 if self.layout.name == "community" else 14.0
        for text, field in ((before, "PAGE"), (middle, "NUMPAGES"), (after, "")):
            wrapped = f"<w:p {nsdecls('w')}>{self.run_xml(text, size=size, keep=False)}</w:p>"
            p.append(parse_xml(wrapped)[0])
            if field:
                self._field(p, field, size)

    def _field(self, p: Any, instruction: str, size: float) -> None:
        for kind in ("begin", "instr", "separate", "1", "end"):
            r = _sub(p, "w:r")
            rpr = _sub(r, "w:rPr")
            _sub(rpr, "w:sz", val=str(round(size * 2)))
            if kind == "instr":
                code = _sub(r, "w:instrText")
                code.text = f" {instruction} "
                code.set(_XML_SPACE, "preserve")
            elif kind == "1":
                _sub(r, "w:t").text = "1"
            else:
                _sub(r, "w:fldChar", fldCharType=kind)

    def save(self, buffer: Any) -> None:
        self._flush()
        self.document.save(buffer)
