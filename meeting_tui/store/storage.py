"""A TinyDB storage that never leaves a torn file, and reads from memory.

TinyDB's stock `JSONStorage` seeks to 0, writes, fsyncs and then truncates:
a crash between those steps leaves half a file. Here every write goes to a
temporary file in the same folder, is fsynced, and replaces the old file with
`os.replace` (atomic on POSIX and Windows), then the folder itself is fsynced
so the rename survives a power cut. A reader therefore sees either the old
file or the new one, never a mix.

The stock storage also re-parses the whole file on every read, and TinyDB
reads before every write; here the parsed data is kept in memory after the
first read, so an append costs one serialisation and one fsync.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from meeting_tui.store import fs
from meeting_tui.store.errors import (
    CorruptMeetingFileError,
    DiskFullError,
    ReadFailedError,
    StoreError,
    WriteFailedError,
)

Data = dict[str, dict[str, Any]]

# Windows refuses os.replace while another program (antivirus, indexer, a
# backup tool) has the target open: PermissionError for a few milliseconds.
REPLACE_ATTEMPTS = 10
REPLACE_PAUSE_SECONDS = 0.02

TEMP_SUFFIX = ".tmp"
_counter = itertools.count()
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def encode(data: Any) -> bytes:
    """UTF-8 JSON with Chinese left readable (`ensure_ascii=False`)."""
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def decode(raw: bytes, path: Path) -> Any:
    """Parse UTF-8 JSON; anything else is a damaged file, named in the error."""
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CorruptMeetingFileError("store.file.unreadable", file=str(path)) from exc


def read_failure(exc: OSError, path: Path) -> StoreError:
    """Turn an OSError from a read (or a look at a path) into the error that says the fix."""
    reason = exc.strerror or type(exc).__name__
    where = str(exc.filename) if exc.filename is not None else str(path)
    if exc.errno == errno.ENAMETOOLONG:
        return ReadFailedError("store.path.too_long", errno=exc.errno, file=where)
    if exc.errno == errno.EISDIR:
        return ReadFailedError("store.read.is_folder", errno=exc.errno, file=where)
    if exc.errno == errno.ENOTDIR:
        return ReadFailedError("store.path.not_folder", errno=exc.errno, file=_first_file(path))
    if exc.errno in (errno.EMFILE, errno.ENFILE):
        return ReadFailedError(
            "store.read.too_many_files", errno=exc.errno, file=where, reason=reason
        )
    return ReadFailedError("store.read.failed", errno=exc.errno, file=where, reason=reason)


def _first_file(path: Path) -> str:
    """The ancestor of `path` that is a file (ENOTDIR: it stands where a folder must be)."""
    for candidate in (path, *path.parents):
        if candidate.exists() and not candidate.is_dir():
            return str(candidate)
    return str(path)


def write_failure(exc: OSError, folder: Path) -> WriteFailedError:
    """Turn an OSError from a write into the store error that tells the person the fix."""
    reason = exc.strerror or type(exc).__name__
    if exc.errno == errno.ENAMETOOLONG:
        return WriteFailedError(
            "store.path.too_long", errno=exc.errno, file=str(exc.filename or folder)
        )
    if exc.errno in _DISK_FULL:
        return DiskFullError("store.write.disk_full", errno=exc.errno, folder=str(folder))
    return WriteFailedError(
        "store.write.failed", errno=exc.errno, folder=str(folder), reason=reason
    )


def replace_with_retry(source: Path, target: Path) -> None:
    """`os.replace`, retried briefly on PermissionError (Windows sharing violations)."""
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            fs.replace(source, target)
            return
        except PermissionError:
            if attempt == REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(REPLACE_PAUSE_SECONDS)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); Windows cannot open a folder for this."""
    if os.name == "nt":
        return
    fd = fs.open_file(folder, os.O_RDONLY)
    try:
        fs.fsync(fd)
    finally:
        fs.close(fd)


def make_folders(folder: Path) -> None:
    """Create `folder` and its missing parents so that a power cut cannot undo them.

    A new folder's name lives in its parent: each parent is fsynced after the
    folder is made in it, up to the first folder that already existed; without
    that a fresh data folder can vanish with the events acknowledged in it.
    Raises OSError (NotADirectoryError when a file stands where a folder must be).
    """
    missing: list[Path] = []
    probe = folder
    while not probe.is_dir():
        if probe.exists() or probe.is_symlink():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(probe))
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for new in reversed(missing):
        try:
            fs.mkdir(new)
        except FileExistsError:
            if not new.is_dir():
                raise
        fsync_folder(new.parent)


