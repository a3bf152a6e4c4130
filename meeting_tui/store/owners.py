"""Owners' decisions on disk: one TinyDB file per decision, like a meeting's.

`owners/<id>.json` holds the tables `meeting` (the decision's summary row)
and `events` (the decision's log: created, roster, ballots …), and from the first
close of the count `results` and `checkpoint_salt` (see
`minutes.owners_checkpoints`), created, opened and read by the same code
as meetings (`store.log_files`): atomic, locked against a second window,
backed up, quarantined if damaged. Each answer is a line of the journal
beside the file (`store.journal`), fsynced before it shows as recorded, so
an answer costs its own bytes, not a rewrite of 3,000 units.
Ballots are collected over days; each session opens the file, appends, and
closes it, and the next one reopens it from disk.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from meeting_tui.domain.owners import decision as d
from meeting_tui.domain.owners.tally import RunningTally, Tally, outcome, tally
from meeting_tui.store import log_files, repair
from meeting_tui.store.archive import Archive
from meeting_tui.store.errors import (
    CorruptMeetingFileError,
    MeetingExistsError,
    StoreError,
    UnknownMeetingError,
)
from meeting_tui.store.ids import is_valid_meeting_id, new_meeting_id
from meeting_tui.store.journal import (
    JournaledFile,
    fold_in,
    journal_path,
    last_seq,
    parse_journal,
    read_journal,
    read_journal_bytes,
)
from meeting_tui.store.lock import FileLock, LockOwner
from meeting_tui.store.meeting_file import EVENTS_TABLE, MEETING_TABLE, check_layout
from meeting_tui.store.storage import decode, encode, read_failure

Clock = Callable[[], datetime]
RESULTS_TABLE = "results"  # one document per close: the outcome, its checkpoint and proof


def local_now() -> datetime:
    return datetime.now().astimezone()


class DecisionArchive:
    """Every owners' decision under one data folder (`<root>/owners/`).

    Create, open and the lock-free read are the meetings' own
    (`store.log_files`), with the owners' wording and the answers' journal.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(os.path.abspath(root))
        self.folder = self.root / "owners"
        self._archive = Archive(self.root)  # its quarantine folder and sweep of leftovers

    def path(self, decision_id: str) -> Path:
        if not is_valid_meeting_id(decision_id):
            raise UnknownMeetingError("owners.store.unknown", id=str(decision_id))
        return self.folder / f"{decision_id}.json"

    def new_id(self, today: date) -> str:
        while True:
            candidate = new_meeting_id(today)
            if not log_files.path_exists(self.path(candidate)):
                return candidate

    def _lock(self, decision_id: str, path: Path) -> FileLock:
        lock_path = path.with_suffix(".lock")

        def locked(owner: LockOwner | None) -> StoreError:
            return StoreError(
                "owners.store.locked",
                pid=owner.pid if owner else "?",
                host=owner.host if owner else "?",
                lock=str(lock_path),
            )

        return FileLock(lock_path, locked)

    def _unknown(self, decision_id: str) -> UnknownMeetingError:
        return UnknownMeetingError("owners.store.unknown", id=decision_id)

    def create(self, decision_id: str, row: dict[str, Any], events: Sequence[Any]) -> JournaledFile:
        path = self.path(decision_id)
        data = {
            MEETING_TABLE: {"1": dict(row)},
            EVENTS_TABLE: {str(e["seq"]): dict(e) for e in events},
        }
        raw = encode(data)
        log_files.make_store_folder(self.folder, self.root)
        lock = self._lock(decision_id, path)
        return log_files.create_log_file(
            path,
            lock,
            raw,
            lambda: JournaledFile(decision_id, path, lock, data),
            lambda: MeetingExistsError(
                "store.meeting.exists", meeting_id=decision_id, file=str(path)
            ),
        )

    def open(self, decision_id: str) -> JournaledFile:
        """Lock the decision, take its journal in (one rewrite), leave a backup, return it."""
        path = self.path(decision_id)
        if not log_files.path_exists(path):
            raise self._unknown(decision_id)
        lock = self._lock(decision_id, path)

        def load(raw: bytes) -> JournaledFile:
            data = check_layout(decode(raw, path), path)
            try:
                events, journaled = read_journal(journal_path(path), last_seq(data))
            except OSError as exc:  # EIO, a folder named <id>.journal: one line, nothing touched
                raise read_failure(exc, journal_path(path)) from exc
            folded = fold_in(data, events)
            return JournaledFile(decision_id, path, lock, folded, journal_exists=journaled)

        def after(file: JournaledFile) -> None:
            file.compact()
            file.backup()

        return log_files.open_log_file(
            path,
            lock,
            sweep=lambda: repair.sweep_leftovers(self._archive, decision_id, path),
            load=load,
            damaged=lambda error: self._damaged(path, error),
            after=after,
        )

    def _damaged(self, path: Path, error: CorruptMeetingFileError) -> CorruptMeetingFileError:
        """A damaged decision file is copied aside; a damaged journal is named as it is."""
        if error.key == "store.journal.damaged":
            return error
        with contextlib.suppress(OSError, StoreError):
            self._archive.quarantine(path)
        return error

    def _read_data(self, decision_id: str, with_journal: bool) -> dict[str, Any]:
        """Any decision's tables, read-only and without the lock (it may be open elsewhere).

        The journal is read before the file (see `store.journal`), and writes
        are atomic, so this sees a whole decision, old or new.
        """
        path = self.path(decision_id)
        journal = None
        if with_journal:
            try:
                journal = read_journal_bytes(journal_path(path))
            except OSError as exc:
                raise read_failure(exc, journal_path(path)) from exc
        raw = log_files.read_log_bytes(path, lambda: self._unknown(decision_id))
        data = check_layout(decode(raw, path), path)
        if journal is not None:
            data = fold_in(data, parse_journal(journal, journal_path(path), last_seq(data)))
        return data

    def _read_table(self, decision_id: str, name: str) -> list[dict[str, Any]]:
        table = self._read_data(decision_id, with_journal=name == EVENTS_TABLE).get(name, {})
        return [table[k] for k in sorted(table, key=int) if isinstance(table[k], dict)]

    def read_events(self, decision_id: str) -> list[d.DecisionEvent]:
        """The log of any decision, read-only and without the lock (exports, the list)."""
        return _events(self._read_table(decision_id, EVENTS_TABLE), self.path(decision_id))

    def read_results(self, decision_id: str) -> list[dict[str, Any]]:
        """The results saved at each close of the count, with their checkpoints (oldest first)."""
        return self._read_table(decision_id, RESULTS_TABLE)

    def read(self, decision_id: str) -> d.DecisionState:
        return d.fold(self.read_events(decision_id))

    def list(self) -> list[dict[str, Any]]:
        """Summary rows of every decision, newest id first (a damaged file is marked)."""
        try:
            names = sorted(p.stem for p in self.folder.glob("*.json"))
        except OSError:
            return []
        rows: list[dict[str, Any]] = []
        for decision_id in reversed(names):
            if not is_valid_meeting_id(decision_id):
                continue
            try:
                state = self.read(decision_id)
            except (StoreError, ValueError):
                rows.append({"id": decision_id, "broken": True})
                continue
            rows.append(summary_row(state))
        return rows


