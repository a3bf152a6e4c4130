"""Every string a person reads, in zh-CN (the default) and en.

A key maps to a pair (zh, en); values are filled with `str.format` names, so the
same key serves the UI, the CLI and domain errors.

The catalogue is explicit. `AREAS` below names, area by area, every module that
holds texts; each such module defines `CATALOGUE = i18n.area(table, …)` and
registers nothing. `t()` loads the areas on first use, in the order listed,
until it finds the key: the words a `t()` gets never depend on which modules
happened to be imported, and `meeting-tui list` reads the domain's, the
store's and the command line's texts without importing the minutes' or the
screens'. `keys()` and `entry()` load everything; `load()` loads named areas
ahead of need (the command line's, before any disk can refuse a file handle).

Adding an area is one line: put the module's dotted name in its area's tuple in
`AREAS` (`"meeting_tui.domain.floor_messages"` under "domain",
`"meeting_tui.tui.strings_floor"` under "tui"). The module defines
`CATALOGUE = i18n.area(TABLE, …)` (one written the old way,
`i18n.register({...})`, becomes `CATALOGUE = i18n.area({...})`) and imports
nothing heavier than the domain. `tests/test_i18n_loading.py` loads every area
in a fresh interpreter and checks that no UI or document library came with
it; `tests/test_i18n_catalogue.py` checks that every key the code uses exists
and that no key is left unused; `tests/test_i18n.py` that each has zh and en
with the same placeholders.

A missing key or a bad placeholder (no value for a `{name}`, a field that is
not a name such as `{0}` or `{a.b}`, a malformed `{`) is a programming error.
Values the text leaves out are not: an event's description or a rule's reason
gets every fact of the event and each language says the ones it needs. When the
environment sets `MEETING_TUI_STRICT_TEXT=1` (the test suite does, for itself
and every process it starts) `t()` raises `TextError`, and remembers the
problem so a test that swallows the exception still fails. Otherwise a person
at a meeting gets a visible fallback and the meeting goes on: an unknown key
shows as the key and its values (`backlog.where_agenda status=… meeting=…`:
nothing said is lost and the key names the fix), a missing value shows as its
`{name}`, a malformed text shows as written; the problem goes to the log.
"""

from __future__ import annotations

import functools
import importlib
import os
import string
import threading
from collections.abc import Mapping
from typing import Any, Literal

Lang = Literal["zh", "en"]
Entries = Mapping[str, tuple[str, str]]

AREAS: dict[str, tuple[str, ...]] = {
    "domain": (
        "meeting_tui.domain.messages",
        "meeting_tui.domain.agenda_messages",
        "meeting_tui.domain.checkpoint_messages",
        "meeting_tui.domain.floor_messages",
    ),
    "store": ("meeting_tui.store.messages",),
    "verbs": ("meeting_tui.verbs.messages",),
    "county": ("meeting_tui.county.messages", "meeting_tui.county.report_strings"),
    "minutes": (
        "meeting_tui.minutes.messages",
        "meeting_tui.minutes.paper_messages",
        "meeting_tui.minutes.wording",
        "meeting_tui.minutes.floor_messages",
    ),
    "publicity": (
        "meeting_tui.publicity.messages",
        "meeting_tui.publicity.notice_messages",
        "meeting_tui.publicity.present_messages",
    ),
    "owners": (
        "meeting_tui.domain.owners.messages",
        "meeting_tui.domain.owners.report_messages",
        "meeting_tui.store.owners_messages",
        "meeting_tui.minutes.owners_messages",
        "meeting_tui.publicity.owners_messages",
    ),
    "tui": (
        "meeting_tui.tui.strings",
        "meeting_tui.tui.strings_session",
        "meeting_tui.tui.strings_lifecycle",
        "meeting_tui.tui.strings_records",
        "meeting_tui.tui.strings_present",
        "meeting_tui.tui.strings_owners",
        "meeting_tui.tui.strings_screens",
        "meeting_tui.tui.strings_floor",
    ),
}

STRICT_VARIABLE = "MEETING_TUI_STRICT_TEXT"

_catalog: dict[str, tuple[str, str]] = {}
_origin: dict[str, str] = {}
_pending: list[str] | None = None  # the area modules not loaded yet; None before first use
_loading = threading.RLock()  # workers call t() too; an area may call t() while it loads
_problems: list[str] = []
_current: Lang = "zh"


class TextError(Exception):
    """A text the code asks for is missing or cannot be filled: a programming error."""


def _load_next() -> bool:
    """Load the next area module; False once every area is in."""
    with _loading:
        pending = _pending_modules()
        if not pending:
            return False
        _load_module(pending[0])
        return True


