"""clean_text and safe_filename: nothing typed or imported may steer a terminal or a path."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meeting_tui.domain.text import clean_text, safe_filename

# Text as it arrives: anything, plus a generous helping of the dangerous parts.
DANGEROUS = st.sampled_from(
    [
        "\x1b[2J", "\x1b[31;1m", "\x1b]0;标题\x07", "\x1b]8;;http://x\x1b\\", "\x1bP1$r\x1b\\",
        "\x9b2J", "\x9d0;x\x9c", "\x1bc", "\x1b(B", "\x1b", "\x07", "\x00", "\x7f", "\x85",
        "\r\n", "\r", "\t", "\u202e", "\u2066", "\u200b", "\ufeff", "\u2028", "\ud800",
        "e\u0301", "李", "电线入地改造", " ", "\u3000", "\n",
    ]
)  # fmt: skip
TEXT = st.one_of(st.text(), st.lists(DANGEROUS | st.text(max_size=3)).map("".join))


def test_removes_escape_sequences_and_keeps_the_words() -> None:
    raw = "\x1b[31m电线入地改造\x1b[0m \x1b]0;被改的窗口标题\x07通过"
    assert clean_text(raw) == "电线入地改造 通过"


def test_osc_hyperlink_terminated_by_st_is_removed_whole() -> None:
    raw = "\x1b]8;;https://evil.example\x1b\\点这里\x1b]8;;\x1b\\"
    assert clean_text(raw) == "点这里"


def test_dcs_and_c1_csi_are_removed() -> None:
    assert clean_text("a\x1bP+q544e\x1b\\b\x9b2Jc") == "abc"


def test_bidi_override_cannot_reverse_a_result() -> None:
    # "通过" followed by an RLO that would display the rest mirrored.
    assert clean_text("结果：\u202e过通\u202c") == "结果：过通"
    assert "\u2067" not in clean_text("\u2067隔离\u2069")


def test_zero_width_space_removed_but_emoji_joiner_kept() -> None:
    family = "👨\u200d👩\u200d👧"
    assert clean_text("李\u200b建国") == "李建国"
    assert clean_text(family) == family


def test_single_line_joins_lines_and_tabs_become_spaces() -> None:
    assert clean_text("电线\t入地\r\n改造  ") == "电线 入地 改造"


def test_multiline_keeps_newlines_normalises_crlf_and_strips_line_ends() -> None:
    raw = "第一行   \r\n第二行\r第三行\u2028\n"
    assert clean_text(raw, multiline=True) == "第一行\n第二行\n第三行"


def test_nfc_normalisation_composes_accents() -> None:
    assert clean_text("Zhe\u0301") == "Zh\u00e9"


def test_lone_surrogate_is_dropped_so_the_text_can_be_saved() -> None:
    cleaned = clean_text("居民\ud800代表")
    assert cleaned == "居民代表"
    cleaned.encode("utf-8")


def test_max_len_counts_visible_characters() -> None:
    assert clean_text("\x1b[1m电线入地改造\x1b[0m", max_len=4) == "电线入地"
    assert clean_text("电线 入地", max_len=3) == "电线"  # no trailing space left after the cut


@given(TEXT, st.booleans())
def test_no_control_character_survives(raw: str, multiline: bool) -> None:
    cleaned = clean_text(raw, multiline=multiline)
    assert "\x1b" not in cleaned and "\x9b" not in cleaned
    allowed = {"\n"} if multiline else set()
    assert all(unicodedata.category(c) != "Cc" or c in allowed for c in cleaned)
    assert not {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e"} & set(cleaned)
    assert not {"\u2066", "\u2067", "\u2068", "\u2069"} & set(cleaned)
    cleaned.encode("utf-8")


@given(TEXT, st.booleans(), st.none() | st.integers(min_value=0, max_value=30))
def test_clean_text_is_idempotent(raw: str, multiline: bool, max_len: int | None) -> None:
    once = clean_text(raw, multiline=multiline, max_len=max_len)
    assert clean_text(once, multiline=multiline, max_len=max_len) == once
    if max_len is not None:
        assert len(once) <= max_len


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("电大家属院 议事会纪要", "电大家属院_议事会纪要"),
        ("../../etc/passwd", "etc_passwd"),
        ("..", "untitled"),
        (".hidden", "hidden"),
        ('纪要<2026>:"终稿"?*|', "纪要_2026___终稿"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("com1", "_com1"),
        ("结尾的点. . .", "结尾的点"),
        ("", "untitled"),
        ("\x1b[31m", "untitled"),
    ],
)
def test_safe_filename_examples(raw: str, expected: str) -> None:
    assert safe_filename(raw) == expected


def test_safe_filename_default_is_made_safe_too() -> None:
    assert safe_filename("", default="../会议") == "会议"


def test_truncation_never_splits_a_chinese_character() -> None:
    name = safe_filename("电大家属院" * 20, max_bytes=10)
    assert name == "电大家"  # 9 bytes: a fourth character would need 12
    assert len(name.encode("utf-8")) <= 10


def test_truncation_cannot_reintroduce_a_device_name() -> None:
    assert safe_filename("AUXILIARY", max_bytes=3) == "_AU"


@given(TEXT, st.integers(min_value=1, max_value=200))
def test_safe_filename_stays_inside_its_folder(raw: str, max_bytes: int) -> None:
    name = safe_filename(raw, max_bytes=max_bytes)
    assert name
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith(".") and ".." not in name
    assert len(name.encode("utf-8")) <= max(max_bytes, 1)
    base = Path("/srv/meeting/exports").resolve()
    assert (base / name).resolve().parent == base
    assert safe_filename(name, max_bytes=max_bytes) == name


def _scrubbed_char_by_char(s: str, multiline: bool) -> str:
    """The whole pass, without the shortcut for printable text, as clean_text once was."""
    from meeting_tui.domain import text as t

    out = t._LINE_BREAKS.sub("\n", s)
    out = t._ESCAPE_SEQUENCE.sub("", out).replace("\t", " ")
    if not multiline:
        out = out.replace("\n", " ")
    return t._tidy("".join(c for c in out if t._keep(c, multiline=multiline)), multiline=multiline)


@given(TEXT | st.text(alphabet=st.characters(codec="utf-8")), st.booleans())
def test_the_shortcut_for_printable_text_cleans_as_the_whole_pass(raw: str, ml: bool) -> None:
    assert clean_text(raw, multiline=ml) == _scrubbed_char_by_char(raw, ml)
