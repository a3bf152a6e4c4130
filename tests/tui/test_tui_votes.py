"""Pilot tests for the vote keys: `v` (digits, Tab, +/-, Enter, Esc, inline refusal, recount) and `y`.

Motion 2 of the in-session demo is raised on the active item; 38 residents (the
voting party) are present, with 6 others.
"""

from __future__ import annotations

from log_reading import new_kinds

from meeting_tui.domain import MotionState, VoteMethod
from meeting_tui.tui.dialogs.confirm import ConfirmDialog
from meeting_tui.tui.dialogs.count_input import CountInput
from meeting_tui.tui.dialogs.vote_form import VoteEntry

GATE = "重新商议小区大门位置（现大门把小区和学校隔开）"


async def test_v_digits_tab_plus_minus_enter(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        dialog = ui.form(app)
        assert isinstance(dialog, VoteEntry)
        assert "出席的有表决权人数 38" in ui.text_of(dialog.query_one(".hint"))
        assert app.focused is dialog.query_one("#f-for", CountInput)
        await pilot.press("2", "3", "tab", "1", "0", "tab")
        assert app.focused is dialog.query_one("#f-abstain", CountInput)
        await pilot.press("+", "+", "+", "-")  # counting hands one by one: 2
        assert dialog.query_one("#f-abstain", CountInput).value == "2"
        assert ui.dialog_message(app) == "未表态 3 · 赞成 23 > 反对 10 → 通过"  # previewed live
        await pilot.press("enter")
        assert ui.session_shown(app)
        assert ui.rows(app) == [["2", GATE, "居民", "通过", "23", "10", "2"]]
        panel = ui.vote_panel(app).splitlines()
        assert panel[0] == "#2 通过"
        assert panel[1].startswith("赞成  23 ") and panel[2].startswith("反对  10 ")
        assert "未表态 3" in panel and "方式 举手" in panel
        assert "赞成 23 > 反对 10 → 通过" in panel
    assert new_kinds(stored_events, before) == ["vote_recorded"]
    m = stored().motions["m2"]
    assert m.state is MotionState.PASSED
    v = m.vote
    assert v is not None
    assert (v.in_favour, v.against, v.abstain, v.eligible_present, v.method) == (
        23,
        10,
        2,
        38,
        VoteMethod.HANDS,
    )


async def test_v_esc_cancels_and_stores_nothing(make, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "3", "0", "escape")
        assert ui.session_shown(app)
        assert ui.vote_panel(app).splitlines()[:2] == ["#2 待表决", "尚未表决"]
        assert ui.rows(app)[0][3:] == ["待表决", "", "", ""]
    assert len(stored_events()) == before


async def test_v_sum_above_eligible_present_is_refused_inline(make, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "3", "0", "tab", "9")
        refusal = "赞成、反对、弃权合计 39，超过出席的有表决权人数 38"
        assert refusal in ui.dialog_message(app)  # said while typing
        await pilot.press("enter")
        assert isinstance(ui.form(app), VoteEntry)  # the dialog stays open, with the reason
        assert refusal in ui.dialog_message(app)
        await pilot.press("backspace", "8", "enter")  # 30 + 8 = 38: fine
        assert ui.session_shown(app)
        assert ui.rows(app)[0][3:] == ["通过", "30", "8", "0"]
    assert new_kinds(stored_events, before) == ["vote_recorded"]


async def test_v_recount_confirms_and_keeps_the_earlier_count(
    make, stored, stored_events, ui
) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "1", "8", "tab", "1", "6", "tab", "4", "enter")
        assert ui.rows(app)[0][3] == "通过"
        await pilot.press("v")
        assert isinstance(app.screen, ConfirmDialog)
        question = ui.text_of(app.screen.query_one("#question"))
        assert question.startswith("事项 2 已表决（通过）。重新计票？")
        assert "此前的计票会保留在记录中" in question
        await pilot.press("y")
        assert isinstance(ui.form(app), VoteEntry)
        await pilot.press("1", "6", "tab", "1", "8", "tab", "4", "enter")
        assert ui.session_shown(app)
        assert ui.rows(app)[0][3:] == ["未通过", "16", "18", "4"]
        assert "此前计票 1 次" in ui.vote_panel(app)
    assert new_kinds(stored_events, before) == ["vote_recorded", "vote_recorded"]
    m = stored().motions["m2"]
    assert m.state is MotionState.REJECTED
    assert len(m.votes) == 2
    first, second = m.votes
    assert first.superseded and not second.superseded
    assert (first.in_favour, first.against, second.in_favour, second.against) == (18, 16, 16, 18)


async def test_v_recount_declined_keeps_the_vote(make, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "2", "0", "enter")
        await pilot.press("v", "n")
        assert ui.session_shown(app)
        assert ui.rows(app)[0][3:] == ["通过", "20", "0", "0"]
    assert new_kinds(stored_events, before) == ["vote_recorded"]


async def test_y_passes_by_acclamation_after_confirmation(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("y")
        assert isinstance(app.screen, ConfirmDialog)
        assert ui.text_of(app.screen.query_one("#question")) == "事项 2 无异议通过（赞成 38）？"
        await pilot.press("y")
        assert ui.session_shown(app)
        assert ui.rows(app)[0][3:] == ["通过", "38", "0", "0"]
        assert "方式 无异议" in ui.vote_panel(app)
    assert new_kinds(stored_events, before) == ["vote_recorded"]
    v = stored().motions["m2"].vote
    assert v is not None and v.method is VoteMethod.ACCLAMATION and v.in_favour == 38


async def test_y_on_an_answered_motion_is_a_domain_error(make, stored_events, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await ui.type_text(pilot, "已列入改造方案")
        await pilot.press("enter", "o")
        assert ui.rows(app)[0][3] == "已答复"
        before = len(stored_events())
        await pilot.press("y")  # refused before the question is asked
        assert ui.session_shown(app)
        assert app.notices.errors() == ["第 2 项事项当前为「已答复」，不能这样操作。"]
        assert ui.rows(app)[0][3] == "已答复"
    assert len(stored_events()) == before


async def test_y_with_nobody_eligible_names_the_fix_that_applies(make, stored_events, ui) -> None:
    """Staff and others are still there: the fix is who votes (V), not attendance (a)."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "0", "enter")  # the residents leave: 0 may vote
        assert "投票 0" in ui.header(app)
        before = len(stored_events())
        await pilot.press("y")  # refused before the question is asked
        why = "出席的 6 人中没有有表决权的一方（现为：居民）：请设定谁有表决权（按 V）。"
        assert ui.session_shown(app)
        assert app.notices.errors() == [why]
        assert ui.rows(app)[0][3] == "待表决"
        await pilot.press("v")  # the vote form does not open either
        assert ui.session_shown(app)
        assert app.notices.errors() == [why, why]
    assert len(stored_events()) == before
