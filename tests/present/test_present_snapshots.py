"""Snapshots of the public view at 80×24 (a laptop turned round) and 160×45 (a projector).

The clock is frozen (09:50 on the demo's day), so the item's time box is fixed;
the vote on motion 2 (23 / 10 / 2 of 38) is recorded before the view starts.
At 160×45 the counts are drawn in the block font, twice the size.
Regenerate with `pytest tests/present --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

import pytest

from meeting_tui.demo import LIVE_ID
from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.factory import make_present_app


@pytest.fixture
def voted(data_dir, clock):
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID, clock)
    motion = next(m for m in live.state.motions.values() if m.number == 2)
    live.execute(c.record_vote(live.state, motion.id, 23, 10, 2))
    live.close()
    return data_dir


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
def test_present_during_a_vote(voted, clock, snap_compare, lang, size) -> None:
    app = make_present_app(LIVE_ID, data_dir=voted, clock=clock, lang=lang, theme="sunlight")
    assert snap_compare(app, terminal_size=size)


def test_present_after_the_close_shows_the_final_results(voted, clock, snap_compare) -> None:
    live = LiveMeeting.open(open_archive(voted), LIVE_ID, clock)
    live.execute(c.close_meeting(live.state))
    live.close()
    app = make_present_app(LIVE_ID, data_dir=voted, clock=clock, theme="sunlight")
    assert snap_compare(app, terminal_size=(80, 24))
