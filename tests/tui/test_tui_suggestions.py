"""Follow-up and defer forms start empty and suggest owners from this meeting, its parties, the archive."""

from __future__ import annotations

from textual.widgets import Input

from meeting_tui.demo import LIVE_ID
from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.screens.session import SessionScreen


async def test_f_on_a_new_passed_motion_is_empty_and_suggests_earlier_owners(
    make, data_dir, stored, ui
) -> None:
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID)
    live.execute(c.acclaim(live.state, "m2"))
    live.close()
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        owner = app.screen.query_one("#f-owner", Input)
        assert owner.value == "" and app.focused is owner
        assert owner.placeholder.startswith("如：施工方、")  # this meeting's earlier answer first
        await ui.type_text(pilot, "街")
        assert owner.value == "街"  # a suggestion is only offered, never typed in
        await pilot.press("backspace")
        await ui.type_text(pilot, "物")
        await pilot.pause()
        assert owner._suggestion == "物业"  # a party present at the meeting
        await pilot.press("right", "enter")
        assert isinstance(app.screen, SessionScreen)
    followup = stored().motions["m2"].followup
    assert followup is not None and followup.owner == "物业"


async def test_d_target_suggests_the_archive_and_the_next_meeting(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        target = app.screen.query_one("#f-target", Input)
        assert target.value == ""
        await pilot.press("tab", "tab")
        await ui.type_text(pilot, "2")
        await pilot.pause()
        assert target._suggestion == "2026-12-15"  # answered at the closed 南苑 meeting
