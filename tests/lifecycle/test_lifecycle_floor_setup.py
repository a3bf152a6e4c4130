"""Setup: the floor's two limits (L), "no limit" included; the session counts down by them."""

from __future__ import annotations

from textual.widgets import Input

from meeting_tui.tui.dialogs.form import FormDialog
from meeting_tui.tui.screens.setup import SetupScreen


async def test_L_in_setup_sets_the_limits_and_0_means_none(make, draft, stored, ui) -> None:
    app = make(draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("L")
        assert isinstance(app.screen, FormDialog)
        speech = app.screen.query_one("#f-speech", Input)
        cap = app.screen.query_one("#f-cap", Input)
        assert (speech.value, cap.value) == ("2", "2")  # the defaults: 2 minutes, 2 times
        speech.value, cap.value = "1:30", "25"
        await pilot.press("enter")
        assert isinstance(app.screen, FormDialog)
        assert ui.screen_text(app, "#error").startswith("每人发言次数 25 不在 1 到 20 之间")
        cap.value = "0"
        await pilot.press("enter")
        assert isinstance(app.screen, SetupScreen)
        assert "发言规则：1:30 · 不限" in app.notices.messages()
    floor = stored(draft).floor
    assert (floor.speech_limit_s, floor.speeches_per_person) == (90, None)
