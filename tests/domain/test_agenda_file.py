"""Agenda import: the files a community office really has, and every way they go wrong."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meeting_tui.domain.agenda_file import (
    MAX_FILE_BYTES,
    AgendaEntry,
    AgendaFileError,
    parse_agenda,
    read_agenda_file,
)

AGENDA_DIR = Path(__file__).resolve().parents[2] / "data" / "agenda"
NANYUAN_TITLES = [
    "开场说明", "电线入地改造", "大门位置", "单元门样式和更换", "保温层和防水层", "绿化",
    "外墙粉刷", "新建自行车棚", "路面铺设", "楼道照明和雨水管", "其他事项",
    "汇总表决结果、明确责任方",
]  # fmt: skip


def parse(text: str, filename: str | None = None) -> list[AgendaEntry]:
    return parse_agenda(text.encode("utf-8"), filename)


def refused(text: str | bytes, filename: str | None = None) -> AgendaFileError:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(AgendaFileError) as caught:
        parse_agenda(data, filename)
    return caught.value


# --- the sample files in data/agenda ---------------------------------------------------


def test_nanyuan_markdown_sample() -> None:
    entries = read_agenda_file(AGENDA_DIR / "nanyuan.md")
    assert [e.title for e in entries] == NANYUAN_TITLES
    assert sum(e.minutes or 0 for e in entries) == 120
    wiring = entries[1]
    assert (wiring.minutes, wiring.line) == (15, 13)
    assert "全部入地" in wiring.notes
    assert entries[0].notes.count("\n") == 1  # two sub-bullets, two lines of notes


def test_nanyuan_csv_sample_matches_the_markdown() -> None:
    data = (AGENDA_DIR / "nanyuan.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    from_csv = parse_agenda(data, "nanyuan.csv")
    from_md = read_agenda_file(AGENDA_DIR / "nanyuan.md")
    assert [(e.title, e.minutes, e.notes) for e in from_csv] == [
        (e.title, e.minutes, e.notes) for e in from_md
    ]
    assert [e.line for e in from_csv][:3] == [2, 4, 5]  # the first record spans two lines


def test_jinfeng_gbk_sample() -> None:
    data = (AGENDA_DIR / "jinfeng_gbk.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    entries = read_agenda_file(AGENDA_DIR / "jinfeng_gbk.txt")
    assert len(entries) == 8
    assert entries[0].title == "主持人介绍参会各方和议事规则"
    assert entries[5].title == "多功能篮球场选址和资金申报"
    assert "争取明年" in entries[5].notes
    assert sum(e.minutes or 0 for e in entries) == 105


# --- plain text and Markdown -----------------------------------------------------------


def test_plain_lines_are_items_blank_lines_and_headings_are_not() -> None:
    entries = parse("# 南苑社区议事会\n\n电线入地改造\n\n大门位置\n## 第二部分\n绿化\n")
    assert [(e.title, e.line) for e in entries] == [
        ("电线入地改造", 3),
        ("大门位置", 5),
        ("绿化", 7),
    ]
    assert all(e.minutes is None and e.notes == "" for e in entries)


@pytest.mark.parametrize(
    "line",
    [
        "- 电线入地改造", "* 电线入地改造", "+ 电线入地改造", "• 电线入地改造", "1. 电线入地改造",
        "1)电线入地改造", "1、电线入地改造", "１、电线入地改造", "（1）电线入地改造",
        "(2) 电线入地改造", "一、电线入地改造", "十二、电线入地改造", "（三）电线入地改造",
        "第一项：电线入地改造", "① 电线入地改造", "- [ ] 电线入地改造", "- [x] 电线入地改造",
        "-电线入地改造", "**电线入地改造**",
    ],
)  # fmt: skip
def test_list_markers_are_removed(line: str) -> None:
    assert [e.title for e in parse(line)] == ["电线入地改造"]


@pytest.mark.parametrize(
    "line",
    [
        "电线入地改造 — 15分钟", "电线入地改造——15分钟", "电线入地改造 - 15 分钟",
        "电线入地改造（15分钟）", "电线入地改造 (15 min)", "电线入地改造 15min",
        "电线入地改造 15 minutes", "电线入地改造【15分钟】", "电线入地改造 １５分钟",
        "电线入地改造：15分钟", "电线入地改造 0.25小时", "电线入地改造15分钟",
        "14:00-14:15 电线入地改造", "1. 14:00—14:15 电线入地改造",
    ],
)  # fmt: skip
def test_time_boxes(line: str) -> None:
    assert [(e.title, e.minutes) for e in parse(line)] == [("电线入地改造", 15)]


def test_hours_and_half_hours() -> None:
    entries = parse("路面铺设（1小时）\n绿化 半小时\n外墙粉刷 1.5h")
    assert [e.minutes for e in entries] == [60, 30, 90]


def test_numbers_that_belong_to_the_title_stay_in_it() -> None:
    titles = [e.title for e in parse("讨论物业改为24小时\n新建设施（含2小时）\n3号楼单元门")]
    assert titles == ["讨论物业改为24小时", "新建设施（含2小时）", "3号楼单元门"]


def test_indented_lines_and_quotes_are_notes_of_the_item_above() -> None:
    text = (
        "1. 电线入地改造 15分钟\n"
        "   - 李姓居民：电线老化，表皮腐蚀\n"
        "\t施工方记录\n"
        "　　全角空格缩进也算\n"
        "> 引用也算备注\n"
        "2. 大门位置\n"
    )
    wiring, gate = parse(text)
    assert (
        wiring.notes == "李姓居民：电线老化，表皮腐蚀\n施工方记录\n全角空格缩进也算\n引用也算备注"
    )
    assert (gate.title, gate.notes, gate.line) == ("大门位置", "", 6)


def test_preamble_before_a_list_is_skipped_but_a_forgotten_dash_is_not() -> None:
    text = "时间：2026年11月27日 14:00\n地点：西门空地\n- 电线入地改造\n大门位置\n- 绿化\n"
    assert [e.title for e in parse(text)] == ["电线入地改造", "大门位置", "绿化"]


def test_escape_codes_never_reach_a_title() -> None:
    (entry,) = parse("- \x1b[31m电线\x1b]0;x\x07入地改造\u202e\n")
    assert entry.title == "电线入地改造"


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        ("- 开场\n- 电线入地改造 — 0分钟", "agenda.minutes_range", 2),
        ("- 开场\n\n- 电线入地改造（601分钟）", "agenda.minutes_range", 3),
        ("- 电线入地改造 7.5分钟", "agenda.minutes_fraction", 1),
        ("- 开场\n- — 15分钟", "agenda.empty_title", 2),
        ("- 开场\n- " + "很长" * 101, "agenda.title_too_long", 2),
        ("14:30-14:00 开场", "agenda.bad_clock", 1),
    ],
)
def test_line_errors_name_the_line(text: str, key: str, line: int) -> None:
    error = refused(text)
    assert (error.key, error.line) == (key, line)
    assert f"第 {line} 行" in error.message("zh")
    assert f"line {line}" in error.message("en").lower()


# --- CSV -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header", ["title,minutes,notes", "议题,时长,备注", "议题,分钟,说明", "议题,时长（分钟）,备注"]
)
def test_csv_headers_are_recognised_without_a_csv_name(header: str) -> None:
    entries = parse(f"{header}\n电线入地改造,15,李姓居民提议\n大门位置,,\n", "agenda.txt")
    assert [(e.title, e.minutes, e.notes) for e in entries] == [
        ("电线入地改造", 15, "李姓居民提议"),
        ("大门位置", None, ""),
    ]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiters_and_quoted_fields(delimiter: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerows(
        [["序号", "议题", "分钟", "说明"], ["1", "单元门, 样式", "１０", "第一行\n第二行"]]
    )
    (entry,) = parse(buffer.getvalue(), "议程.csv")
    assert (entry.title, entry.minutes, entry.notes) == ("单元门, 样式", 10, "第一行\n第二行")


def test_csv_without_header_is_title_minutes_notes() -> None:
    entries = parse("电线入地改造,15分钟,备注\n绿化,半小时\n", "nanyuan.CSV")
    assert [(e.title, e.minutes, e.notes) for e in entries] == [
        ("电线入地改造", 15, "备注"),
        ("绿化", 30, ""),
    ]


def test_csv_errors_name_the_line_where_the_record_starts() -> None:
    text = 'title,minutes,notes\n开场,5,"两行\n备注"\n电线入地改造,十五,\n'
    error = refused(text, "a.csv")
    assert (error.key, error.line, error.values["value"]) == ("agenda.bad_minutes", 4, "十五")
    assert refused("议题,时长\n开场,5\n,10\n").line == 3
    assert refused("议题,时长\n开场,5\n,10\n").key == "agenda.empty_title"


# --- encodings and wrong files ---------------------------------------------------------

ENCODED = "议题\t时长\t备注\n电线入地改造\t15\t李姓居民提议\n"


@pytest.mark.parametrize(
    "data",
    [
        ENCODED.encode("utf-8"),
        b"\xef\xbb\xbf" + ENCODED.encode("utf-8"),
        ENCODED.encode("gbk"),
        ENCODED.encode("gb18030"),
        ENCODED.encode("utf-16"),  # Excel "Unicode text": BOM, little-endian, tabs
        ENCODED.encode("utf-16-le"),
        ENCODED.replace("\n", "\r\n").encode("utf-16-be"),
    ],
)
def test_encodings(data: bytes) -> None:
    (entry,) = parse_agenda(data, "议程.txt")
    assert (entry.title, entry.minutes, entry.notes) == ("电线入地改造", 15, "李姓居民提议")


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"caf\xe9", "agenda.encoding"),
        (b"\xff\xfe\x00\xd8", "agenda.encoding"),  # UTF-16 BOM then a lone surrogate
        (b"PK\x03\x04\x14\x00\x06\x00", "agenda.office_file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "agenda.office_file"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00", "agenda.binary"),
        (b"", "agenda.empty"),
        ("# 只有标题\n\n   \n".encode(), "agenda.empty"),
        (b"x" * (MAX_FILE_BYTES + 1), "agenda.too_large"),
        ("\n".join(f"- 议题{n}" for n in range(300)).encode(), "agenda.too_many"),
    ],
)
def test_files_that_are_refused(data: bytes, key: str) -> None:
    assert refused(data).key == key


def test_read_agenda_file_errors(tmp_path: Path) -> None:
    with pytest.raises(AgendaFileError) as missing:
        read_agenda_file(tmp_path / "没有这个文件.md")
    assert missing.value.key == "agenda.not_found" and "没有这个文件.md" in str(missing.value)
    with pytest.raises(AgendaFileError) as folder:
        read_agenda_file(tmp_path)
    assert folder.value.key == "agenda.is_directory"
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(AgendaFileError) as large:
        read_agenda_file(big)
    assert large.value.key == "agenda.too_large"


def test_read_agenda_file_without_permission(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file the user may not read (tests run as root, so the refusal is made by hand)."""
    locked = tmp_path / "议程.md"
    locked.write_text("- 开场", encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(AgendaFileError) as caught:
        read_agenda_file(locked)
    assert caught.value.key == "agenda.permission"


# --- properties ------------------------------------------------------------------------

FILENAMES = st.sampled_from([None, "议程.txt", "议程.md", "议程.csv", "a.tsv"])
MARKDOWNISH = st.text(
    st.sampled_from(list('-*1.、（）()【】,;\t\n "#>xX[]:：—0１5一电线分钟min小时h\x1b\r'))
)


@settings(max_examples=300)
@given(st.binary(max_size=400), FILENAMES)
def test_arbitrary_bytes_raise_only_agenda_errors(data: bytes, filename: str | None) -> None:
    try:
        entries = parse_agenda(data, filename)
    except AgendaFileError:
        return
    assert entries and all(e.title and "\x1b" not in e.title for e in entries)


@settings(max_examples=300)
@given(st.text() | MARKDOWNISH, st.sampled_from(["utf-8", "gbk", "utf-16"]), FILENAMES)
def test_arbitrary_text_raises_only_agenda_errors(
    text: str, encoding: str, filename: str | None
) -> None:
    try:
        entries = parse_agenda(text.encode(encoding, errors="ignore"), filename)
    except AgendaFileError as error:
        assert error.key.startswith("agenda.") and error.message("en") != error.key
        return
    assert 1 <= len(entries) <= 200
    assert all(e.title and len(e.title) <= 200 and "\n" not in e.title for e in entries)
    assert all(e.minutes is None or 1 <= e.minutes <= 600 for e in entries)


TITLES = (
    st.text("电线入地改造大门位置绿化外墙粉刷自行车棚路面铺设 、A", min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool)
)
ITEMS = st.lists(st.tuples(TITLES, st.none() | st.integers(1, 600)), min_size=1, max_size=12)


@given(ITEMS, st.sampled_from(["utf-8", "gbk"]))
def test_written_agendas_round_trip(items: list[tuple[str, int | None]], encoding: str) -> None:
    # A real file has a heading: a lone GBK character can be valid UTF-8 (路 → ·).
    markdown = "# 南苑社区议事会议程\n" + "".join(
        f"{n}. {title}" + (f"（{minutes}分钟）" if minutes else "") + "\n"
        for n, (title, minutes) in enumerate(items, start=1)
    )
    rows = io.StringIO()
    csv.writer(rows).writerows([["议题", "时长", "备注"], *([t, m or ""] for t, m in items)])
    for data, name in ((markdown, "议程.md"), (rows.getvalue(), "议程.csv")):
        entries = parse_agenda(data.encode(encoding), name)
        assert [(e.title, e.minutes) for e in entries] == items
        assert [e.line for e in entries] == list(range(2, len(items) + 2))


def test_short_gbk_that_is_also_valid_utf8_is_read_as_gbk() -> None:
    # 位 in GBK is CE BB, which UTF-8 reads as Greek λ.
    assert "位".encode("gbk").decode("utf-8") == "λ"
    assert parse_agenda("位".encode("gbk"))[0].title == "位"
    assert parse_agenda("café".encode())[0].title == "café"
