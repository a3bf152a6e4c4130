"""A cold start loads what its first frame shows, and not the rest of the app.

Opening a meeting used to import every screen, the dialogs' forms, the minutes
and the publicity packages before the session screen was drawn: a third of the
start-up. Each check starts the app in a fresh interpreter (headless, at 80×24),
waits for the first screen, and lists what was imported, so nothing this test
process loaded can hide or fake an import.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from meeting_tui.demo import LIVE_ID, install_demo
from meeting_tui.store import open_archive

# Screens shown only on a key, and the packages only exports and the public view need.
NOT_AT_START = {
    "meeting_tui.tui.screens.setup",
    "meeting_tui.tui.screens.publish",
    "meeting_tui.tui.screens.publish_preview",
    "meeting_tui.tui.screens.minutes_preview",
    "meeting_tui.tui.screens.attendance",
    "meeting_tui.tui.screens.backlog",
    "meeting_tui.tui.screens.followups",
    "meeting_tui.tui.screens.owners",
    "meeting_tui.tui.screens.owners_list",
    "meeting_tui.tui.present_app",
    "meeting_tui.minutes",
    "meeting_tui.publicity",
    "meeting_tui.county",
    "docx",
    "lxml",
    "qrcode",
    "PIL",
    # A lock's token needs no hashlib (OpenSSL's library); with no config file, no TOML
    # parser; the motion table's headings are text, so Rich's emoji table stays unread.
    "secrets",
    "hashlib",
    "tomllib",
    "rich._emoji_codes",
}

FIRST_FRAME = """
import asyncio, sys
from pathlib import Path
from typing import Any
from textual.app import App
from meeting_tui.tui.factory import make_app

at_first_frame: list[str] = []  # the modules loaded when the first frame is handed over
display = App._display

def counted(app: Any, screen: Any, renderable: Any) -> None:
    if renderable is not None and not app._batch_count and not at_first_frame:
        at_first_frame.extend(sorted(sys.modules))
    display(app, screen, renderable)

App._display = counted

