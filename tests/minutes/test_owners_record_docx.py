"""The owners' ballot record as DOCX: landscape A4, the count, then every answer in one table.

Read back with python-docx (structure, fonts), and printed through
LibreOffice as the archive clerk would (landscape page, every room on it,
no time or room cell broken over two lines).
"""

from __future__ import annotations

import io
import re
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from printing import libreoffice_pdfs, page_texts, program

from meeting_tui.domain.owners import decision as d
from meeting_tui.domain.owners.report import tally_lines
from meeting_tui.domain.owners.roster import AreaSource, Roster, Unit, counting_key, unit_id
from meeting_tui.minutes.owners_record import ballot_rows, columns, render_docx

CST = timezone(timedelta(hours=8))
JOINER = "\u2060"  # keeps a paragraph's last two characters together (minutes.wordml)
ROOMS = [(str(b), "2", f"{f}0{door}") for b in (3, 5) for f in range(1, 16) for door in (1, 2)]


def decision() -> d.DecisionState:
    units = tuple(
        Unit(
            b,
            e,
            r,
            (f"业主{b}{r}",),
            8000 + n * 7,
            AreaSource.REGISTERED,
            counting_key(f"k{n}", unit_id(b, e, r), False),
            False,
        )
        for n, (b, e, r) in enumerate(ROOMS)
    )
    events: list[d.DecisionEvent] = []
    at = datetime(2026, 11, 21, 19, 0, tzinfo=CST)

    def run(drafts: list[d.DecisionDraft]) -> None:
        nonlocal at
        at += timedelta(minutes=1)
        events.extend(d.stamp(len(events), drafts, at))

    firms = ("宁夏安居物业", "银川嘉和物业服务有限公司", "中房物业")
    run(d.create_decision("20261121-dcx1", "凯旋帝景小区物业选聘", "", "ordinary", firms))
    run(d.import_roster(d.fold(events), Roster(units), "清册.csv"))
    for n, (b, e, r) in enumerate(ROOMS[:50]):
        run(d.record_ballot(d.fold(events), f"{b}-{e}-{r}", str(1 + n % 3), "visit", "崔辉"))
    run(d.record_ballot(d.fold(events), "3-2-101", "2", "written", "李娜", "书面更正"))
    run(d.withdraw_ballot(d.fold(events), "3-2-102", "业主要求撤回", "崔辉"))
    return d.fold(events)


def test_the_record_is_landscape_with_the_count_and_one_row_per_answer() -> None:
    state = decision()
    document = Document(io.BytesIO(render_docx(state)))
    section = document.sections[0]
    assert abs(section.page_width - Mm(297)) < Mm(1) and abs(section.page_height - Mm(210)) < Mm(1)
    texts = [p.text.replace(JOINER, "") for p in document.paragraphs]
    assert texts[0] == "凯旋帝景小区物业选聘 表决记录"
    assert texts[1].startswith("记录校验码")
    assert texts[2] == "计票情况" and texts[-1] == "逐户记录"
    assert texts[3:-1] == tally_lines(state)
    (table,) = document.tables
    rows = [[cell.text.replace(JOINER, "") for cell in row.cells] for row in table.rows]
    assert rows[0] == columns() and rows[1:] == ballot_rows(state)
    assert len(rows) == 1 + 51  # 50 answers and a correction; the withdrawal marks a row
    styles = document.styles
    for name, east_asia in (("Normal", "宋体"), ("Title", "黑体"), ("Heading 1", "黑体")):
        fonts = styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == east_asia


def test_printed_it_is_a_landscape_page_with_every_answer_on_one_line(tmp_path: Path) -> None:
    state = decision()
    docx = tmp_path / "表决记录.docx"
    docx.write_bytes(render_docx(state))
    pdf = libreoffice_pdfs([docx], tmp_path)[docx.stem]
    text = "\n".join(page_texts(pdf))
    info = subprocess.run(
        [program("pdfinfo", package="poppler-utils"), str(pdf)], capture_output=True, text=True
    ).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
    assert width > height  # landscape
    lines = text.splitlines()
    for row in ballot_rows(state):
        time_cell, room = row[1], row[4]
        assert any(time_cell in line and f" {room} " in f" {line} " for line in lines), row
