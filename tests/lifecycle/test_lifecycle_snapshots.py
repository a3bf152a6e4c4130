"""Snapshots of the start, setup, attendance and backlog screens at 80×24 and 120×40.

The clock is frozen and the meeting being prepared is built from fixed
commands, so nothing on screen depends on the day the tests run; inputs that
hold the focus have their cursor blink turned off. Regenerate with
`pytest tests/lifecycle --snapshot-update` and look at the SVGs before
committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from meeting_tui.domain import commands as c
from meeting_tui.domain.agenda_file import read_agenda_file
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting

SIZES = [(80, 24), (120, 40)]
PREPARED = "20261205-prep"


@pytest.fixture
def prepared(data_dir: Path, clock, nanyuan_md: Path) -> str:
    """A meeting being prepared: details filled in, the 南苑 agenda, a deferral picked, a roster."""
    drafts = c.create_meeting(
        PREPARED,
        "南苑社区电大家属院 十二月民主协商议事会",
        "bench",
        community="南苑社区",
        location="电大家属院西门旁空地",
        planned_start="2026-12-05 14:30",
        facilitator="居委会刘主任",
        recorder="社区工作人员小王",
    )
    live = LiveMeeting.create(open_archive(data_dir), PREPARED, drafts, clock)
    entries = read_agenda_file(nanyuan_md)
    live.execute(c.add_items(live.state, [(e.title, e.minutes, e.notes) for e in entries]))
    live.execute(c.set_headcounts(live.state, {"resident": 38, "staff": 3, "contractor": 2}))
    live.execute(c.add_attendee(live.state, "李某某", "resident", "3号楼2单元"))
    live.execute(c.add_attendee(live.state, "王师傅", "contractor"))
    live.close()
    return PREPARED


def no_blink(app) -> None:
    for field in app.screen.query(Input):
        field.cursor_blink = False


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_start_screen(make, snap_compare, size) -> None:
    assert snap_compare(make(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_setup_screen(make, prepared, snap_compare, size) -> None:
    assert snap_compare(make(prepared), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_attendance_screen(make, prepared, snap_compare, size) -> None:
    async def open_attendance(pilot) -> None:
        await pilot.press("p")
        no_blink(pilot.app)
        await pilot.pause()

    assert snap_compare(make(prepared), terminal_size=size, run_before=open_attendance)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_backlog_screen(make, prepared, snap_compare, size) -> None:
    async def pick_one(pilot) -> None:
        await pilot.press("b")  # the list is read in a worker: the pilot waits for it
        await pilot.press("down", "enter")  # 充电桩 onto this agenda

    assert snap_compare(make(prepared), terminal_size=size, run_before=pick_one)
