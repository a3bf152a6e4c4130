"""The sign-in sheet and the notice: what they say, read back from DOCX and HTML, and the CLI."""

from __future__ import annotations

import html
import io
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from meeting_tui import locations
from meeting_tui.cli import main
from meeting_tui.domain import commands as c
from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.model import MeetingState
from meeting_tui.minutes import papers
from meeting_tui.minutes.errors import ExportError
from meeting_tui.minutes.papers_export import export_paper, file_type, render_paper
from meeting_tui.minutes.wordml import WORD_JOINER

COLUMNS = ("序号", "姓名", "楼栋单元", "身份", "签名")


@pytest.fixture(autouse=True)
def default_data_dir_after_each_test():
    yield
    locations.set_data_directory(None)


def _docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def _cells(document) -> list[list[str]]:
    table = document.tables[0]
    return [[cell.text.replace(WORD_JOINER, "") for cell in row.cells] for row in table.rows]


def test_the_sign_in_sheet_lists_the_roster_then_nothing_more_than_a_page(roster) -> None:
    sheet = papers.signin_sheet(roster.state)
    assert sheet.columns == COLUMNS
    assert sheet.title == "幸福里楼道改造 居民议事会 签到表"
    assert len(sheet.rows) == 40  # 40 on the roster: spare rows would start a second page
    assert sheet.rows[0] == ("1", "李建国", "1号楼1单元", "居民", "")
    assert sheet.rows[35] == ("36", "杨建国", "6号楼3单元", "社区工作人员", "")
    assert sheet.header[0] == (
        ("会议时间", "2026年11月30日 19:00–21:00"),
        ("主持人", "居委会刘主任"),
    )
    assert sheet.header[1] == (("会议地点", "幸福里社区 三号楼前"),)


def test_blank_rows_for_the_expected_attendance(roster) -> None:
    short = roster_with(roster, 12)
    assert len(papers.signin_sheet(short).rows) == 17  # the 12 and five spare rows
    assert len(papers.signin_sheet(short, 30).rows) == 30
    assert papers.signin_sheet(short, 30).rows[12:] == tuple(
        (str(n), "", "", "", "") for n in range(13, 31)
    )
    empty = roster_with(roster, 0)
    assert len(papers.signin_sheet(empty).rows) == 30  # nobody counted yet
    run = roster
    run(c.set_headcounts(run.state, {"resident": 52, "staff": 3}), 0)
    assert len(papers.signin_sheet(run.state).rows) == 55  # the recorded headcount


def roster_with(run, people: int) -> MeetingState:
    state = run.state
    state.attendance.roster = state.attendance.roster[:people]
    return state


def test_sign_in_sheet_docx_has_the_columns_repeated_header_and_roster(roster) -> None:
    document = _docx(render_paper(roster.state, "signin", "docx"))
    rows = _cells(document)
    assert tuple(rows[0]) == COLUMNS and len(rows) == 41
    assert rows[1][:4] == ["1", "李建国", "1号楼1单元", "居民"]
    tr = document.tables[0]._tbl.tr_lst[0]
    assert tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    widths = [cell.width.mm for cell in document.tables[0].rows[0].cells]
    assert min(widths[1:4]) >= 29.9  # room to write a name by hand
    assert widths[4] == max(widths)  # the signature column gets the rest


def test_sign_in_sheet_html_is_escaped_and_prefilled(roster) -> None:
    run = roster
    run(c.add_attendee(run.state, "<b>王</b>", "resident", "7号楼"), 0)
    page = render_paper(run.state, "signin", "html", rows=45).decode()
    assert '<th scope="col">楼栋单元</th>' in page and "&lt;b&gt;王&lt;/b&gt;" in page
    assert page.count("<tr style=") == 45
    assert "counter(page)" in page and "size: A4" in page


