"""The catalogue is loaded explicitly, area by area, and a text problem is loud in tests only.

A `t()` in a fresh interpreter finds its words whatever was imported before;
loading every area brings in no UI and no document library; a key given
twice with other text, or an area without its table, stops the load. In
strict mode (the suite's) a missing key or value raises; for a person at a
meeting it shows as a visible fallback that keeps every value.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import meeting_tui
from meeting_tui import i18n

PACKAGE = Path(meeting_tui.__file__).parent


def _run(code: str, **env: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_fresh_interpreter_finds_a_screens_words_without_importing_the_screen() -> None:
    """`backlog.where_agenda` is said by the domain and shown by the backlog screen."""
    code = (
        "import sys; from meeting_tui import i18n;"
        "print(i18n.t('backlog.where_agenda', 'en', status='agenda', meeting='m1'));"
        "print(i18n.t('preview.key.md', 'zh'));"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'docx', 'qrcode'}))"
    )
    agenda, preview, heavy = _run(code).splitlines()
    assert agenda == "agenda: m1"
    assert preview == i18n.entry("preview.key.md")[0]
    assert heavy == "[]"


def test_loading_every_area_brings_no_ui_nor_document_library() -> None:
    code = (
        "import sys; from meeting_tui import i18n; i18n.load_all();"
        "print(len(i18n.keys()), *sorted({m.split('.')[0] for m in sys.modules}))"
    )
    count, *modules = _run(code).split()
    assert int(count) == len(i18n.keys())
    assert not {"textual", "docx", "lxml", "qrcode", "PIL"} & set(modules)


def test_a_word_lookup_loads_only_the_areas_up_to_its_own() -> None:
    """`list` reads the domain's words without the minutes' or the screens' tables."""
    code = (
        "import sys; from meeting_tui import i18n; i18n.t('error.unknown_item', id='i1');"
        "print(*sorted(m for m in sys.modules if m.startswith('meeting_tui.')))"
    )
    loaded = set(_run(code).split())
    assert "meeting_tui.domain.messages" in loaded
    assert not {"meeting_tui.minutes", "meeting_tui.tui", "meeting_tui.publicity"} & loaded


def _area(tmp_path: Path, text: str) -> dict[str, str]:
    (tmp_path / "extra_area.py").write_text(text, "utf-8")
    return {"PYTHONPATH": f"{tmp_path}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}


LOAD_WITH_EXTRA = (
    "from meeting_tui import i18n; i18n.AREAS['extra'] = ('extra_area',)\n"
    "try:\n    i18n.load_all()\nexcept i18n.TextError as error:\n    print(error)\n"
    "else:\n    print(i18n.t('extra.word', 'en'))\n"
)


def test_an_area_is_one_line_in_areas(tmp_path: Path) -> None:
    env = _area(
        tmp_path,
        "from meeting_tui import i18n\nCATALOGUE = i18n.area({'extra.word': ('词', 'word')})\n",
    )
    assert _run(LOAD_WITH_EXTRA, **env) == "word"


def test_a_key_given_twice_with_other_text_stops_the_load(tmp_path: Path) -> None:
    same = i18n.entry("error.unknown_item")
    env = _area(
        tmp_path,
        "from meeting_tui import i18n\n"
        f"CATALOGUE = i18n.area({{'error.unknown_item': {same!r}}}, {{'extra.word': ('词', 'w')}},"
        " {'party.resident': ('别的', 'other')})\n",
    )
    said = _run(LOAD_WITH_EXTRA, **env)
    assert "party.resident" in said and "extra_area" in said and "meeting_tui.domain" in said


@pytest.mark.parametrize(
    ("module", "problem"),
    [
        ("from meeting_tui import i18n\ni18n.register({})\n", "AttributeError"),
        ("WORDS = {'extra.word': ('词', 'word')}\n", "CATALOGUE = i18n.area"),
        ("from meeting_tui import i18n\nCATALOGUE = i18n.area({'a.b': ('词',)})\n", "a.b"),
    ],
)
def test_an_area_without_its_table_is_refused_by_name(
    tmp_path: Path, module: str, problem: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", LOAD_WITH_EXTRA],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **_area(tmp_path, module)},
    )
    assert problem in done.stdout + done.stderr


def test_every_module_with_texts_is_an_area_and_registers_nothing() -> None:
    listed = {name for modules in i18n.AREAS.values() for name in modules}
    with_tables = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        name = "meeting_tui." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        calls = {ast.unparse(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
        assert "i18n.register" not in calls, name
        if "i18n.area" in calls:
            with_tables.add(name)
    assert with_tables == listed


def test_strict_mode_raises_and_remembers_each_problem() -> None:
    assert os.environ[i18n.STRICT_VARIABLE] == "1"  # the suite's conftest
    with pytest.raises(i18n.TextError, match=r"no\.such\.key"):
        i18n.t("no.such.key")
    with pytest.raises(i18n.TextError, match="no value for id"):
        i18n.t("error.unknown_item")
    assert len(i18n.take_problems()) == 2  # caught by a worker or a toast, the test still fails
    assert i18n.take_problems() == []


def test_strict_mode_refuses_a_malformed_text() -> None:
    for text, problem in [
        ("{0} 项", "not a value name"),
        ("{} 项", "no name"),
        ("半个{", "malformed"),
    ]:
        with pytest.raises(i18n.TextError, match=problem):
            i18n._fill("x.y", text, {"n": 1})
    i18n.take_problems()


def test_a_person_sees_a_visible_fallback_and_the_meeting_goes_on(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv(i18n.STRICT_VARIABLE)
    assert i18n.t("no.such.key", "zh", id="i9") == "no.such.key id=i9"
    assert i18n.t("error.unknown_item", "en") == (
        "No agenda item {id}: choose one from the agenda list."
    )
    assert i18n._fill("x.y", "第 {n} 项 {", {"n": 1}) == "第 {n} 项 {"
    assert i18n._fill("x.y", "{0} 项", {"n": 1}) == "{0} 项"
    assert i18n.take_problems() == []  # nothing held against a later test
    assert "no.such.key" in caplog.text and "no value for id" in caplog.text


def test_values_a_text_leaves_out_are_not_a_problem() -> None:
    """An event's description gets all its facts; each language says the ones it needs."""
    assert i18n.t("event.item_done", "en", title="议程", item_id="i1", batch="b") == (
        "agenda item “议程” done"
    )


def test_has_says_whether_a_key_exists_without_a_problem() -> None:
    assert i18n.has("store.write.failed.refused")
    assert not i18n.has("store.read.failed.refused")
    assert i18n.take_problems() == []


def test_double_braces_are_one_brace_with_or_without_values() -> None:
    assert i18n._fill("x.y", "{{注}}", {}) == "{注}"
    assert i18n._fill("x.y", "{{注}} {n}", {"n": 2}) == "{注} 2"


def test_an_area_that_cannot_be_imported_is_a_fallback_for_a_person_not_a_traceback() -> None:
    code = (
        "from meeting_tui import i18n; i18n.AREAS['extra'] = ('no_such_area_module',)\n"
        "print(i18n.t('error.unknown_item', 'en', id='i1')); print(i18n.t('extra.word', 'en'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != i18n.STRICT_VARIABLE}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr
    found, missing = done.stdout.splitlines()
    assert found.startswith("No agenda item i1") and missing == "extra.word"
    assert "no_such_area_module" in done.stderr  # the log says which area and why
