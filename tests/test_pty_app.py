"""The pseudo-terminal harness stamps what it reads before it parses any of it.

The keystroke benchmarks time a key to the last byte of its answer. A frame of
13 KB (the vote form closing at 80×24) comes through the pty in several reads,
and `pyte` takes about 15 ms to parse it: parsed read by read, every read
after the first waited for the parsing of the one before, and the figure
counted the harness's own work.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pty_app import SYNC_END, SYNC_START, PtyApp, PtyTimeout

sys.path.insert(0, str(Path(__file__).parent / "bench"))
import tui_measures as tm

WORD = "议"
PIECES = 40
# Raw mode, "ready", one key read, then a frame in 40 writes (as Textual's writer thread flushes
# it), and after a pause a last word outside any frame.
CHILD = f"""
import os, sys, time, tty
tty.setraw(0)
os.write(1, b"ready")
os.read(0, 1)
frame = {SYNC_START!r} + b"\\x1b[1;1H" + ({WORD!r} * 1600).encode() + {SYNC_END!r}
step = len(frame) // {PIECES} + 1
for n, i in enumerate(range(0, len(frame), step)):
    os.write(1, frame[i:i + step])
    if n == {PIECES} // 2:
        time.sleep(float(sys.argv[1]))  # the writer held back mid-frame, as on a loaded machine
time.sleep(0.3)
os.write(1, "\\x1b[24;1H完".encode())
time.sleep(30)
"""


def child(tmp_path: Path, pause_s: float = 0.0) -> PtyApp:
    pty = PtyApp([], data_dir=tmp_path, columns=80, lines=24)
    pty.args = [sys.executable, "-c", CHILD, str(pause_s)]
    return pty


def ready(pty: PtyApp) -> None:
    pty.wait_for_text("ready")
    pty.wait_for_quiet(0.05)


def test_a_frame_in_many_writes_is_read_whole_and_parsed_only_when_the_screen_is_asked_for(
    tmp_path: Path,
) -> None:
    with child(tmp_path) as pty:
        ready(pty)
        pty.write("x")
        pty.wait_until(lambda: SYNC_END in pty.output, "the whole frame read")
        assert pty.parsed <= pty.output.index(SYNC_START), "reading fed none of it to the screen"
        assert not pty.frame_open
        assert WORD in pty.text()
        assert pty.parsed == len(pty.output)


@pytest.mark.parametrize("pause_s", [0.0, 0.05], ids=["at-once", "held-back-mid-frame"])
def test_one_pump_reads_a_frame_the_app_writes_in_pieces(tmp_path: Path, pause_s: float) -> None:
    """Mid-frame, a pause longer than the drain's 2 ms (the writer not scheduled on a
    loaded CI machine) does not end the pump: the frame's end is waited for."""
    with child(tmp_path, pause_s) as pty:
        ready(pty)
        pty.write("x")
        seen = len(pty.output)
        while len(pty.output) == seen:
            assert pty.pump(5.0), "the child ended before its frame"
        assert SYNC_END in pty.output, "the pieces that followed the first were read too"


def test_a_key_waits_past_a_quiet_moment_for_the_screen_it_was_told_of(tmp_path: Path) -> None:
    with child(tmp_path) as pty:
        ready(pty)
        took = tm.key(pty, "x", tm.has(pty, "完"))
        assert "完" in pty.text()
        assert took >= 0.3, "the first quiet 40 ms did not end the wait: the word came later"


def test_a_key_whose_screen_never_comes_times_out_though_the_app_goes_on_writing(
    tmp_path: Path, monkeypatch
) -> None:
    """A clock that ticks keeps the output from ever being quiet for long: the wait still ends."""
    pty = PtyApp([], data_dir=tmp_path, columns=80, lines=24)
    pty.args = [
        sys.executable,
        "-c",
        "import os, time, tty\ntty.setraw(0)\nos.write(1, b'ready')\n"
        "while True:\n    time.sleep(0.2)\n    os.write(1, b'.')\n",
    ]
    monkeypatch.setattr(tm, "DEFAULT_TIMEOUT", 1.0)
    with pty:
        pty.wait_for_text("ready")
        with pytest.raises(PtyTimeout, match="the screen after"):
            tm.key(pty, "x", tm.has(pty, "never shown"))
