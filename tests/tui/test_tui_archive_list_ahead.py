"""The backlog and follow-ups screens made ahead of `b` and `f`, and shown again without extra work.

The start screen makes both screens (not mounted) and reads their kept lists
after its first frame (`StartScreen.preload`): the key then neither parses the
app's stylesheet again, nor waits on a worker's read, nor draws a loading
line; and that preloading draws nothing itself. The table's page is not
measured cell by cell (every column has its width). Shown again after a
meeting changed, the screen draws its rows before its worker reads the archive
again, and a re-read that brings what is shown draws nothing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import textual.widgets._data_table as textual_data_table
from screen_reading import spy_threads
from textual.app import App
from textual.css.stylesheet import Stylesheet

from meeting_tui.store import open_archive
from meeting_tui.store.archive_lists import BACKLOG, FOLLOWUPS, KeptLists, read_already
from meeting_tui.tui.screens.archive_list import ArchiveListScreen
from meeting_tui.tui.screens.backlog import BacklogScreen
from meeting_tui.tui.screens.followups import FollowUpsScreen
from meeting_tui.tui.screens.start import StartScreen
from meeting_tui.tui.widgets.fixed_width_table import FixedWidthTable


@pytest.fixture
def kept_lists(data_dir: Path) -> Path:
    """The demo archive as after its last meeting: still since yesterday, both lists kept."""
    archive = open_archive(data_dir)
    for path in (archive.meetings_dir, archive.index_path):
        then = os.stat(path).st_mtime_ns - 86_400 * 10**9
        os.utime(path, ns=(then, then))
    for kind in (BACKLOG, FOLLOWUPS):
        read = KeptLists(archive).read(kind)
        assert read.keep is not None, kind.name
        read.keep()
    return data_dir


async def preloaded(pilot: Any, app: Any) -> None:
    """Until the start screen has made both screens and read both kept lists."""
    archive = app.screen.archive
    for _ in range(500):
        made = all(
            app.is_screen_installed(f"archive-list.{kind.__name__}")
            for kind in (BacklogScreen, FollowUpsScreen)
        )
        if made and read_already(archive, BACKLOG) and read_already(archive, FOLLOWUPS):
            return
        await pilot.pause(0.01)
    raise AssertionError("the start screen did not make the lists' screens ahead")


async def test_b_after_the_start_screen_s_preload_parses_no_stylesheet_and_reads_no_file(
    make, ui, kept_lists, monkeypatch
) -> None:
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        frames: list[str] = []
        real_preload, real_display = StartScreen.preload, App._display

        def preload(screen: StartScreen) -> None:  # from here on, every frame is counted
            monkeypatch.setattr(
                App, "_display", lambda *a: frames.append("frame") or real_display(*a)
            )
            real_preload(screen)

        monkeypatch.setattr(StartScreen, "preload", preload)
        await preloaded(pilot, app)
        assert frames == []  # made and read ahead without a frame: nothing was mounted
        made = app.get_screen("archive-list.BacklogScreen")
        reparsed = spy_threads(monkeypatch, Stylesheet, "reparse")
        reads = spy_threads(monkeypatch, KeptLists, "read")
        added = spy_threads(monkeypatch, FixedWidthTable, "add_row")
        measured: list[str] = []
        real_measure = textual_data_table.measure

        def measure(console: Any, renderable: Any, default: int, **kwargs: Any) -> int:
            measured.append(str(getattr(renderable, "plain", renderable)))
            return real_measure(console, renderable, default, **kwargs)

        monkeypatch.setattr(textual_data_table, "measure", measure)
        loading: list[bool] = []
        monkeypatch.setattr(
            ArchiveListScreen, "reload", lambda screen: loading.append(True)
        )  # a worker's read, with its loading line
        await pilot.press("b")
        assert app.screen is made
        shown = ui.rows(app)
        assert len(shown) == 3  # in the first frame: no read to wait for
        assert made.query_one("#loading").display is False
        assert reparsed == [] and reads == [] and loading == []
        assert len(added) == len(shown)  # each row added once: the push's resize adds none
        # Every column has its width: no cell is measured (the headings are, by Textual).
        assert {row[2] for row in shown} & set(measured) == set()


async def shown(pilot: Any, app: Any) -> None:
    """Until the screen shown has its rows read and drawn."""
    for _ in range(500):
        if not app.screen.working:
            break
        await pilot.pause(0.01)
    await pilot.pause(0.1)


def replace_a_meeting_by_its_copy(data_dir: Path) -> None:
    """The archive's stamp moves, its lists do not: as a step that changed no entry."""
    meeting = next((data_dir / "meetings").glob("*.json"))
    copy = meeting.with_suffix(".copy")
    copy.write_bytes(meeting.read_bytes())
    os.replace(copy, meeting)


async def test_shown_again_after_a_change_it_draws_its_rows_before_reading_again(
    make, ui, data_dir, monkeypatch
) -> None:
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await shown(pilot, app)
        screen, rows = app.screen, ui.rows(app)
        await pilot.press("escape")
        await pilot.pause()
        replace_a_meeting_by_its_copy(data_dir)
        order: list[str] = []
        real_display, real_read = App._display, KeptLists.read

        def display(self: Any, *args: Any) -> Any:
            order.append("frame")
            return real_display(self, *args)

        def read(self: Any, kind: Any) -> Any:
            order.append("read")
            return real_read(self, kind)

        monkeypatch.setattr(App, "_display", display)
        monkeypatch.setattr(KeptLists, "read", read)
        await pilot.press("f")
        await shown(pilot, app)
        assert app.screen is screen and ui.rows(app) == rows
        assert "read" in order and order[0] == "frame"  # the rows first, then the read


async def test_a_read_that_brings_the_rows_shown_draws_nothing(
    make, ui, data_dir, monkeypatch
) -> None:
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await shown(pilot, app)
        screen, rows = app.screen, ui.rows(app)
        frames: list[str] = []
        real_display = App._display

        def display(self: Any, on: Any, renderable: Any) -> Any:
            if renderable is not None:  # None: a layout pass that found nothing to draw
                frames.append(type(renderable).__name__)
            return real_display(self, on, renderable)

        monkeypatch.setattr(App, "_display", display)
        replace_a_meeting_by_its_copy(data_dir)
        screen.reload()  # as when shown again after that change
        await shown(pilot, app)
        assert ui.rows(app) == rows and screen.read_once
        assert frames == []
