"""The start screen and the backlog when the disk misbehaves: a marked row or a plain line, no crash."""

from __future__ import annotations

import shutil
from pathlib import Path

from meeting_tui.demo import CLOSED_ID, LIVE_ID
from meeting_tui.store import open_archive
from meeting_tui.store.meeting_file import backup_path
from meeting_tui.tui.screens.backlog import BacklogScreen
from meeting_tui.tui.screens.start import StartScreen


async def test_a_folder_named_index_json_is_said_on_the_start_screen(make, ui, data_dir) -> None:
    index = data_dir / "index.json"
    index.unlink()
    index.mkdir()
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        text = ui.screen_text(app, "#empty")
        assert "index.json" in text and "文件夹" in text
        assert ui.rows(app) == []
    assert index.is_dir()


async def test_a_damaged_meeting_in_session_shows_as_damaged(make, ui, data_dir) -> None:
    path = open_archive(data_dir).meeting_path(LIVE_ID)
    path.write_bytes(b'{"meeting": {"1": {"ti')
    app = make(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        (live_row,) = [row for row in ui.rows(app) if row[0] == "2026-11-21"]
        assert "⚠ 文件损坏" in live_row and "进行中" not in live_row


async def test_the_backlog_screen_names_a_meeting_it_cannot_read(make, ui, data_dir) -> None:
    path = open_archive(data_dir).meeting_path(CLOSED_ID)
    shutil.copy(path, backup_path(path, 1))
    path.write_bytes(b"garbage")
    app = make(None)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(BacklogScreen())
        await pilot.pause()
        text = ui.screen_text(app, "#problems")
        assert CLOSED_ID in text and "ctrl+r" in text
    assert path.read_bytes() == b"garbage"
    assert Path(backup_path(path, 1)).exists()
