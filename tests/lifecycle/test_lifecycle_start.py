"""The start screen: the archive list, filter, open, new meeting, demo, and resume after a crash."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.widgets import DataTable, Input

from meeting_tui.demo import CLOSED_ID, LIVE_ID
from meeting_tui.domain import MeetingKind, MeetingStatus, MotionState, fold
from meeting_tui.domain import commands as c
from meeting_tui.domain.events import events_from_json
from meeting_tui.store import open_archive
from meeting_tui.store.ids import new_meeting_id
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.dialogs.form import FormDialog
from meeting_tui.tui.screens.session import SessionScreen
from meeting_tui.tui.screens.setup import SetupScreen
from meeting_tui.tui.screens.start import StartScreen

CST = timezone(timedelta(hours=8))


def ids_shown(app) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.coordinate_to_cell_key((i, 0)).row_key.value) for i in range(table.row_count)]


async def test_archive_lists_meetings_in_session_first_and_filters_by_typing(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, StartScreen)
        assert ids_shown(app) == [LIVE_ID, CLOSED_ID]
        live_row, closed_row = ui.rows(app)
        assert live_row[0] == "2026-11-21" and live_row[2:] == [
            "板凳会",
            "南苑社区",
            "进行中",
            "2",
            "1",
            "0",
        ]
        assert closed_row[4:] == ["已结束", "12", "7", "3"]
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await ui.type_text(pilot, "10-17")
        assert ids_shown(app) == [CLOSED_ID]
        await ui.type_text(pilot, "x")  # nothing matches
        assert ids_shown(app) == []
        await pilot.press(
            "backspace", "backspace", "backspace", "backspace", "backspace", "backspace"
        )
        await ui.type_text(pilot, "南苑")  # the community matches both
        assert ids_shown(app) == [LIVE_ID, CLOSED_ID]
        await pilot.press("enter")  # back to the list, filter kept
        assert isinstance(app.focused, DataTable)
        await pilot.press("down", "enter")
        assert isinstance(app.screen, SessionScreen)
        assert app.live is not None and app.live.meeting_id == CLOSED_ID
        assert app.live.state.status is MeetingStatus.CLOSED
        await pilot.press("escape")  # back to the archive; the meeting is released
        assert isinstance(app.screen, StartScreen) and app.live is None
        assert app.screen_stack == [app.screen]  # the archive is the stack's base, alone
        await pilot.press("enter")  # the live meeting, first again
        assert isinstance(app.screen, SessionScreen)
        assert app.live.meeting_id == LIVE_ID


async def test_n_creates_a_draft_from_the_form_and_opens_setup(make, stored, ui, clock) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("enter")  # no title: refused inline, nothing created
        assert isinstance(app.screen, FormDialog)
        assert ui.screen_text(app, "#error")
        await ui.type_text(pilot, "南苑社区 十二月议事会")
        await pilot.press("tab", "right")  # kind: 板凳会 → the next one
        await pilot.press("tab")
        await ui.type_text(pilot, "南苑社区")
        await pilot.press("tab")
        await ui.type_text(pilot, "社区活动室（二楼）")
        await pilot.press("enter")
        assert isinstance(app.screen, SetupScreen)
        assert app.live is not None
        meeting_id = app.live.meeting_id
        assert meeting_id.startswith(clock().strftime("%Y%m%d"))  # the day it is made on
        assert ui.screen_text(app, "#heading") == "会议筹备：南苑社区 十二月议事会"
        await pilot.press("escape")
        assert isinstance(app.screen, StartScreen)
        rows = dict(zip(ids_shown(app), ui.rows(app), strict=True))
        assert rows[meeting_id][1] == "南苑社区 十二月议事会"
        assert rows[meeting_id][4] == "筹备中"
    state = stored(meeting_id)
    assert state.status is MeetingStatus.DRAFT
    assert state.title == "南苑社区 十二月议事会"
    assert state.kind is list(MeetingKind)[list(MeetingKind).index(MeetingKind.BENCH) + 1]
    assert (state.community, state.location) == ("南苑社区", "社区活动室（二楼）")


async def test_d_on_an_empty_archive_loads_the_demo_and_opens_the_live_meeting(
    tmp_path: Path, clock, config_path, ui
) -> None:
    from meeting_tui.tui.factory import make_app

    app = make_app(None, data_dir=tmp_path / "empty", clock=clock, config_path=config_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert ui.rows(app) == []
        assert app.screen.query_one("#empty").display
        assert "按 d 载入南苑演示会议" in ui.screen_text(app, "#empty")
        await pilot.press("d")
        assert isinstance(app.screen, SessionScreen)
        assert app.live is not None and app.live.meeting_id == LIVE_ID
        await pilot.press("escape")
        assert ids_shown(app) == [LIVE_ID, CLOSED_ID]
        assert not app.screen.query_one("#empty").display


def dead_pid() -> int:
    """The pid of a process that has exited and been reaped."""
    child = subprocess.Popen([sys.executable, "-c", ""])
    child.wait()
    return child.pid


async def test_a_meeting_left_in_session_by_a_crash_is_offered_first_and_opens_identical(
    make, data_dir: Path, stored_events
) -> None:
    later = datetime(2026, 11, 28, 14, 40, tzinfo=CST)
    archive = open_archive(data_dir)
    meeting_id = new_meeting_id(later.date())
    live = LiveMeeting.create(
        archive,
        meeting_id,
        c.create_meeting(meeting_id, "断电那天的议事会", "bench"),
        lambda: later,
    )
    live.execute(c.add_items(live.state, [("电梯加装", 20, ""), ("其他", None, "")]))
    live.execute(c.step_agenda(live.state, 1))
    live.execute(c.set_headcounts(live.state, {"resident": 31, "staff": 2}))
    live.execute(c.raise_motion(live.state, "加装电梯，费用按楼层分摊", proposer="张某"))
    live.execute(c.record_vote(live.state, "m1", 20, 8, 3))
    live.execute(c.raise_motion(live.state, "低层住户补偿方案"))
    live.close()
    # The battery died: the events are on disk, the lock names a process that is gone.
    lock = archive.meeting_path(meeting_id).with_suffix(".lock")
    owner = {
        "pid": dead_pid(),
        "host": socket.gethostname(),
        "since": later.isoformat(),
        "token": "x",
    }
    lock.write_text(json.dumps(owner), encoding="utf-8")
    before = fold(events_from_json(archive.read_meeting(meeting_id)[1]))

    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        assert ids_shown(app)[0] == meeting_id
        assert app.screen.query_one(DataTable).cursor_row == 0
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        assert app.live is not None and app.live.meeting_id == meeting_id
        assert app.live.state == before
        assert app.live.state.motions["m1"].state is MotionState.PASSED
        assert json.loads(lock.read_text())["pid"] == os.getpid()  # the stale lock was taken over
    assert not lock.exists()  # and released on exit
    assert fold(stored_events(meeting_id)) == before
