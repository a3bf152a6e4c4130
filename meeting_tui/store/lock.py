"""One writer per file: a lock file beside it, created with O_CREAT | O_EXCL.

Two windows appending to the same meeting would each rewrite the file from
their own memory and lose the other's votes, so the second one must be told
plainly that the meeting is already open. The lock file records who holds it
(pid, host, time); a lock whose process is gone (battery died, window
killed) is recognised as stale and taken over, so a crash never locks a
meeting out for good.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import json
import os
import socket
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from meeting_tui.store import fs
from meeting_tui.store.errors import StoreError
from meeting_tui.store.storage import write_failure

# A lock file that exists but holds no readable owner was left by a process
# killed between creating and filling it (only where there are no hard links),
# or torn by a power cut; after this long it is stale.
UNREADABLE_LOCK_GRACE_SECONDS = 5.0
_WAIT_STEP_SECONDS = 0.01
# EINVAL: what Windows reports for FAT and exFAT drives (ERROR_INVALID_FUNCTION).
_NO_HARD_LINKS = {
    errno.EPERM,
    errno.ENOTSUP,
    errno.EOPNOTSUPP,
    errno.EXDEV,
    errno.EMLINK,
    errno.EINVAL,
    errno.ENOSYS,
}

_held: dict[Path, FileLock] = {}


@dataclass(frozen=True)
class LockOwner:
    """Who holds a lock, as written in the lock file."""

    pid: int
    host: str
    since: str
    token: str = ""


def _this_host() -> str:
    return socket.gethostname()


def _process_start_epoch(pid: int) -> float | None:
    """When `pid` started (Linux /proc), to tell a reused pid from the lock's owner."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime")
        )
        return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError, StopIteration):
        return None


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def process_alive(pid: int) -> bool:
    """True if a process with this pid runs on this machine (never signals it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _is_zombie(pid)


def read_owner(path: Path) -> LockOwner | None:
    """The owner recorded in a lock file, or None if it is missing or unreadable."""
    try:
        data = json.loads(fs.read_bytes(path).decode("utf-8"))
        return LockOwner(
            pid=int(data["pid"]),
            host=str(data["host"]),
            since=str(data["since"]),
            token=str(data.get("token", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def is_stale(path: Path, owner: LockOwner | None) -> bool:
    """A lock nobody can still be using: its process is gone, or it never got an owner."""
    if owner is None:
        try:
            age = time.time() - path.stat().st_mtime
        except FileNotFoundError:
            return True
        return age > UNREADABLE_LOCK_GRACE_SECONDS
    if owner.host != _this_host():
        return False  # cannot look at another machine's processes: assume alive
    if owner.pid == os.getpid():
        held = _held.get(path)
        return held is None or held.token != owner.token
    if not process_alive(owner.pid):
        return True
    started = _process_start_epoch(owner.pid)
    try:
        since = datetime.fromisoformat(owner.since).timestamp()
    except ValueError:
        return False
    return started is not None and started > since + 1.0  # the pid was reused


class FileLock:
    """An exclusive lock file; `on_locked` builds the error shown to the person."""

    def __init__(self, path: Path, on_locked: Callable[[LockOwner | None], StoreError]) -> None:
        self.path = Path(os.path.abspath(path))
        self.token = os.urandom(8).hex()  # as secrets.token_hex(8), without hashlib's OpenSSL
        self._on_locked = on_locked

    @property
    def held(self) -> bool:
        return _held.get(self.path) is self

    def acquire(self, wait_seconds: float = 0.0) -> None:
        """Create the lock file, taking over a stale one; raise `on_locked(owner)` if held.

        `wait_seconds` keeps trying that long (for the index, held for milliseconds).
        """
        deadline = time.monotonic() + wait_seconds
        while True:
            if self._try_create():
                return
            owner = read_owner(self.path)
            if is_stale(self.path, owner):
                self._remove_stale(owner)
                continue
            if time.monotonic() >= deadline:
                raise self._on_locked(owner)
            time.sleep(_WAIT_STEP_SECONDS)

    def _try_create(self) -> bool:
        """Put the lock in place with its owner already in it; False if it exists.

        A lock created empty and filled afterwards can be read empty by another
        window, or left empty by a kill between the two steps, and then looks
        like a lock being written for the grace period. A filled temp file
        hard-linked to the lock's name appears whole or not at all (`link`
        refuses an existing name, as O_EXCL does). Without hard links (some
        USB file systems) the lock is created with O_CREAT | O_EXCL and filled.
        """
        owner = {
            "pid": os.getpid(),
            "host": _this_host(),
            "since": datetime.now().astimezone().isoformat(timespec="seconds"),
            "token": self.token,
        }
        raw = json.dumps(owner).encode("utf-8")
        temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{self.token}.tmp")
        try:
            self._create_filled(temp, raw)
            try:
                fs.link(temp, self.path)
            except FileExistsError:
                return False
            except FileNotFoundError:
                return False  # swept by the lock's holder: it is taken
            except OSError as exc:
                if exc.errno not in _NO_HARD_LINKS:
                    raise
                if not self._create_in_place(raw):
                    return False
        except OSError as exc:  # read-only folder, no permission, disk full
            raise write_failure(exc, self.path.parent) from exc
        finally:
            with contextlib.suppress(OSError):
                fs.unlink(temp)
        _held[self.path] = self
        return True

    @staticmethod
    def _create_filled(path: Path, raw: bytes) -> None:
        fd = fs.open_file(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            fs.write(fd, raw)
        finally:
            fs.close(fd)

    def _create_in_place(self, raw: bytes) -> bool:
        try:
            self._create_filled(self.path, raw)
        except FileExistsError:
            return False
        except OSError:  # disk full while filling it: do not leave an empty lock behind
            with contextlib.suppress(OSError):
                fs.unlink(self.path)
            raise
        return True

    def _remove_stale(self, owner: LockOwner | None) -> None:
        """Move the stale lock aside atomically, so two takers cannot both win."""
        aside = self.path.with_name(f"{self.path.name}.stale-{os.getpid()}-{self.token}")
        try:
            fs.replace(self.path, aside)
        except FileNotFoundError:
            return  # someone else removed it first; try to create again
        moved = read_owner(aside)
        if moved != owner and moved is not None and not is_stale(aside, moved):
            # A live owner created the lock between our check and the move: give it back.
            with contextlib.suppress(OSError):
                fs.link(aside, self.path)
        with contextlib.suppress(OSError):
            fs.unlink(aside)

    def release(self) -> None:
        """Remove the lock file if it is still ours (it may have been taken over)."""
        if _held.get(self.path) is not self:
            return
        del _held[self.path]
        if (owner := read_owner(self.path)) is not None and owner.token != self.token:
            return
        with contextlib.suppress(OSError):
            fs.unlink(self.path)


def sweep_stale_asides(lock_path: Path, names: Sequence[str] | None = None) -> int:
    """Remove `<lock>.stale-<pid>-<token>` files left by a taker killed mid take-over.

    An aside whose taker still runs may be given back in a moment, so only the
    dead takers' files go. `names` is the folder's listing when the caller
    already has it. Housekeeping: a folder that cannot be listed is left as it is.
    """
    prefix = f"{lock_path.name}.stale-"
    try:
        listing = fs.list_names(lock_path.parent) if names is None else names
    except OSError:
        return 0
    removed = 0
    for name in (n for n in listing if n.startswith(prefix)):
        pid_text = name[len(prefix) :].split("-", 1)[0]
        pid = int(pid_text) if pid_text.isdigit() else -1
        if pid != os.getpid() and process_alive(pid):
            continue
        try:
            fs.unlink(lock_path.parent / name)
            removed += 1
        except OSError:
            pass
    return removed


@atexit.register
def release_all() -> None:
    """On a normal exit, free every lock this process still holds."""
    for lock in list(_held.values()):
        lock.release()
