"""An append-only journal beside a TinyDB file: each answer costs its own few hundred bytes.

An owners' decision collects thousands of answers; rewriting the whole
decision file (786 KB at 3,000 units) and fsyncing it for every answer made
the answer key miss its frame. Here an answer's batch of events is one JSON
line appended to `<id>.journal` and fsynced before it shows as recorded; the
TinyDB file `<id>.json` stays the record and takes the journal in (one
atomic rewrite, then the journal is unlinked) when the decision is opened,
closed, any other table is written, or the journal reaches `COMPACT_AFTER`
lines.

Why it is crash safe:
- A line is acknowledged only after its fsync; a power cut or kill -9 can
  therefore only leave the last line torn (no newline, or zeros in it), and
  that line was never acknowledged: it is dropped when read.
- Every event carries its seq: a line whose events the TinyDB file already
  holds (a crash between the compaction's rename and the journal's unlink)
  is skipped, so folding twice is harmless.
- The compaction replaces the TinyDB file atomically (and fsyncs its folder)
  before it unlinks the journal, so no state holds neither copy.
- The journal is created with O_EXCL and its folder fsynced before the first
  line is acknowledged; after any failed write it is never appended to again
  (a half line would break the lines after it): the next write is a whole
  rewrite that takes the pending events in, as the plain `MeetingFile` does.
A complete line in the middle that does not parse, or events that do not
follow on, is damage: it raises `CorruptMeetingFileError`, nothing is deleted.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from meeting_tui.store import fs
from meeting_tui.store.errors import CorruptMeetingFileError, InvalidEventError, StoreError
from meeting_tui.store.lock import FileLock
from meeting_tui.store.meeting_file import EVENTS_TABLE, MeetingFile, check_event
from meeting_tui.store.storage import encode, fsync_folder, write_failure

JOURNAL_SUFFIX = ".journal"
COMPACT_AFTER = 1000  # lines; one answer in this many pays for a whole rewrite


def journal_path(path: Path) -> Path:
    """`owners/<id>.journal` beside `owners/<id>.json`."""
    return path.with_suffix(JOURNAL_SUFFIX)


def read_journal(path: Path, after_seq: int) -> tuple[list[dict[str, Any]], bool]:
    """(the events of the journal at `path` that follow seq `after_seq`, whether it exists).

    An OSError other than a missing file is left to the caller, which knows
    the one-line message for it; damage raises `CorruptMeetingFileError`.
    """
    raw = read_journal_bytes(path)
    return ([], False) if raw is None else (parse_journal(raw, path, after_seq), True)


def read_journal_bytes(path: Path) -> bytes | None:
    """The journal's bytes, None when there is none.

    A reader without the lock reads the journal BEFORE the TinyDB file: a
    compaction in between then only makes the journal's events duplicates.
    """
    try:
        return fs.read_bytes(path)
    except FileNotFoundError:
        return None


def last_seq(data: Mapping[str, Any]) -> int:
    """The highest seq in the events table of TinyDB `data` (0 for none)."""
    return max((int(key) for key in data.get(EVENTS_TABLE, {})), default=0)


def parse_journal(raw: bytes, path: Path, after_seq: int) -> list[dict[str, Any]]:
    """The events of the journal `raw` that follow seq `after_seq`, in order.

    The last line is dropped if it is torn (never acknowledged); a line that
    does not parse before it, or events that do not follow on, raise
    `CorruptMeetingFileError`.
    """
    lines = raw.split(b"\n")
    lines.pop()  # what follows the last newline: empty, or a torn line never acknowledged
    events: list[dict[str, Any]] = []
    expected = after_seq + 1
    for number, line in enumerate(lines, start=1):
        try:
            batch = _decode_line(line)
        except ValueError as exc:
            raise _damaged(path, number, str(exc)) from None
        for event in batch:
            if event["seq"] < expected and not events:
                continue  # already in the TinyDB file (a crash mid-compaction)
            if event["seq"] != expected:
                raise _damaged(path, number, f"event {event['seq']} where {expected} was due")
            events.append(event)
            expected += 1
    return events


def _decode_line(line: bytes) -> list[dict[str, Any]]:
    try:
        batch = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError("not a JSON line") from exc
    if not isinstance(batch, list) or not batch:
        raise ValueError("not a batch of events")
    try:
        return [check_event(event) for event in batch]
    except InvalidEventError as exc:
        raise ValueError(str(exc.values.get("reason", exc))) from exc


def _damaged(path: Path, line: int, reason: str) -> CorruptMeetingFileError:
    return CorruptMeetingFileError(
        "store.journal.damaged", file=str(path), line=line, reason=reason
    )


def fold_in(data: dict[str, Any], events: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """`data` (TinyDB tables) with the journal's `events` added to its events table."""
    if not events:
        return data
    table = dict(data.get(EVENTS_TABLE, {}))
    table.update({str(event["seq"]): dict(event) for event in events})
    return {**data, EVENTS_TABLE: table}


