"""Issue 5's proof, end to end: two meetings, a deferral carried from the first to the second.

`new --agenda` through the command line, the first meeting run by keyboard
(attendance, motions, votes, one deferral), closed, and reopened from disk in
the same state; the second meeting pulls the deferral from the backlog and
decides it; the backlog screen and `backlog --json` show it resolved.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

from screen_reading import form_on_screen, session_shown

from meeting_tui.cli import main
from meeting_tui.domain import MeetingStatus, MotionState, fold
from meeting_tui.domain.events import events_from_json
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.dialogs.deferral_entry import DeferralEntry
from meeting_tui.tui.dialogs.form import FormDialog
from meeting_tui.tui.dialogs.vote_form import VoteEntry
from meeting_tui.tui.factory import make_app
from meeting_tui.tui.screens.attendance import AttendanceScreen
from meeting_tui.tui.screens.backlog import BacklogScreen
from meeting_tui.tui.screens.minutes_preview import MinutesPreviewScreen
from meeting_tui.tui.screens.session import SessionScreen
from meeting_tui.tui.screens.setup import SetupScreen

GATE = "重新商议大门位置，打通小区和学校"


def cli(capsys, root: Path, *argv: str) -> str:
    status = main(["--data-dir", str(root), *argv])
    out, err = capsys.readouterr()
    assert status == 0, err
    if argv[0] == "new":  # the id on stdout, the sentence on stderr
        assert err == f"已创建会议 {out.strip()}：{argv[argv.index('--title') + 1]}\n", err
    else:
        assert err == "", err
    return out


def created_id(out: str) -> str:
    match = re.fullmatch(r"([0-9]{8}-[a-z0-9]+)\n", out)
    assert match, out
    return match.group(1)


def now() -> datetime:
    return datetime.now().astimezone()


async def raise_motion(pilot, ui, text: str) -> None:
    await pilot.press("n")
    assert isinstance(pilot.app.screen, FormDialog)
    await ui.type_text(pilot, text)
    await pilot.press("enter")
    assert isinstance(pilot.app.screen, SessionScreen)


async def vote(pilot, in_favour: str, against: str, abstain: str) -> None:
    await pilot.press("v")
    assert isinstance(form_on_screen(pilot.app), VoteEntry)
    await pilot.press(*in_favour, "tab", *against, "tab", *abstain, "enter")
    assert session_shown(pilot.app)


async def test_two_meetings_carry_a_deferral_from_one_to_the_next(
    capsys, tmp_path: Path, config_path: Path, ui, nanyuan_md: Path
) -> None:
    root = tmp_path / "archive"
    first = created_id(
        cli(
            capsys,
            root,
            *("new", "--title", "南苑社区老旧小区改造议事会", "--kind", "bench"),
            *("--community", "南苑社区", "--agenda", str(nanyuan_md)),
        )
    )

    # -- the first meeting, by keyboard ---------------------------------------------------
    app = make_app(first, data_dir=root, clock=now, config_path=config_path)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, SetupScreen)
        assert len(ui.rows(app)) == 12
        await pilot.press("p")
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("3", "8", "+", "+", "tab", "3", "tab", "1", "tab", "2", "escape")
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("s")
        assert isinstance(app.screen, SessionScreen)
        assert "出席 46 · 投票 40" in ui.screen_text(app, "#stats")
        await pilot.press("right_square_bracket")  # 电线入地改造
        await raise_motion(pilot, ui, "电线入地改造：老化电线全部入地")
        await vote(pilot, "38", "0", "0")
        await pilot.press("f")  # who carries it out, by when
        await ui.type_text(pilot, "施工方")
        await pilot.press("tab")
        await ui.type_text(pilot, "2027-05-31")
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen), ui.screen_text(app, "#error")
        await pilot.press("right_square_bracket")  # 大门位置
        await raise_motion(pilot, ui, GATE)
        await vote(pilot, "12", "20", "6")
        assert app.live.state.motions["m2"].state is MotionState.REJECTED
        await pilot.press("d")  # too big for tonight: deferred
        assert isinstance(form_on_screen(app), DeferralEntry)
        await ui.type_text(pilot, "涉及学校和街道，需三方协调")
        await pilot.press("tab")
        await ui.type_text(pilot, "社区工作人员")
        await pilot.press("enter")
        assert app.live.state.motions["m2"].state is MotionState.DEFERRED
        await pilot.press("right_square_bracket")
        await raise_motion(pilot, ui, "单元门统一更换并加装门禁")
        await pilot.press("y", "y")  # nobody against
        assert app.live.state.motions["m3"].state is MotionState.PASSED
        await pilot.press("x")
        assert "通过 2 · 未通过 0 · 暂缓 1" in ui.screen_text(app, "#question")
        await pilot.press("y")
        assert isinstance(app.screen, MinutesPreviewScreen)
        closed = app.live.state
    assert closed.status is MeetingStatus.CLOSED

    # -- reopened from disk: the same meeting ------------------------------------------
    on_disk = fold(events_from_json(open_archive(root).read_meeting(first)[1]))
    assert on_disk == closed
    app = make_app(first, data_dir=root, clock=now, config_path=config_path)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, SessionScreen)
        assert app.live.state == closed
        await pilot.press("l")  # every motion of the meeting
        assert [r[3] for r in ui.rows(app, "#motions")] == ["通过", "暂缓", "通过"]
    assert [(m.number, m.votes[-1].in_favour) for m in closed.motions.values()] == [
        (1, 38),
        (2, 12),
        (3, 40),
    ]
    assert closed.motions["m1"].followup.due == "2027-05-31"
    assert closed.attendance.total == 46 and closed.eligible_present == 40
    assert closed.motions["m2"].deferral.reason == "涉及学校和街道，需三方协调"

    # -- the next meeting takes the deferral up ---------------------------------------------
    pending = json.loads(cli(capsys, root, "backlog", "--json"))
    assert [(r["meeting_id"], r["text"], r["status"]) for r in pending] == [(first, GATE, "open")]
    second = created_id(cli(capsys, root, "new", "--title", "南苑社区十二月议事会"))
    app = make_app(second, data_dir=root, clock=now, config_path=config_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("b")
        assert isinstance(app.screen, BacklogScreen)
        await pilot.press("enter", "escape")
        assert [r[1] for r in ui.rows(app)] == [f"{GATE} ↩"]
        await pilot.press("p", "3", "5", "escape", "s")
        assert isinstance(app.screen, SessionScreen)
        assert ui.rows(app, "#motions")[0][1] == GATE  # taken up as it was: nothing retyped
        await vote(pilot, "30", "3", "2")
        await pilot.press("escape", "b")
        assert isinstance(app.screen, BacklogScreen)
        assert ui.rows(app) == [
            [
                ui.rows(app)[0][0],
                "2",
                GATE,
                f"通过：{second} 第 1 项",
                "12/20/6",
                "社区工作人员",
                "涉及学校和街道，需三方协调",
                "南苑社区老旧小区改造议事会",
            ]
        ]
    (entry,) = json.loads(cli(capsys, root, "backlog", "--json"))
    assert entry["status"] == "resolved"
    assert entry["resolved_in"] == {"meeting_id": second, "motion_id": "m1"}
    assert (entry["resolution"], entry["vote"]) == ("passed", [12, 20, 6])
    motion = LiveMeeting.open(open_archive(root), second, now)
    try:
        assert motion.state.motions["m1"].origin.meeting_id == first
    finally:
        motion.close()
    assert fold(events_from_json(open_archive(root).read_meeting(first)[1])) == closed  # untouched
