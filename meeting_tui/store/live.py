"""A meeting being run: its log, its state and its file, moved forward together.

Every change goes command → drafts → events → durable append → state. The
state (what the screen shows) only changes after the store has the events on
disk. If the disk refuses, the events wait in `pending`, the state stays as it
was, and `retry()` writes them later; until then further changes are refused,
so nothing is shown as done that is not stored, and nothing is reordered.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from meeting_tui import i18n
from meeting_tui.domain import commands
from meeting_tui.domain.archive_summary import MeetingSummary, summarise
from meeting_tui.domain.archive_views import index_row
from meeting_tui.domain.events import Draft, Event, events_from_json, timestamp
from meeting_tui.domain.fold import fold
from meeting_tui.domain.log import MeetingLog
from meeting_tui.domain.model import MeetingState, MeetingStatus
from meeting_tui.store.archive import Archive
from meeting_tui.store.archive_summary import BuiltFrom, built_from, summary_of
from meeting_tui.store.demo import load_meeting_log
from meeting_tui.store.errors import (
    CorruptMeetingFileError,
    DiskFullError,
    MeetingExistsError,
    MeetingLockedError,
    StoreError,
    StoreNotice,
)
from meeting_tui.store.ids import new_meeting_id
from meeting_tui.store.meeting_file import MeetingFile
from meeting_tui.store.record_tables import MINUTES_TABLE, SALT_TABLE, salt_in, salt_of

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class ClosedRecord:
    """What a new minutes version is made from, copied from the meeting when it is saved.

    A copy, so a worker can make the minutes while the meeting goes on: the
    state is folded afresh from the copied events (the live state changes in place).
    """

    events: tuple[Event, ...]
    stored_events: list[dict[str, Any]]  # as the file holds them: what the checkpoint covers
    earlier: list[dict[str, Any]]  # the versions saved before
    salt: str
    saved_at: str

    @cached_property
    def state(self) -> MeetingState:
        return fold(list(self.events))


# Builds the whole saved version (its `version` number included); the minutes package has one.
MinutesMaker = Callable[[ClosedRecord], dict[str, Any]]


def local_now() -> datetime:
    return datetime.now().astimezone()


_DRAWS = 16  # a day with half the 1,048,576 ids taken still gets one in 16 draws


def _drawn_ids(clock: Clock) -> Iterator[str]:
    while True:
        yield new_meeting_id(clock().date())


class LiveMeeting:
    def __init__(self, archive: Archive, file: MeetingFile, clock: Clock = local_now) -> None:
        self.archive = archive
        self.file = file
        self.clock = clock
        try:
            events = events_from_json(file.events())
        except ValueError as exc:
            path = str(file.path)
            file.close()
            raise CorruptMeetingFileError(
                "store.meeting.bad_events", file=path, reason=str(exc)
            ) from exc
        self.log = MeetingLog(events)
        self.pending: list[Event] = []
        self.notices: list[StoreNotice] = []
        self._indexed: dict[str, Any] | None = None  # the summary this window last wrote
        self._summaries = summary_of(archive)  # shared: a month parsed once serves each write
        self._kept: tuple[MeetingSummary, BuiltFrom | None] | None = None  # and its backlog part
        self._owed: tuple[ClosedRecord, MinutesMaker] | None = None  # minutes of the last close
        self._later: Callable[[Callable[[], object]], object] | None = None  # see summaries_after
        self._summary_due = False  # steps taken since `_later` last wrote the summary

    # -- opening -------------------------------------------------------------

    @classmethod
    def open(cls, archive: Archive, meeting_id: str, clock: Clock = local_now) -> LiveMeeting:
        """Open the meeting and bring its archive row up to date (counts, a missed index write)."""
        live = cls(archive, archive.open_meeting(meeting_id), clock)
        row = index_row(live.state)
        try:
            listed = archive.index.rows().get(meeting_id)
        except StoreError:
            listed = None
        if listed is None or any(listed.get(key) != value for key, value in row.items()):
            live._save_row(row)
        else:
            live._indexed = row
        return live

    @classmethod
    def create(
        cls,
        archive: Archive,
        meeting_id: str,
        drafts: Callable[[MeetingState], Sequence[Draft]] | Sequence[Draft],
        clock: Clock = local_now,
    ) -> LiveMeeting:
        """A new meeting file from its first drafts (`create_meeting` and, say, an agenda)."""
        log = MeetingLog()
        first = drafts if not callable(drafts) else drafts(log.state)
        events = log.prepare(first, clock())
        log.commit(events)
        row = index_row(log.state)
        file = archive.create_meeting(meeting_id, row, [e.to_json() for e in events])
        live = cls(archive, file, clock)
        live._indexed = row
        return live

    @classmethod
    def create_new(
        cls,
        archive: Archive,
        drafts_for: Callable[[str], Sequence[Draft]],
        clock: Clock = local_now,
        ids: Iterator[str] | None = None,
    ) -> LiveMeeting:
        """A new meeting under a freshly drawn id: drawn again while the archive has it
        (or another window holds its lock).

        Four random characters a day clash now and then on a busy day; the file
        that is there is never touched. `ids` is where the ids come from
        (today's random ids unless given); `drafts_for(id)` makes the first drafts.
        """
        source = ids if ids is not None else _drawn_ids(clock)
        for meeting_id in itertools.islice(source, _DRAWS - 1):
            try:
                return cls.create(archive, meeting_id, drafts_for(meeting_id), clock)
            except (MeetingExistsError, MeetingLockedError):  # the lock is taken first
                continue
        meeting_id = next(source)  # the last draw: a clash now is said as it is
        return cls.create(archive, meeting_id, drafts_for(meeting_id), clock)

    @classmethod
    def install(cls, archive: Archive, meeting_id: str, events: Sequence[Event]) -> bool:
        """Put a finished log (the demo) into the archive if absent; True when written."""
        row = index_row(MeetingLog(events).state)
        return load_meeting_log(archive, meeting_id, row, [e.to_json() for e in events])

    # -- running -------------------------------------------------------------

    @property
    def state(self) -> MeetingState:
        return self.log.state

    @property
    def meeting_id(self) -> str:
        return self.file.meeting_id

    @property
    def path(self) -> Path:
        return self.file.path

    def execute(self, drafts: Sequence[Draft]) -> list[Event]:
        """Store `drafts` as events, then show them: raises StoreError if the disk refuses."""
        if self.pending:
            raise StoreError("store.pending", count=len(self.pending))
        if not drafts:
            return []
        self.settle_minutes()  # a step after a close (a reopen, an undo) comes after its minutes
        events = self.log.prepare(drafts, self.clock())
        try:
            self.file.append([e.to_json() for e in events])
        except StoreError:
            self.pending = events if self.file.pending else []
            raise
        self._take(events)
        return events

    def retry(self) -> list[Event]:
        """Write what the disk refused before; raises StoreError if it still refuses."""
        if not self.pending:
            return []
        self.file.retry_pending()
        events, self.pending = self.pending, []
        self._take(events)
        return events

    def _take(self, events: Sequence[Event]) -> None:
        before = index_row(self.state)
        self.log.commit(events)
        after = index_row(self.state)
        if _index_worthy(before, after) or self._indexed is None:
            self._save_row(after)
        if self._later is None:
            self._keep_changed_summary()
        elif not self._summary_due:
            self._summary_due = True
            self._later(self.write_due_summary)

    def summaries_after(self, later: Callable[[Callable[[], object]], object]) -> None:
        """From now on a step's archive summary is written when `later` runs what it is given.

        The session screen passes "after the next frame": a deferral used to wait for the
        month's summary file to be rewritten and fsynced (about 2 ms) before it showed. The
        summary is derived: if the program dies before it is written, a reader finds it
        stale by the meeting file's stamp and builds it again from the file (`built_from`),
        and `close` writes one still due.
        """
        self._later = later

    def write_due_summary(self) -> None:
        """Write the summary the steps since the last write left due, if it changed (a no-op
        when none is due, or once the file is closed)."""
        due, self._summary_due = self._summary_due, False
        if due and not self.file.closed:
            self._keep_changed_summary()

    def _keep_changed_summary(self) -> None:
        summary = summarise(self.state)
        if self._kept is None or self._kept[0] != summary:
            self._keep_summary(summary)

    def _keep_summary(self, summary: MeetingSummary) -> None:
        """Keep what the backlog and follow-ups need of this meeting (store/archive_summary.py).

        Written when it changes (a deferral, a follow-up done, a deferral taken
        up) and at leave. A refused write is silent: the summary is derived, and
        a reader finds it stale by the meeting file's stamp and rebuilds it.
        """
        source = built_from(self.path)
        try:
            if source is not None:
                self._summaries.keep({self.meeting_id: (summary, source)})
        except StoreError:
            self._kept = None
            return
        self._kept = (summary, source)

    def _save_row(self, row: dict[str, Any]) -> None:
        """Write the summary into the meeting file and the index; a failure is only a notice.

        The events are already on disk when this runs, so a refused write here
        loses nothing: the person hears "saved, list not refreshed", and the
        row is written again at the next change, at leave or at the next open.
        """
        try:
            self.file.set_meeting_row(row)
            self.archive.update_index(self.meeting_id, row)
        except StoreError as error:
            self._indexed = None
            self.notices.append(StoreNotice("store.index.not_refreshed", reason=_reason(error)))
            return
        self._indexed = row

    # -- what screens read, and the close ------------------------------------

    def archive_summaries(self) -> list[MeetingSummary]:
        """Every readable meeting's kept summary (for suggestions); reads only, so any thread."""
        return summary_of(self.archive).read()[0]

    @property
    def events(self) -> Sequence[Event]:
        """The meeting's events so far, stored and shown (a pending step is in neither)."""
        return self.log.events

    def stored_events(self) -> list[dict[str, Any]]:
        """The events as the file holds them: what a checkpoint and a JSON export cover."""
        return self.file.events()

    def saved_minutes(self) -> list[dict[str, Any]]:
        """The minutes versions saved at each close, as stored (oldest first as written)."""
        return self.file.table(MINUTES_TABLE)

    def salt(self) -> str | None:
        """The checkpoint salt made at the first close; None before any close."""
        return salt_of(self.file.table(SALT_TABLE))

    def closed_record(self) -> ClosedRecord:
        """What the next minutes version is made from: a copy, so it can be made on any thread.

        Taken on the meeting's own thread; at the first close the checkpoint
        salt is made and stored here (one durable write).
        """
        if self.state.status is not MeetingStatus.CLOSED:
            raise ValueError("minutes are recorded when the meeting is closed")
        return ClosedRecord(
            tuple(self.events),
            self.stored_events(),
            self.saved_minutes(),
            salt_in(self.file),
            timestamp(self.clock()),
        )

    def store_minutes(self, version: Mapping[str, Any]) -> int:
        """Add a made version (see `MinutesMaker`) to the meeting's minutes (one durable write)."""
        self.file.write_table(MINUTES_TABLE, [*self.saved_minutes(), dict(version)])
        return int(version["version"])

    def owe_minutes(self, make: MinutesMaker) -> ClosedRecord:
        """After a close: what its minutes are made from, owed until paid or settled.

        A worker may make them (`make(record)`) and `pay_minutes` stores them.
        If the meeting moves on first (a reopen, an undo: any `execute`) or is
        left, `settle_minutes` makes and stores them here, on this thread: every
        close gets its version, and versions are stored in the order of closes.
        """
        record = self.closed_record()
        self._owed = (record, make)
        return record

    def pay_minutes(self, record: ClosedRecord, version: Mapping[str, Any] | None) -> int | None:
        """Store what a worker made from `record` (None: it could not); None if settled meanwhile."""
        if self._owed is None or self._owed[0] is not record:
            return None
        self._owed = None
        return None if version is None else self.store_minutes(version)

    def settle_minutes(self) -> int | None:
        """Make and store owed minutes now; None if none are owed (or they cannot be made)."""
        if self._owed is None or self.file.closed:
            return None
        record, make = self._owed
        self._owed = None
        try:
            version = self.store_minutes(make(record))
        except StoreError as error:
            self.notices.append(StoreNotice("minutes.not_saved", reason=error.message()))
            return None
        except Exception as error:  # a fault in making them: said; the close itself stands
            self.notices.append(
                StoreNotice("minutes.not_saved", reason=f"{type(error).__name__}: {error}")
            )
            return None
        self.notices.append(StoreNotice("close.done", version=version))
        return version

    def record_minutes(self, make: MinutesMaker) -> int:
        """Save one more minutes version (the salt too at the first close); its number."""
        return self.store_minutes(make(self.closed_record()))

    def close_and_record(self, make: MinutesMaker) -> int:
        """Close the meeting (stored first), then save its minutes; the new version number.

        If the minutes cannot be written after the close was stored, the error
        is raised and exports build the minutes afresh until `record_minutes`
        succeeds: the close itself is never lost.
        """
        self.execute(commands.close_meeting(self.state))
        return self.record_minutes(make)

    def take_notices(self) -> list[StoreNotice]:
        """What the person should hear once about the last steps (e.g. the list not refreshed)."""
        taken, self.notices = self.notices, []
        return taken

    def close(self) -> None:
        """Leave the meeting: owed minutes stored, its archive row made true, the file closed."""
        self.settle_minutes()
        row = index_row(self.state)
        if not self.file.closed and row != self._indexed:
            self._save_row(row)
        self._summary_due = False
        if not self.file.closed:
            summary = summarise(self.state)
            if self._kept != (summary, built_from(self.path)):
                self._keep_summary(summary)
        self.file.close()


def _reason(error: StoreError) -> str:
    """A few words on why a write was refused, for inside another sentence."""
    if isinstance(error, DiskFullError):
        return i18n.t("store.reason.disk_full")
    reason = error.values.get("reason")
    return str(reason) if reason else error.message()


def _index_worthy(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """The index is rewritten at create, open, leave, and title or status changes, not per vote."""
    return any(before[k] != after[k] for k in ("title", "status", "kind", "community", "date"))
