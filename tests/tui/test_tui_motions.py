"""Pilot tests for the motion keys of the session screen: n e r o w f d, and the l / b views.

The in-session demo has motion 1 passed (item 2, with a follow-up) and motion 2
"重新商议小区大门位置" raised on the active item 3. Each test checks the screen,
then the events on disk after the app has exited.
"""

from __future__ import annotations

from log_reading import new_kinds
from textual.widgets import Input

from meeting_tui.domain import Category, MotionState, Party
from meeting_tui.tui.dialogs.confirm import ConfirmDialog
from meeting_tui.tui.dialogs.deferral_entry import DeferralEntry
from meeting_tui.tui.dialogs.form import FormDialog
from meeting_tui.tui.screens.session import SessionScreen

GATE = "重新商议小区大门位置（现大门把小区和学校隔开）"


async def test_n_raises_a_motion_typed_in_chinese(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, FormDialog)
        assert app.focused is app.screen.query_one("#f-text", Input)
        await pilot.press(*list("新建自行车棚带电动车充电"))
        await pilot.press("tab")
        await ui.type_text(pilot, "张姓居民")
        await pilot.press("tab", "tab", "right")  # party stays 居民; category: 其他 → 安全
        await pilot.press("tab")
        await pilot.press(*"85000")
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        table = ui.rows(app)
        assert [r[:4] for r in table] == [
            ["2", GATE, "居民", "待表决"],
            ["3", "新建自行车棚带电动车充电", "张姓居民", "待表决"],
        ]
        assert ui.vote_panel(app).startswith("#3 待表决")  # the new motion is selected
        assert "≥ 10 万" not in ui.vote_panel(app)
    assert new_kinds(stored_events, before) == ["motion_raised"]
    m = stored().motions["m3"]
    assert (m.text, m.proposer, m.party, m.category, m.cost) == (
        "新建自行车棚带电动车充电",
        "张姓居民",
        Party.RESIDENT,
        Category.SAFETY,
        85000,
    )
    assert m.state is MotionState.RAISED and m.item_id == "i3"


async def test_n_with_full_width_punctuation_and_a_large_cost_warns(make, stored, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await ui.type_text(pilot, "院内路面重新铺设（含排水）：分两期")
        app.screen.query_one("#f-proposer", Input).value = "居民"
        app.screen.query_one("#f-cost", Input).value = "180000"
        app.screen.query_one("#f-note", Input).value = "费用超过 10 万元，列入改造项目资金"
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        panel = ui.vote_panel(app)
        assert "预估 180,000 元 ≥ 10 万" in panel
        warnings = [m for m, severity in app.notices if severity == "warning"]
        assert warnings == ["预估 180,000 元 ≥ 10 万：不属于微实事"]
    m = stored().motions["m3"]
    assert m.text == "院内路面重新铺设（含排水）：分两期"
    assert m.cost == 180000 and m.over_micro_limit
    assert m.note == "费用超过 10 万元，列入改造项目资金"


async def test_n_with_empty_text_is_refused_inline_and_esc_stores_nothing(
    make, stored_events, ui
) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "enter")
        assert isinstance(app.screen, FormDialog)  # still open
        assert "不能为空" in ui.dialog_message(app)
        await pilot.press("escape")
        assert isinstance(app.screen, SessionScreen)
        assert len(ui.rows(app)) == 1
    assert len(stored_events()) == before


async def test_e_edits_the_selected_motion(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, FormDialog)
        assert form.query_one("#f-text", Input).value == GATE  # prefilled
        form.query_one("#f-text", Input).value = "重新商议小区大门位置"
        form.query_one("#f-proposer", Input).value = "孙姓居民"
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        assert ui.rows(app)[0][1:3] == ["重新商议小区大门位置", "孙姓居民"]
    assert new_kinds(stored_events, before) == ["motion_edited"]
    m = stored().motions["m2"]
    assert (m.text, m.proposer, m.category) == (
        "重新商议小区大门位置",
        "孙姓居民",
        Category.GOVERNANCE,
    )


