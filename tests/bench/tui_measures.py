"""Measures from outside, through tests/pty_app.py: what a facilitator waits for at the keyboard.

Not a benchmark itself (no `bench_` prefix). A key's figure runs from the
write to the last byte of the answer before 40 ms of silence ("frame
complete", as in the issue); a start's figure runs from spawning to the first
complete frame showing a marker text. The bare app (bare_app.py) is measured
the same way in the same run, interleaved, so ratios hold on a loaded machine.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: pty_app
from bare_app import READY  # noqa: E402
from pty_app import DEFAULT_TIMEOUT, PtyApp, PtyTimeout  # noqa: E402

QUIET = 0.04  # no output for 40 ms: the frame is complete
SETTLE = 0.15  # before a key: the app has been quiet this long


def compile_package() -> None:
    """Bytecode for every module of meeting_tui, as an installed copy has (pip compiles at install).

    Python reads a module's `__pycache__` even where PYTHONDONTWRITEBYTECODE=1 (this machine's
    environment) stops it from writing one; without this, every process the benchmarks start
    compiled the package's modules from source again (about 60 ms of a cold `open`, 40 ms of
    `list`), a cost no facilitator's installed copy pays after its first start.
    """
    import compileall

    compileall.compile_dir(str(HERE.parents[1] / "meeting_tui"), quiet=1)


def app(args: Sequence[str], data_dir: Path, columns: int = 80, lines: int = 24) -> PtyApp:
    return PtyApp(list(args), data_dir=data_dir, columns=columns, lines=lines)


def unordered(args: Sequence[str], data_dir: Path, columns: int = 80, lines: int = 24) -> PtyApp:
    """The app without its type-ahead ordering (unordered_app.py): what key_order.py costs."""
    pty = app(args, data_dir, columns, lines)
    pty.args = [sys.executable, str(HERE / "unordered_app.py"), *pty.args[3:]]
    return pty


def bare(data_dir: Path, columns: int = 80, lines: int = 24) -> PtyApp:
    pty = PtyApp([], data_dir=data_dir, columns=columns, lines=lines)
    pty.args = [sys.executable, str(HERE / "bare_app.py")]
    return pty


def key(pty: PtyApp, keys: str, until: Callable[[], bool] | None = None) -> float:
    """Seconds from writing `keys` to the frame complete (first answer, then 40 ms quiet)."""
    pty.wait_for_quiet(SETTLE)
    started = time.monotonic()
    pty.write(keys)
    last, deadline = started, started + DEFAULT_TIMEOUT
    while True:
        pty.wait_until(lambda since=last: (pty.last_byte or 0) > since, f"an answer to {keys!r}")
        # The screen is parsed only once the output is quiet (pty_app.PtyApp.text), so the
        # harness's own parsing never delays the reads it stamps.
        last = pty.wait_for_quiet(QUIET)
        if until is None or until():
            return last - started
        if time.monotonic() > deadline:  # the clock's ticks keep it writing: no endless wait
            raise PtyTimeout(f"timed out waiting for the screen after {keys!r}:\n{pty.text()}")


def start(pty: PtyApp, marker: str) -> float:
    """Seconds from spawning to the first complete frame with `marker` on it; the app is killed."""
    with pty:
        pty.wait_for_text(marker)
        # When the frame showing it came in (pty_app.PtyApp.pump), not when parsed here.
        assert pty.last_byte is not None
        return pty.last_byte - pty.started


def start_bare(data_dir: Path) -> float:
    return start(bare(data_dir), READY)


def has(pty: PtyApp, text: str) -> Callable[[], bool]:
    wanted = text.replace(" ", "")
    return lambda: wanted in pty.text().replace(" ", "")


def cpu_seconds(pid: int) -> float:
    """utime + stime of `pid` from /proc/<pid>/stat, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    import os

    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def idle(ptys: Sequence[PtyApp], seconds: float) -> list[float]:
    """Share of one core each pty's process used over `seconds`, read while all sit idle."""
    before = [cpu_seconds(p.pid) for p in ptys]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for p in ptys:
            p.pump(0.02)
    return [(cpu_seconds(p.pid) - b) / seconds for p, b in zip(ptys, before, strict=True)]


def stats(seconds: Sequence[float]) -> tuple[float, float]:
    """Median and p90 (nearest rank) in ms."""
    ordered = sorted(seconds)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * len(ordered) + 0.5) - 1)]
    return statistics.median(ordered) * 1000, p90 * 1000


def row(
    name: str, ours: Sequence[float], base: Sequence[float] | None, target: str, ok: bool
) -> str:
    """One table line: median (p90) of ours and of the bare app, their ratio, target, verdict."""
    median, p90 = stats(ours)
    if base:
        b_median, b_p90 = stats(base)
        bare_text, ratio = f"{b_median:.0f} ms ({b_p90:.0f})", f"{median / b_median:.1f}×"
    else:
        bare_text, ratio = "—", "—"
    verdict = "✓" if ok else "✗"
    return (
        f"| {name} | {median:.0f} ms ({p90:.0f}) | {bare_text} | {ratio} | {target} | {verdict} |"
    )
