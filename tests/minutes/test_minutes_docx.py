"""The DOCX, opened with python-docx: every motion, count and owner there; Chinese fonts set."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

from meeting_tui.minutes import Minutes
from meeting_tui.minutes.docx import render
from meeting_tui.minutes.wordml import WORD_JOINER


def _open(minutes: Minutes):
    return docx.Document(io.BytesIO(render(minutes)))


def _all_text(document) -> str:
    """The text as a reader sees it: without the word joiners that keep last characters together."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts).replace(WORD_JOINER, "")


def test_every_motion_count_and_owner_of_nanyuan_is_in_the_docx(nanyuan: Minutes) -> None:
    text = _all_text(_open(nanyuan))
    for motion in nanyuan.motions:
        assert f"事项 {motion.number}：{motion.text}" in text
        for vote in motion.votes:
            assert (
                f"赞成 {vote.in_favour}，反对 {vote.against}，弃权 {vote.abstain}，"
                f"未表态 {vote.not_voting}（出席有表决权 {vote.eligible_present} 人" in text
            )
            assert vote.plain and vote.plain in text
        if motion.owner:
            assert f"{motion.owner}负责，{motion.due}前完成" in text
        if motion.deferral_reason:
            assert motion.deferral_reason in text
    assert "2026年10月17日 14:30–16:19" in text
    assert "居民 40 人，社区工作人员 3 人，物业 1 人，施工方 2 人；共 46 人" in text
    for role in ("主持人：", "记录人：", "居民代表："):
        assert role in text


def test_layout_title_header_table_and_sections(nanyuan: Minutes) -> None:
    document = _open(nanyuan)
    assert document.paragraphs[0].text == "电大家属院老旧小区改造 民主协商议事会 会议纪要"
    assert document.paragraphs[0].style.name == "Title"
    header = document.tables[0]
    assert header.rows[0].cells[0].text == "会议时间"
    assert header.rows[0].cells[1].text == "2026年10月17日 14:30–16:19"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "一、会议议程",
        "二、事项及表决情况",
        "三、议定事项及落实",
        "四、暂缓事项",
        "五、未表决事项",
        "六、签字",
        "附件：会议过程",
    ]
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def _east_asian_font(style) -> str | None:
    rfonts = style.element.rPr.rFonts
    assert rfonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would override ours
    return rfonts.get(qn("w:eastAsia"))


def test_song_body_and_hei_headings_through_the_east_asian_slot(nanyuan: Minutes) -> None:
    document = _open(nanyuan)
    assert _east_asian_font(document.styles["Normal"]) == "宋体"
    for name in ("Title", "Heading 1", "Heading 2"):
        assert _east_asian_font(document.styles[name]) == "黑体"
        assert document.styles[name].font.color.rgb == docx.shared.RGBColor(0, 0, 0)
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Normal"} <= used


def test_markup_in_a_motion_stays_text_in_the_docx(bad, hostile) -> None:
    text = _all_text(_open(Minutes.build(hostile.state, hostile.log.events)))
    assert f"事项 1：{bad.SCRIPT}" in text
