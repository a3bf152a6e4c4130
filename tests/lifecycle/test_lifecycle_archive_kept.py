"""The backlog and follow-ups screens are made once per app and shown again.

Mounting and styling the screen was most of an open's time, so `b`/`f` again
shows the same screen with its rows. What must hold: nothing is read again
while no meeting changed; a meeting changed elsewhere is read again and
shown; the screen's own `d` is not drawn twice; another archive or meeting
gets its own screen.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone
from typing import Any

from screen_reading import read_in

from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.screens.archive_list import ArchiveListScreen
from meeting_tui.tui.screens.backlog import BacklogScreen
from meeting_tui.tui.screens.followups import FollowUpsScreen

CST = timezone(timedelta(hours=8))
LATER = datetime(2027, 4, 15, 10, 0, tzinfo=CST)


def row_keys(app: Any) -> list[Any]:
    return [row.key for row in app.screen.query_one("DataTable").ordered_rows]


async def test_shown_again_with_nothing_changed_is_the_same_screen_and_reads_nothing(
    make, data_dir
) -> None:
    archive = open_archive(data_dir)
    for path in (archive.meetings_dir, archive.index_path):  # last written yesterday: settled
        then = os.stat(path).st_mtime_ns - 86_400 * 10**9
        os.utime(path, ns=(then, then))
    loaded: list[Any] = []

    def hook(message: Any) -> None:
        if isinstance(message, ArchiveListScreen.Loaded):
            loaded.append(message)

    app = make(None)
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await pilot.press("b")
        await read_in(pilot, app)
        first, keys = app.screen, row_keys(app)
        assert isinstance(first, BacklogScreen) and keys
        reads = len({id(m) for m in loaded})
        await pilot.press("escape", "b")
        await read_in(pilot, app)
        assert app.screen is first
        assert len({id(m) for m in loaded}) == reads  # no read: the archive is as it was
        assert row_keys(app) == keys  # the same rows, not drawn again


async def test_a_meeting_changed_elsewhere_is_read_again_when_shown_again(
    make, ui, data_dir
) -> None:
    app = make(None, clock=lambda: LATER)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f")
        await read_in(pilot, app)
        screen = app.screen
        assert isinstance(screen, FollowUpsScreen)
        entry = next(e for e in screen.entries if e.done_on is None)
        await pilot.press("escape")
        other = LiveMeeting.open(open_archive(data_dir), entry.origin.meeting_id, lambda: LATER)
        other.execute(c.complete_followup(other.state, entry.origin.motion_id, date(2027, 4, 14)))
        other.close()
        await pilot.press("f")
        await read_in(pilot, app)
        assert app.screen is screen
        done = next(e for e in screen.entries if e.origin == entry.origin)
        assert done.done_on == "2027-04-14"
        assert any(row[3] == "已落实 2027-04-14" for row in ui.rows(app))


async def test_the_screens_own_done_is_read_again_but_not_drawn_again(make, ui) -> None:
    app = make(None, clock=lambda: LATER)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f")
        await read_in(pilot, app)
        screen = app.screen
        await pilot.press("d", "escape")  # left: the done row took its place
        table = screen.query_one("DataTable")
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        keys = [row.key for row in table.ordered_rows]
        assert rows[-1][3] == "已落实 2027-04-15"
        await pilot.press("f")
        await read_in(pilot, app)
        assert app.screen is screen
        assert ui.rows(app) == rows and row_keys(app) == keys


async def test_another_meeting_gets_its_own_screen(make, draft) -> None:
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await read_in(pilot, app)
        from_start = app.screen
        await pilot.press("escape")
        BacklogScreen.open(
            app, from_start.archive, LiveMeeting.open(from_start.archive, draft, lambda: LATER)
        )
        await read_in(pilot, app)
        assert isinstance(app.screen, BacklogScreen) and app.screen is not from_start
        assert app.screen.live is not None
        app.screen.live.close()


async def test_left_before_its_read_is_back_it_reads_again_when_shown_again(
    make, ui, monkeypatch
) -> None:
    import asyncio
    import threading

    from meeting_tui.tui.screens import archive_list

    gate, calls = threading.Event(), []
    real = archive_list.lists_of

    def held_first(archive: Any) -> Any:
        lists = real(archive)
        calls.append(1)
        if len(calls) == 1:
            gate.wait(5)  # the first read is slow: the screen is left before it is back
        return lists

    monkeypatch.setattr(archive_list, "lists_of", held_first)
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        BacklogScreen.open(app, app.screen.archive, None)  # as `b` does, without waiting
        await asyncio.sleep(0.2)
        screen = app.screen
        assert isinstance(screen, BacklogScreen) and screen.working
        app.pop_screen()
        await asyncio.sleep(0.05)
        gate.set()
        await pilot.pause(0.1)
        await pilot.press("b")
        await read_in(pilot, app)
        assert app.screen is screen and not screen.working
        assert screen.query_one("#loading").display is False
        assert len(ui.rows(app)) == 3 and len(calls) == 2
