"""The backlog and follow-ups screens shown again without extra work.

Shown again after a meeting changed, the screen draws its rows before its
worker reads the archive again, and a re-read that brings what is shown draws
nothing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from textual.app import App

from meeting_tui.store.archive_lists import KeptLists


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