def test_the_notice_gives_time_place_agenda_slots_voters_and_how_to_raise_an_item(
    nanyuan_state,
) -> None:
    note = papers.notice(nanyuan_state, issued=date(2026, 10, 10))
    assert note.title == "关于召开电大家属院老旧小区改造 民主协商议事会的通知"
    facts = dict(note.facts)
    assert facts["会议时间"] == "2026年10月17日 14:30–16:30"  # as planned, not as it went
    assert facts["会议地点"] == "南苑社区 电大家属院西门旁空地"
    assert facts["表决"] == "由居民举手表决，规则为赞成多于反对；不设法定人数"
    slots = [(a.slot, a.title, a.minutes) for a in note.agenda]
    assert len(slots) == 8
    assert slots[0] == ("14:30–14:35", "开场说明", "5 分钟")
    assert slots[1] == ("14:35–14:50", "电线改造", "15 分钟")
    assert slots[-1][0] == "16:20–16:25"
    assert note.raise_items.startswith(
        "居民如有需要在会上商议的事项，请于2026年10月15日前向居委会刘主任提出"
    )
    assert note.closing == ("南苑社区居民委员会", "2026年10月10日")


def test_an_item_without_a_time_box_ends_the_planned_slots(roster) -> None:
    run = roster
    run(c.add_items(run.state, [("自由发言", None, ""), ("总结", 5, "")]), 0)
    slots = [a.slot for a in papers.notice(run.state).agenda]
    assert slots == ["19:00–19:05", "19:05–19:45", "", ""]


def test_notice_docx_and_html_say_the_same(nanyuan_state) -> None:
    issued = date(2026, 10, 10)
    document = _docx(render_paper(nanyuan_state, "notice", "docx", issued=issued))
    text = "\n".join(p.text for p in document.paragraphs).replace(WORD_JOINER, "")
    page = render_paper(nanyuan_state, "notice", "html", issued=issued).decode()
    for expected in ("一、会议时间：", "六、会议议程", "七、会前提出议题：", "南苑社区居民委员会"):
        assert expected in text and expected in page
    assert [r[1] for r in _cells(document)][1:3] == ["14:30–14:35", "14:35–14:50"]
    assert '<td class="short">14:35–14:50</td>' in page


def test_file_type_from_the_flag_or_the_suffix(tmp_path: Path) -> None:
    folder = tmp_path / "exports.2026"
    folder.mkdir()
    assert file_type(folder) == "docx"  # a folder whose name has a dot is still a folder
    assert file_type(None) == "docx"
    assert file_type("out/签到.HTML") == "html"
    assert file_type("out/folder/") == "docx"
    assert file_type("x.docx", "html") == "html"
    with pytest.raises(ExportError) as caught:
        file_type("x.pdf")
    assert "docx 或 html" in caught.value.message("zh")


def test_export_refuses_to_overwrite_and_writes_where_asked(roster, tmp_path: Path) -> None:
    first = export_paper(roster.state, "notice", tmp_path, root=tmp_path)
    assert first.name == "幸福里楼道改造_居民议事会_2026-11-30_会议通知.docx"
    with pytest.raises(ExportError):
        export_paper(roster.state, "notice", tmp_path, root=tmp_path)
    assert export_paper(roster.state, "notice", tmp_path, unique=True).name.endswith("-2.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "幸福里楼道改造_居民议事会_2026-11-30_会议通知-2.docx",
        "幸福里楼道改造_居民议事会_2026-11-30_会议通知.docx",
    ]


def run_cli(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "export", *args])


def test_cli_signin_and_notice_in_both_file_types(
    data_dir: Path, closed_id: str, capsys, tmp_path
) -> None:
    assert run_cli(data_dir, closed_id, "--format", "signin") == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.parent == data_dir / "exports" / closed_id and path.suffix == ".docx"
    assert path.name.endswith("_签到表.docx")
    assert (
        run_cli(data_dir, closed_id, "--format", "notice", "--out", str(tmp_path / "n.html")) == 0
    )
    assert (tmp_path / "n.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert run_cli(data_dir, closed_id, "--format", "signin", "--as", "html", "--rows", "12",
                   "--out", str(tmp_path) + "/") == 0  # fmt: skip
    written = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert written.suffix == ".html" and written.read_text().count("<tr style=") == 12


