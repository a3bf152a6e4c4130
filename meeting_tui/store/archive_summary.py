"""The archive summary: what the backlog and follow-ups need of each meeting, kept, not recomputed.

Folding 5,000 meeting logs to list their deferrals takes seconds. Instead each
meeting's `MeetingSummary` (domain/archive_summary.py) is kept in
`summaries/<YYYYMM>.json` — TinyDB files (table `meetings`), one per month of
meeting ids, so a write rewrites one month, not the whole archive — written
through the same atomic storage as the meetings, under a short lock
(`summaries.lock`) as the index is.

The meeting files stay the truth. Each row records what it was built from: the
meeting file's stamp (mtime_ns, size, inode — every write replaces the file, so
the stamp moves). A row whose stamp no longer matches the file (a crash between
the meeting write and the summary write, an edit behind the summary's back, a
restored backup), a missing row, a deleted or damaged summary file: each is
found by a `stat` and rebuilt from the meeting file, then kept again.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
import weakref
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from meeting_tui import i18n, locations
from meeting_tui.domain.archive_summary import MeetingSummary, summarise
from meeting_tui.domain.archive_views import without_collection
from meeting_tui.domain.events import events_from_json
from meeting_tui.domain.fold import fold
from meeting_tui.store.archive import Archive
from meeting_tui.store.errors import (
    CorruptMeetingFileError,
    IndexBusyError,
    StoreError,
    StoreNotice,
)
from meeting_tui.store.ids import is_valid_meeting_id
from meeting_tui.store.kept_files import folder_stamp
from meeting_tui.store.lock import FileLock, sweep_stale_asides
from meeting_tui.store.storage import (
    AtomicJSONStorage,
    encode,
    make_folders,
    remove_stale_temps,
    write_failure,
)

SUMMARY_TABLE = "meetings"
LOCK_WAIT_SECONDS = 3.0
# A folder stamp younger than this may share its clock tick with a later replace
# (file times come from a coarse clock), so it is not trusted to mean "unchanged".
RACY_NS = 2_000_000_000
# The lock file tells processes apart; threads of one process (a screen's worker
# and the UI thread) also take this lock, so they never race for the file.
_THIS_PROCESS = threading.Lock()
# Meetings checked between two pauses of a read (see `_read_each`).
CHECKED_BETWEEN_PAUSES = 100

BuiltFrom = dict[str, int]
Kept = dict[str, tuple[MeetingSummary, BuiltFrom]]


def built_from(path: Path | str) -> BuiltFrom | None:
    """The meeting file's stamp a summary is checked against; None while the file is missing."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return {"mtime_ns": st.st_mtime_ns, "size": st.st_size, "inode": st.st_ino}


def read_stamp(archive: Archive) -> tuple[int, ...] | None:
    """`meetings/`'s and the index's stamps (store/kept_files.py); None while either is missing."""
    return folder_stamp(archive.meetings_dir, archive.index_path)


def month_of(meeting_id: str) -> str:
    """The summary file a meeting's row lives in: its id's year and month (`202611`)."""
    return meeting_id[:6]


