"""Across meetings and at the end of one: backlog, follow-ups, close, reopen.

Each test checks the screen, then what a fresh archive reads from disk.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from screen_reading import form_on_screen, session_shown

from meeting_tui.demo import CLOSED_ID, LIVE_ID
from meeting_tui.domain import MeetingStatus, MotionState, Origin
from meeting_tui.tui.dialogs.confirm import ConfirmDialog
from meeting_tui.tui.dialogs.form import FormDialog
from meeting_tui.tui.dialogs.vote_form import VoteEntry
from meeting_tui.tui.screens.backlog import BacklogScreen
from meeting_tui.tui.screens.followups import FollowUpsScreen
from meeting_tui.tui.screens.minutes_preview import MinutesPreviewScreen
from meeting_tui.tui.screens.session import SessionScreen
from meeting_tui.tui.screens.setup import SetupScreen
from meeting_tui.tui.screens.start import StartScreen

CST = timezone(timedelta(hours=8))
GATE = "重新商议小区大门位置（现大门把小区和学校隔开）"


async def test_a_deferral_picked_raised_and_voted_shows_resolved_with_its_link(
    make, draft, stored, ui
) -> None:
    app = make(draft)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("b")
        assert isinstance(app.screen, BacklogScreen)
        assert ui.rows(app)[0] == [
            "2026-10-17",
            "2",
            GATE,
            "待商议",
            "14/20/6",
            "社区工作人员",
            "涉及学校和街道，需三方协调后再议",
            "电大家属院老旧小区改造 民主协商议事会",
        ]
        await pilot.press("enter")  # taken up as the motion it was, under a new item
        assert ui.rows(app)[0][3] == f"已列入议程：{draft} 第 1 项"
        assert f"已列入议程：{GATE}" in app.notices.messages()
        await pilot.press("escape", "p", "4", "0", "escape")  # 40 residents
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("s")
        assert isinstance(app.screen, SessionScreen)
        assert ui.rows(app)[0][1:4] == [GATE, "居民", "待表决"]  # nothing retyped
        panel = ui.text_of(app.screen.query_one("#vote"))
        assert "↩ 来自 2026-10-17 电大家属院老旧小区改造 民主协商议事会 第 2 项" in panel
        await pilot.press("v")
        assert isinstance(form_on_screen(app), VoteEntry)
        await pilot.press("3", "1", "tab", "6", "tab", "3", "enter")
        assert session_shown(app)
        assert app.live.state.motions["m1"].state is MotionState.PASSED
        await pilot.press("escape", "b")  # from the archive's backlog
        assert isinstance(app.screen, BacklogScreen)
        row = ui.rows(app)[0]
        assert row[2:4] == [GATE, f"通过：{draft} 第 1 项"]
        assert [r[3] for r in ui.rows(app)[1:]] == ["待商议", "待商议"]
        await pilot.press("enter")  # nothing is open to put it on: said, not done
        assert "先打开一个筹备中或进行中的会议" in app.notices.messages()[-1]
    motion = stored(draft).motions["m1"]
    assert motion.origin == Origin(CLOSED_ID, "m2") and motion.text == GATE
    assert (motion.origin.vote, motion.origin.state) == ((14, 20, 6), "deferred")
    assert (motion.votes[-1].in_favour, motion.votes[-1].against) == (31, 6)
    assert stored(CLOSED_ID).motions["m2"].state is MotionState.DEFERRED  # history untouched


async def test_follow_ups_overdue_first_mark_done_and_evaluation(make, draft, stored, ui) -> None:
    later = datetime(2027, 4, 15, 10, 0, tzinfo=CST)
    app = make(draft, clock=lambda: later)
    async with app.run_test(size=(120, 30)) as pilot:
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("f")
        assert isinstance(app.screen, FollowUpsScreen)
        rows = ui.rows(app)
        assert [(r[0], r[1], r[3]) for r in rows[:3]] == [
            ("2027-01-31", "10", "逾期"),
            ("2027-03-31", "3", "逾期"),
            ("2027-04-30", "7", "未完成"),
        ]
        said = list(app.notices)
        await pilot.press("d")  # 楼道灯 is done now, shown in its row until the list is left
        assert app.notices == said  # no toast: the row says it
        rows = ui.rows(app)
        assert rows[0][1] == "10" and rows[0][3] == "已落实 2027-04-15"
        assert rows[1][1:3] == ["3", "更换单元门，统一样式并加装门禁"]
        await pilot.press("down", "e")  # residents judge the unit doors, by show of hands
        assert isinstance(app.screen, FormDialog)
        await pilot.press("2", "2", "tab", "1", "2", "tab", "4", "enter")
        assert isinstance(app.screen, FollowUpsScreen)
        assert "已记录居民评议：更换单元门，统一样式并加装门禁" in app.notices.messages()
        await pilot.press("escape")
        assert isinstance(app.screen, SetupScreen)
    closed = stored(CLOSED_ID)
    assert closed.status is MeetingStatus.CLOSED
    assert closed.motions["m10"].followup.done_on == "2027-04-15"
    evaluation = closed.motions["m3"].followup.evaluation
    assert (evaluation.satisfied, evaluation.basic, evaluation.unsatisfied) == (22, 12, 4)
    assert evaluation.meeting_id == draft  # taken at the meeting being prepared
    assert closed.motions["m3"].followup.done_on is None
    assert stored(draft).motions == {}  # recorded on the motion's own meeting only


async def test_x_closes_after_a_summary_opens_the_minutes_and_a_reopen_is_recorded(
    make, stored, stored_events, ui
) -> None:
    app = make(LIVE_ID)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmDialog)
        question = ui.screen_text(app, "#question")
        assert "通过 1 · 未通过 0 · 暂缓 0 · 已答复 0 · 撤回 0" in question
        assert "未表决 1：#2 重新商议小区大门位置（现" in question
        await pilot.press("n")  # not yet
        assert app.live.state.status is MeetingStatus.IN_SESSION
        await pilot.press("x", "y")
        assert isinstance(app.screen, MinutesPreviewScreen)
        assert app.live.state.status is MeetingStatus.CLOSED
        assert "会议已结束，纪要已保存（第 1 版）" in app.notices.messages()
        await pilot.press("escape")
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("n")  # a closed meeting takes no new motions: no form opens
        assert isinstance(app.screen, SessionScreen)
        assert "按 x 重新开启" in app.notices.messages()[-1]
        await pilot.press("x")  # on a closed meeting: reopen, with a reason
        assert isinstance(app.screen, FormDialog)
        await pilot.press("enter")
        assert isinstance(app.screen, FormDialog) and ui.screen_text(app, "#error")
        await ui.type_text(pilot, "漏记了一项表决")
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        assert app.live.state.status is MeetingStatus.IN_SESSION
        await pilot.press("escape")
        assert isinstance(app.screen, StartScreen)
    kinds = [e.kind.value for e in stored_events(LIVE_ID)]
    assert kinds[-3:] == ["item_done", "meeting_closed", "meeting_reopened"]
    state = stored(LIVE_ID)
    assert state.status is MeetingStatus.IN_SESSION
    assert [reason for _, reason in state.reopenings] == ["漏记了一项表决"]
    assert len(state.motions) == 2
