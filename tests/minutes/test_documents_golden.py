"""The new documents compared with files read through by eye once (and their PDFs looked at).

For each new format a reference file under golden/: the sign-in sheet and
the notice as HTML, and the DOCX files (the sign-in sheet, the notice, the
公文-style minutes) as a digest of their body, one line per paragraph (style,
alignment, text) and per table (column widths in twips, whether the header
row repeats, then its rows), which is what decides how they print. The
PDFs of the same documents were rendered with LibreOffice and Chromium and
their pages looked at (pdftoppm -png) before the files were fixed.

To accept an intended change, regenerate with
`PYTHONPATH=tests/minutes .venv/bin/python -c "from test_documents_golden import regenerate; regenerate()"`
and read the diff before committing.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from meeting_ahead import roster_script

from meeting_tui.demo import closed_log
from meeting_tui.domain.fold import fold
from meeting_tui.minutes import Minutes
from meeting_tui.minutes.docx import render as render_minutes
from meeting_tui.minutes.papers_export import render_paper
from meeting_tui.minutes.wordml import WORD_JOINER

GOLDEN = Path(__file__).parent / "golden"
ISSUED = date(2026, 10, 10)


def _roster():
    return roster_script(40).state


def docx_digest(data: bytes) -> str:
    """The body of a DOCX as lines a person can read and diff."""
    document = docx.Document(io.BytesIO(data))
    styles = {s.style_id: s.name for s in document.styles}
    lines = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            ppr = element.find(qn("w:pPr"))
            style = ppr.find(qn("w:pStyle")) if ppr is not None else None
            jc = ppr.find(qn("w:jc")) if ppr is not None else None
            name = styles.get(style.get(qn("w:val")), "?") if style is not None else "Normal"
            align = jc.get(qn("w:val")) if jc is not None else "style"
            text = "".join(
                "⏎" if node.tag == qn("w:br") else node.text or ""
                for node in element.iter(qn("w:t"), qn("w:br"))
            )
            lines.append(f"P {name} [{align}] {text.replace(WORD_JOINER, '⁀')}")
        elif tag == "tbl":
            grid = [c.get(qn("w:w")) for c in element.iter(qn("w:gridCol"))]
            repeat = element.find(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
            lines.append(f"TABLE widths={'/'.join(grid)} header_repeats={repeat}")
            for tr in element.iter(qn("w:tr")):
                cells = [
                    "".join(t.text or "" for t in tc.iter(qn("w:t"))).replace(WORD_JOINER, "")
                    for tc in tr.iter(qn("w:tc"))
                ]
                lines.append("  | " + " | ".join(cells))
    footer = document.sections[0].footer.paragraphs[0]._p
    fields = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    lines.append(f"FOOTER {''.join(t.text or '' for t in footer.iter(qn('w:t')))} fields={fields}")
    return "\n".join(lines) + "\n"


def _nanyuan() -> Minutes:
    events = closed_log()
    return Minutes.build(fold(events), events)


CASES: dict[str, Callable[[], str]] = {
    "signin.html": lambda: render_paper(_roster(), "signin", "html").decode(),
    "signin.docx.txt": lambda: docx_digest(render_paper(_roster(), "signin", "docx")),
    "notice.html": lambda: render_paper(
        fold(closed_log()), "notice", "html", issued=ISSUED
    ).decode(),
    "notice.docx.txt": lambda: docx_digest(
        render_paper(fold(closed_log()), "notice", "docx", issued=ISSUED)
    ),
    "nanyuan-gongwen.docx.txt": lambda: docx_digest(render_minutes(_nanyuan(), "gongwen")),
    "nanyuan-community.docx.txt": lambda: docx_digest(render_minutes(_nanyuan(), "community")),
}


def regenerate() -> None:
    for name, make in CASES.items():
        (GOLDEN / name).write_text(make(), encoding="utf-8", newline="\n")


@pytest.mark.parametrize("name", list(CASES))
def test_document_matches_the_reviewed_file(name: str) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    actual = CASES[name]()
    assert actual.splitlines() == expected.splitlines()


def test_the_golden_files_hold_what_they_must() -> None:
    """Guards the references themselves: a regenerated file that lost content fails here."""
    signin = (GOLDEN / "signin.docx.txt").read_text(encoding="utf-8")
    assert "TABLE widths=" in signin and "header_repeats=True" in signin
    assert signin.count("\n  | ") == 41  # the column headings and 40 residents
    assert "  | 序号 | 姓名 | 楼栋单元 | 身份 | 签名" in signin
    assert "fields=['PAGE', 'NUMPAGES']" in signin
    notice = (GOLDEN / "notice.docx.txt").read_text(encoding="utf-8")
    assert "P Title [style] 关于召开电大家属院老旧小区改造⏎民主协商议事会的通知" in notice
    assert "P Normal [right] 南苑社区居民委员⁀会" in notice  # ⁀: the word joiner
    assert notice.count("\n  | ") == 9  # headings and the 8 agenda items
    gongwen = (GOLDEN / "nanyuan-gongwen.docx.txt").read_text(encoding="utf-8")
    assert "P Heading 2 [style] （十二）调整垃圾分类亭位置，远离单元门口" in gongwen
    assert "P Heading 1 [style] 附件：会议过程" in gongwen
    assert "P Title [style] 电大家属院老旧小区改造 民主协商议事会⏎会议纪要" in gongwen
    for html in ("signin.html", "notice.html"):
        assert 'counter(page) " 页 共 " counter(pages)' in (GOLDEN / html).read_text("utf-8")
