"""Every string a person reads, in zh-CN (the default) and en.

A key maps to a pair (zh, en). Values are filled with `str.format` names, so
the same key serves the UI, the CLI and domain errors. Modules add their own
keys by calling `register()` at import time; a test checks that every key has
both languages and the same placeholders in each.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any, Literal

Lang = Literal["zh", "en"]

_catalog: dict[str, tuple[str, str]] = {}
_current: Lang = "zh"


def register(entries: Mapping[str, tuple[str, str]]) -> None:
    """Add catalog entries; a key registered twice with other text is a programming error."""
    for key, pair in entries.items():
        old = _catalog.get(key)
        if old is not None and old != pair:
            raise ValueError(f"i18n key registered twice with different text: {key}")
        _catalog[key] = pair


def set_language(lang: str) -> None:
    global _current
    _current = normalise_lang(lang)


def current_language() -> Lang:
    return _current


def normalise_lang(lang: str | None) -> Lang:
    """Accept zh, zh-CN, zh_CN, en, en-US …; anything else is refused clearly."""
    if not lang:
        return "zh"
    head = lang.replace("_", "-").split("-")[0].lower()
    if head == "zh":
        return "zh"
    if head == "en":
        return "en"
    raise ValueError(f"unknown language {lang!r}: use zh or en")


def t(key: str, lang: str | None = None, /, **values: Any) -> str:
    """The text for `key` in `lang` (default: the current language), with `values` filled in.

    An unknown key returns the key itself, so a missing entry shows up in the UI
    and in tests rather than crashing a meeting.
    """
    pair = _catalog.get(key)
    if pair is None:
        return key
    chosen = normalise_lang(lang) if lang else _current
    text = pair[0] if chosen == "zh" else pair[1]
    if not values:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


class CatalogueError(Exception):
    """An error a person can act on: a catalogue key plus the values that fill it.

    `str(error)` is the message in the current language; `message(lang)` in another.
    The domain, the store, publicity and the county sync each raise their own subclass.
    """

    def __init__(self, key: str, /, **values: Any) -> None:
        self.key = key
        self.values = values
        super().__init__(key)

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.values)

    def __str__(self) -> str:
        return self.message()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.key!r}, {self.values!r})"


def keys() -> list[str]:
    return sorted(_catalog)


def entry(key: str) -> tuple[str, str]:
    return _catalog[key]


def placeholders(text: str) -> set[str]:
    """The `{name}` fields of a catalog text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
