"""Redaction tells people from organisations: bodies stay whole, a person's name never survives.

Both directions as properties: no organisation of a list of 117 real-looking
ones is ever altered (as a field, inside free text, next to the meeting's
people), and no generated person's name survives in full — also spaced, also
mixed with Latin letters or digits — unless the facilitator opted in.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from meeting_tui.domain.organisations import is_organisation
from meeting_tui.domain.privacy import (
    Redactor,
    mask_personal_numbers,
    redact_text,
    shorten_name,
)
from tests.domain.organisation_names import ORGANISATIONS

SURNAMES = [
    "李",
    "王",
    "张",
    "刘",
    "陈",
    "杨",
    "赵",
    "黄",
    "周",
    "吴",
    "孙",
    "马",
    "欧阳",
    "司马",
    "诸葛",
]
GIVEN = "建国明华芳伟秀英敏静丽强磊军洋勇艳杰娟涛超娜小红玉兰桂梅"
PEOPLE = st.builds(
    lambda surname, given, tail: surname + given + tail,
    st.sampled_from(SURNAMES),
    st.text(GIVEN, min_size=1, max_size=2),
    st.sampled_from(["", "", "", "3", "Tom", "A"]),
)
FILLER = st.text(st.sampled_from("，。、的了在和对有请提出说楼门口路灯改造 "), max_size=6)


def test_there_are_over_a_hundred_organisations_in_the_list() -> None:
    assert len(set(ORGANISATIONS)) >= 100


@pytest.mark.parametrize("org", ORGANISATIONS)
def test_no_organisation_is_shortened(org: str) -> None:
    assert is_organisation(org)
    assert shorten_name(org) == org


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("李建国", "李某"),
        ("欧阳娜娜", "欧阳某"),
        ("王 小明", "王某"),
        ("李Tom", "李某"),
        ("张三3", "张某"),
        ("王院长", "王院长"),
        ("李文科", "李某"),
        ("王思苑", "王某"),
    ],
)
def test_people_are_shortened(name: str, short: str) -> None:
    assert shorten_name(name) == short


def test_the_issue_s_three_bodies_are_kept_and_its_people_are_not() -> None:
    text = "金凤区文化体育旅游广电局、警务站和连湖花园幼儿园答复了王 小明、李Tom和张三3。"
    people = ["王小明", "李Tom", "张三3", "金凤区文化体育旅游广电局", "警务站", "连湖花园幼儿园"]
    out = redact_text(text, people)
    assert out == "金凤区文化体育旅游广电局、警务站和连湖花园幼儿园答复了王某、李某和张某。"


def test_a_mixed_name_s_chinese_part_is_found_too() -> None:
    assert redact_text("张三3说，张三会再来", ["张三3"]) == "张某说，张某会再来"


@given(
    st.lists(PEOPLE, min_size=1, max_size=5),
    st.lists(st.sampled_from(ORGANISATIONS), min_size=1, max_size=4),
    st.lists(FILLER, min_size=1, max_size=4),
    st.data(),
)
def test_no_organisation_is_altered_next_to_people(
    people: list[str], orgs: list[str], fillers: list[str], data: st.DataObject
) -> None:
    # A person whose name is part of a body's name (a roster "金凤" and 金凤区…) is the one
    # case where privacy wins; real rosters and these bodies do not meet there.
    assume(not any(p in o or re.sub(r"[A-Za-z0-9]", "", p) in o for p in people for o in orgs))
    pieces = data.draw(st.permutations([*orgs, *fillers, *people]))
    text = "".join(pieces)
    redactor = Redactor([*people, *orgs])
    out = redactor.text(text)
    for org in orgs:
        assert org in out
        assert redactor.person(org) == org


@given(
    st.lists(PEOPLE, min_size=1, max_size=5, unique=True),
    st.lists(FILLER, min_size=1, max_size=5),
    st.sampled_from(["", " ", "\u3000"]),
    st.data(),
)
def test_no_person_survives_in_full_spaced_or_not(
    people: list[str], fillers: list[str], space: str, data: st.DataObject
) -> None:
    spaced = [space.join(p) if data.draw(st.booleans()) else p for p in people]
    text = "".join(data.draw(st.permutations([*fillers, *spaced])))
    out = redact_text(text, people)
    squeezed = re.sub(r"[\s\u3000]", "", out)
    for person in people:
        assert person not in squeezed


@given(st.lists(PEOPLE, min_size=2, max_size=4, unique=True), st.data())
def test_a_name_opted_in_is_the_only_one_shown(people: list[str], data: st.DataObject) -> None:
    shown = data.draw(st.sampled_from(people))
    assume(not any(shown in p for p in people if p != shown))
    assume(not any(p in shown for p in people if p != shown))
    redactor = Redactor(people, shown=[shown])
    out = redactor.text("，".join(people))
    assert shown in out
    for person in people:
        if person != shown:
            assert person not in out


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("电话 139 1234 5678", "电话 139****5678"),
        ("电话139.1234.5678", "电话139****5678"),
        ("电话 +86 139-1234-5678", "电话 +86 139****5678"),
        ("(+86)13912345678", "(+86)139****5678"),
        ("座机0951-5012345", "座机0951-***2345"),
        ("座机(010)12345678", "座机(010)****5678"),
        ("座机 010 1234 5678", "座机 010 ****5678"),
        ("邮箱 zhangsan.li@example.com.cn", "邮箱 z***@example.com.cn"),
        ("身份证 64010419880808123X", "身份证 6401**********123X"),
    ],
)
def test_numbers_in_every_written_form_are_masked(text: str, masked: str) -> None:
    assert mask_personal_numbers(text) == masked


def test_the_committee_s_own_phone_stays() -> None:
    text = "咨询电话：0951-5012345；李建国 13912345678"
    out = Redactor(["李建国"], keep_numbers=["0951 5012345"]).text(text)
    assert out == "咨询电话：0951-5012345；李某 139****5678"


def test_dates_amounts_and_counts_are_not_phones() -> None:
    for text in ("2026-10-17 14:30", "预计 100000 元", "赞成 23 反对 2", "284户，7家"):
        assert mask_personal_numbers(text) == text
