"""Floor benchmark: idle CPU while a speech's countdown runs in the header, against a bare app.

The countdown redraws its own ten-cell widget once a second (`update(...,
layout=False)`), nothing else; the target is the speed issue's idle target:
at most 1 % of a core and at most 1.3× the bare Textual app (bare_app.py)
measured alongside. The in-session 南苑 demo at 80×24, three speakers
registered by keys, the first one speaking for the whole measure (the limit is
set to 60 minutes so the countdown keeps running, never stopping at 超时).

`python tests/bench/bench_floor.py --write-docs` runs it alone and writes its section.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import tui_measures as tm

from meeting_tui.demo import LIVE_ID, install_demo
from meeting_tui.store import open_archive

IDLE_S = 30.0
TARGET_CORE, TARGET_RATIO = 0.01, 1.3


def run(root: Path) -> str:
    began = time.perf_counter()
    install_demo(open_archive(root))
    with tm.app(["open", LIVE_ID], root) as app, tm.bare(root) as bare:
        app.wait_for_text("表决")
        bare.wait_for_text(tm.READY)
        app.write("L")
        app.wait_for_text("每次发言限时")
        app.write("60\r")
        app.wait_for_absent("每次发言限时")
        for name in ("李姓居民", "王姓居民", "张书记"):
            app.write(f"h{name}\r")
            app.wait_until(lambda n=name: n in app.text().replace(" ", ""), name)
        app.write("k")
        app.wait_for_text("▶ 李姓居民")
        tm.idle([app, bare], 2.0)  # settle
        ours, theirs = tm.idle([app, bare], IDLE_S)
    ok = ours <= TARGET_CORE and ours <= TARGET_RATIO * max(theirs, 1e-9)
    return "\n".join(
        [
            "## Floor",
            "",
            f"`python tests/bench/bench_floor.py`; took {time.perf_counter() - began:.0f} s. "
            "The in-session demo at 80×24 with a speech running (the header's countdown "
            "redrawn once a second, its own widget only) and two speakers waiting; CPU from "
            "/proc/<pid>/stat over the same span for the app and the bare Textual app.",
            "",
            "| measure | meeting-tui | bare app | ratio | target | |",
            "|---|---:|---:|---:|---|---|",
            f"| idle CPU, a speech counting down, {IDLE_S:.0f} s | {ours * 100:.2f} % "
            f"| {theirs * 100:.2f} % | {ours / max(theirs, 1e-9):.1f}× "
            f"| ≤ 1 % and ≤ {TARGET_RATIO}× bare | {'✓' if ok else '✗'} |",
        ]
    )


def main() -> str:
    with tempfile.TemporaryDirectory(prefix="bench-floor-") as root:
        return run(Path(root))


if __name__ == "__main__":
    from perf_doc import run_alone  # beside this file: the script's folder is on sys.path

    run_alone(main)
