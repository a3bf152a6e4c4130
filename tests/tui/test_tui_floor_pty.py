"""Registering speakers by typing fast, through a real pseudo-terminal: one write, read from disk.

`h` + name + Enter twice and `k` in ONE burst is what a facilitator typing
ahead (or an IME committing a whole name at once) delivers; every speaker must
land in the queue in order, with the name exactly as typed, and `k` must call
the first of them, not type a letter into the second form.
"""

from __future__ import annotations

from pathlib import Path

from pty_app import PtyApp

from meeting_tui.demo import LIVE_ID
from meeting_tui.store import open_archive


def test_speaker_burst_lands_in_order_and_k_calls_the_first(data_dir: Path) -> None:
    before = len(open_archive(data_dir).read_meeting(LIVE_ID)[1])
    with PtyApp(["open", LIVE_ID], data_dir=data_dir, columns=80, lines=24) as app:
        app.wait_for_text("表决")
        app.write("h李姓居民\rh王 姓居民\rk")
        screen = lambda: app.text().replace(" ", "")  # noqa: E731
        app.wait_until(lambda: "▶李姓居民" in screen(), "李姓居民 has the floor")
        assert app.quit() == 0
    events = [dict(e) for e in open_archive(data_dir).read_meeting(LIVE_ID)[1][before:]]
    assert [e["kind"] for e in events] == ["speaker_added", "speaker_added", "speaker_started"]
    assert [e["payload"].get("name") for e in events[:2]] == ["李姓居民", "王 姓居民"]
    assert events[2]["payload"]["speaker_id"] == events[0]["payload"]["speaker_id"]
    assert all(e["payload"].get("motion_id", "m2") == "m2" for e in events)
