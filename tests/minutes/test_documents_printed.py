"""The documents as they print: DOCX through LibreOffice, HTML through Chromium, read from the PDF.

What a reviewer saw on paper is what is checked: page numbers on every
page, the 12-motion 南苑 minutes' dates and names each on one line, the
header table's label column at the width the DOCX asks for, the sign-in
sheet for 40 residents and the notice of an 8-item agenda on one A4 page
each. All DOCX files are converted in one LibreOffice run for the module.
The PDFs are kept under tmp/artifacts/ (or $TEST_ARTIFACTS) to look at.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from datetime import date
from pathlib import Path

import docx
import pytest
from meeting_ahead import roster_script
from printing import chromium_pdf, libreoffice_pdfs, page_texts, pages, squeezed_lines, words

from meeting_tui.demo import closed_log
from meeting_tui.domain.fold import fold
from meeting_tui.minutes import Minutes
from meeting_tui.minutes import html as minutes_html
from meeting_tui.minutes.docx import render as render_docx
from meeting_tui.minutes.papers_export import render_paper

ROOT = Path(__file__).resolve().parents[2]
A4_POINTS = (595.3, 841.9)


def _artifacts() -> Path:
    folder = Path(os.environ.get("TEST_ARTIFACTS", ROOT / "tmp" / "artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _nanyuan() -> Minutes:
    events = closed_log()
    return Minutes.build(fold(events), events)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("printed")
    minutes = _nanyuan()
    roster = roster_script(40).state
    nanyuan_state = fold(closed_log())
    documents = {
        "minutes-community": render_docx(minutes, "community"),
        "minutes-gongwen": render_docx(minutes, "gongwen"),
        "signin-40": render_paper(roster, "signin", "docx"),
        "notice-8": render_paper(nanyuan_state, "notice", "docx", issued=date(2026, 10, 10)),
    }
    files = []
    for name, data in documents.items():
        (folder / f"{name}.docx").write_bytes(data)
        files.append(folder / f"{name}.docx")
    pdfs = libreoffice_pdfs(files, folder)
    for pdf in pdfs.values():
        shutil.copy(pdf, _artifacts() / f"docx-{pdf.name}")
    return pdfs


def _numbered(pdf: Path) -> None:
    total = pages(pdf)
    for n, text in enumerate(page_texts(pdf), start=1):
        assert f"第{n}页共{total}页" in re.sub(r"\s+", "", text), (pdf.name, n)


@pytest.mark.parametrize("name", ["minutes-community", "minutes-gongwen", "signin-40", "notice-8"])
def test_every_page_says_its_number_and_the_count(printed: dict[str, Path], name: str) -> None:
    _numbered(printed[name])


@pytest.mark.parametrize("name", ["minutes-community", "minutes-gongwen"])
def test_no_date_or_name_cell_of_the_nanyuan_minutes_breaks_over_lines(
    printed: dict[str, Path], name: str
) -> None:
    minutes = _nanyuan()
    lines = squeezed_lines(printed[name])
    for motion in minutes.decided:  # 施工方 | 2027年5月31日 side by side on one printed line
        assert any(f"{motion.owner}{motion.due}" in line for line in lines), motion.number
    for motion in minutes.deferred:  # 社区工作人员 | 下次议事会 (or 2026年12月15日)
        pair = f"{motion.deferral_owner}{motion.deferral_target}"
        assert any(pair in line for line in lines), motion.number
    assert any(line.endswith("序号事项落实责任方完成期限") for line in lines)
    assert any(line.endswith("跟进人再议时间") for line in lines)
    texts = page_texts(printed[name])
    first = next(n for n, t in enumerate(texts) if "附件：会议过程" in re.sub(r"\s+", "", t))
    timeline_pages = texts[first:]
    assert len(timeline_pages) >= 2  # the 59-row timeline runs over pages …
    for text in timeline_pages:  # … and each page starts its part with the header row
        assert "时间经过" in [re.sub(r"\s+", "", line) for line in text.splitlines()]
    # A cell broken over lines would leave a piece of a date or name on a line of its own.
    fragments = {"日", "议", "员", "人员", "月31日", "31日", "30日", "15日", "会"}
    assert not [line for line in lines if line in fragments]


@pytest.mark.parametrize("name", ["minutes-community", "minutes-gongwen"])
def test_header_table_columns_at_the_intended_widths(printed: dict[str, Path], name: str) -> None:
    layout = name.removeprefix("minutes-")
    document = docx.Document(io.BytesIO(render_docx(_nanyuan(), layout)))
    tbl = document.tables[0]._tbl
    grid = [int(col.w.twips) for col in tbl.tblGrid.gridCol_lst]
    on_page_one = [w for w in words(printed[name]) if w.page == 1]
    label = next(w for w in on_page_one if w.text == "会议时间")
    value = next(w for w in on_page_one if w.text == "2026" and abs(w.y0 - label.y0) < 1)
    place = next(w for w in on_page_one if w.text == "南苑社区")
    left_margin = document.sections[0].left_margin.pt
    cell_margin = 108 / 20
    assert label.x0 == pytest.approx(left_margin + cell_margin, abs=1.5)
    assert value.x0 - label.x0 == pytest.approx(grid[0] / 20, abs=1.5)  # the label column
    assert place.x0 == pytest.approx(value.x0, abs=0.5)  # every value starts in that column
    assert sum(grid) / 20 == pytest.approx(
        A4_POINTS[0] - left_margin - document.sections[0].right_margin.pt, abs=0.5
    )


def test_the_sign_in_sheet_for_40_is_one_a4_page_with_every_name(printed: dict[str, Path]) -> None:
    pdf = printed["signin-40"]
    assert pages(pdf) == 1
    lines = squeezed_lines(pdf)
    roster = roster_script(40).state.attendance.roster
    for n, person in enumerate(roster, start=1):
        assert any(line.startswith(f"{n}{person.name}{person.building}") for line in lines), n
    assert any(line.startswith("序号姓名楼栋单元身份签名") for line in lines)


def test_the_notice_of_8_items_is_one_a4_page(printed: dict[str, Path]) -> None:
    pdf = printed["notice-8"]
    assert pages(pdf) == 1
    text = re.sub(r"\s+", "", page_texts(pdf)[0])
    for expected in (
        "关于召开",
        "14:30–14:35开场说明",
        "16:20–16:25总结",
        "5分钟",
        "南苑社区居民委员会",
    ):
        assert expected in text


@pytest.fixture(scope="module")
def html_printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("html-printed")
    roster = roster_script(40).state
    nanyuan_state = fold(closed_log())
    pages_ = {
        "minutes": minutes_html.render(_nanyuan()).encode(),
        "signin-40": render_paper(roster, "signin", "html"),
        "notice-8": render_paper(nanyuan_state, "notice", "html", issued=date(2026, 10, 10)),
    }
    out = {}
    for name, data in pages_.items():
        page = folder / f"{name}.html"
        page.write_bytes(data)
        out[name] = chromium_pdf(page, folder / f"{name}.pdf")
        shutil.copy(out[name], _artifacts() / f"html-{name}.pdf")
    return out


def test_printed_html_minutes_number_their_pages_and_headers_fit(
    html_printed: dict[str, Path],
) -> None:
    pdf = html_printed["minutes"]
    assert pages(pdf) > 3
    _numbered(pdf)
    lines = squeezed_lines(pdf)
    assert any(line.startswith("序号事项落实责任方完成期限") for line in lines)
    assert any(line.startswith("序号事项暂缓原因跟进人再议时间") for line in lines)
    assert "序" not in lines and "号" not in lines  # never 序/号
    texts = page_texts(pdf)
    first = next(n for n, t in enumerate(texts) if "附件：会议过程" in re.sub(r"\s+", "", t))
    assert len(texts) - first >= 2
    for text in texts[first:]:  # the timeline's header row on each of its pages
        assert any(re.sub(r"\s+", "", line) == "时间经过" for line in text.splitlines())
    minutes = _nanyuan()
    for motion in minutes.decided:
        assert any(f"{motion.owner}{motion.due}" in line for line in lines), motion.number


@pytest.mark.parametrize("name", ["signin-40", "notice-8"])
def test_printed_html_papers_are_one_numbered_a4_page(
    html_printed: dict[str, Path], name: str
) -> None:
    assert pages(html_printed[name]) == 1
    _numbered(html_printed[name])
