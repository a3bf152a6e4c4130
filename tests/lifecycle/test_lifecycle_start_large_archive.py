"""A large archive on the start screen: every meeting listed once, in order, and filtered at once.

The list shows its first screenful before it adds the rest (start.py's
FIRST_ROWS); the whole list is there once the app is quiet, and a filter
typed at once finds a meeting far down.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.screen import Screen
from textual.widgets import DataTable

from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.archive import Archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.screens.start import FIRST_ROWS, StartScreen

COUNT = FIRST_ROWS + 30


def meeting_id(n: int) -> str:
    return f"2025{1 + n // 28:02d}{1 + n % 28:02d}-k{n:03d}"


def fill_archive(data_dir: Path) -> list[str]:
    archive = open_archive(data_dir)
    ids = [meeting_id(n) for n in range(COUNT)]
    for n, mid in enumerate(ids):
        title = f"第{n}次楼栋议事会"
        LiveMeeting.create(archive, mid, c.create_meeting(mid, title, "bench")).close()
    return ids


def ids_shown(app) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.coordinate_to_cell_key((i, 0)).row_key.value) for i in range(table.row_count)]


async def test_every_meeting_is_listed_once_newest_first(make, data_dir) -> None:
    ids = fill_archive(data_dir)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = ids_shown(app)
        ours = [i for i in shown if i in set(ids)]
        assert ours == sorted(ids, reverse=True)  # all of them, once each, newest first
        assert len(shown) == len(set(shown))


async def test_a_filter_typed_at_once_finds_a_meeting_far_down(make, data_dir, ui) -> None:
    fill_archive(data_dir)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await ui.type_text(pilot, "第3次楼栋")
        assert ids_shown(app) == [meeting_id(3)]


async def test_the_rest_of_the_list_comes_in_slices_with_frames_between_them(
    make, data_dir, monkeypatch
) -> None:
    """The first screenful is drawn first; the rest is added a slice at a time, and the app
    draws (and reads keys) between slices. Added in one go, the 4,880 rows after the first
    120 of a 5,000-meeting archive held the interpreter for ~0.2 s right after the first
    frame, and the driver's writer thread could not put that frame on the terminal."""
    from meeting_tui.tui.screens import start

    monkeypatch.setattr(start, "ROWS_PER_SLICE", 8)
    fill_archive(data_dir)
    total = len(open_archive(data_dir).list_meetings())
    app = make()
    frames: list[tuple[int, int]] = []  # (rows the table draws, rows in it) at each frame
    display = app._display

    def recorded(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is not None and type(screen).__name__ == "StartScreen":
            table = screen.query_one(DataTable)
            frames.append((table.virtual_size.height, table.row_count))

    app._display = recorded
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):
            await pilot.pause(0.01)
            if app.screen.query_one(DataTable).row_count == total:
                break
        assert app.screen.query_one(DataTable).row_count == total
        drawn, rows = frames[0]
        # The first screenful, drawn, and only it: as many rows as the terminal has lines
        # (120 before: the 96 not shown at 80×24 cost about 4 ms before the first frame).
        assert drawn > 0 and rows == 24
        between = {rows for _drawn, rows in frames if 24 < rows < total}
        assert between  # a frame drawn while the rest was still coming in


async def test_rows_left_to_add_wait_while_another_screen_is_shown(make, data_dir) -> None:
    """A slice added under another screen (`b` pressed before the last one) drew that
    whole screen again; the rest are added once the start screen is shown again."""
    from textual.screen import Screen

    fill_archive(data_dir)
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        start = app.screen
        table = start.query_one(DataTable)
        rest = start.rows[:40]  # as the slices still to come would be
        table.clear()
        start._add_rows(table, rest[:10], start._fills, 10)  # the first screenful
        await app.push_screen(Screen())
        start._add_rows(table, rest[10:], start._fills)  # the next slice's turn
        await pilot.pause()
        assert table.row_count == 10  # nothing added while another screen is shown
        app.pop_screen()
        await pilot.pause()
        assert app.screen is start
        assert ids_shown(app) == [str(r["id"]) for r in rest]  # the rest, once, in order


async def test_a_list_filled_again_under_another_screen_is_whole_when_shown_again(
    make, data_dir
) -> None:
    """A theme changed on another screen fills the start screen's table again there: its
    first screenful goes in at once, the slices after it once the start screen is back."""
    from textual.screen import Screen

    ids = fill_archive(data_dir)
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        start = app.screen
        shown = ids_shown(app)
        await app.push_screen(Screen())
        start.show(force=True)
        await pilot.pause()
        app.pop_screen()
        await pilot.pause()
        assert app.screen is start
        assert ids_shown(app) == shown and set(ids) <= set(shown)


async def test_the_archive_is_listed_once_before_the_first_frame(
    make, data_dir, monkeypatch
) -> None:
    """The mount read the archive and the first resume read it again (about 15 ms at 5,000);
    a resume later on, back from another screen, still reads it."""
    fill_archive(data_dir)
    reads: list[int] = []
    listed = Archive.list_meetings

    def counted(self: Archive) -> Any:
        reads.append(1)
        return listed(self)

    monkeypatch.setattr(Archive, "list_meetings", counted)
    reloads: list[int] = []
    reload = StartScreen.reload
    monkeypatch.setattr(StartScreen, "reload", lambda self: (reloads.append(1), reload(self)))
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(reads) == 1 and len(reloads) == 1
        assert len(ids_shown(app)) == COUNT + 2  # and the demo's two
        await pilot.press("b")  # the backlog over the list, then back
        await pilot.pause(0.6)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and len(reloads) == 2


async def test_a_resume_soon_after_the_mount_still_reads_the_archive(make, data_dir) -> None:
    """Only the resume that follows the mount skips the read, however soon another comes."""
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = len(ids_shown(app))
        await app.push_screen(Screen())
        archive = open_archive(data_dir)
        mid = meeting_id(999)
        LiveMeeting.create(archive, mid, c.create_meeting(mid, "刚建的会", "bench")).close()
        app.pop_screen()
        await pilot.pause()
        assert len(ids_shown(app)) == before + 1 and mid in ids_shown(app)