def summary_row(state: d.DecisionState) -> dict[str, Any]:
    result = tally(state)
    return {
        "id": state.id,
        "title": state.title,
        "kind": str(state.kind),
        "units": result.units,
        "answered": result.answered_units,
        "closed": state.closed,
    }


def _events(rows: Sequence[dict[str, Any]], path: Path) -> list[d.DecisionEvent]:
    try:
        return [d.DecisionEvent.from_json(row) for row in rows]
    except ValueError as exc:
        raise CorruptMeetingFileError(
            "owners.store.bad_events", file=str(path), reason=str(exc)
        ) from exc


class LiveDecision:
    """A decision being collected: commands → drafts → durable append → state, in that order."""

    def __init__(self, file: JournaledFile, clock: Clock = local_now) -> None:
        self.file = file
        self.clock = clock
        self.events = _events(file.events(), file.path)
        self.state = d.fold(self.events)
        self.pending: list[d.DecisionEvent] = []  # refused by the disk, kept to write first
        self.running = RunningTally.of(self.state)

    @classmethod
    def open(
        cls, archive: DecisionArchive, decision_id: str, clock: Clock = local_now
    ) -> LiveDecision:
        return cls(archive.open(decision_id), clock)

    @classmethod
    def create(
        cls,
        archive: DecisionArchive,
        drafts: Sequence[d.DecisionDraft],
        clock: Clock = local_now,
    ) -> LiveDecision:
        events = d.stamp(0, drafts, clock())
        state = d.fold(events)
        file = archive.create(state.id, summary_row(state), [e.to_json() for e in events])
        return cls(file, clock)

    @property
    def decision_id(self) -> str:
        return self.file.meeting_id

    def execute(self, drafts: Sequence[d.DecisionDraft]) -> list[d.DecisionEvent]:
        """Store `drafts` as events, then show them; raises StoreError if the disk refuses.

        Events the disk refused stay pending (not shown as recorded) and are
        written before anything else, so a full disk loses no answer and
        never reorders them. Callers compute drafts after `retry()`.
        """
        self.retry()
        if not drafts:
            return []
        events = d.stamp(self.state.last_seq, drafts, self.clock())
        try:
            self.file.append([e.to_json() for e in events])
        except StoreError:
            if self.file.pending:
                self.pending = events
            raise
        self._take(events)
        return events

    def retry(self) -> list[d.DecisionEvent]:
        """Write what the disk refused before; raises StoreError if it still refuses."""
        if not self.pending:
            return []
        self.file.retry_pending()
        events, self.pending = self.pending, []
        self._take(events)
        return events

    def _take(self, events: list[d.DecisionEvent]) -> None:
        self.events.extend(events)
        self.state = d.fold(events, self.state)
        for event in events:
            if event.kind is d.DecisionEventKind.BALLOT_RECORDED:
                self.running.set(str(event.payload["unit"]), str(event.payload["answer"]))
            elif event.kind is d.DecisionEventKind.BALLOT_WITHDRAWN:
                self.running.set(str(event.payload["unit"]), None)
            else:  # the roster or the question itself: count again from the state
                self.running = RunningTally.of(self.state)
                break

    def tally(self) -> Tally:
        """The count now, kept one answer at a time (equal to `tally(self.state)`)."""
        return self.running.tally()

    def record(
        self,
        unit: str,
        answer: str,
        method: str,
        collector: str,
        note: str = "",
        collected_at: str = "",
    ) -> list[d.DecisionEvent]:
        self.retry()
        drafts = d.record_ballot(self.state, unit, answer, method, collector, note, collected_at)
        return self.execute(drafts)

    def withdraw(self, unit: str, reason: str = "", collector: str = "") -> list[d.DecisionEvent]:
        self.retry()
        return self.execute(d.withdraw_ballot(self.state, unit, reason, collector))

    def close_count(self) -> list[d.DecisionEvent]:
        self.retry()
        events = self.execute(d.close_count(self.state, outcome(self.state)))
        self.file.set_meeting_row(summary_row(self.state))
        return events

    def reopen_count(self, reason: str) -> list[d.DecisionEvent]:
        self.retry()
        events = self.execute(d.reopen_count(self.state, reason))
        self.file.set_meeting_row(summary_row(self.state))
        return events

    def results(self) -> list[dict[str, Any]]:
        """The results saved at each close (outcome, checkpoint, proof), oldest first."""
        return self.file.table(RESULTS_TABLE)

    @property
    def data_root(self) -> Path:
        """The data folder this decision's file lives in (`owners/<id>.json` under it)."""
        return self.file.path.parent.parent

    def close(self) -> None:
        self.file.close()