async def test_r_records_a_response_and_a_note(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await ui.type_text(pilot, "涉及学校，需街道协调")
        await pilot.press("tab")
        await ui.type_text(pilot, "社区书记")
        await pilot.press("tab")
        await ui.type_text(pilot, "居民意见分歧较大")
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        assert "答复内容: 涉及学校，需街道协调" in ui.vote_panel(app)
        assert ui.rows(app)[0][3] == "待表决"  # a response alone does not settle it
    assert new_kinds(stored_events, before) == ["motion_responded", "motion_noted"]
    m = stored().motions["m2"]
    assert (m.response, m.responder, m.note) == (
        "涉及学校，需街道协调",
        "社区书记",
        "居民意见分歧较大",
    )


async def test_o_without_a_response_asks_for_it(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("enter")  # no response: the domain refuses, inline
        assert isinstance(app.screen, FormDialog)
        assert "还没有答复内容" in ui.dialog_message(app)
        await ui.type_text(pilot, "前期已经考虑")
        await pilot.press("tab")
        await ui.type_text(pilot, "施工方负责人")
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        assert ui.rows(app)[0][3] == "已答复"
        assert ui.vote_panel(app).startswith("#2 已答复")
    assert new_kinds(stored_events, before) == ["motion_answered"]
    m = stored().motions["m2"]
    assert m.state is MotionState.ANSWERED
    assert (m.response, m.responder) == ("前期已经考虑", "施工方负责人")


async def test_o_with_a_response_on_record_marks_it_answered_at_once(
    make, stored, stored_events, ui
) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await ui.type_text(pilot, "会重新做保温层")
        await pilot.press("enter")
        await pilot.press("o")
        assert isinstance(app.screen, SessionScreen)  # no form: the answer is on record
        assert ui.rows(app)[0][3] == "已答复"
    assert new_kinds(stored_events, before) == ["motion_responded", "motion_answered"]
    assert stored().motions["m2"].state is MotionState.ANSWERED


async def test_w_withdraws_after_confirmation(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, ConfirmDialog)
        question = ui.text_of(app.screen.query_one("#question"))
        assert question == f"撤回事项 2「{GATE}」？"
        await pilot.press("n")  # no: nothing happens
        assert ui.rows(app)[0][3] == "待表决"
        await pilot.press("w", "y")
        assert isinstance(app.screen, SessionScreen)
        assert ui.rows(app)[0][3] == "撤回"
    assert new_kinds(stored_events, before) == ["motion_withdrawn"]
    assert stored().motions["m2"].state is MotionState.WITHDRAWN


async def test_f_changes_the_follow_up_of_a_passed_motion(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # all motions, so motion 1 of item 2 can be picked
        await pilot.press("up")
        assert ui.vote_panel(app).startswith("#1 通过")
        await pilot.press("f")
        form = app.screen
        assert form.query_one("#f-owner", Input).value == "施工方"
        assert form.query_one("#f-due", Input).value == "2027-05-31"
        form.query_one("#f-owner", Input).value = "物业"
        form.query_one("#f-due", Input).value = "2027-06-30"
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        assert "落实: 物业 2027-06-30" in ui.vote_panel(app)
    assert new_kinds(stored_events, before) == ["followup_assigned"]
    f = stored().motions["m1"].followup
    assert f is not None and (f.owner, f.due) == ("物业", "2027-06-30")


async def test_f_on_an_undecided_motion_is_refused_before_a_form_opens(make, stored_events) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        assert isinstance(app.screen, SessionScreen)
        assert app.notices.errors() == ["第 2 项事项当前为「待表决」，不能这样操作。"]
    assert len(stored_events()) == before


async def test_d_defers_with_reason_owner_and_target(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        assert ui.strip(app) == "暂缓事项 0 · 待落实 1"
        await pilot.press("d")
        form = ui.form(app)
        assert isinstance(form, DeferralEntry)
        owner = form.query_one("#f-owner", Input)
        assert (
            owner.value == "" and form.query_one("#f-target", Input).value == ""
        )  # nothing prefilled
        await ui.type_text(pilot, "涉及学校和街道，需三方协调后再议")
        await pilot.press("enter")  # the owner is required: refused, the form stays
        assert ui.form(app) is form
        assert ui.dialog_message(app) == "「负责方」不能为空：请填写。"
        await pilot.press("tab")
        await ui.type_text(pilot, "社")
        await pilot.pause()
        await pilot.press("right")  # accepts the suggestion: a party present
        assert owner.value == "社区工作人员"
        await pilot.press("tab")
        await ui.type_text(pilot, "2026-12-15")
        assert form.query_one("#f-target", Input).value == "2026-12-15"
        await pilot.press("enter")
        assert ui.session_shown(app)
        assert ui.rows(app)[0][3] == "暂缓"
        assert ui.strip(app) == "暂缓事项 1 · 待落实 1"
        assert (
            "暂缓: 涉及学校和街道，需三方协调后再议 · 社区工作人员 · 2026-12-15"
            in ui.vote_panel(app)
        )
    assert new_kinds(stored_events, before) == ["motion_deferred"]
    d = stored().motions["m2"].deferral
    assert d is not None
    assert (d.reason, d.owner, d.target) == (
        "涉及学校和街道，需三方协调后再议",
        "社区工作人员",
        "2026-12-15",
    )


async def test_l_toggles_all_motions(make, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one("#motions")
        assert [r[0] for r in ui.rows(app)] == ["2"]
        assert str(table.border_title) == "事项（议题 3：大门与单元门）"
        await pilot.press("l")
        assert [r[:4] for r in ui.rows(app)] == [
            ["1", "电线入地改造：楼内外老化电线全部像新小区一样入地", "李姓居民", "通过"],
            ["2", GATE, "居民", "待表决"],
        ]
        assert ui.rows(app)[0][4:] == ["38", "0", "0"]
        assert str(table.border_title) == "全部事项"
        await pilot.press("l")
        assert [r[0] for r in ui.rows(app)] == ["2"]
    assert len(stored_events()) == before  # a view, not a change


async def test_b_opens_and_closes_the_lists(make, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "\n" not in ui.strip(app)
        await pilot.press("b")
        lines = ui.strip(app).splitlines()
        assert lines[0] == "暂缓事项 0 · 待落实 1"
        assert lines[1] == (
            "落实 #1 电线入地改造：楼内外老化电线全部像新小区一样入地 · 施工方 · 2027-05-31"
        )
        await pilot.press("b")
        assert ui.strip(app) == "暂缓事项 0 · 待落实 1"
    assert len(stored_events()) == before
