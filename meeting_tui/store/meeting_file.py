"""One meeting, one TinyDB file: the event log that must survive a dead battery.

`meetings/<id>.json` holds two TinyDB tables, `meeting` (one document: the
meeting row) and `events` (document id = the event's seq). Later features add
tables of their own (`minutes`) through `write_table`. Every change is one
atomic, fsynced write, and `append` returns only after it, so whatever the
screen shows as done is already on disk.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from meeting_tui.store import fs
from meeting_tui.store.errors import (
    CorruptMeetingFileError,
    EventSequenceError,
    InvalidEventError,
    StoreError,
    WriteFailedError,
)
from meeting_tui.store.lock import FileLock
from meeting_tui.store.storage import AtomicJSONStorage, encode, fsync_folder, write_atomically

MEETING_TABLE = "meeting"
EVENTS_TABLE = "events"
BACKUP_GENERATIONS = 3


def backup_path(path: Path, generation: int) -> Path:
    """`meetings/<id>.<n>.bak`, n = 1 for the newest copy."""
    return path.with_name(f"{path.stem}.{generation}.bak")


def check_event(event: object) -> dict[str, Any]:
    """Refuse anything but `{seq: int, at: str, kind: str, payload: dict}` (extra keys allowed)."""
    if not isinstance(event, Mapping):
        raise InvalidEventError("store.event.invalid", reason="not a mapping")
    seq = event.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool):
        raise InvalidEventError("store.event.invalid", reason="seq must be an integer")
    for key, kind in (("at", str), ("kind", str), ("payload", dict)):
        if not isinstance(event.get(key), kind):
            raise InvalidEventError("store.event.invalid", reason=f"{key} must be {kind.__name__}")
    return copy.deepcopy(dict(event))


def check_layout(data: object, path: Path) -> dict[str, Any]:
    """A meeting file must be TinyDB tables (integer doc ids); events keyed by their seq."""
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(key.isascii() and key.isdigit() for key in table)
        for table in data.values()
    ):
        raise CorruptMeetingFileError("store.file.unreadable", file=str(path))
    for key, event in data.get(EVENTS_TABLE, {}).items():
        if not (key.isdigit() and isinstance(event, dict) and event.get("seq") == int(key)):
            raise CorruptMeetingFileError("store.file.unreadable", file=str(path))
    return data


class MeetingFile:
    """An open meeting, locked against other windows; close it (or use `with`).

    Made by `Archive.create_meeting` / `Archive.open_meeting`, not directly.
    `pending` holds events whose write failed (disk full, read-only folder):
    they are not on disk, and `retry_pending()` (or the next `append`) writes
    them, so the person never has to type a vote twice.
    """

    def __init__(
        self, meeting_id: str, path: Path, lock: FileLock, data: dict[str, Any] | None = None
    ) -> None:
        """`data` is the file's content when the caller has just parsed or written it."""
        self.meeting_id = meeting_id
        self.path = path
        self.pending: list[dict[str, Any]] = []
        self._lock = lock
        self._storage = AtomicJSONStorage(path)
        if data is not None:
            self._storage.prime(data)
        self._events_json: tuple[int, bytes] = (-1, b"")
        self._last_seq = max((int(doc_id) for doc_id in self._raw(EVENTS_TABLE)), default=0)

    def _raw(self, table: str) -> dict[str, Any]:
        data = self._storage.read() or {}
        raw: dict[str, Any] = data.get(table, {})
        return raw

    # -- reading -------------------------------------------------------------

    @property
    def last_seq(self) -> int:
        """The seq of the last event on disk (0 for an empty log); pending ones excluded."""
        return self._last_seq

    @property
    def next_seq(self) -> int:
        """The seq the next appended event must carry (counting pending events)."""
        return self._last_seq + len(self.pending) + 1

    def events(self) -> list[dict[str, Any]]:
        """Every event on disk, in seq order (fresh dicts; treat payloads as read-only)."""
        raw = self._raw(EVENTS_TABLE)
        return [dict(raw[key]) for key in sorted(raw, key=int)]

    def meeting_row(self) -> dict[str, Any]:
        """The meeting's own row (title, kind, status …) as the caller last set it."""
        docs = self.table(MEETING_TABLE)
        return docs[0] if docs else {}

    def table(self, name: str) -> list[dict[str, Any]]:
        """All documents of one table, in insertion order."""
        raw = self._raw(name)
        return [dict(raw[key]) for key in sorted(raw, key=int)]

    # -- writing -------------------------------------------------------------

    def append(self, events: Iterable[Mapping[str, Any]]) -> None:
        """Write a batch of events in ONE durable write; returns once it is on disk.

        Each seq must follow the previous one exactly (`next_seq`, then +1 …),
        otherwise `EventSequenceError` and nothing is written: that guards
        against a double submit. If the disk refuses (full, read-only), the
        events stay in `pending`, the file keeps its previous valid content and
        `WriteFailedError` (or `DiskFullError`) says what to do.
        """
        batch = [check_event(event) for event in events]
        expected = self.next_seq
        for event in batch:
            if event["seq"] != expected:
                raise EventSequenceError(
                    "store.event.sequence",
                    got=event["seq"],
                    expected=expected,
                    meeting_id=self.meeting_id,
                )
            expected += 1
        try:
            encode(batch)
        except (TypeError, ValueError) as exc:
            raise InvalidEventError("store.event.invalid", reason=str(exc)) from exc
        self.pending.extend(batch)
        self.retry_pending()

    def retry_pending(self) -> None:
        """Write the pending events now (one write); raises again if the disk still refuses."""
        if not self.pending:
            return
        data = self._storage.read() or {}
        table = dict(data.get(EVENTS_TABLE, {}))
        added = {str(event["seq"]): event for event in self.pending}
        body = self._encoded_events(table)
        fresh = encode(added)[1:-1]
        table.update(added)
        data[EVENTS_TABLE] = table
        new_body = body + b", " + fresh if body else fresh
        self._write_appended(data, new_body, self.pending)
        self._events_json = (len(table), new_body)
        self._last_seq = self.pending[-1]["seq"]
        self.pending = []

    def _write_appended(
        self, data: dict[str, Any], events_body: bytes, batch: Sequence[Mapping[str, Any]]
    ) -> None:
        """Make `batch` (already in `data`) durable: here one atomic rewrite of the file.

        `store.journal.JournaledFile` appends the batch to a journal instead.
        """
        self._write(data, events_body)

    def _encoded_events(self, table: Mapping[str, Any]) -> bytes:
        """The events table as JSON without its braces, encoded once and then extended.

        Re-encoding a 3,000-event log for every vote would make a long meeting
        slow to append to; only the new events are encoded each time.
        """
        count, body = self._events_json
        if count != len(table):
            body = encode(dict(table))[1:-1]
            self._events_json = (len(table), body)
        return body

    def _write(self, data: dict[str, Any], events_body: bytes | None = None) -> None:
        """One atomic write of every table, reusing the events' encoding."""
        if self.closed:  # another window may hold the lock now: never write without it
            raise StoreError("store.file.closed", file=self.path.name)
        if events_body is None:
            events_body = self._encoded_events(data.get(EVENTS_TABLE, {}))
        parts = []
        for name, docs in data.items():
            encoded = b"{" + events_body + b"}" if name == EVENTS_TABLE else encode(docs)
            parts.append(encode(name) + b": " + encoded)
        self._storage.write_encoded(data, b"{" + b", ".join(parts) + b"}")

    def set_meeting_row(self, row: Mapping[str, Any]) -> None:
        """Replace the meeting row (one durable write)."""
        self.write_table(MEETING_TABLE, [row])

    def write_table(self, name: str, docs: Iterable[Mapping[str, Any]]) -> None:
        """Replace a whole table (e.g. `minutes`) in one durable write.

        The event log is append-only: use `append` for events.
        """
        if name == EVENTS_TABLE:
            raise ValueError("the event log is append-only: use append()")
        data = self._storage.read() or {}
        data[name] = {str(i): copy.deepcopy(dict(doc)) for i, doc in enumerate(docs, start=1)}
        try:
            encode(data[name])
        except (TypeError, ValueError) as exc:
            raise InvalidEventError("store.event.invalid", reason=str(exc)) from exc
        self._write(data)

    def backup(self) -> Path:
        """Rotate `<id>.1.bak` … `<id>.3.bak` and write the current content as `.1.bak`.

        Skipped when the newest backup already holds exactly this content, so
        opening a meeting many times does not push older good copies out. The
        folder is fsynced after each rename: a power cut may otherwise keep a
        later rename and drop an earlier one, and `.2.bak` would be overwritten
        before it had become `.3.bak`.
        """
        raw = fs.read_bytes(self.path)  # the last durable state: every write was synchronous
        newest = backup_path(self.path, 1)
        try:
            if fs.read_bytes(newest) == raw:
                return newest
        except OSError:
            pass
        for generation in range(BACKUP_GENERATIONS - 1, 0, -1):
            older = backup_path(self.path, generation)
            if older.exists():
                fs.replace(older, backup_path(self.path, generation + 1))
                fsync_folder(self.path.parent)
        write_atomically(newest, raw)
        return newest

    # -- closing -------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return not self._lock.held

    def close(self) -> None:
        """Write pending events, leave a backup, release the lock.

        If pending events still cannot be written, the error is raised and the
        meeting stays open (and locked), so nothing unsaved is dropped silently.
        A backup that fails (disk full) does not stop the close.
        """
        if self.closed:
            return
        self.retry_pending()
        with contextlib.suppress(OSError, WriteFailedError):
            self.backup()
        self._lock.release()
        self._storage.close()

    def __enter__(self) -> MeetingFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"MeetingFile({self.meeting_id!r}, last_seq={self._last_seq})"
