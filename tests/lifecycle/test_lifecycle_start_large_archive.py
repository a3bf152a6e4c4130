"""A large archive on the start screen: every meeting listed once, in order, and filtered at once.

The list shows its first screenful before it adds the rest (start.py's
FIRST_ROWS); the whole list is there once the app is quiet, and a filter
typed at once finds a meeting far down.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.screens.start import FIRST_ROWS

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
