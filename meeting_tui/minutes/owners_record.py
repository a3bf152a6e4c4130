"""The full ballot record of an owners' decision, for the archive: CSV and DOCX.

Every answer ever recorded is a row, in the order it was recorded: the unit,
its owners and area, the answer, how and by whom it was collected, which
earlier answer it corrected, and a withdrawal with its reason. This is the
filed record (names included); the public announcement is in
`publicity/owners_notice.py` and carries none of it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

from meeting_tui import i18n
from meeting_tui.domain.owners.decision import Ballot, DecisionState
from meeting_tui.domain.owners.digest import owners_digest_line
from meeting_tui.domain.owners.report import tally_lines
from meeting_tui.domain.owners.roster import Unit
from meeting_tui.domain.owners.rules import format_area
from meeting_tui.domain.owners.tally import option_label
from meeting_tui.minutes.csv import BOM, safe_cell
from meeting_tui.minutes.word_layouts import Font


def columns(lang: str | None = None) -> list[str]:
    return i18n.t("owners.record.columns", lang).split(",")


def ballot_rows(state: DecisionState, lang: str | None = None) -> list[list[str]]:
    """One row per answer recorded, oldest first; `计入` says whether it counts now."""
    roster_units = state.roster.by_id if state.roster else {}
    number_of = {b.seq: n for n, b in enumerate(state.history, start=1)}
    rows = []
    for n, ballot in enumerate(state.history, start=1):
        unit = roster_units.get(ballot.unit)
        rows.append(_row(state, n, ballot, unit, number_of, lang))
    return rows


def _row(
    state: DecisionState,
    n: int,
    ballot: Ballot,
    unit: Unit | None,
    number_of: dict[int, int],
    lang: str | None,
) -> list[str]:
    counted = state.current.get(ballot.unit) == ballot
    return [
        str(n),
        (ballot.collected_at or ballot.at).replace("T", " ")[:16],
        unit.building if unit else "",
        unit.entrance if unit else "",
        unit.room if unit else ballot.unit,
        "、".join(unit.owners) if unit else "",
        format_area(unit.area) if unit else "",
        i18n.t(f"owners.area_source.{unit.area_source}", lang) if unit else "",
        option_label(state, ballot.answer, lang),
        i18n.t(f"owners.method.{ballot.method}", lang),
        ballot.collector,
        str(number_of.get(ballot.corrects, "")) if ballot.corrects else "",
        (ballot.withdrawn_at or "").replace("T", " ")[:19],
        ballot.withdrawn_reason,
        ballot.withdrawn_by,
        i18n.t("owners.record.counted" if counted else "owners.record.not_counted", lang),
    ]


Results = Sequence[Mapping[str, Any]]  # the decision file's saved results (their checkpoints)


def render_csv(state: DecisionState, lang: str | None = None, results: Results = ()) -> bytes:
    """UTF-8 with BOM (Chinese Excel reads BOM-less UTF-8 as GBK); formula-like cells quoted.

    After the rows, an empty row and the record digest line, as on paper.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns(lang))
    for row in ballot_rows(state, lang):
        writer.writerow([safe_cell(value, minus=True) for value in row])
    writer.writerow([])
    writer.writerow([safe_cell(owners_digest_line(state, results, lang), minus=True)])
    return (BOM + buffer.getvalue()).encode("utf-8")


def _run(parent: Any, text: str, bold: bool = False) -> None:
    from docx.oxml import OxmlElement

    run = OxmlElement("w:r")
    parent.append(run)
    if bold:
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:b"))
        run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text.replace("\ufffe", "").replace("\uffff", "")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)


def render_docx(state: DecisionState, lang: str | None = None, results: Results = ()) -> bytes:
    """A4, 宋体 body and 黑体 headings, black on white; the table written as WordML directly
    (python-docx's add_row rescans the table per row: too slow for 3,000 answers).
    python-docx is imported here, when a record is written, not by every verb."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Mm, Pt, RGBColor

    from meeting_tui.minutes.wordml import set_fonts

    document = Document()
    for name, east_asia, size in (
        ("Normal", "宋体", 10.5),
        ("Title", "黑体", 18),
        ("Heading 1", "黑体", 14),
    ):
        style = document.styles[name]
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        set_fonts(style.element, Font(east_asia, "Times New Roman", size))
    document.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    section = document.sections[0]
    section.page_width, section.page_height = Mm(297), Mm(210)  # landscape: 15 columns
    section.left_margin = section.right_margin = Mm(15)
    document.core_properties.author = ""
    document.add_paragraph(i18n.t("owners.record.title", lang, title=state.title), style="Title")
    document.add_paragraph(owners_digest_line(state, results, lang))
    document.add_paragraph(i18n.t("owners.record.summary", lang), style="Heading 1")
    for line in tally_lines(state, lang):
        document.add_paragraph(line)
    document.add_paragraph(i18n.t("owners.record.ballots", lang), style="Heading 1")
    head = columns(lang)
    table = document.add_table(rows=0, cols=len(head), style="Table Grid")
    tbl = table._tbl
    for row, bold in [(head, True), *((r, False) for r in ballot_rows(state, lang))]:
        tr = OxmlElement("w:tr")
        tbl.append(tr)
        for value in row:
            tc = OxmlElement("w:tc")
            tr.append(tc)
            p = OxmlElement("w:p")
            tc.append(p)
            _run(p, value, bold)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