class JournaledFile(MeetingFile):
    """A `MeetingFile` whose appends go to the journal; every other write compacts it.

    `journal_exists` says a journal file is on disk (folded into the data
    already): the next whole write removes it, and no line is appended to it.
    """

    def __init__(
        self,
        meeting_id: str,
        path: Path,
        lock: FileLock,
        data: dict[str, Any] | None = None,
        *,
        journal_exists: bool = False,
    ) -> None:
        super().__init__(meeting_id, path, lock, data)
        self.journal = journal_path(path)
        self.journal_exists = journal_exists
        self.journal_lines = 0  # lines this process appended (and could append to)
        self._fd: int | None = None

    def _write_appended(
        self, data: dict[str, Any], events_body: bytes, batch: Sequence[Mapping[str, Any]]
    ) -> None:
        """One line at the end of the journal, fsynced; a whole rewrite if it cannot be."""
        usable = self._fd is not None or not self.journal_exists
        if not usable or self.journal_lines >= COMPACT_AFTER:
            self._write(data, events_body)
            return
        line = encode(list(batch)) + b"\n"
        try:
            if self._fd is None:
                flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
                self._fd = fs.open_file(self.journal, flags, 0o644)
                self.journal_exists = True
                fsync_folder(self.journal.parent)  # the journal's name survives a power cut
            view = memoryview(line)
            while view:
                view = view[fs.write(self._fd, view) :]
            fs.fsync(self._fd)
        except OSError as exc:
            self._drop_fd()  # never append after a half line: the next write is a rewrite
            self.journal_exists = True
            raise write_failure(exc, self.journal.parent) from exc
        self.journal_lines += 1
        self._storage.prime(data)

    def _write(self, data: dict[str, Any], events_body: bytes | None = None) -> None:
        """A whole atomic rewrite (it holds every journaled event), then the journal goes."""
        super()._write(data, events_body)
        self._drop_fd()
        self.journal_lines = 0
        if self.journal_exists:
            try:
                fs.unlink(self.journal)
                fsync_folder(self.journal.parent)
                self.journal_exists = False
            except FileNotFoundError:
                self.journal_exists = False
            except OSError:
                pass  # its events are all in the file now; the next rewrite tries again

    def compact(self) -> None:
        """Take the journal into the TinyDB file (one atomic rewrite); a no-op without one."""
        if self.journal_exists:
            self._write(self._storage.read() or {})

    def _drop_fd(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                fs.close(self._fd)
            self._fd = None

    def close(self) -> None:
        """Write pending events, compact the journal, leave a backup, release the lock.

        A compaction the disk refuses does not stop the close: every
        acknowledged answer is in the journal, and the next open takes it in.
        """
        if self.closed:
            return
        self.retry_pending()
        with contextlib.suppress(OSError, StoreError):
            self.compact()
        self._drop_fd()
        super().close()
