"""The archive index: one summary row per meeting, so the list opens at once.

`index.json` is a TinyDB file (table `meetings`) written through the same
atomic storage as the meetings. Several windows may update it (each has its
own meeting open), so every update re-reads the file under a short lock
(`index.lock`) before writing: no window overwrites another's row.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from meeting_tui.store.errors import (
    CorruptMeetingFileError,
    IndexBusyError,
    StoreError,
    StoreNotice,
)
from meeting_tui.store.listing import INDEX_TABLE, Rows, index_rows
from meeting_tui.store.lock import FileLock, sweep_stale_asides
from meeting_tui.store.storage import (
    AtomicJSONStorage,
    make_folders,
    remove_stale_temps,
    write_failure,
)

INDEX_LOCK_WAIT_SECONDS = 3.0
# The lock file tells processes apart, not threads: a screen's worker reading the
# archive may add a missing row while the UI thread writes one, so they take turns.
_THIS_PROCESS = threading.RLock()


class ArchiveIndex:
    """id → summary row, cached in memory and re-read only when another window wrote it.

    `quarantine` copies a damaged index aside; `scan` rebuilds rows from the
    meeting files (slow, used only for repair); `notify` hears once of a rebuild.
    """

    def __init__(
        self,
        path: Path,
        lock_path: Path,
        quarantine: Callable[[Path], Path],
        scan: Callable[[], Rows],
        notify: Callable[[StoreNotice], None] = lambda _notice: None,
    ) -> None:
        self.path = path
        self.lock_path = lock_path
        self._quarantine = quarantine
        self._scan = scan
        self._notify = notify
        self._storage = AtomicJSONStorage(path, shared=True)

    def _lock(self) -> FileLock:
        return FileLock(
            self.lock_path,
            lambda _owner: IndexBusyError(
                "store.index.busy", file=str(self.path), lock=str(self.lock_path)
            ),
        )

    def rows(self) -> Rows:
        """Every row by meeting id; a damaged index is quarantined and rebuilt (said once).

        A read the disk refuses (EIO, EMFILE, a folder named index.json)
        raises `ReadFailedError` and touches nothing.
        """
        try:
            data = self._storage.read() or {}
        except CorruptMeetingFileError:
            return self._rebuild_damaged()
        return index_rows(data)

    def _rebuild_damaged(self) -> Rows:
        try:
            copy = str(self._quarantine(self.path))
        except (OSError, StoreError):
            copy = str(self.path)  # could not copy it: then it is not replaced either
        self._storage = AtomicJSONStorage(self.path, shared=True)
        rows = {key: {**row, "id": key} for key, row in self._scan().items()}
        if copy != str(self.path):
            with contextlib.suppress(StoreError):
                rows = self._write(rows)
        self._notify(StoreNotice("store.index.rebuilt_damaged", count=len(rows), quarantine=copy))
        return rows

    def _write(self, rows: Mapping[str, Mapping[str, Any]]) -> Rows:
        ordered = {key: {**rows[key], "id": key} for key in sorted(rows)}
        try:
            make_folders(self.path.parent)
        except OSError as exc:
            raise write_failure(exc, self.path.parent) from exc
        docs = {str(n): row for n, row in enumerate(ordered.values(), start=1)}
        self._storage.write({INDEX_TABLE: docs})
        return ordered

    def _sweep(self) -> None:
        """Temp and stale-lock files of killed index writers (the index lock is held)."""
        remove_stale_temps(self.path)
        sweep_stale_asides(self.lock_path)

    def set_row(self, meeting_id: str, row: Mapping[str, Any], *, merge: bool = False) -> None:
        """Replace (or with `merge`, update) one meeting's row; one atomic write."""
        with _THIS_PROCESS:
            self._set_row(meeting_id, row, merge=merge)

    def _set_row(self, meeting_id: str, row: Mapping[str, Any], *, merge: bool) -> None:
        lock = self._lock()
        lock.acquire(wait_seconds=INDEX_LOCK_WAIT_SECONDS)
        try:
            self._sweep()
            rows = self.rows()
            base = rows.get(meeting_id, {}) if merge else {}
            rows[meeting_id] = {**base, **row, "id": meeting_id}
            self._write(rows)
        finally:
            lock.release()
