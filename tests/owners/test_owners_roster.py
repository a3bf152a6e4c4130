"""The household roster: CSV as Excel saves it, areas, owner counting, errors by line."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meeting_tui.domain.owners.roster import (
    DEVELOPER_KEY,
    AreaSource,
    normalise_unit_id,
    parse_area,
)
from meeting_tui.domain.owners.roster_csv import RosterFileError, parse_roster, read_roster_file
from meeting_tui.domain.owners.rules import format_area
from meeting_tui.domain.text import clean_text

ROSTER = (
    "楼号,单元,房号,业主,登记面积,测绘面积,合同面积,业主标识,开发商\n"
    "3,2,501,张建国,89.50,,,110101195001011234,\n"
    "3,2,502,张建国,,90.00,91.00,110101195001011234,\n"
    "3,2,601,李红、王强,,,120.3,,\n"
    "1,1,101,凯旋置业,,,100,,是\n"
    "1,1,102,凯旋置业,,,100,,是\n"
)


@pytest.mark.parametrize(
    "raw",
    [
        ROSTER.encode("utf-8"),
        codecs.BOM_UTF8 + ROSTER.encode("utf-8"),
        ROSTER.encode("gbk"),
        ROSTER.replace("\n", "\r\n").encode("gbk"),
        codecs.BOM_UTF16_LE + ROSTER.replace(",", "\t").encode("utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gbk-crlf", "utf16-tabs"],
)
def test_a_roster_reads_in_every_encoding_excel_saves(raw: bytes) -> None:
    roster = parse_roster(raw)
    assert [u.id for u in roster.units] == ["3-2-501", "3-2-502", "3-2-601", "1-1-101", "1-1-102"]
    assert roster.by_id["3-2-601"].owners == ("李红", "王强")


def test_area_is_registered_else_surveyed_else_contract() -> None:
    roster = parse_roster(ROSTER.encode())
    assert roster.by_id["3-2-501"].area == 8950
    assert roster.by_id["3-2-501"].area_source is AreaSource.REGISTERED
    assert roster.by_id["3-2-502"].area == 9000  # surveyed, not the contract's 91.00
    assert roster.by_id["3-2-502"].area_source is AreaSource.SURVEYED
    assert roster.by_id["3-2-601"].area == 12030
    assert roster.by_id["3-2-601"].area_source is AreaSource.CONTRACT
    assert roster.total_area == 8950 + 9000 + 12030 + 10000 + 10000


def test_owners_are_counted_by_unit_by_buyer_and_developer() -> None:
    """5 units: one buyer with two (1), a unit without a key (1), the developer's two (1)."""
    roster = parse_roster(ROSTER.encode())
    assert roster.total_owners == 3
    assert roster.by_id["1-1-101"].owner_key == DEVELOPER_KEY
    assert roster.by_id["3-2-501"].owner_key == roster.by_id["3-2-502"].owner_key


def test_units_without_an_owner_key_are_each_one_owner_even_with_the_same_name() -> None:
    text = "楼号,房号,业主,面积\n1,101,王芳,80\n1,102,王芳,80\n"
    assert parse_roster(text.encode()).total_owners == 2


def test_english_headers_in_another_order() -> None:
    text = "room,building,area,owner,owner_key\n101,A,80.5,Li,k1\n102,A,70,Li,k1\n"
    roster = parse_roster(text.encode())
    assert roster.by_id["A-101"].area == 8050
    assert roster.total_owners == 1


def test_every_bad_line_is_named_with_its_number() -> None:
    text = "楼号,单元,房号,面积\n1,1,101,80\n1,1,102,八十\n1,1,,70\n1,1,101,60\n1,1,104,\n"
    with pytest.raises(RosterFileError) as caught:
        parse_roster(text.encode())
    lines = [(p.line, p.key) for p in caught.value.problems]
    assert lines == [
        (3, "owners.roster.bad_area"),
        (4, "owners.roster.no_room"),
        (5, "owners.roster.repeated"),
        (6, "owners.roster.no_area"),
    ]
    message = caught.value.message("zh")
    assert "第 3 行：面积“八十”不是两位小数以内的数字" in message
    assert "另有 1 处" in message and "\n" not in message


def test_a_file_without_a_header_says_which_columns_it_needs() -> None:
    with pytest.raises(RosterFileError) as caught:
        parse_roster(b"1,1,101,80\n")
    assert "楼号" in caught.value.message("zh")


def test_an_excel_workbook_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "清册.xlsx"
    path.write_bytes(b"PK\x03\x04rest")
    with pytest.raises(RosterFileError) as caught:
        read_roster_file(path)
    assert "另存为" in caught.value.message("zh")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(RosterFileError) as caught:
        read_roster_file(tmp_path / "nope.csv")
    assert "nope.csv" in caught.value.message("en")


@pytest.mark.parametrize(
    ("text", "centi"),
    [("89.5", 8950), ("89.50㎡", 8950), ("１２０．３", 12030), ("1,089.05", 108905), ("", None)],
)
def test_areas_parse_to_hundredths(text: str, centi: int | None) -> None:
    assert parse_area(text) == centi


@pytest.mark.parametrize("text", ["89.505", "-3", "abc", "1e3"])
def test_bad_areas_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_area(text)


@pytest.mark.parametrize("typed", ["3-2-501", "3－2－501", "3 2 501", "3栋2单元501室", " 3/2/501 "])
def test_what_a_canvasser_types_finds_the_unit(typed: str) -> None:
    assert normalise_unit_id(typed) == "3-2-501"


# -- properties ------------------------------------------------------------------


names = st.text(
    st.characters(codec="gbk", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=12
).filter(lambda s: s.strip() and not any(sep in s for sep in "、，,;；/／"))


@given(st.lists(st.tuples(names, st.integers(1, 99_999_99)), min_size=1, max_size=30))
def test_names_and_areas_survive_excel_csv_in_gbk(rows: list[tuple[str, int]]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["楼号", "房号", "业主", "登记面积"])
    for n, (name, area) in enumerate(rows, start=1):
        writer.writerow(["1", str(100 + n), name, format_area(area)])
    roster = parse_roster(buffer.getvalue().encode("gbk"))
    assert [u.area for u in roster.units] == [area for _, area in rows]
    assert [u.owners for u in roster.units] == [(clean_text(name).strip(),) for name, _ in rows]


@given(st.binary(max_size=400))
def test_any_bytes_give_a_roster_or_a_roster_error(data: bytes) -> None:
    try:
        parse_roster(
            b"\xef\xbb\xbf\xe6\xa5\xbc\xe5\x8f\xb7,\xe6\x88\xbf\xe5\x8f\xb7,\xe9\x9d\xa2\xe7\xa7\xaf\n"
            + data
        )
    except RosterFileError as error:
        assert "\n" not in error.message("zh")
