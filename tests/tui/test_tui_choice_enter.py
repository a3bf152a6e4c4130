"""Enter confirms a form from every field, a ‹choice› field included (README: "enter confirms")."""

from __future__ import annotations

from log_reading import new_kinds

from meeting_tui.domain import Party
from meeting_tui.tui.dialogs.choice import ChoiceField
from meeting_tui.tui.screens.session import SessionScreen


async def test_enter_on_the_party_choice_raises_the_motion(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await ui.type_text(pilot, "新建自行车棚")
        await pilot.press("tab", "tab", "right")  # party: 居民 → 社区工作人员
        assert isinstance(app.focused, ChoiceField)
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
    assert new_kinds(stored_events, before) == ["motion_raised"]
    motion = stored().motions["m3"]
    assert (motion.text, motion.party) == ("新建自行车棚", Party.STAFF)


async def test_enter_on_the_vote_method_records_the_vote(make, stored, stored_events) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "2", "0", "tab", "5", "tab", "tab", "right")  # 起立
        assert isinstance(app.focused, ChoiceField)
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
    assert new_kinds(stored_events, before) == ["vote_recorded"]
    vote = stored().motions["m2"].vote
    assert vote is not None and (vote.in_favour, vote.against, vote.method.value) == (
        20,
        5,
        "standing",
    )


async def test_enter_on_a_refused_choice_form_keeps_it_open_with_the_reason(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "tab", "tab")  # no text typed; focus on the party choice
        assert isinstance(app.focused, ChoiceField)
        await pilot.press("enter")
        assert not isinstance(app.screen, SessionScreen)
        assert "不能为空" in ui.dialog_message(app)
