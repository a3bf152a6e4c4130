"""Setup: who votes party by party (V), a warning at `s` when nobody present may vote, Enter on a choice."""

from __future__ import annotations

from meeting_tui.domain import MeetingKind, MeetingStatus, Party
from meeting_tui.tui.dialogs.choice import ChoiceField
from meeting_tui.tui.dialogs.confirm import ConfirmDialog
from meeting_tui.tui.dialogs.form import FormDialog
from meeting_tui.tui.screens.session import SessionScreen
from meeting_tui.tui.screens.setup import SetupScreen


async def test_s_with_nobody_eligible_asks_first_and_names_the_fixes(
    make, draft, stored, ui
) -> None:
    app = make(draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, ConfirmDialog)
        question = ui.screen_text(app, "#question")
        assert question.startswith("有表决权的出席人数为 0（有表决权：居民；已登记出席 0 人）")
        assert "按 V 设定谁有表决权，或按 p 登记出席" in question
        await pilot.press("n")  # back to fix it
        assert isinstance(app.screen, SetupScreen)
        assert app.live.state.status is MeetingStatus.DRAFT
        await pilot.press("s", "y")  # or start anyway: the session says it again, with its keys
        assert isinstance(app.screen, SessionScreen)
        assert "出席的有表决权人数为 0：请先登记出席人数（按 a）。" in app.notices.messages()
    assert stored(draft).status is MeetingStatus.IN_SESSION


async def test_V_in_setup_sets_parties_and_the_details_form_keeps_them(make, draft, stored) -> None:
    app = make(draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("V")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("right", "tab", "right", "tab", "tab", "tab", "tab", "right", "enter")
        assert isinstance(app.screen, SetupScreen)
        assert app.live.state.voting_parties == (Party.STAFF, Party.GOVERNMENT)
        await pilot.press("m")  # meeting details: the custom set is shown and kept on save
        voting = app.screen.query_one("#f-voting", ChoiceField)
        assert voting.value == "custom"
        await pilot.press("tab")  # the kind choice: ‹板凳会› → ‹圆桌会›, then Enter there
        await pilot.press("right")
        assert isinstance(app.focused, ChoiceField)
        await pilot.press("enter")
        assert isinstance(app.screen, SetupScreen)
    state = stored(draft)
    assert state.voting_parties == (Party.STAFF, Party.GOVERNMENT)
    assert state.kind is MeetingKind.ROUNDTABLE
