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


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _tables(document):
    return document.element.body.findall(f"{W}tbl")


def test_every_cell_is_as_wide_as_its_grid_column_in_a_fixed_table(nanyuan: Minutes) -> None:
    """Word lays tables out by the cell widths: they must say what the grid says."""
    for layout in ("community", "gongwen"):
        document = docx.Document(io.BytesIO(render(nanyuan, layout)))
        tables = _tables(document)
        assert len(tables) == 4  # header, decisions, deferred, timeline (no unvoted motions)
        section = document.sections[0]
        text_width = docx.shared.Length(
            section.page_width - section.left_margin - section.right_margin
        )
        for tbl in tables:
            grid = [int(c.get(qn("w:w"))) for c in tbl.iter(f"{W}gridCol")]
            assert tbl.find(f"{W}tblPr/{W}tblLayout").get(qn("w:type")) == "fixed"
            assert int(tbl.find(f"{W}tblPr/{W}tblW").get(qn("w:w"))) == sum(grid)
            assert abs(sum(grid) - text_width.twips) <= 2
            for tr in tbl.iter(f"{W}tr"):
                widths = [int(tc.get(qn("w:w"))) for tc in tr.iter(f"{W}tcW")]
                assert widths == grid


def test_table_header_rows_repeat_and_rows_do_not_split(nanyuan: Minutes) -> None:
    document = _open(nanyuan)
    header_table, *listed = _tables(document)
    assert header_table.find(f"{W}tr/{W}trPr/{W}tblHeader") is None  # a key/value table
    for tbl in listed:
        rows = tbl.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])
        assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)


def test_short_columns_are_wide_enough_for_their_longest_value(nanyuan: Minutes) -> None:
    decisions = _tables(_open(nanyuan))[1]
    grid = [int(c.get(qn("w:w"))) for c in decisions.iter(f"{W}gridCol")]
    number, text, owner, due = grid
    # "2027年5月31日" at 10.5 pt: 3 Chinese characters, 7 digits, 5 quarter-em gaps ≈ 8.6 em.
    assert due >= 8.6 * 10.5 * 20 + 216
    assert owner >= 3 * 10.5 * 20 + 216 and number >= 2 * 10.5 * 20 + 216  # 施工方, 序号
    assert text > 2 * due  # the motion's text gets the room that is left


def test_footer_counts_pages_with_fields(nanyuan: Minutes) -> None:
    footer = _open(nanyuan).sections[0].footer.paragraphs[0]._p
    codes = [t.text.strip() for t in footer.iter(f"{W}instrText")]
    assert codes == ["PAGE", "NUMPAGES"]
    words = "".join(t.text for t in footer.iter(f"{W}t"))
    assert words.startswith("第 ") and " 页 共 " in words and words.endswith(" 页")


def test_closing_block_is_right_aligned_after_the_signatures(nanyuan: Minutes) -> None:
    paragraphs = _open(nanyuan).paragraphs
    texts = [p.text.replace(WORD_JOINER, "") for p in paragraphs]
    committee = texts.index("南苑社区居民委员会")
    assert texts[committee + 1] == "2026年10月17日"
    assert texts[committee - 1].startswith("居民代表：")
    assert paragraphs[committee].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    appendix = texts.index("附件：会议过程")
    assert appendix > committee and paragraphs[appendix].paragraph_format.page_break_before


def test_gongwen_layout_after_gb_t_9704(nanyuan: Minutes) -> None:
    document = docx.Document(io.BytesIO(render(nanyuan, "gongwen")))
    assert _east_asian_font(document.styles["Title"]) == "方正小标宋简体"
    assert document.styles["Title"].font.size.pt == 22
    assert _east_asian_font(document.styles["Normal"]) == "仿宋_GB2312"
    assert document.styles["Normal"].font.size.pt == 16  # 三号
    assert _east_asian_font(document.styles["Heading 2"]) == "楷体_GB2312"
    section = document.sections[0]
    assert (round(section.top_margin.mm), round(section.left_margin.mm)) == (37, 28)
    texts = [p.text for p in document.paragraphs]
    assert (
        "一、会议议程" in texts
        and "（一）电线入地改造：楼内外老化电线全部像新小区一样入地" in texts
    )
    assert any(t.startswith("1. 议题：") for t in texts)
    table = next(
        p for p in document.part.package.iter_parts() if str(p.partname).endswith("fontTable.xml")
    )
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in table.blob.decode()


def test_no_line_ends_with_a_lone_character_where_words_are_kept(nanyuan: Minutes) -> None:
    """Body text joins its last two characters, so "再议" never breaks as "再/议"."""
    document = _open(nanyuan)
    deferral = next(p for p in document.paragraphs if p.text.startswith("暂缓：涉及学校"))
    assert deferral.text.endswith("再" + WORD_JOINER + "议")
    title = document.paragraphs[0].text
    assert WORD_JOINER not in title  # titles and headings stay searchable as typed