def test_cli_refusals_are_one_line(data_dir: Path, closed_id: str, capsys, tmp_path) -> None:
    assert run_cli(data_dir, closed_id, "--format", "signin", "--rows", "0") == 2
    assert "1 到 500" in capsys.readouterr().err
    out = tmp_path / "out"
    assert run_cli(data_dir, closed_id, "--format", "notice", "--out", str(out / "n.pdf")) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "docx 或 html" in error
    assert not out.exists()


def test_layout_from_the_flag_or_the_config_file(
    data_dir: Path, closed_id: str, capsys, tmp_path, monkeypatch
) -> None:
    config = tmp_path / "config.toml"
    monkeypatch.setenv("MEETING_TUI_CONFIG", str(config))

    def body_font(*args: str) -> str:
        assert run_cli(data_dir, closed_id, "--format", "docx", "--force", *args) == 0
        path = Path(capsys.readouterr().out.strip())
        rfonts = docx.Document(str(path)).styles["Normal"].element.rPr.rFonts
        return str(rfonts.get(docx.oxml.ns.qn("w:eastAsia")))

    assert body_font() == "宋体"
    assert body_font("--layout", "gongwen") == "仿宋_GB2312"
    config.write_text('docx_layout = "gongwen"\n', encoding="utf-8")
    assert body_font() == "仿宋_GB2312"
    assert body_font("--layout", "community") == "宋体"
    config.write_text('docx_layout = "fancy"\n', encoding="utf-8")
    assert run_cli(data_dir, closed_id, "--format", "docx", "--force") == 0
    err = capsys.readouterr().err
    assert "docx_layout = fancy" in err and str(config) in err


def test_redacted_sign_in_sheet_shortens_the_roster(roster, data_dir: Path) -> None:
    sheet = papers.signin_sheet(roster.state)
    assert sheet.rows[6][1] == "赵欧阳明"
    from meeting_tui.verbs.export_verb import redacted_roster

    shortened = papers.signin_sheet(redacted_roster(roster.state))
    assert [r[1] for r in shortened.rows[:3]] == ["李某", "王某", "张某"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(min_size=1, max_size=40),
    name=st.text(min_size=1, max_size=20),
    building=st.text(max_size=20),
)
def test_any_typed_text_prints_as_text_in_both_papers(title: str, name: str, building: str) -> None:
    """Whatever a facilitator types (markup, control characters, astral signs) opens and reads back."""
    from meeting_ahead import roster_script

    run = roster_script(0)
    try:
        run(c.edit_meeting(run.state, title=title), 0)
        run(c.add_attendee(run.state, name, "resident", building), 0)
    except DomainError:
        assume(False)
    state = run.state
    document = _docx(render_paper(state, "signin", "docx"))
    assert _cells(document)[1][1] == state.attendance.roster[0].name
    notice_doc = _docx(render_paper(state, "notice", "docx"))
    title_text = notice_doc.paragraphs[0].text.replace("\n", " ")
    assert state.title in title_text.replace(WORD_JOINER, "")
    for kind, sheet_title in (
        ("signin", papers.signin_sheet(state).title),
        ("notice", papers.notice(state).title),
    ):
        page = render_paper(state, kind, "html").decode()
        assert _h1(page) == sheet_title  # the browser shows the typed text, runs none of it
        assert html.escape(state.attendance.roster[0].name) in page or kind == "notice"


def _h1(page: str) -> str:
    class Heading(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.inside, self.text, self.tags = False, "", 0

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.inside = tag == "h1"
            self.tags += self.inside

        def handle_endtag(self, tag: str) -> None:
            self.inside = False

        def handle_data(self, data: str) -> None:
            if self.inside:
                self.text += data

    parser = Heading()
    parser.feed(page)
    assert parser.tags == 1
    return parser.text


def test_long_values_never_squeeze_the_signature_column(roster) -> None:
    run = roster
    run(c.add_attendee(run.state, "欧阳" + "明" * 50, "government", "幸福里小区" + "东" * 50), 0)
    document = _docx(render_paper(run.state, "signin", "docx"))
    widths = [cell.width.mm for cell in document.tables[0].rows[0].cells]
    assert widths[4] >= 39.9 and abs(sum(widths) - 174) < 0.5
