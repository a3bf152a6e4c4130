"""Redaction: no full name, phone or ID number of a resident reaches a public page."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meeting_tui.domain.privacy import (
    is_generic_name,
    mask_personal_numbers,
    redact_text,
    shorten_name,
)

FOLD = str.maketrans("０１２３４５６７８９－\u3000Ｘｘ", "0123456789- Xx")
MOBILE = re.compile(r"1[3-9]\d{9}", re.ASCII)
ID_NUMBER = re.compile(r"\d{17}[\dXx]", re.ASCII)


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("李建国", "李某"),
        ("王芳", "王某"),
        ("欧阳明", "欧阳某"),
        ("诸葛亮", "诸葛某"),
        ("司马相如", "司马某"),
        ("买买提·艾力", "买某"),
        ("李姓居民", "李姓居民"),
        ("李某", "李某"),
        ("欧阳某", "欧阳某"),
        ("张书记", "张书记"),
        ("刘相文主任", "刘某主任"),
        ("老李", "老李"),
        ("居民", "居民"),
        ("居民代表", "居民代表"),
        ("社区工作人员", "社区工作人员"),
        ("施工方", "施工方"),
        ("物业", "物业"),
        ("Zhang Wei", "Zhang W."),
        ("Mary Ann Smith", "Mary S."),
        ("Alice", "A."),
        ("Zhang W.", "Zhang W."),
        ("", ""),
        ("  李建国 ", "李某"),
    ],
)
def test_shorten_name(name: str, short: str) -> None:
    assert shorten_name(name) == short


def test_generic_names_are_the_ones_left_alone() -> None:
    assert is_generic_name("李姓居民") and is_generic_name("张书记")
    assert not is_generic_name("李建国") and not is_generic_name("刘相文主任")


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("联系电话13812345678。", "联系电话138****5678。"),
        ("电话 138 1234 5678", "电话 138****5678"),
        ("电话：138-1234-5678", "电话：138****5678"),
        ("手机１３９１２３４５６７８", "手机139****5678"),
        ("+86 13712345678", "+86 137****5678"),
        ("+8613712345678", "+86137****5678"),
        ("身份证11010519491231002X号", "身份证1101**********002X号"),
        ("身份证 110105 19491231 002x", "身份证 1101**********002x"),
        ("老身份证110105491231002", "老身份证1101*******1002"),
    ],
)
def test_personal_numbers_are_masked(text: str, masked: str) -> None:
    assert mask_personal_numbers(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "预计费用 100000 元，不超过100000元",
        "2026年11月27日 14:30，2026-11-27",
        "赞成 23，反对 2，弃权 1，出席 40",
        "编号 123456789012（12位）",
        "单号 12345678901（以 12 开头，不是手机号）",
        "宁安社区284户，7家物业公司",
    ],
)
def test_ordinary_numbers_are_untouched(text: str) -> None:
    assert mask_personal_numbers(text) == text


def test_at_most_eight_original_characters_of_an_id_survive() -> None:
    masked = mask_personal_numbers("11010519491231002X")
    assert sum(c != "*" for c in masked) <= 8
    assert "19491231" not in masked


def test_redact_text_replaces_roster_names_and_numbers() -> None:
    minutes = "李建国提议电线入地改造，刘相文主任主持表决。李建国电话13812345678。"
    redacted = redact_text(minutes, ["李建国", "刘相文", "居民"])
    assert redacted == "李某提议电线入地改造，刘某主任主持表决。李某电话138****5678。"


def test_longer_names_are_replaced_first() -> None:
    assert redact_text("欧阳明华和欧阳明", ["欧阳明", "欧阳明华"]) == "欧阳某和欧阳某"


def test_generic_words_in_the_roster_are_not_replaced() -> None:
    assert redact_text("居民代表李姓居民发言", ["居民", "李姓居民"]) == "居民代表李姓居民发言"


# --- properties -------------------------------------------------------------------------

NO_DIGITS = st.text(st.characters(blacklist_categories=("Nd", "Cs")), min_size=1, max_size=8)
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@st.composite
def mobile_numbers(draw: st.DrawFn) -> str:
    digits = (
        "1" + draw(st.sampled_from("3456789")) + draw(st.text("0123456789", min_size=9, max_size=9))
    )
    sep = draw(st.sampled_from(["", " ", "-"]))
    text = draw(st.sampled_from([digits, f"{digits[:3]}{sep}{digits[3:7]}{sep}{digits[7:]}"]))
    prefix = draw(st.sampled_from(["", "+86", "+86 ", "0086-"]))
    text = prefix + text
    return text.translate(FULL_WIDTH) if draw(st.booleans()) else text


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    digits = draw(st.text("0123456789", min_size=17, max_size=17)) + draw(
        st.sampled_from("0123456789Xx")
    )
    sep = draw(st.sampled_from(["", " ", "-"]))
    return draw(st.sampled_from([digits, f"{digits[:6]}{sep}{digits[6:14]}{sep}{digits[14:]}"]))


def embedded(numbers: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(st.tuples(NO_DIGITS, numbers), max_size=4).map(
        lambda parts: "".join(text + number for text, number in parts) + "。"
    )


def normalised(text: str) -> str:
    return re.sub(r"[ \-]", "", text.translate(FOLD))


@given(embedded(mobile_numbers()))
def test_no_mobile_number_survives(text: str) -> None:
    masked = mask_personal_numbers(text)
    assert not MOBILE.search(normalised(masked))
    assert mask_personal_numbers(masked) == masked


@given(embedded(id_numbers()))
def test_no_id_number_survives(text: str) -> None:
    masked = mask_personal_numbers(text)
    assert not ID_NUMBER.search(normalised(masked))
    assert mask_personal_numbers(masked) == masked


SURNAMES = ["李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "欧阳", "司马", "诸葛"]
GIVEN = "建国明华芳伟秀英敏静丽强磊军洋勇艳杰娟涛超"
CHINESE_NAMES = st.builds(
    lambda surname, given: surname + given,
    st.sampled_from(SURNAMES),
    st.text(GIVEN, min_size=1, max_size=2),
)
LATIN_NAMES = st.builds(
    lambda first, last: f"{first} {last}",
    st.sampled_from(["Zhang", "Li", "Mary", "Ahmed"]),
    st.sampled_from(["Wei", "Smith", "Jianguo", "Karimi"]),
)
NAMES = st.lists(CHINESE_NAMES | LATIN_NAMES, min_size=1, max_size=5)


@given(
    NAMES,
    st.lists(st.text(max_size=6), max_size=6),
    st.lists(mobile_numbers(), max_size=2),
    st.data(),
)
def test_no_roster_name_survives_redaction(
    names: list[str], fillers: list[str], phones: list[str], data: st.DataObject
) -> None:
    pieces = [*fillers, *names, *(f"电话{p}。" for p in phones)]
    text = "".join(data.draw(st.permutations(pieces)))
    redacted = redact_text(text, names)
    for name in names:
        assert name not in redacted
    assert redact_text(redacted, names) == redacted


@given(st.text(max_size=30))
def test_shorten_name_is_idempotent(name: str) -> None:
    once = shorten_name(name)
    assert shorten_name(once) == once
