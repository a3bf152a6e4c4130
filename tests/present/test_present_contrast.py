"""The public view and the chair's `P` dialog are readable: ≥ 7:1 in sunlight, ≥ 4.5:1 otherwise."""

from __future__ import annotations

import pytest
from contrast import too_faint

from meeting_tui.demo import LIVE_ID
from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.factory import make_present_app

THEMES = {"sunlight": 7.0, "textual-light": 4.5, "textual-dark": 4.5}


def record(data_dir, clock, *, close: bool) -> None:
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID, clock)
    motion = next(m for m in live.state.motions.values() if m.number == 2)
    live.execute(c.record_vote(live.state, motion.id, 10, 20, 2))  # rejected: the error colour
    if close:
        live.execute(c.close_meeting(live.state))
    live.close()


@pytest.mark.parametrize("close", [False, True], ids=["vote", "closed"])
@pytest.mark.parametrize("theme", list(THEMES))
async def test_the_public_view_is_readable(data_dir, clock, theme, close) -> None:
    record(data_dir, clock, close=close)
    app = make_present_app(LIVE_ID, data_dir=data_dir, clock=clock, theme=theme)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.1)
        faint = too_faint(app, THEMES[theme])
        assert not faint, f"{len(faint)} texts below {THEMES[theme]}:1 in {theme}:\n" + "\n".join(
            dict.fromkeys(faint)
        )


@pytest.mark.parametrize("theme", list(THEMES))
async def test_the_p_dialog_is_readable(make, theme) -> None:
    app = make(theme=theme)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("P")
        await pilot.pause(0.1)
        faint = too_faint(app, THEMES[theme], app.screen.children[0].region)
        assert not faint, f"{len(faint)} texts below {THEMES[theme]}:1 in {theme}:\n" + "\n".join(
            dict.fromkeys(faint)
        )
