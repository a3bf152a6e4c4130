"""The public view beside the chair's window: two apps on one data folder, as in a courtyard.

The chair records a vote and closes the meeting through Pilot; the view, an
independent `PresentApp` following the same files, must show the new tally and
then the final results. Waiting is bounded by the view's own poll (200 ms);
the latency itself is measured in tests/bench/bench_present.py.
"""

from __future__ import annotations

import time

from screen_reading import text_of
from textual.widgets import Digits, Static

from meeting_tui.demo import LIVE_ID
from meeting_tui.tui.factory import make_present_app
from meeting_tui.tui.present_app import PresentApp


async def wait_for(pilot, condition, limit_s: float = 2.0) -> float:
    """Seconds until `condition()` held (a test failure after `limit_s`)."""
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < limit_s, "the public view did not update"
        await pilot.pause(0.02)
    return time.monotonic() - start


def shown(app: PresentApp, selector: str) -> str:
    return text_of(app.query_one(selector, Static))


async def test_the_view_follows_a_vote_and_the_close(make, data_dir, clock) -> None:
    chair = make()
    view = make_present_app(LIVE_ID, data_dir=data_dir, clock=clock, theme="sunlight")
    async with (
        chair.run_test(size=(100, 30)) as chair_pilot,
        view.run_test(size=(80, 24)) as view_pilot,
    ):
        await wait_for(view_pilot, lambda: view.projection is not None)
        assert "重新商议小区大门位置" in shown(view, "#motion-text")
        assert "尚未表决" in shown(view, "#verdict")

        await chair_pilot.press("v", "2", "3", "tab", "1", "0", "tab", "2", "enter")
        await wait_for(view_pilot, lambda: "赞成 23" in shown(view, "#verdict"))
        assert view.query_one("#count-for", Digits).value == "23"
        assert view.query_one("#count-against", Digits).value == "10"
        assert view.query_one("#count-abstain", Digits).value == "2"
        assert "未表态 3 人" in shown(view, "#not-voting")  # 38 present − 35 hands
        assert shown(view, "#verdict").endswith("→ 通过")

        await chair_pilot.press("x", "y")
        await wait_for(view_pilot, lambda: view.projection is not None and view.projection.closed)
        decisions = shown(view, "#decisions")
        assert decisions.startswith("最终结果")
        assert "2. 通过  23 / 10 / 2" in decisions
        assert "1. 通过  38 / 0 / 0" in decisions
        assert "已结束" in shown(view, "#subtitle")
