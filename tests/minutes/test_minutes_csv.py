"""The CSV, read back with the csv module: BOM first, one row per motion, the issue's columns."""

from __future__ import annotations

import csv
import io

from meeting_tui.minutes import Minutes
from meeting_tui.minutes.csv import render

COLUMNS = [
    "会议编号", "会议日期", "会议名称",
    "序号", "议题", "事项", "提议人", "类别", "预估费用（元）", "状态", "赞成", "反对", "弃权",
    "出席有表决权人数", "表决规则", "表决结果", "结果代码", "落实责任方", "完成期限", "暂缓原因",
    "跟进人", "再议时间", "来源", "发言情况",
]  # fmt: skip


def read(text: str) -> list[dict[str, str]]:
    raw = text.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Chinese Excel needs
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_one_row_per_motion_with_every_column(nanyuan: Minutes) -> None:
    rows = read(render(nanyuan))
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 12
    first = rows[0]
    assert first["事项"] == "电线入地改造：楼内外老化电线全部像新小区一样入地"
    assert (first["赞成"], first["反对"], first["弃权"], first["出席有表决权人数"]) == (
        "38",
        "0",
        "0",
        "38",
    )
    assert first["表决结果"] == "通过：赞成 38 人，多于反对 0 人"
    assert first["结果代码"] == "passed"
    assert (first["落实责任方"], first["完成期限"]) == ("施工方", "2027年5月31日")
    gate = rows[1]
    assert gate["状态"] == "暂缓" and gate["暂缓原因"] == "涉及学校和街道，需三方协调后再议"
    assert gate["表决结果"] == "未通过：赞成 14 人，少于反对 20 人；事项暂缓"
    assert (gate["结果代码"], gate["跟进人"], gate["再议时间"]) == (
        "deferred",
        "社区工作人员",
        "下次议事会",
    )
    assert rows[8]["再议时间"] == "2026年12月15日"
    roof = rows[3]
    assert roof["状态"] == "已答复" and roof["赞成"] == "" and roof["结果代码"] == "answered"
    assert (rows[6]["预估费用（元）"], rows[7]["预估费用（元）"], rows[0]["预估费用（元）"]) == (
        "85000",
        "180000",
        "",
    )
    assert {r["结果代码"] for r in rows} == {"passed", "rejected", "deferred", "answered"}


def test_every_row_names_its_meeting_so_files_can_be_merged(nanyuan: Minutes, bad) -> None:
    run = bad.script()
    other = Minutes.build(run.state, run.log.events)
    merged = read(render(nanyuan)) + read(render(other))
    meetings = {(r["会议编号"], r["会议日期"], r["会议名称"]) for r in merged}
    assert meetings == {
        ("20261017-nany", "2026-10-17", "电大家属院老旧小区改造 民主协商议事会"),
        ("20261127-host", "2026-11-27", "幸福里 <b>议事会</b> & 圆桌会"),
    }
    codes = {r["结果代码"] for r in merged if r["会议编号"] == "20261127-host"}
    assert codes == {"deferred", "passed", "open", "withdrawn"}


def test_line_breaks_and_formulas_cannot_break_the_sheet(bad, hostile) -> None:
    hostile.raise_("第一行\n第二行", proposer="居民")
    hostile.raise_('=HYPERLINK("http://x")', proposer="@居民")
    rows = read(render(Minutes.build(hostile.state, hostile.log.events)))
    assert len(rows) == 6
    assert rows[4]["事项"] == "第一行 第二行"  # a motion is one line: its heading, its cell
    assert rows[5]["事项"] == '\'=HYPERLINK("http://x")'  # shown as text, never run
    assert rows[5]["提议人"] == "'@居民"
    assert rows[0]["事项"] == bad.SCRIPT


def test_english_headers(bad) -> None:
    run = bad.script(lang="en")
    rows = read(render(Minutes.build(run.state, run.log.events)))
    assert list(rows[0])[:6] == [
        "Meeting id",
        "Meeting date",
        "Meeting",
        "No.",
        "Agenda item",
        "Motion",
    ]
    assert rows[1]["Result code"] == "passed"
    assert rows[1]["State"] == "passed"
