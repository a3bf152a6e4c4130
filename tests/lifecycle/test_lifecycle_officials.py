"""Issue 10's "done when": a meeting of officials with no residents runs from `new` to the minutes.

A 联席会议 of community staff, government departments and resident units:
created by the command line, prepared in setup (an item, attendance, who
votes), run by keyboard (a change of who votes during the session, motions,
a counted vote, an acclamation), closed, and its minutes exported — with no
dead end on the way and the voting parties in the minutes.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from meeting_tui.cli import main
from meeting_tui.domain import MeetingStatus, MotionState, Party
from meeting_tui.tui.dialogs.confirm import ConfirmDialog
from meeting_tui.tui.dialogs.form import FormDialog
from meeting_tui.tui.factory import make_app
from meeting_tui.tui.screens.attendance import AttendanceScreen
from meeting_tui.tui.screens.minutes_preview import MinutesPreviewScreen
from meeting_tui.tui.screens.session import SessionScreen
from meeting_tui.tui.screens.setup import SetupScreen


def now() -> datetime:
    return datetime.now().astimezone()


def new_meeting(capsys, root: Path) -> str:
    argv = ["--data-dir", str(root), "new", "--title", "共建单位联席会议", "--kind", "joint"]
    assert main([*argv, "--community", "南苑社区"]) == 0
    out, _ = capsys.readouterr()
    match = re.search(r"[0-9]{8}-[a-z0-9]{4,}", out)
    assert match, out
    return match.group(0)


async def test_a_joint_meeting_of_officials_runs_from_new_to_the_minutes(
    capsys, tmp_path: Path, config_path: Path, ui
) -> None:
    root = tmp_path / "archive"
    meeting_id = new_meeting(capsys, root)
    app = make_app(meeting_id, data_dir=root, clock=now, config_path=config_path)
    notices: list[str] = []
    original = app.notify

    def notify(message: str, *args, **kwargs) -> None:
        notices.append(message)
        original(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("a")  # one item on the agenda
        await ui.type_text(pilot, "小区周边停车难")
        await pilot.press("enter")
        await pilot.press("p")  # attendance: 5 staff, 4 government, 3 units; no residents
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press("tab", "5", "tab", "tab", "tab", "tab", "4", "tab", "3", "escape")
        assert isinstance(app.screen, SetupScreen)
        assert app.live.state.attendance.total == 12 and app.live.state.eligible_present == 0
        await pilot.press("s")  # nobody may vote yet: asked first, with the fixes named
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.press("V")  # who votes: staff and government (units join later)
        assert isinstance(app.screen, FormDialog)
        await pilot.press("right", "tab", "right", "tab", "tab", "tab", "tab", "right", "enter")
        assert app.live.state.voting_parties == (Party.STAFF, Party.GOVERNMENT)
        await pilot.press("s")  # 9 may vote: no question now
        assert isinstance(app.screen, SessionScreen)
        assert "出席 12 · 投票 9" in ui.screen_text(app, "#stats")

        await pilot.press("n")
        await ui.type_text(pilot, "驻区单位夜间开放停车位")
        await pilot.press("enter")
        await pilot.press("v", "7", "tab", "1", "tab", "1", "enter")
        assert app.live.state.motions["m1"].state is MotionState.PASSED

        await pilot.press("V")  # the units' delegates are given a vote too, during the session
        await pilot.press(*["tab"] * 6, "right", "enter")
        assert isinstance(app.screen, SessionScreen)
        assert "出席 12 · 投票 12" in ui.screen_text(app, "#stats")
        await pilot.press("n")
        await ui.type_text(pilot, "共建单位轮流值守停车秩序")
        await pilot.press("enter", "y")
        assert "赞成 12" in ui.screen_text(app, "#question")
        await pilot.press("y")
        assert app.live.state.motions["m2"].state is MotionState.PASSED

        await pilot.press("x", "y")  # close: the minutes are saved and shown
        assert isinstance(app.screen, MinutesPreviewScreen)
        assert app.live.state.status is MeetingStatus.CLOSED
    assert [n for n in notices if "按 V" in n or "按 a" in n or "按 i" in n] == []  # no dead end

    out = tmp_path / "minutes.md"
    argv = ["--data-dir", str(root), "export", meeting_id, "--format", "md", "--out", str(out)]
    assert main(argv) == 0
    minutes = out.read_text(encoding="utf-8")
    assert "| 有表决权 | 社区工作人员，政府部门，驻社区单位，出席 12 人 |" in minutes
    assert "社区工作人员，政府部门 → 社区工作人员，政府部门，驻社区单位" in minutes
    assert "举手，赞成 7，反对 1，弃权 1，未表态 0（出席有表决权 9 人" in minutes
    assert "无异议，赞成 12，反对 0，弃权 0，未表态 0（出席有表决权 12 人" in minutes
    assert "有表决权的一方改为：社区工作人员，政府部门，驻社区单位" in minutes
