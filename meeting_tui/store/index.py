"""The archive index: one summary row per meeting, so the list opens at once.

`index.json` is a TinyDB file (table `meetings`) written through the same
atomic storage as the meetings. Several windows may update it (each has its
own meeting open), so every update re-reads the file under a short lock
(`index.lock`) before writing: no window overwrites another's row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from meeting_tui.store.errors import CorruptMeetingFileError, IndexBusyError
from meeting_tui.store.lock import FileLock
from meeting_tui.store.storage import AtomicJSONStorage

INDEX_TABLE = "meetings"
INDEX_LOCK_WAIT_SECONDS = 3.0

Rows = dict[str, dict[str, Any]]


class ArchiveIndex:
    """id → summary row, cached in memory and re-read only when another window wrote it.

    `quarantine` copies a damaged index aside; `scan` rebuilds rows from the
    meeting files (slow, used only for repair).
    """

    def __init__(
        self,
        path: Path,
        lock_path: Path,
        quarantine: Callable[[Path], Path],
        scan: Callable[[], Rows],
    ) -> None:
        self.path = path
        self.lock_path = lock_path
        self._quarantine = quarantine
        self._scan = scan
        self._storage = AtomicJSONStorage(path, shared=True)

    def _lock(self) -> FileLock:
        return FileLock(
            self.lock_path,
            lambda _owner: IndexBusyError(
                "store.index.busy", file=str(self.path), lock=str(self.lock_path)
            ),
        )

    def rows(self) -> Rows:
        """Every row by meeting id; a damaged index is quarantined and rebuilt."""
        try:
            data = self._storage.read() or {}
        except CorruptMeetingFileError:
            self._quarantine(self.path)
            self._storage = AtomicJSONStorage(self.path, shared=True)
            return self._write(self._scan())
        table = data.get(INDEX_TABLE, {}).values()
        return {row["id"]: row for row in table if isinstance(row, dict) and "id" in row}

    def _write(self, rows: Mapping[str, Mapping[str, Any]]) -> Rows:
        ordered = {key: {**rows[key], "id": key} for key in sorted(rows)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        docs = {str(n): row for n, row in enumerate(ordered.values(), start=1)}
        self._storage.write({INDEX_TABLE: docs})
        return ordered

    def set_row(self, meeting_id: str, row: Mapping[str, Any], *, merge: bool = False) -> None:
        """Replace (or with `merge`, update) one meeting's row; one atomic write."""
        lock = self._lock()
        lock.acquire(wait_seconds=INDEX_LOCK_WAIT_SECONDS)
        try:
            rows = self.rows()
            base = rows.get(meeting_id, {}) if merge else {}
            rows[meeting_id] = {**base, **row, "id": meeting_id}
            self._write(rows)
        finally:
            lock.release()

    def rebuild(self) -> int:
        """Rewrite the index from the meeting files; returns how many rows it holds."""
        lock = self._lock()
        lock.acquire(wait_seconds=INDEX_LOCK_WAIT_SECONDS)
        try:
            return len(self._write(self._scan()))
        finally:
            lock.release()
