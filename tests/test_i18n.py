"""Every string a person reads exists in zh and en, with the same placeholders."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from enum import StrEnum

import pytest

import meeting_tui.domain
from meeting_tui import i18n
from meeting_tui.domain import EventKind, label

# Every module registers its words on import: import them all, so the list does not
# depend on which other tests ran first.
for _info in pkgutil.walk_packages(meeting_tui.__path__, "meeting_tui."):
    if not _info.name.endswith("__main__"):
        importlib.import_module(_info.name)

KEYS = i18n.keys()


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text)


def test_catalog_is_populated() -> None:
    assert len(KEYS) > 100
    for prefix in ("error.", "rule.", "party.", "motion.", "field.", "event."):
        assert any(k.startswith(prefix) for k in KEYS), prefix


@pytest.mark.parametrize("key", KEYS)
def test_key_has_both_languages(key: str) -> None:
    zh, en = i18n.entry(key)
    assert zh.strip() and en.strip(), key
    assert i18n.placeholders(zh) == i18n.placeholders(en), key
    if any(ch.isalpha() for ch in re.sub(r"\{\w*\}", "", en)):  # words, not just "#" or "{n}"
        assert _has_cjk(zh), f"{key}: zh text has no Chinese: {zh!r}"
    assert not _has_cjk(en), f"{key}: en text has Chinese: {en!r}"


def test_t_fills_placeholders_and_falls_back() -> None:
    assert i18n.t("error.unknown_item", "zh", id="i9") == "找不到议题 i9：请从议程列表中选择。"
    assert i18n.t("error.unknown_item", "en-US", id="i9") == (
        "No agenda item i9: choose one from the agenda list."
    )
    assert i18n.t("no.such.key", "en") == "no.such.key"
    with pytest.raises(ValueError):
        i18n.normalise_lang("fr")


def test_registering_a_key_twice_with_other_text_is_refused() -> None:
    key = KEYS[0]
    i18n.register({key: i18n.entry(key)})  # the same text again is fine
    with pytest.raises(ValueError):
        i18n.register({key: ("别的", "other")})


def _domain_enums() -> list[type[StrEnum]]:
    found: dict[str, type[StrEnum]] = {}
    for info in pkgutil.iter_modules(meeting_tui.domain.__path__, "meeting_tui.domain."):
        module = importlib.import_module(info.name)
        for name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, StrEnum) and obj.__module__ == module.__name__:
                found[name] = obj
    # Steps are told by `describe` with their values, not labelled: see the next test.
    found.pop(EventKind.__name__)
    return sorted(found.values(), key=lambda e: e.__name__)


ENUMS = _domain_enums()


def test_domain_enums_are_found() -> None:
    names = {e.__name__ for e in ENUMS}
    assert {"Party", "MotionState", "DecisionRule", "Category", "BacklogStatus"} <= names


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_label_for_every_member(enum: type[StrEnum]) -> None:
    seen: dict[str, set[str]] = {"zh": set(), "en": set()}
    for member in enum:
        for lang in ("zh", "en"):
            text = label(member, lang)
            assert text and "." not in text and "{" not in text, (member, text)
            assert _has_cjk(text) is (lang == "zh"), (member, text)
            seen[lang].add(text)
    # Two members never read the same (but for the agreed 其他/other).
    assert len(seen["zh"]) == len(enum)
    assert len(seen["en"]) == len(enum)


def test_every_event_kind_has_a_description() -> None:
    for kind in EventKind:
        assert f"event.{kind.value}" in KEYS, kind
