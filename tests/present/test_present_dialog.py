"""`P` on the session screen: the exact command for a second terminal, and the view's emphasis.

The emphasis is display state in `meetings/<id>.present.json`: the chair's
window writes it, the public view follows it, and the meeting's log gains no event.
"""

from __future__ import annotations

import json
import shlex

from screen_reading import text_of
from textual.widgets import Static

from meeting_tui import locations
from meeting_tui.demo import LIVE_ID
from meeting_tui.store import open_archive
from meeting_tui.store.follow import write_emphasis
from meeting_tui.tui.dialogs.present_dialog import PresentDialog, present_command
from meeting_tui.tui.factory import make_present_app


def test_the_command_names_the_data_folder_only_when_it_is_not_the_default(tmp_path) -> None:
    folder = tmp_path / "数据 folder"
    assert shlex.split(present_command(folder, LIVE_ID)) == [
        "meeting-tui", "--data-dir", str(folder), "present", LIVE_ID,
    ]  # fmt: skip
    default = locations.default_data_directory()
    assert present_command(default, LIVE_ID) == f"meeting-tui present {LIVE_ID}"


async def test_p_shows_the_command_and_saves_the_emphasis_outside_the_log(
    make, data_dir, clock, stored_events
) -> None:
    before = len(stored_events())
    chair = make()
    view = make_present_app(LIVE_ID, data_dir=data_dir, clock=clock)
    async with chair.run_test(size=(80, 24)) as pilot, view.run_test(size=(80, 24)) as view_pilot:
        await pilot.press("P")
        assert isinstance(chair.screen, PresentDialog)
        command = text_of(chair.screen.query_one("#command", Static))
        assert shlex.split(command) == [
            "meeting-tui",
            "--data-dir",
            str(data_dir),
            "present",
            LIVE_ID,
        ]
        assert not view.query_one("#agenda").display
        await pilot.press("right", "enter")  # current motion → agenda
        assert not isinstance(chair.screen, PresentDialog)
        assert "公开显示改为突出：议程" in chair.notices.messages()
        for _ in range(100):
            if view.projection is not None and view.projection.emphasis == "agenda":
                break
            await view_pilot.pause(0.02)
        assert view.query_one("#agenda").display
        assert "▶ 3 大门与单元门" in text_of(view.query_one("#agenda", Static))
    stored = json.loads((data_dir / "meetings" / f"{LIVE_ID}.present.json").read_text("utf-8"))
    assert stored == {"emphasis": "agenda"}
    assert len(stored_events()) == before  # display state, not a meeting event


async def test_results_so_far_puts_the_decisions_in_place_of_the_motion(data_dir, clock) -> None:
    write_emphasis(open_archive(data_dir), LIVE_ID, "results")
    view = make_present_app(LIVE_ID, data_dir=data_dir, clock=clock)
    async with view.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.1)
        assert not view.query_one("#motion-box").display
        assert view.query_one("#decisions").display
        assert "1. 通过  38 / 0 / 0" in text_of(view.query_one("#decisions", Static))