class ArchiveSummary:
    """Summaries of the archive's meetings, each checked against its meeting file when read."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.folder = locations.summaries_directory(archive.root)
        self.lock_path = archive.root / "summaries.lock"
        self._storages: dict[str, AtomicJSONStorage] = {}
        # Each row's JSON as last written, beside the very row it encodes: a month of 400
        # meetings is rewritten for one changed row, and only that row is encoded again.
        self._encoded: dict[str, tuple[dict[str, Any], bytes]] = {}
        # Summaries already parsed, with the stamp they hold: a later read that
        # finds the same stamp skips the month's file altogether.
        self._parsed: dict[str, tuple[BuiltFrom, MeetingSummary]] = {}
        # The last full read, and the archive's `read_stamp` it was made at (see `read`).
        self._last: tuple[tuple[int, ...], list[MeetingSummary], list[StoreError]] | None
        self._last = None
        self._reading = threading.Lock()  # a second reader waits, then finds the first's result
        self._before: tuple[list[MeetingSummary], list[StoreError]] = ([], [])

    def path_of(self, month: str) -> Path:
        return self.folder / f"{month}.json"

    def _storage(self, month: str) -> AtomicJSONStorage:
        storage = self._storages.get(month)
        if storage is None:
            storage = AtomicJSONStorage(self.path_of(month), shared=True)
            self._storages[month] = storage
        return storage

    def _rows(self, month: str) -> dict[str, dict[str, Any]]:
        """The stored rows of one month by meeting id; none when its file is missing or unreadable.

        A damaged file is copied to the quarantine (never lost) and then treated
        as empty: every row of it is rebuilt from the meetings and written anew.
        """
        try:
            data = self._storage(month).read() or {}
        except CorruptMeetingFileError:
            with contextlib.suppress(OSError, StoreError):
                self.archive.quarantine(self.path_of(month))
            self._storages.pop(month, None)
            return {}
        except StoreError:  # EIO, a folder in its place: rebuilt from the meetings instead
            return {}
        table = data.get(SUMMARY_TABLE, {})
        if not isinstance(table, dict):
            return {}
        return {row["id"]: row for row in table.values() if isinstance(row, dict) and "id" in row}

    def _lock(self) -> FileLock:
        return FileLock(
            self.lock_path,
            lambda _owner: IndexBusyError(
                "store.index.busy", file=str(self.folder), lock=str(self.lock_path)
            ),
        )

    def keep(self, fresh: Kept) -> None:
        """Store these summaries, each with the stamp it was built from; one write per month.

        Raises `StoreError` when the disk refuses; nothing is lost then, the
        next read finds the row stale or missing and rebuilds it.
        """
        months: dict[str, Kept] = {}
        for meeting_id, entry in fresh.items():
            self.archive.meeting_path(meeting_id)  # validates the id
            months.setdefault(month_of(meeting_id), {})[meeting_id] = entry
        with self.locked():
            for month, entries in sorted(months.items()):
                self._write_month(month, entries)

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold `summaries.lock` (raises `IndexBusyError` after a short wait): one writer at a time."""
        with _THIS_PROCESS:
            lock = self._lock()
            lock.acquire(wait_seconds=LOCK_WAIT_SECONDS)
            try:
                sweep_stale_asides(self.lock_path)
                yield
            finally:
                lock.release()

    def _write_month(self, month: str, entries: Kept) -> None:
        path = self.path_of(month)
        try:
            make_folders(self.folder)
        except OSError as exc:
            raise write_failure(exc, self.folder) from exc
        remove_stale_temps(path)
        rows = self._rows(month)
        for meeting_id, (summary, source) in entries.items():
            rows[meeting_id] = {
                "id": meeting_id,
                "built_from": source,
                "summary": summary.to_json(),
            }
        docs: dict[str, dict[str, Any]] = {}
        parts = []
        for n, key in enumerate(sorted(rows), start=1):
            row = docs[str(n)] = rows[key]
            known = self._encoded.get(key)
            if known is None or known[0] is not row:  # written or read anew: encoded anew
                known = self._encoded[key] = (row, encode(row))
            parts.append(b'"%d": %b' % (n, known[1]))
        raw = b'{"%b": {%b}}' % (SUMMARY_TABLE.encode(), b", ".join(parts))
        self._storage(month).write_encoded({SUMMARY_TABLE: docs}, raw)

    def read(self) -> tuple[list[MeetingSummary], list[StoreError]]:
        """Every listed meeting's summary (newest id first), and a notice for each unreadable one.

        A row that is missing or no longer matches its meeting file is rebuilt
        from the file and kept again (a refused write is only slower next time).
        A view across meetings must not drop a meeting silently: the notice
        names it and says how to restore it, so its deferred items are not forgotten.

        The store only ever replaces meeting files (temp file, rename), and each
        replace moves the folder's stamp; a meeting marked broken by another
        reader moves the index's: while both have the stamps of the last full
        read (`read_stamp`, the very stamp the kept lists are made under), no
        meeting changed, and that read's result (the same list, its problems
        named again) is given again without a `stat` per meeting.
        """
        with self._reading:
            began = time.time_ns()
            stamp = read_stamp(self.archive)
            if self._last is not None and stamp is not None and self._last[0] == stamp:
                return self._last[1], self._last[2]
            with without_collection():  # 40,000 summary parts made at a first read
                summaries, problems = self._read_each()
            if self._same_as_before(summaries, problems):
                summaries, problems = self._before  # the same list: its rows need not be remade
            self._before = (summaries, problems)
            settled = stamp is not None and began - max(stamp[0], stamp[3]) > RACY_NS
            self._last = (stamp, summaries, problems) if stamp and settled else None
            return summaries, problems

    def _same_as_before(self, summaries: list[MeetingSummary], problems: list[StoreError]) -> bool:
        """Every meeting's summary the very object the last read gave, and the same problems."""
        old, old_problems = self._before
        return (
            len(old) == len(summaries)
            and all(a is b for a, b in zip(old, summaries, strict=True))
            and [p.message() for p in old_problems] == [p.message() for p in problems]
        )

    def _read_each(self) -> tuple[list[MeetingSummary], list[StoreError]]:
        """`read` the long way: each meeting's stamp checked against its kept summary.

        Every `CHECKED_BETWEEN_PAUSES` meetings the interpreter is offered to the
        other threads (`time.sleep(0)`: about a microsecond when none waits). An
        archive screen's worker reads here while the UI thread draws the screen it
        has just shown; holding the interpreter for the 5,000 meetings' stamps (30–60
        ms) made that thread wait up to Python's 5 ms switch interval at each turn,
        and the screen's last frames came that much later.
        """
        summaries: list[MeetingSummary] = []
        problems: list[StoreError] = []
        stored: dict[str, dict[str, dict[str, Any]]] = {}
        fresh: Kept = {}
        meetings = os.fspath(self.archive.meetings_dir)
        listed = self.archive.list_meetings()
        time.sleep(0)
        for n, row in enumerate(listed, start=1):
            if n % CHECKED_BETWEEN_PAUSES == 0:
                time.sleep(0)
            meeting_id = str(row.get("id", ""))
            if row.get("broken"):
                problems.append(_unreadable(meeting_id, i18n.t("store.status.damaged")))
                continue
            if not is_valid_meeting_id(meeting_id):  # a hand-edited index: the path is refused
                self.archive.meeting_path(meeting_id)
            source = built_from(f"{meetings}/{meeting_id}.json")  # a str: no Path made per meeting
            parsed = self._parsed.get(meeting_id)
            if parsed is not None and source is not None and parsed[0] == source:
                summaries.append(parsed[1])
                continue
            month = month_of(meeting_id)
            if month not in stored:
                stored[month] = self._rows(month)
            summary = _current(stored[month].get(meeting_id), source)
            if summary is None:
                try:
                    summary = self.rebuilt(meeting_id)
                except StoreError as error:
                    problems.append(_unreadable(meeting_id, error.message()))
                    continue
                except (ValueError, KeyError) as error:
                    problems.append(_unreadable(meeting_id, str(error)))
                    continue
                if source is not None:
                    fresh[meeting_id] = (summary, source)
            if source is not None:
                self._parsed[meeting_id] = (source, summary)
            summaries.append(summary)
        if fresh:
            with contextlib.suppress(StoreError, OSError):
                self.keep(fresh)
        return summaries, problems

    def one(self, meeting_id: str, source: BuiltFrom) -> tuple[MeetingSummary, bool]:
        """One meeting's summary as its file is at `source`, and whether it was rebuilt from the file.

        Its kept row if that was built from the file at `source`, else the file
        folded (the caller keeps it: `keep`). Raises `StoreError`, `ValueError` or
        `KeyError` as `rebuilt` does when the meeting cannot be read, and leaves a
        damaged file unreported (no quarantine copy, no mark in the index): the
        full read that follows names it with its copy and its backup.
        """
        parsed = self._parsed.get(meeting_id)
        if parsed is not None and parsed[0] == source:
            return parsed[1], False
        summary = None
        if not self._written_after_month(meeting_id, source):  # else its row cannot be current
            summary = _current(self._rows(month_of(meeting_id)).get(meeting_id), source)
        fresh = summary is None
        if summary is None:  # a damaged file is left as it is: the full read reports it
            summary = self.rebuilt(meeting_id, report_damage=False)
        self._parsed[meeting_id] = (source, summary)
        return summary, fresh

    def _written_after_month(self, meeting_id: str, source: BuiltFrom) -> bool:
        """The meeting file replaced after its month's summary was last written (or none is).

        A row is written after the file it was built from, so its month is then
        newer; a file newer than its month has a stamp no row holds, and the
        month (700 KB at 400 meetings a month) need not be parsed to find that.
        A month's time set back by hand only means a fold that was not needed.
        """
        try:
            month = os.stat(self.path_of(month_of(meeting_id))).st_mtime_ns
        except OSError:
            return True
        return source["mtime_ns"] > month

    def sources_of(self, summaries: list[MeetingSummary]) -> list[BuiltFrom] | None:
        """The file stamp each of these summaries was read or built at; None if one is not known.

        Known for the very summary objects this reader gave (`read`, `one`).
        """
        sources = []
        for summary in summaries:
            parsed = self._parsed.get(summary.meeting_id)
            if parsed is None or parsed[1] is not summary:
                return None
            sources.append(parsed[0])
        return sources

    def rebuilt(self, meeting_id: str, *, report_damage: bool = True) -> MeetingSummary:
        """The summary from the meeting file itself, read without its lock."""
        _, events = self.archive.read_meeting(meeting_id, report_damage=report_damage)
        return summarise(fold(events_from_json(events)))


_SHARED: weakref.WeakKeyDictionary[Archive, ArchiveSummary] = weakref.WeakKeyDictionary()


def summary_of(archive: Archive) -> ArchiveSummary:
    """One reader per archive in this process, so a second look parses only what changed."""
    found = _SHARED.get(archive)
    if found is None:
        found = _SHARED[archive] = ArchiveSummary(archive)
    return found


def _current(row: Mapping[str, Any] | None, source: BuiltFrom | None) -> MeetingSummary | None:
    """The stored summary if it was built from the file as it is now; None if stale or damaged."""
    if row is None or source is None or row.get("built_from") != source:
        return None
    try:
        return MeetingSummary.from_json(row["summary"])
    except (KeyError, TypeError, ValueError):
        return None


def _unreadable(meeting_id: str, reason: str) -> StoreNotice:
    return StoreNotice("store.meeting.unreadable_in_backlog", meeting_id=meeting_id, reason=reason)
