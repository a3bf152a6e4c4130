"""The real program in a real pseudo-terminal, for tests and keystroke benchmarks.

Pilot posts one key at a time and waits for the app between keys; a terminal
does not. A fast typist, a paste or an SSH link delivers several keys in one
read, so a burst such as `v1\\t2\\t3\\r` must be written in ONE `os.write` to be
tested honestly. `PtyApp` spawns `python -m meeting_tui …` on a pty of a set
size, reads everything the app writes (kept as raw bytes, so a test can assert
that no escape sequence from a file reached the terminal), feeds it to a
`pyte` screen so a test can wait for a text to appear, and quits.

Waits are on conditions (screen text, a predicate) with generous timeouts,
never fixed sleeps: the tests must hold on a loaded two-core machine.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

import pyte

DEFAULT_TIMEOUT = 60.0
# Textual asks whether the terminal can hold a frame until it is complete (DEC mode 2026) and,
# told yes, brackets every frame with these: a condition is only checked on a whole frame.
SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"
SYNC_START = b"\x1b[?2026h"
SYNC_END = b"\x1b[?2026l"
DRAIN_S = 0.002  # within one `pump`, a read waits this long for the app's next bytes


class PtyTimeout(AssertionError):
    """A condition did not come true in time; the message shows the screen as it was."""


class PtyApp:
    """One run of `meeting-tui ARGS` on a pseudo-terminal of `columns` × `lines`."""

    def __init__(
        self,
        args: Sequence[str],
        *,
        data_dir: Path,
        columns: int = 100,
        lines: int = 30,
        env: dict[str, str] | None = None,
    ) -> None:
        self.args = [sys.executable, "-m", "meeting_tui", "--data-dir", str(data_dir), *args]
        self.columns, self.lines = columns, lines
        self.env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "LANG": "C.UTF-8",
            "MEETING_TUI_CONFIG": str(data_dir / "pty-config.toml"),
            "TEXTUAL_ANIMATIONS": "none",
            **(env or {}),
        }
        self.output = bytearray()
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.parsed = 0  # bytes of `output` fed to `screen` so far (see `text`)
        self.pid = 0
        self.fd = -1
        self.started = 0.0
        self.first_byte: float | None = None
        self.last_byte: float | None = None
        self.status: int | None = None
        self.frame_open = False

    # -- life cycle ------------------------------------------------------------

    def spawn(self) -> PtyApp:
        pid, fd = os.forkpty()
        if pid == 0:  # the child: become the app
            try:
                os.execve(self.args[0], self.args, self.env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", self.lines, self.columns, 0, 0))
        self.started = time.monotonic()
        return self

    def __enter__(self) -> PtyApp:
        return self.spawn()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.kill()

    def kill(self) -> None:
        """End the child if it still runs (only ever this one process) and close the pty."""
        if self.pid and self.status is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self._reap(block=True)
        if self.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = -1

    def _reap(self, *, block: bool) -> bool:
        if self.status is not None:
            return True
        try:
            pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            self.status = -1
            return True
        if pid == 0:
            return False
        self.status = os.waitstatus_to_exitcode(status)
        return True

    # -- reading ---------------------------------------------------------------

    def pump(self, timeout: float = 0.05) -> bool:
        """Read what the app wrote within `timeout` seconds; False once the pty is closed.

        A read is followed by more while the app goes on writing (a pause under
        `DRAIN_S`): a frame of 13 KB comes through the pty in several reads, and all of
        them are read and stamped before anyone parses the screen (`text`). While a frame
        is open (its start read, not its end) the next read waits up to `timeout`: on a
        loaded machine the app's writer may pause longer than `DRAIN_S` mid-frame.
        """
        if self.fd < 0:
            return False
        wait = timeout
        while select.select([self.fd], [], [], wait)[0]:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError as error:
                if error.errno == errno.EIO:  # the child closed its side
                    return False
                raise
            if not chunk:
                return False
            self._take(chunk)
            wait = timeout if self.frame_open else DRAIN_S
        return True

    def _take(self, chunk: bytes) -> None:
        now = time.monotonic()
        self.first_byte = self.first_byte or now
        self.last_byte = now
        recent = bytes(self.output[-16:]) + chunk  # a marker may straddle two reads
        self.output += chunk
        if SYNC_QUERY in recent:
            os.write(self.fd, SYNC_REPLY)
        start, end = recent.rfind(SYNC_START), recent.rfind(SYNC_END)
        if start != end:
            self.frame_open = start > end

    def text(self) -> str:
        """What the terminal shows now, one line per row.

        The bytes are fed to the `pyte` screen here, not as they are read: parsing a
        frame of 13 KB takes this process about 15 ms, and done read by read it held
        back the next read, so a big frame's last byte was stamped that much late
        (the benchmarks' figures run to `last_byte`).
        """
        if self.parsed < len(self.output):
            self.stream.feed(bytes(self.output[self.parsed :]))
            self.parsed = len(self.output)
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_until(
        self, condition: Callable[[], bool], what: str, timeout: float = DEFAULT_TIMEOUT
    ) -> None:
        """Read output until `condition()` holds; PtyTimeout (with the screen) if it never does."""
        deadline = time.monotonic() + timeout
        while self.frame_open or not condition():
            if time.monotonic() > deadline:
                raise PtyTimeout(f"timed out waiting for {what}; the screen:\n{self.text()}")
            if not self.pump() and (self.frame_open or not condition()):
                self._reap(block=True)
                raise PtyTimeout(
                    f"the app ended (status {self.status}) before {what}; the screen:\n{self.text()}"
                )

    def wait_for_text(self, text: str, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Until `text` is on the screen (compared without the spaces wide characters leave)."""
        wanted = text.replace(" ", "")
        self.wait_until(lambda: wanted in self.text().replace(" ", ""), repr(text), timeout)

    def wait_for_absent(self, text: str, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Until `text` is no longer on the screen (a dialog closed)."""
        unwanted = text.replace(" ", "")
        self.wait_until(
            lambda: unwanted not in self.text().replace(" ", ""), f"no {text!r}", timeout
        )

    def wait_for_quiet(self, quiet: float = 0.3, timeout: float = DEFAULT_TIMEOUT) -> float:
        """Until the app has written nothing for `quiet` seconds; returns when it last wrote.

        A pause inside an open frame (its start read, not its end) is not quiet: on a
        loaded machine the app's writer may stop mid-frame for longer than `quiet`.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            last = self.last_byte or self.started
            if not self.frame_open and time.monotonic() - last >= quiet:
                return last
            if not self.pump(quiet / 3):
                return last
        raise PtyTimeout(f"the app never went quiet; the screen:\n{self.text()}")

    # -- writing ---------------------------------------------------------------

    def write(self, keys: str | bytes) -> None:
        """Send `keys` in ONE write, as a terminal delivers a burst or a paste."""
        data = keys.encode() if isinstance(keys, str) else keys
        written = os.write(self.fd, data)
        assert written == len(data), f"short write to the pty: {written} of {len(data)}"

    def quit(self, keys: str = "q", timeout: float = DEFAULT_TIMEOUT) -> int:
        """Press `keys` (quit) and wait for the process to end; its exit status."""
        self.write(keys)
        deadline = time.monotonic() + timeout
        while not self._reap(block=False):
            if time.monotonic() > deadline:
                raise PtyTimeout(f"the app did not quit; the screen:\n{self.text()}")
            self.pump()
        while self.pump(0.01):  # drain what is left
            pass
        assert self.status is not None
        return self.status

    # -- figures for benchmarks --------------------------------------------------

    @property
    def time_to_first_byte(self) -> float | None:
        """Seconds from spawning to the app's first output."""
        return None if self.first_byte is None else self.first_byte - self.started

    def time_to_quiet(self, since: float, quiet: float = 0.3) -> float:
        """Seconds from `since` (a `time.monotonic()` taken before a write) to the app's last
        output before it stayed quiet for `quiet` seconds: how long a burst took to show."""
        return self.wait_for_quiet(quiet) - since
