"""Every string a person reads exists in zh and en, with the same placeholders."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import string
from enum import StrEnum

import pytest

import meeting_tui.domain
from meeting_tui import i18n
from meeting_tui.domain import EventKind, label

KEYS = i18n.keys()  # every area of the catalogue, whatever this process imported


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
    for lang, text in (("zh", zh), ("en", en)):  # fills: no `{0}`, no stray brace
        values = {
            name: 7 if spec else "·" for _, name, spec, _ in string.Formatter().parse(text) if name
        }
        filled = i18n.t(key, lang, **values)
        assert "{" not in filled.replace("{{", ""), (key, filled)


def test_t_fills_placeholders() -> None:
    assert i18n.t("error.unknown_item", "zh", id="i9") == "找不到议题 i9：请从议程列表中选择。"
    assert i18n.t("error.unknown_item", "en-US", id="i9") == (
        "No agenda item i9: choose one from the agenda list."
    )
    with pytest.raises(ValueError):
        i18n.normalise_lang("fr")


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