def _pending_modules() -> list[str]:
    global _pending
    if _pending is None:
        _pending = [name for modules in AREAS.values() for name in modules]
    return _pending


def _load_module(name: str) -> None:
    tables = getattr(importlib.import_module(name), "CATALOGUE", None)
    if not isinstance(tables, tuple):
        raise TextError(f"{name} is in i18n.AREAS: give it CATALOGUE = i18n.area(...)")
    for table in tables:
        _add(table, name)
    _pending_modules().remove(name)


def area(*tables: Entries) -> tuple[Entries, ...]:
    """An area module's `CATALOGUE`: its tables, each value checked to be a (zh, en) pair."""
    for table in tables:
        for key, pair in table.items():
            if not (
                isinstance(pair, tuple)
                and len(pair) == 2
                and all(isinstance(text, str) for text in pair)
            ):
                raise TextError(f"{key}: a text is a pair (zh, en), not {pair!r}")
    return tables


def _add(table: Entries, origin: str) -> None:
    for key, pair in table.items():
        old = _catalog.get(key)
        if old is not None and old != pair:
            raise TextError(f"{key} in {origin} is already in {_origin[key]} with other text")
        _catalog[key] = pair
        _origin.setdefault(key, origin)


def _pair(key: str) -> tuple[str, str] | None:
    try:
        while key not in _catalog and _load_next():
            pass
    except (ImportError, OSError) as error:  # out of file handles, a damaged install …
        _problem(f"an area of the catalogue did not load ({error}) when {key!r} was asked", "")
    return _catalog.get(key)


def has(key: str) -> bool:
    """Whether some area holds `key`: for code that offers a text only where one exists."""
    return _pair(key) is not None


def load(*areas: str) -> None:
    """Load these areas now, before their words are needed.

    The command line loads the words its errors need before it touches the
    disk: a process out of file handles (EMFILE) can no longer import a module
    to explain itself.
    """
    with _loading:
        for area_name in areas:
            for name in AREAS[area_name]:
                if name in _pending_modules():
                    _load_module(name)


def load_all() -> None:
    """Every area in: what `keys()`, `entry()` and the catalogue's tests need."""
    while _load_next():
        pass


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
    """The text for `key` in `lang` (default: the current language), with `values` filled in."""
    pair = _catalog.get(key) or _pair(key)
    if pair is None:
        shown = " ".join([key, *(f"{name}={value}" for name, value in values.items())])
        return _problem(f"no text for the key {key!r}: add it to an area in i18n.AREAS", shown)
    chosen = normalise_lang(lang) if lang else _current
    return _fill(key, pair[0] if chosen == "zh" else pair[1], values)


def _fill(key: str, text: str, values: Mapping[str, Any]) -> str:
    if not values and "{" not in text and "}" not in text:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError) as error:
        return _explain(key, text, values, error)


class _KeepMissing(dict[str, Any]):
    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


def _explain(key: str, text: str, values: Mapping[str, Any], error: Exception) -> str:
    """Why a text would not fill, and what a person sees instead."""
    try:
        names = _fields(text)
    except ValueError as malformed:
        return _problem(f"{key}: the text {text!r} is malformed ({malformed})", text)
    missing = names - values.keys()
    if missing:
        try:
            shown = text.format_map(_KeepMissing(values))
        except (ValueError, TypeError):  # `{n:02d}` cannot show `{n}`
            shown = text
        return _problem(f"{key}: no value for {', '.join(sorted(missing))}", shown)
    return _problem(f"{key}: cannot fill {text!r} ({error})", text)


@functools.lru_cache(maxsize=4096)
def _fields(text: str) -> frozenset[str]:
    """The names a text fills; ValueError for a malformed text or a field that is not a name."""
    names = frozenset(placeholders(text))
    odd = [name for name in names if not name.isidentifier()]
    if odd:
        raise ValueError(f"{{{odd[0]}}} is not a value name")
    if "{}" in text.replace("{{", "").replace("}}", ""):
        raise ValueError("{} has no name")
    return names


def _problem(problem: str, shown: str) -> str:
    if os.environ.get(STRICT_VARIABLE) == "1":
        _problems.append(problem)
        raise TextError(problem)
    import logging

    logging.getLogger(__name__).warning("%s", problem)
    return shown


def take_problems() -> list[str]:
    """The text problems met in strict mode since the last call (and forget them)."""
    taken = list(_problems)
    _problems.clear()
    return taken


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
    load_all()
    return sorted(_catalog)


def entry(key: str) -> tuple[str, str]:
    load_all()
    return _catalog[key]


def placeholders(text: str) -> set[str]:
    """The `{name}` fields of a catalog text."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