async def first_frame() -> str:
    app = make_app(sys.argv[2] or None, data_dir=Path(sys.argv[1]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        return type(app.screen).__name__

shown = asyncio.run(first_frame())
print(shown, *at_first_frame)
"""


def loaded_at_first_frame(data_dir: Path, meeting_id: str, config: Path) -> tuple[str, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(data_dir), meeting_id],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "MEETING_TUI_CONFIG": str(config)},
    )
    assert done.returncode == 0, done.stderr
    screen, *modules = done.stdout.splitlines()[-1].split()
    return screen, set(modules)


def packages(modules: set[str]) -> set[str]:
    """Each module with every package above it: `meeting_tui.minutes.build` counts as
    `meeting_tui.minutes` too."""
    return {".".join(m.split(".")[:n]) for m in modules for n in range(1, m.count(".") + 2)}


@pytest.fixture
def demo_folder(tmp_path: Path) -> Path:
    install_demo(open_archive(tmp_path / "data"))
    return tmp_path / "data"


def test_opening_a_meeting_loads_the_session_screen_and_not_the_rest(
    demo_folder: Path, tmp_path: Path
) -> None:
    screen, modules = loaded_at_first_frame(demo_folder, LIVE_ID, tmp_path / "config.toml")
    assert screen == "SessionScreen"
    assert "meeting_tui.tui.screens.session" in modules
    assert packages(modules) & NOT_AT_START == set()
    assert "meeting_tui.tui.screens.start" not in modules
    # The commands load with the first that runs, or with the forms after the first frame.
    assert {m for m in modules if m.startswith("meeting_tui.domain.commands.")} == set()
    # The vote and deferral forms, and every dialog a key opens, load after the first frame
    # (session_entries.py) or with their key; only help's key rows are drawn by the footer.
    assert {m for m in modules if m.startswith("meeting_tui.tui.dialogs.")} <= {
        "meeting_tui.tui.dialogs.help"
    }


def test_the_start_screen_loads_neither_the_session_screen_nor_the_exports(
    demo_folder: Path, tmp_path: Path
) -> None:
    screen, modules = loaded_at_first_frame(demo_folder, "", tmp_path / "config.toml")
    assert screen == "StartScreen"
    assert packages(modules) & NOT_AT_START == set()
    assert "meeting_tui.tui.screens.session" not in modules
    # Its forms and questions (new meeting, restore) load with the key that opens one.
    assert {m for m in modules if m.startswith("meeting_tui.tui.dialogs.")} <= {
        "meeting_tui.tui.dialogs.help"  # the palette's and help's key rows (textual_words)
    }


@pytest.mark.parametrize("meeting", ["live", "start"])
async def test_the_first_screen_s_push_parses_the_stylesheet_no_second_time(
    meeting: str, make: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app reads its first screen's files with its own, so the stylesheet is parsed once.

    Pushed after the app's stylesheet was parsed and applied, a screen with files of its
    own made Textual parse every source again and restyle the app (`App._load_screen_css`,
    Textual 8.2.8): about 8 ms of a cold `open`, before the first frame."""
    from screen_reading import spy_threads
    from textual.css.stylesheet import Stylesheet

    reparsed = spy_threads(monkeypatch, Stylesheet, "reparse")
    app = make(LIVE_ID if meeting == "live" else None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == (
            "SessionScreen" if meeting == "live" else "StartScreen"
        )
        assert reparsed == []
        for path in app.screen.css_path:  # and its rules are the app's
            assert app.stylesheet.has_source(str(path), "")


@pytest.mark.parametrize("columns", [80, 120])
async def test_the_session_screen_is_made_narrow_or_wide_before_it_is_styled(
    columns: int, make: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80 columns the session screen is `-narrow` from the start: its first resize found
    it wide and restyled every widget of it before the first frame (about 6 ms)."""
    import sys

    from textual.dom import DOMNode

    restyled: list[str] = []
    real = DOMNode.update_node_styles

    def spied(node: DOMNode, animate: bool = True) -> None:
        if type(node).__name__ == "SessionScreen":
            restyled.append(sys._getframe(1).f_code.co_name)  # who asked: a class change?
        real(node, animate)

    monkeypatch.setattr(DOMNode, "update_node_styles", spied)
    app = make(LIVE_ID)
    async with app.run_test(size=(columns, 24)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-narrow") is (columns < 100)
        assert "add_class" not in restyled and "remove_class" not in restyled, restyled


@pytest.mark.parametrize("meeting", ["live", "start"])
async def test_no_frame_is_made_to_be_dropped_while_the_app_starts(
    meeting: str, make: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual mounts the first screen inside its start-up batch and drops the frame made
    then (`App._display` returns while a batch is open): that whole render was waste, and
    the frame the terminal shows was made again after `Ready`. Now it is made once, after."""
    from textual.app import App

    made: list[int] = []  # the batch depth at each frame the app is handed
    display = App._display

    def counted(app: App[Any], screen: Any, renderable: Any) -> None:
        if renderable is not None:
            made.append(app._batch_count)
        display(app, screen, renderable)

    monkeypatch.setattr(App, "_display", counted)
    app = make(LIVE_ID if meeting == "live" else None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert made and made[0] == 0, made  # the first frame made is one that is shown
        assert app.screen.query_one("KeyFooter").region.height == 1


async def test_the_start_screen_adds_the_rest_of_a_large_archive_after_its_first_frame(
    make: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first screenful is shown before any slice of the rest is added: Textual's
    `call_after_refresh` ran the first slice of 500 rows before the frame was made."""
    from textual.app import App

    from meeting_tui.tui.screens.start import StartScreen

    events: list[str] = []
    display, add_rows = App._display, StartScreen._add_rows

    def shown(app: App[Any], screen: Any, renderable: Any) -> None:
        if renderable is not None and not app._batch_count:
            events.append("frame")
        display(app, screen, renderable)

    def added(screen: StartScreen, table: Any, rows: Any, fill: int, at_once: int = 0) -> None:
        events.append(f"rows {at_once or 'slice'}")
        add_rows(screen, table, rows, fill, at_once)

    monkeypatch.setattr(App, "_display", shown)
    monkeypatch.setattr(StartScreen, "_add_rows", added)
    from tests.lifecycle.test_lifecycle_start_large_archive import fill_archive

    fill_archive(data_dir)
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        assert events[0] == "rows 24", events[:4]
        assert events.index("frame") < events.index("rows slice"), events[:6]


@pytest.mark.parametrize("meeting", ["live", "start"])
async def test_the_first_screen_is_the_stack_s_base_with_no_empty_screen_under_it(
    meeting: str, make: Any
) -> None:
    """Pushed over Textual's empty default screen, the first screen came after that one was
    styled, resized and resumed, and its push restyled the app again."""
    app = make(LIVE_ID if meeting == "live" else None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen_stack == [app.screen]
        assert type(app.screen).__name__ == (
            "SessionScreen" if meeting == "live" else "StartScreen"
        )


async def test_the_motion_table_is_filled_once_at_open_for_the_width_it_is_laid_out_at(
    make: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screen fills its panes at mount, before the table has a width: its rows were made
    for a text column of none, then all made again at the first resize."""
    from meeting_tui.tui.widgets.motion_table import MotionTable

    added: list[object] = []
    add_row = MotionTable.add_row

    def counted(table: MotionTable, *cells: Any, **options: Any) -> Any:
        added.append(options.get("key"))
        return add_row(table, *cells, **options)

    monkeypatch.setattr(MotionTable, "add_row", counted)
    app = make(LIVE_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(MotionTable)
        assert table.row_count > 0
        assert len(added) == table.row_count == len(set(added)), added
        text = table.columns[next(iter(k for k in table.columns if k.value == "text"))]
        assert text.width > 8  # the width left beside the other columns, not the least


@pytest.mark.parametrize("meeting", ["live", "start"])
async def test_the_first_screen_is_styled_once_and_as_a_full_restyle_would_style_it(
    meeting: str, make: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual restyled every widget of the first screen as it was first shown, a moment
    after styling each as it was mounted: a third of the stylesheet's work before `open`'s
    first frame. Shown the first time, no widget is styled again by the resume, and every
    widget's styles (its component styles too) are what a full restyle makes of them."""
    from textual.css.stylesheet import Stylesheet
    from textual.dom import DOMNode

    by_resume: list[str] = []
    apply = Stylesheet.apply

    def spied(sheet: Stylesheet, node: DOMNode, **options: Any) -> None:
        names = [sys._getframe(n).f_code.co_name for n in range(1, 8)]
        if "_on_screen_resume" in names:
            by_resume.append(type(node).__name__)
        apply(sheet, node, **options)

    monkeypatch.setattr(Stylesheet, "apply", spied)
    app = make(LIVE_ID if meeting == "live" else None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert by_resume == []

        def looks() -> list[object]:
            return [
                (node, dict(node.styles.get_rules()), dict(node._component_styles))
                for node in app.screen.walk_children(with_self=True)
            ]

        shown = looks()
        assert len(shown) > 5
        app.screen.update_node_styles(animate=False)
        assert looks() == shown


async def test_a_screen_shown_again_is_restyled_as_textual_restyles_it(
    make: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the first showing skips the restyle: the backlog screen, made once and shown
    again, is restyled at its second showing as Textual restyles it."""
    from textual.css.stylesheet import Stylesheet
    from textual.dom import DOMNode

    by_resume: list[str] = []
    apply = Stylesheet.apply

    def spied(sheet: Stylesheet, node: DOMNode, **options: Any) -> None:
        names = [sys._getframe(n).f_code.co_name for n in range(1, 8)]
        if "_on_screen_resume" in names:
            by_resume.append(type(node).__name__)
        apply(sheet, node, **options)

    monkeypatch.setattr(Stylesheet, "apply", spied)
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert type(app.screen).__name__ == "BacklogScreen"
        assert by_resume == []  # its first showing
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert type(app.screen).__name__ == "BacklogScreen"
        assert "BacklogScreen" in by_resume