def temp_path_for(path: Path) -> Path:
    """A temp name beside `path`, unique per process and write, hidden, ending in `.tmp`."""
    return path.with_name(f".{path.name}.{os.getpid()}.{next(_counter)}{TEMP_SUFFIX}")


def write_atomically(path: Path, raw: bytes) -> None:
    """Put `raw` at `path` so that a crash leaves either the old file or the new one.

    Returns only once the data and the rename are on disk. An OSError becomes a
    `WriteFailedError`/`DiskFullError`; the old file is untouched and the temp
    file is removed.
    """
    folder = path.parent
    temp = temp_path_for(path)
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = fs.open_file(temp, flags, 0o644)
        try:
            view = memoryview(raw)
            while view:
                written = fs.write(fd, view)
                view = view[written:]
            fs.fsync(fd)
        finally:
            fs.close(fd)
        replace_with_retry(temp, path)
        fsync_folder(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            fs.unlink(temp)
        raise write_failure(exc, folder) from exc


def remove_leftovers(
    folder: Path, prefix: str, suffix: str = TEMP_SUFFIX, names: Sequence[str] | None = None
) -> int:
    """Delete files a killed process left in `folder` (`prefix…suffix`); returns how many.

    Only call this while holding the lock that every writer of such files
    holds, so no live writer owns them. `names` is the folder's listing when
    the caller already has it. Housekeeping only: a folder that cannot be
    listed (EIO, EMFILE) or a file that cannot be removed is left as it is,
    and the caller goes on.
    """
    try:
        names = fs.list_names(folder) if names is None else names
    except OSError:
        return 0
    removed = 0
    for name in names:
        if name.startswith(prefix) and name.endswith(suffix):
            try:
                fs.unlink(folder / name)
                removed += 1
            except OSError:
                pass
    return removed


def remove_stale_temps(path: Path, names: Sequence[str] | None = None) -> int:
    """Delete temp files a killed process left for `path` and its backups; returns how many.

    (`.<stem>.` cannot prefix another meeting's files: ids contain no dot.)
    """
    return remove_leftovers(path.parent, f".{path.stem}.", names=names)


class AtomicJSONStorage(Storage):
    """TinyDB storage: atomic replace on write, parsed data cached in memory.

    `shared=True` is for files several processes write (the archive index):
    each read checks the file's size and modification time and re-parses only
    if another process replaced it. `read_only=True` refuses writes (reading
    another meeting for the backlog or an export, without taking its lock).

    A file that does not parse raises `CorruptMeetingFileError`, and from then
    on this storage refuses to write, so the damaged file is never overwritten.
    """

    def __init__(
        self, path: str | os.PathLike[str], *, shared: bool = False, read_only: bool = False
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.shared = shared
        self.read_only = read_only
        self._cache: Data | None = None
        self._signature: tuple[int, int, int] | None = None
        self._broken = False

    def _stat_signature(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise read_failure(exc, self.path) from exc
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def read(self) -> Data | None:
        """The whole database; parsed once, then served from memory.

        Returns a shallow copy of the top level so TinyDB's read-modify-write
        cannot change the cache before the write has succeeded.
        """
        if self._broken:
            raise CorruptMeetingFileError("store.file.unreadable", file=str(self.path))
        if self._cache is not None and not (
            self.shared and self._stat_signature() != self._signature
        ):
            return dict(self._cache)
        signature = self._stat_signature()
        if signature is None:
            self._cache, self._signature = None, None
            return None
        try:
            raw = fs.read_bytes(self.path)
        except FileNotFoundError:
            self._cache, self._signature = None, None
            return None
        except OSError as exc:  # EIO, EMFILE, a folder named index.json: nothing is touched
            raise read_failure(exc, self.path) from exc
        try:
            data = decode(raw, self.path)
        except CorruptMeetingFileError:
            self._broken = True
            raise
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            self._broken = True
            raise CorruptMeetingFileError("store.file.unreadable", file=str(self.path))
        self._cache, self._signature = data, signature
        return dict(data)

    def write(self, data: Data) -> None:
        """Replace the file with `data`, durably; the cache changes only on success."""
        self.write_encoded(data, encode(data))

    def write_encoded(self, data: Data, raw: bytes) -> None:
        """`write`, for a caller that already holds `data` as UTF-8 JSON bytes."""
        if self._broken:
            raise CorruptMeetingFileError("store.file.unreadable", file=str(self.path))
        if self.read_only:
            raise StoreError("store.write.read_only", file=str(self.path))
        write_atomically(self.path, raw)
        self._cache = dict(data)
        self._signature = self._stat_signature()

    def prime(self, data: Data) -> None:
        """Seed the cache with content just parsed or written, saving a second parse."""
        self._cache, self._signature = dict(data), self._stat_signature()

    def close(self) -> None:
        self._cache = None
