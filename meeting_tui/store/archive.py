"""The archive: one file per meeting, a small index, backups and a quarantine.

Per-meeting files keep a vote's write cost independent of how many meetings
the archive holds (DESIGN §4: one shared TinyDB file costs 55 ms per write at
1.6 MB and 320 ms at 8 MB). The index (`index.json`, one summary row per
meeting) lets the archive list open without reading any meeting file; it is
written at create, open, leave and close and at title/status changes, never per event.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from meeting_tui import locations
from meeting_tui.store import fs, log_files, repair
from meeting_tui.store.errors import (
    CorruptMeetingFileError,
    EventSequenceError,
    InvalidEventError,
    InvalidMeetingIdError,
    MeetingExistsError,
    MeetingLockedError,
    ReadFailedError,
    StoreError,
    StoreNotice,
    UnknownMeetingError,
)
from meeting_tui.store.ids import is_valid_meeting_id
from meeting_tui.store.index import ArchiveIndex
from meeting_tui.store.listing import IN_SESSION, Rows, meeting_files, newest_first
from meeting_tui.store.lock import FileLock, LockOwner
from meeting_tui.store.meeting_file import (
    BACKUP_GENERATIONS,
    EVENTS_TABLE,
    MEETING_TABLE,
    MeetingFile,
    backup_path,
    check_event,
    check_layout,
)
from meeting_tui.store.storage import decode, encode, read_failure


class Archive:
    """Every meeting under one data folder (`root`); tests pass a temp folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(os.path.abspath(root))
        self.meetings_dir = locations.meetings_directory(self.root)
        self.quarantine_dir = locations.quarantine_directory(self.root)
        self.index_path = locations.index_file(self.root)
        self.notices: list[StoreNotice] = []
        self.index = ArchiveIndex(
            self.index_path,
            self.root / "index.lock",
            self.quarantine,
            self._scan_rows,
            self.notices.append,
        )

    # -- paths ---------------------------------------------------------------

    def meeting_path(self, meeting_id: str) -> Path:
        """`meetings/<id>.json`, after checking the id cannot escape the folder."""
        if not is_valid_meeting_id(meeting_id):
            raise InvalidMeetingIdError("store.id.invalid", meeting_id=str(meeting_id))
        return self.meetings_dir / f"{meeting_id}.json"

    @staticmethod
    def exists(path: Path) -> bool:
        """Whether `path` exists; a path the disk cannot look at becomes a one-line error."""
        return log_files.path_exists(path)

    def backups(self, meeting_id: str) -> list[Path]:
        """Existing backups of a meeting, newest first."""
        path = self.meeting_path(meeting_id)
        candidates = (backup_path(path, n) for n in range(1, BACKUP_GENERATIONS + 1))
        return [bak for bak in candidates if self.exists(bak)]

    def meeting_lock(self, meeting_id: str, path: Path) -> FileLock:
        lock_path = path.with_suffix(".lock")

        def locked(owner: LockOwner | None) -> StoreError:
            return MeetingLockedError(
                "store.meeting.locked",
                meeting_id=meeting_id,
                pid=owner.pid if owner else "?",
                host=owner.host if owner else "?",
                since=owner.since if owner else "?",
                lock=str(lock_path),
            )

        return FileLock(lock_path, locked)

    def take_notices(self) -> list[StoreNotice]:
        """What the store repaired on its own since the last call (each said once)."""
        taken, self.notices[:] = list(self.notices), []
        return taken

    # -- meetings ------------------------------------------------------------

    def create_meeting(
        self,
        meeting_id: str,
        meeting_row: Mapping[str, Any],
        events: Iterable[Mapping[str, Any]] = (),
    ) -> MeetingFile:
        """Write a new meeting file (row + initial events, one write), index it, open it.

        Refuses to overwrite an existing file. The returned meeting is locked.
        """
        path = self.meeting_path(meeting_id)
        batch = [check_event(event) for event in events]
        for expected, event in enumerate(batch, start=1):
            if event["seq"] != expected:
                raise EventSequenceError(
                    "store.event.sequence",
                    got=event["seq"],
                    expected=expected,
                    meeting_id=meeting_id,
                )
        data = {
            MEETING_TABLE: {"1": dict(meeting_row)},
            EVENTS_TABLE: {str(event["seq"]): event for event in batch},
        }
        try:
            raw = encode(data)
        except (TypeError, ValueError) as exc:
            raise InvalidEventError("store.event.invalid", reason=str(exc)) from exc
        repair.make_archive_folders(self)
        lock = self.meeting_lock(meeting_id, path)
        meeting = log_files.create_log_file(
            path,
            lock,
            raw,
            lambda: MeetingFile(meeting_id, path, lock, data),
            lambda: MeetingExistsError(
                "store.meeting.exists", meeting_id=meeting_id, file=str(path)
            ),
        )
        # The meeting file is the truth: if the index cannot be read or written
        # now, list_meetings() indexes the file later (and says so).
        with contextlib.suppress(StoreError):
            self.update_index(meeting_id, meeting_row)
        return meeting

    def open_meeting(self, meeting_id: str) -> MeetingFile:
        """Lock the meeting for this window, check it parses, leave a backup, return it.

        A damaged file is quarantined (copied aside, never overwritten) and
        `CorruptMeetingFileError` names the backup to restore. A file the disk
        cannot read (EIO, a folder in its place) is left as it is.
        """
        path = self.meeting_path(meeting_id)
        if not self.exists(path):
            raise UnknownMeetingError(
                "store.meeting.unknown", meeting_id=meeting_id, file=str(path)
            )
        lock = self.meeting_lock(meeting_id, path)

        def backed_up(meeting: MeetingFile) -> None:
            meeting.backup()
            self._clear_broken_mark(meeting_id)

        return log_files.open_log_file(
            path,
            lock,
            sweep=lambda: repair.sweep_leftovers(self, meeting_id, path),
            load=lambda raw: MeetingFile(
                meeting_id, path, lock, check_layout(decode(raw, path), path)
            ),
            damaged=lambda _error: repair.report_broken(self, meeting_id, path),
            after=backed_up,
        )

    def _clear_broken_mark(self, meeting_id: str) -> None:
        """A file that parses again (repaired by hand) loses its `broken` mark."""
        row = self.index.rows().get(meeting_id)
        if row is not None and row.get("broken"):
            clean = {key: value for key, value in row.items() if key != "broken"}
            self.index.set_row(meeting_id, clean)

    def read_meeting(
        self, meeting_id: str, *, report_damage: bool = True
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """(meeting row, events in seq order), read-only and without the lock.

        For the backlog and exports of meetings possibly open elsewhere: the
        atomic writes mean this sees a complete version, old or new.
        `report_damage=False` (the public view) raises on a damaged file without
        copying it to the quarantine or marking the index: that reader never writes.
        """
        data = self._read_data(meeting_id, report_damage=report_damage)
        rows = _docs(data, MEETING_TABLE)
        return (rows[0] if rows else {}), _docs(data, EVENTS_TABLE)

    def read_table(self, meeting_id: str, name: str) -> list[dict[str, Any]]:
        """One table of any meeting (e.g. its saved `minutes`), read-only, in insertion order."""
        return _docs(self._read_data(meeting_id), name)

    def _read_data(self, meeting_id: str, *, report_damage: bool = True) -> dict[str, Any]:
        path = self.meeting_path(meeting_id)
        raw = log_files.read_log_bytes(
            path,
            lambda: UnknownMeetingError(
                "store.meeting.unknown", meeting_id=meeting_id, file=str(path)
            ),
        )
        try:
            return check_layout(decode(raw, path), path)
        except CorruptMeetingFileError:
            if not report_damage:
                raise
            raise repair.report_broken(self, meeting_id, path) from None

    # -- damage and repair (store/repair.py) ---------------------------------

    def quarantine(self, path: Path, raw: bytes | None = None) -> Path:
        """Copy a file aside to `quarantine/<name>-<time>.json`; never overwrites a copy."""
        return repair.quarantine(self, path, raw)

    def set_aside(self, meeting_id: str) -> Path:
        """Move a meeting out of the archive into the quarantine folder; returns the copy.

        Refused while the meeting is open elsewhere. Used to replace a demo
        meeting with a fresh copy without destroying the practised one.
        """
        return repair.set_aside(self, meeting_id)

    def restore_backup(self, meeting_id: str) -> Path:
        """Put the newest backup that parses back in place; returns the backup used.

        The current file, damaged or not, is quarantined first, so a restore
        never destroys anything. Refused while the meeting is open elsewhere.
        """
        return repair.restore_backup(self, meeting_id)

    # -- index ---------------------------------------------------------------

    def update_index(self, meeting_id: str, row: Mapping[str, Any]) -> None:
        """Replace the meeting's summary row (call at create, close, title/status change)."""
        self.meeting_path(meeting_id)  # validates the id
        self.index.set_row(meeting_id, row, merge=False)

    def _meeting_files(self) -> dict[str, bool]:
        """id → whether `meetings/<id>.json` is a regular file (a folder there is damage)."""
        try:
            entries = fs.list_entries(self.meetings_dir)
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise read_failure(exc, self.meetings_dir) from exc
        return meeting_files(entries)

    def _meeting_ids_on_disk(self) -> set[str]:
        return set(self._meeting_files())

    def _scan_rows(self, ids: Iterable[str] | None = None) -> Rows:
        """Index rows read from the meeting files themselves (slow; for repair only)."""
        rows: dict[str, dict[str, Any]] = {}
        for meeting_id in sorted(self._meeting_ids_on_disk() if ids is None else ids):
            rows[meeting_id] = self._row_from_file(meeting_id)
        return rows

    def _row_from_file(self, meeting_id: str) -> dict[str, Any]:
        path = self.meeting_path(meeting_id)
        try:
            data = check_layout(decode(fs.read_bytes(path), path), path)
        except (CorruptMeetingFileError, OSError):
            return {"broken": True}
        table = data.get(MEETING_TABLE, {})
        return dict(table[min(table, key=int)]) if table else {}

    def list_meetings(self) -> list[dict[str, Any]]:
        """Every meeting's summary row, newest id first, opening only meetings still in session.

        Rows whose file is known damaged or missing carry `"broken": True` (and
        `"missing": True`). A meeting the index calls in session is the one a
        crash leaves behind, so its file is checked here (few are): a damaged
        one is listed as damaged, not as running. Meeting files the index does
        not know yet (a crash between writing the file and the index) are
        added to the index here, and a notice says so once.
        """
        rows = self.index.rows()
        on_disk = self._meeting_files()
        unindexed = on_disk.keys() - rows.keys()
        if unindexed:
            for meeting_id, row in self._scan_rows(unindexed).items():
                with contextlib.suppress(StoreError):
                    self.index.set_row(meeting_id, row, merge=False)
                rows[meeting_id] = {**row, "id": meeting_id}
            self.notices.append(StoreNotice("store.index.rebuilt_missing", count=len(unindexed)))
        listed = []
        for meeting_id in newest_first(rows):
            row = dict(rows[meeting_id])
            if meeting_id not in on_disk:
                row["broken"] = row["missing"] = True
            elif not on_disk[meeting_id]:
                row["broken"] = True  # a folder stands where the file should be
            elif (
                row.get("status") == IN_SESSION
                and not row.get("broken")
                and self._row_from_file(meeting_id).get("broken")
            ):
                row["broken"] = True
            listed.append(row)
        return listed


def check_data_folder(root: Path) -> None:
    """Refuse a data folder that is a file (`/dev/null`), lies under a file, or is too long.

    A missing folder is fine: it is made, durably, at the first write.
    """
    try:
        if os.stat(root).st_mode & 0o170000 != 0o040000:
            raise ReadFailedError("store.path.not_folder", file=str(root))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise read_failure(exc, root) from exc


def _docs(data: Mapping[str, Any], name: str) -> list[dict[str, Any]]:
    """A table's documents in insertion order (TinyDB keys are "1", "2", …)."""
    table = data.get(name, {})
    return [table[key] for key in sorted(table, key=int)] if isinstance(table, dict) else []
