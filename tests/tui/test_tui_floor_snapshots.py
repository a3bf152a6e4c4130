"""Snapshot of the session screen with the floor in use, at 80×24: the queue strip under the
motions and the countdown in the header, the motion table and the vote panel still whole.

The clock is frozen, so the countdown reads the full two minutes. Regenerate with
`pytest tests/tui/test_tui_floor_snapshots.py --snapshot-update` and look at the SVG.
"""

from __future__ import annotations

from meeting_tui.demo import LIVE_ID
from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting


def test_session_with_the_floor_80x24(make, data_dir, clock, snap_compare) -> None:
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID, clock)
    for name, stance, order in (("李姓居民", "for", False), ("王姓居民", "against", False),
                                ("赵姓居民", "other", True)):  # fmt: skip
        live.execute(c.add_speaker(live.state, name, "resident", stance, motion_id="m2",
                                   point_of_order=order))  # fmt: skip
    live.execute(c.start_speaker(live.state, motion_id="m2"))
    live.execute(c.hand_over_chair(live.state, "周书记"))
    live.close()
    assert snap_compare(make(), terminal_size=(80, 24))
