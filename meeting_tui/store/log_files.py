"""One event-log file under its lock: create, open, read without the lock.

Meetings (`meetings/<id>.json`, `Archive`) and owners' decisions
(`owners/<id>.json`, `DecisionArchive`) are the same kind of file: TinyDB
tables written atomically, one writer at a time, damage copied aside and
never overwritten. The steps that make that so live here once; each archive
supplies only its wording (which error, which message) and its file class.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from meeting_tui.store import fs
from meeting_tui.store.errors import CorruptMeetingFileError, StoreError
from meeting_tui.store.lock import FileLock
from meeting_tui.store.storage import make_folders, read_failure, write_atomically, write_failure

F = TypeVar("F")


def path_exists(path: Path) -> bool:
    """Whether `path` exists; a path the disk cannot look at becomes a one-line error."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise read_failure(exc, path) from exc
    return True


def make_store_folder(folder: Path, root: Path) -> None:
    """`folder` (and the data folder `root` above it), durably; the error says the fix."""
    try:
        make_folders(folder)
    except OSError as exc:
        if isinstance(exc, (NotADirectoryError, FileExistsError)):
            raise read_failure(exc, folder) from exc
        raise write_failure(exc, root) from exc


def read_log_bytes(path: Path, unknown: Callable[[], StoreError]) -> bytes:
    """The bytes of a log file, without its lock; `unknown()` when there is none."""
    try:
        return fs.read_bytes(path)
    except FileNotFoundError:
        raise unknown() from None
    except OSError as exc:
        raise read_failure(exc, path) from exc


def create_log_file(
    path: Path, lock: FileLock, raw: bytes, make: Callable[[], F], exists: Callable[[], StoreError]
) -> F:
    """Write a new log file (`raw`, one atomic write) under its lock; `make()` opens it.

    Refuses to overwrite an existing file (`exists()`). The result holds the lock.
    """
    lock.acquire()
    try:
        if path_exists(path):
            raise exists()
        write_atomically(path, raw)
        return make()
    except BaseException:
        lock.release()
        raise


def open_log_file(
    path: Path,
    lock: FileLock,
    *,
    sweep: Callable[[], object],
    load: Callable[[bytes], F],
    damaged: Callable[[CorruptMeetingFileError], CorruptMeetingFileError],
    after: Callable[[F], None],
) -> F:
    """Lock, sweep what killed processes left, read and `load` the file, then `after` it.

    A file that does not load raises `damaged(error)` (which copies it aside
    and names the backup). A file the disk cannot read (EIO, a folder in its
    place) is left as it is. `after` (the backup) may fail on a read-only or
    full disk without stopping the open.
    """
    lock.acquire()
    try:
        sweep()
        try:
            raw = fs.read_bytes(path)
        except OSError as exc:
            raise read_failure(exc, path) from exc
        try:
            file = load(raw)
        except CorruptMeetingFileError as error:
            raise damaged(error) from None
        with contextlib.suppress(OSError, StoreError):
            after(file)
    except BaseException:
        lock.release()
        raise
    return file
