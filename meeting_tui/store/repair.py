"""Damage and repair: quarantine copies, set-aside, restoring a backup, sweeping leftovers.

The rule is the same everywhere: nothing is destroyed before its copy is on
disk. A copy goes to `quarantine/` through an atomic write whose folder, and
the folders above it, are fsynced; only then is the original replaced or
unlinked, and an unlink that matters is followed by an fsync of its folder.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from meeting_tui.store import fs
from meeting_tui.store.errors import CorruptMeetingFileError, StoreError, StoreNotice
from meeting_tui.store.lock import process_alive, sweep_stale_asides
from meeting_tui.store.log_files import make_store_folder
from meeting_tui.store.meeting_file import MEETING_TABLE, check_layout
from meeting_tui.store.storage import (
    TEMP_SUFFIX,
    decode,
    fsync_folder,
    make_folders,
    read_failure,
    remove_stale_temps,
    write_atomically,
    write_failure,
)

if TYPE_CHECKING:
    from meeting_tui.store.archive import Archive


def read_file(path: Path) -> bytes:
    """The bytes of `path`; a refused read becomes a one-line `ReadFailedError`."""
    try:
        return fs.read_bytes(path)
    except OSError as exc:
        raise read_failure(exc, path) from exc


def quarantine(archive: Archive, path: Path, raw: bytes | None = None) -> Path:
    """Copy a file to `quarantine/<name>-<time>.json` durably; never overwrites a copy."""
    raw = read_file(path) if raw is None else raw
    folder = archive.quarantine_dir
    try:
        make_folders(folder)
        names = fs.list_names(folder)
    except OSError as exc:
        raise write_failure(exc, folder) from exc
    for name in sorted(names):
        if name.startswith(f"{path.stem}-"):
            earlier = folder / name
            try:
                if earlier.stat().st_size == len(raw) and fs.read_bytes(earlier) == raw:
                    return earlier  # this damage was already set aside
            except OSError:
                continue
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    target = folder / f"{path.stem}-{stamp}.json"
    n = 1
    while target.name in names or target.exists():
        n += 1
        target = folder / f"{path.stem}-{stamp}-{n}.json"
    write_atomically(target, raw)
    return target


def set_aside(archive: Archive, meeting_id: str) -> Path:
    """Move a meeting into the quarantine folder: durable copy first, then the unlink."""
    path = archive.meeting_path(meeting_id)
    lock = archive.meeting_lock(meeting_id, path)
    lock.acquire()
    try:
        copy = quarantine(archive, path)
        try:
            fs.unlink(path)
            fsync_folder(path.parent)
        except OSError as exc:
            raise write_failure(exc, path.parent) from exc
    finally:
        lock.release()
    return copy


def restore_backup(archive: Archive, meeting_id: str) -> Path:
    """Put the newest backup that parses back in place, after a durable copy of the current file."""
    path = archive.meeting_path(meeting_id)
    lock = archive.meeting_lock(meeting_id, path)
    lock.acquire()
    try:
        for bak in archive.backups(meeting_id):
            raw = read_file(bak)
            try:
                data = check_layout(decode(raw, bak), bak)
            except CorruptMeetingFileError:
                continue
            if archive.exists(path) and (current := read_file(path)) != raw:
                quarantine(archive, path, current)
            write_atomically(path, raw)
            rows = data.get(MEETING_TABLE, {})
            row = rows[min(rows, key=int)] if rows else {}
            try:
                archive.index.set_row(meeting_id, row, merge=False)
            except StoreError as error:  # restored all the same: the list catches up later
                reason = str(error.values.get("reason") or error.message())
                archive.notices.append(StoreNotice("store.index.not_refreshed", reason=reason))
            return bak
    finally:
        lock.release()
    raise StoreError("store.backup.none", meeting_id=meeting_id, folder=str(archive.meetings_dir))


def report_broken(archive: Archive, meeting_id: str, path: Path) -> CorruptMeetingFileError:
    """Quarantine a damaged meeting file, mark it in the index, build the error."""
    try:
        copy: Path = quarantine(archive, path)
    except (OSError, StoreError):
        copy = path  # could not copy: the original itself stays untouched
    try:
        archive.index.set_row(meeting_id, {"broken": True}, merge=True)
        backups = archive.backups(meeting_id)
    except StoreError:
        backups = []
    if backups:
        return CorruptMeetingFileError(
            "store.file.corrupt", file=str(path), quarantine=str(copy), backup=str(backups[0])
        )
    return CorruptMeetingFileError(
        "store.file.corrupt_no_backup", file=str(path), quarantine=str(copy)
    )


def sweep_leftovers(archive: Archive, meeting_id: str, path: Path) -> None:
    """Remove what killed processes left of this meeting: temps, quarantine temps, stale locks.

    Called with the meeting's lock held. A quarantine temp may belong to a
    reader in another window copying the file aside right now, so only those
    whose process is gone are removed. Failures leave the files as they were.
    """
    try:
        names = fs.list_names(path.parent)  # one listing of meetings/ for both sweeps
    except OSError:
        names = []
    remove_stale_temps(path, names)
    sweep_stale_asides(path.with_suffix(".lock"), names)
    try:
        names = fs.list_names(archive.quarantine_dir)
    except OSError:
        return
    for name in names:
        if not (name.startswith(f".{meeting_id}-") and name.endswith(TEMP_SUFFIX)):
            continue
        parts = name.rsplit(".", 3)  # .<copy>.json . <pid> . <n> . tmp
        pid = int(parts[1]) if len(parts) == 4 and parts[1].isdigit() else -1
        if pid > 0 and process_alive(pid):
            continue
        with contextlib.suppress(OSError):
            fs.unlink(archive.quarantine_dir / name)


def make_archive_folders(archive: Archive) -> None:
    """`meetings/` (and the data folder above it), durably; the error says the fix."""
    make_store_folder(archive.meetings_dir, archive.root)
