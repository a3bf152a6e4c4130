"""The collector is held back while the program starts and resumed once it has (startup.py).

Starting `open` on the 500-motion meeting made 137 collections before the first
frame, 40–57 ms of it, over objects that live as long as the program.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

from meeting_tui import startup
from meeting_tui.tui.factory import make_app

# In a fresh interpreter: the command's entry point on `list`, every collection counted.
PROBE = """
import gc, json, sys
collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(info["generation"]))
from meeting_tui import startup
pause = startup.pause
def paused():
    pause()
    collections.clear()
startup.pause = paused
sys.argv = ["meeting-tui", "--data-dir", sys.argv[1], "list"]
from meeting_tui.launch import main
status = main()
print(json.dumps({"status": status, "collections": collections, "modules": len(sys.modules)}))
"""


def test_the_command_seldom_collects_while_it_starts(data_dir: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(data_dir)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["status"] == 0 and seen["modules"] > 150
    # `list` loads the CLI, the domain and the store: 28 collections with the usual
    # thresholds, at most two young ones now, and no full one.
    assert len(seen["collections"]) <= 2 and 2 not in seen["collections"]


async def test_the_app_resumes_collecting_once_its_first_frame_is_drawn(data_dir: Path) -> None:
    frozen_before, usual = gc.get_freeze_count(), gc.get_threshold()
    startup.pause()  # as the command does before anything is imported
    try:
        assert gc.get_threshold()[0] == startup.STARTING
        app = make_app(None, data_dir=data_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.get_threshold() == usual
            assert gc.get_freeze_count() > frozen_before
    finally:
        startup.resume()
        gc.unfreeze()  # the rest of the test run collects as before


def test_resume_without_pause_changes_nothing() -> None:
    frozen, usual = gc.get_freeze_count(), gc.get_threshold()
    startup.resume()
    assert gc.get_threshold() == usual and gc.get_freeze_count() == frozen
