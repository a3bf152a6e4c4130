"""Setup: details, agenda editing, agenda import (good and bad files), attendance, start.

Every test checks the screen, then the events and the state on disk after the
app has exited (a fresh archive reads the file).
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from meeting_tui.domain import (
    DecisionRule,
    ItemState,
    MeetingKind,
    MeetingStatus,
    Party,
    QuorumPolicy,
)
from meeting_tui.tui.dialogs.confirm import ConfirmDialog
from meeting_tui.tui.dialogs.count_input import CountInput
from meeting_tui.tui.dialogs.form import FormDialog
from meeting_tui.tui.screens.attendance import AttendanceScreen
from meeting_tui.tui.screens.session import SessionScreen
from meeting_tui.tui.screens.setup import SetupScreen
from meeting_tui.tui.screens.start import StartScreen


def kinds(stored_events, meeting_id: str) -> list[str]:
    return [e.kind.value for e in stored_events(meeting_id)]


async def test_m_details_form_edits_every_field(make, draft, stored, stored_events, ui) -> None:
    app = make(draft)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("m")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("backspace", "tab", "tab", "tab", "tab", "tab", "tab", "tab")
        await pilot.press("tab", "tab", "tab", "tab", "enter")  # on OK: the empty title is refused
        assert isinstance(app.screen, FormDialog)
        assert ui.screen_text(app, "#error")
        await pilot.press(*["shift+tab"] * 11)  # back to the title
        await ui.type_text(pilot, "南苑社区 电梯加装议事会")
        await pilot.press("tab", "right")  # 圆桌会
        await pilot.press("tab")
        await ui.type_text(pilot, "南苑社区")
        await pilot.press("tab")
        await ui.type_text(pilot, "3号楼前空地")
        await pilot.press("tab")
        await ui.type_text(pilot, "2026-12-05 14:30")
        await pilot.press("tab")
        await ui.type_text(pilot, "居委会刘主任")
        await pilot.press("tab")
        await ui.type_text(pilot, "社区工作人员小王")
        await pilot.press("tab", "right")  # residents and staff vote
        await pilot.press("tab", "right", "right")  # two thirds
        await pilot.press("tab", "2", "5")  # quorum 25
        await pilot.press("tab", "right")  # without quorum: refuse
        await pilot.press("tab", "enter")  # OK
        assert isinstance(app.screen, SetupScreen)
        summary = ui.screen_text(app, "#summary")
        assert "圆桌会 · 南苑社区 · 3号楼前空地 · 2026-12-05 14:30" in summary
        assert "主持人 居委会刘主任 · 记录人 社区工作人员小王" in summary
        assert "法定人数 25" in summary
        assert ui.screen_text(app, "#heading") == "会议筹备：南苑社区 电梯加装议事会"
    assert kinds(stored_events, draft) == ["meeting_created", "meeting_edited"]
    state = stored(draft)
    assert state.title == "南苑社区 电梯加装议事会"
    assert state.kind is MeetingKind.ROUNDTABLE
    assert (state.community, state.location) == ("南苑社区", "3号楼前空地")
    assert state.planned_start == "2026-12-05 14:30"
    assert (state.facilitator, state.recorder) == ("居委会刘主任", "社区工作人员小王")
    assert state.voting_parties == (Party.RESIDENT, Party.STAFF)
    assert state.default_rule is DecisionRule.TWO_THIRDS
    assert state.quorum == 25
    assert state.quorum_policy is QuorumPolicy.REFUSE
    assert state.status is MeetingStatus.DRAFT


async def add_item(pilot, ui, title: str, minutes: str = "", notes: str = "") -> None:
    await pilot.press("a")
    assert isinstance(pilot.app.screen, FormDialog)
    await ui.type_text(pilot, title)
    await pilot.press("tab")
    await ui.type_text(pilot, minutes)
    await pilot.press("tab")
    await ui.type_text(pilot, notes)
    await pilot.press("enter")


async def test_agenda_items_are_added_edited_reordered_and_removed(make, draft, stored, ui) -> None:
    app = make(draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_item(pilot, ui, "电梯加装", "20", "3号楼，费用分摊")
        await add_item(pilot, ui, "垃圾分类亭", "十分钟")  # not a number of minutes
        assert isinstance(app.screen, FormDialog)
        assert "时长" in ui.screen_text(app, "#error") or "分钟" in ui.screen_text(app, "#error")
        await pilot.press("shift+tab")
        await ui.fill(pilot, "10")
        await pilot.press("enter")
        assert isinstance(app.screen, SetupScreen)
        await add_item(pilot, ui, "其他事项")
        assert ui.rows(app) == [
            ["1", "电梯加装", "20", "3号楼，费用分摊"],
            ["2", "垃圾分类亭", "10", ""],
            ["3", "其他事项", "", ""],
        ]
        table = app.screen.query_one(DataTable)
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("J")  # 电梯加装 down one; the cursor follows it
        assert [r[1] for r in ui.rows(app)] == ["垃圾分类亭", "电梯加装", "其他事项"]
        assert table.cursor_row == 1
        await pilot.press("ctrl+down")
        assert [r[1] for r in ui.rows(app)] == ["垃圾分类亭", "其他事项", "电梯加装"]
        assert table.cursor_row == 2
        await pilot.press("K", "K")  # back to the top
        assert [r[1] for r in ui.rows(app)] == ["电梯加装", "垃圾分类亭", "其他事项"]
        assert table.cursor_row == 0
        await pilot.press("down", "e")  # edit 垃圾分类亭
        assert isinstance(app.screen, FormDialog)
        await ui.type_text(pilot, "垃圾分类亭位置")  # the old title is selected: typing replaces it
        await pilot.press("tab")
        await ui.fill(pilot, "15")
        await pilot.press("enter")
        assert ui.rows(app)[1] == ["2", "垃圾分类亭位置", "15", ""]
        await pilot.press("down", "enter")  # enter edits too
        assert isinstance(app.screen, FormDialog)
        await pilot.press("escape")  # and Esc changes nothing
        await pilot.press("x")  # remove 其他事项
        assert [r[1] for r in ui.rows(app)] == ["电梯加装", "垃圾分类亭位置"]
    state = stored(draft)
    assert [(i.title, i.timebox_min, i.notes) for i in state.items] == [
        ("电梯加装", 20, "3号楼，费用分摊"),
        ("垃圾分类亭位置", 15, ""),
    ]


async def test_i_imports_the_nanyuan_agenda_after_a_preview(
    make, draft, stored, stored_events, ui, nanyuan_md: Path
) -> None:
    app = make(draft)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("i")
        await ui.type_text(pilot, str(nanyuan_md))
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmDialog)
        preview = ui.screen_text(app, "#question")
        lines = preview.splitlines()
        assert lines[0] == "导入 12 个议题（共 120 分钟）？"
        assert lines[1] == "1. 开场说明 (5′)"
        assert lines[-1] == "12. 汇总表决结果、明确责任方 (5′)"
        await pilot.press("n")  # not now: nothing stored
        assert isinstance(app.screen, SetupScreen) and ui.rows(app) == []
        await pilot.press("i")
        await ui.type_text(pilot, str(nanyuan_md))
        await pilot.press("enter", "y")
        assert isinstance(app.screen, SetupScreen)
        assert len(ui.rows(app)) == 12
        assert ui.rows(app)[1][:3] == ["2", "电线入地改造", "15"]
        assert "已导入 12 个议题" in app.notices.messages()
    assert kinds(stored_events, draft).count("item_added") == 12
    items = stored(draft).items
    assert [i.title for i in items][:3] == ["开场说明", "电线入地改造", "大门位置"]
    assert sum(i.timebox_min or 0 for i in items) == 120
    assert items[0].notes.startswith("介绍改造项目概况")


async def test_a_malformed_agenda_file_says_which_line_and_stores_nothing(
    make, draft, stored_events, ui, tmp_path: Path
) -> None:
    bad = tmp_path / "agenda.md"
    bad.write_text("# 议程\n\n- 开场说明 5分钟\n- 电线入地改造 — 0分钟\n- 绿化\n", encoding="utf-8")
    app = make(draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await ui.type_text(pilot, str(bad))
        await pilot.press("enter")
        assert isinstance(app.screen, SetupScreen)  # no preview of a file that cannot be read
        (error,) = app.notices.errors()
        assert "第 4 行" in error
        assert ui.rows(app) == []
        await pilot.press("i")
        await ui.type_text(pilot, str(tmp_path / "missing.md"))
        await pilot.press("enter")
        assert "找不到议程文件" in app.notices.errors()[-1]
    assert kinds(stored_events, draft) == ["meeting_created"]


async def test_attendance_counts_by_digits_and_plus_minus_and_a_signed_in_roster(
    make, draft, stored, ui
) -> None:
    app = make(draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, AttendanceScreen)
        residents = app.screen.query_one("#count-resident", CountInput)
        assert app.focused is residents
        await pilot.press("3", "5")
        assert ui.screen_text(app, "#eligible") == "有表决权的出席人数：35"
        await pilot.press("+", "+", "+", "-")  # late arrivals counted one by one
        assert residents.value == "37"
        assert ui.screen_text(app, "#eligible") == "有表决权的出席人数：37"
        await pilot.press("tab")
        await ui.type_text(pilot, "４")  # a full-width digit from the IME counts too
        assert app.screen.query_one("#count-staff", CountInput).number == 4
        assert ui.screen_text(app, "#eligible") == "有表决权的出席人数：37"  # staff do not vote
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, FormDialog)
        await ui.type_text(pilot, "李某某")
        await pilot.press("tab", "tab")
        await ui.type_text(pilot, "3号楼2单元")
        await pilot.press("enter")
        await pilot.press("ctrl+n")
        await ui.type_text(pilot, "王师傅")
        await pilot.press("tab", "right", "right", "right", "tab")  # 施工方
        await pilot.press("enter")
        await pilot.press("ctrl+n")
        await ui.type_text(pilot, "签错的人")
        await pilot.press("enter")
        assert isinstance(app.screen, AttendanceScreen)
        assert ui.rows(app, "#roster") == [
            ["李某某", "居民", "3号楼2单元"],
            ["王师傅", "施工方", ""],
            ["签错的人", "居民", ""],
        ]
        roster = app.screen.query_one("#roster", DataTable)
        roster.move_cursor(row=2)
        await pilot.press("ctrl+x")
        assert [r[0] for r in ui.rows(app, "#roster")] == ["李某某", "王师傅"]
        residents.focus()
        await pilot.press("+")  # one more, and Esc saves it
        await pilot.press("escape")
        assert isinstance(app.screen, SetupScreen)
    state = stored(draft)
    assert state.attendance.present(Party.RESIDENT) == 38
    assert state.attendance.present(Party.STAFF) == 4
    assert state.eligible_present == 38
    assert [(p.name, p.party, p.building) for p in state.attendance.roster] == [
        ("李某某", Party.RESIDENT, "3号楼2单元"),
        ("王师傅", Party.CONTRACTOR, ""),
    ]


async def test_s_starts_at_the_first_item_and_escape_goes_back_to_the_archive(
    make, draft, stored, ui
) -> None:
    app = make(draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_item(pilot, ui, "电梯加装", "20")
        await add_item(pilot, ui, "其他事项")
        await pilot.press("s", "y")  # nobody signed in yet: the question, then start anyway
        assert isinstance(app.screen, SessionScreen)
        assert app.live.state.status is MeetingStatus.IN_SESSION
        await pilot.press("escape")
        assert isinstance(app.screen, StartScreen)
        assert app.live is None
    state = stored(draft)
    assert state.status is MeetingStatus.IN_SESSION
    assert [i.state for i in state.items] == [ItemState.ACTIVE, ItemState.PENDING]


async def test_b_from_setup_puts_a_deferral_on_this_agenda(make, draft, stored, ui) -> None:
    app = make(draft)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("b")
        assert ui.rows(app)[0][2] == "重新商议小区大门位置（现大门把小区和学校隔开）"
        await pilot.press("enter")
        assert ui.rows(app)[0][3] == f"已列入议程：{draft} 第 1 项"
        await pilot.press("escape")
        assert isinstance(app.screen, SetupScreen)
        assert app.live.state.status is MeetingStatus.DRAFT  # taking it up starts nothing
        assert ui.rows(app) == [
            [
                "1",
                "重新商议小区大门位置（现大门把小区和学校隔开） ↩",
                "",
                "涉及学校和街道，需三方协调后再议",
            ]
        ]
    state = stored(draft)
    (item,) = state.items
    assert item.origin is not None and (item.origin.meeting_id, item.origin.motion_id) == (
        "20261017-nany",
        "m2",
    )
    (motion,) = state.motions.values()
    assert (motion.item_id, motion.origin, motion.text) == (
        item.id,
        item.origin,
        "重新商议小区大门位置（现大门把小区和学校隔开）",
    )
