"""The public view never writes: not while following, not on a missing or damaged file.

The chair's window runs as a child process (present_chair.py); in this process
every write is refused and recorded (no_writes.py), and the data folder's files
are compared before and after the view's own turns.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from no_writes import refuse_writes
from screen_reading import text_of
from textual.widgets import Static

from meeting_tui.demo import LIVE_ID
from meeting_tui.tui.factory import make_present_app
from meeting_tui.tui.present_app import PresentApp

CHAIR = Path(__file__).with_name("present_chair.py")


def chair(data_dir: Path, *args: str) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    subprocess.run([sys.executable, str(CHAIR), str(data_dir), *args], check=True, env=env)


def folder_state(root: Path) -> dict[str, tuple[int, int, int]]:
    """Every file under the data folder with its (mtime_ns, size, inode)."""
    found = {}
    for path in sorted(root.rglob("*")):
        st = path.stat()
        found[str(path.relative_to(root))] = (st.st_mtime_ns, st.st_size, st.st_ino)
    return found


async def until(pilot, condition, limit_s: float = 3.0) -> None:
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < limit_s, "the public view did not update"
        await pilot.pause(0.02)


def shown(app: PresentApp, selector: str) -> str:
    return text_of(app.query_one(selector, Static))


async def test_the_view_follows_a_chair_in_another_process_without_one_write(
    data_dir, clock, monkeypatch
) -> None:
    meeting = data_dir / "meetings" / f"{LIVE_ID}.json"
    good = meeting.read_bytes()
    view = make_present_app(LIVE_ID, data_dir=data_dir, clock=clock, theme="sunlight")
    with refuse_writes(monkeypatch) as attempts:
        async with view.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: view.projection is not None)
            before = folder_state(data_dir)
            await pilot.pause(0.6)  # a few idle polls
            assert folder_state(data_dir) == before

            chair(data_dir, "vote", "30", "5", "1")
            await until(pilot, lambda: "赞成 30" in shown(view, "#verdict"))

            # The file briefly missing (as during a manual restore), then damaged: the last good
            # picture stays, one line says why, and nothing is copied or marked.
            chair(data_dir, "hide")
            await until(pilot, lambda: "暂时读不到" in shown(view, "#problem"))
            assert "赞成 30" in shown(view, "#verdict")
            chair(data_dir, "restore")
            await until(pilot, lambda: shown(view, "#problem") == "")
            chair(data_dir, "damage")
            await until(pilot, lambda: "暂时读不到" in shown(view, "#problem"))
            assert "赞成 30" in shown(view, "#verdict")
            damaged = folder_state(data_dir)
            await pilot.pause(0.6)
            assert folder_state(data_dir) == damaged  # no quarantine copy, no index mark
            assert not (data_dir / "quarantine").exists()
            chair(data_dir, "restore")
            await until(pilot, lambda: shown(view, "#problem") == "")

            chair(data_dir, "close")
            await until(pilot, lambda: view.projection is not None and view.projection.closed)
            assert "2. 通过  30 / 5 / 1" in shown(view, "#decisions")
    assert attempts == []
    assert good != meeting.read_bytes()  # the chair did change it, in its own process
