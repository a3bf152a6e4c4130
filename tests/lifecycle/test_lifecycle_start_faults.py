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
        app.push_screen(BacklogScreen(app.archive))
        await pilot.pause()
        text = ui.screen_text(app, "#problems")
        assert CLOSED_ID in text and "ctrl+r" in text
    assert path.read_bytes() == b"garbage"
    assert Path(backup_path(path, 1)).exists()


async def test_a_refused_index_write_after_a_saved_step_is_shown_as_saved(
    make, data_dir, monkeypatch
) -> None:
    import errno
    import os

    from meeting_tui.domain import commands as c
    from meeting_tui.tui.recording import record

    app = make(LIVE_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        real_open = os.open

        def full_for_the_index(path, flags, *args):
            if Path(path).name.startswith(".index.json."):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
            return real_open(path, flags, *args)

        monkeypatch.setattr(os, "open", full_for_the_index)
        live = app.live
        assert record(app.screen, live, c.edit_meeting(live.state, title="南苑 板凳会（续）"))
        monkeypatch.setattr(os, "open", real_open)
        await pilot.pause()
        assert app.notices.errors() == []
        (warning,) = [m for m, severity in app.notices if severity == "warning"]
        assert "已保存" in warning and "存档列表暂未更新" in warning and "内存" not in warning
    assert (
        open_archive(data_dir).list_meetings()[0]["title"] == "南苑 板凳会（续）"
    )  # repaired at exit
