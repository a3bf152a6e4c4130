"""The backlog and the follow-ups kept ready to show: one ordered line per entry, trusted by two stats.

Reading the kept archive summary (store/archive_summary.py) costs, in a fresh
process, a `stat` per meeting file, the parse of every month's summary and the
ordering of 40,000 parts: half a second at 5,000 meetings, though a screen
shows 200 rows and the `backlog` verb only prints. So each list, once made, is
kept as `summaries/<name>.lines`: a header line, then each entry as one line of
JSON in the list's order (domain/archive_lines.py). Opening it reads the file
and splits it into lines; a row decodes its line only when shown.

What the file was made from is the archive as two stats see it: the
`meetings/` folder (mtime, ctime, inode: the store only ever replaces, creates
or removes files there — every append, open, backup and restore moves it) and
the index file. The header holds those stamps, taken before the summary was
read: while both are unchanged no meeting changed since, and the file is the
list. Any change (a step in another window, a crash between a meeting write and
the summary write, a file copied in by hand) moves the folder's stamp, and the
next read is the full one — every meeting's stamp checked, stale rows rebuilt
from the logs — after which the file is made again. A file is only made when
the folder's stamp is older than the coarse file clock's tick (`RACY_NS`), so a
replace in the same tick cannot hide behind an equal stamp; a list with an
unreadable meeting is never kept (its notices must be said at every read). The
header's count and CRC-32 catch a torn or damaged file, which is then ignored;
its `made_by` (release and language) and a check that its lines decode catch a
file another release wrote: made again, never shown and never a traceback.

The `backlog` verb, in a fresh process, first tries the kept backlog brought
up to date from the meetings changed since it was made (store/backlog_update.py,
with the list's basis kept beside it): the summary's full read is for a process
that has read it once already, or a change it cannot follow.

Not seen: a meeting file overwritten in place by hand (`cp` onto an existing
file keeps the folder's stamp) until the next change in `meetings/`.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import weakref
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from meeting_tui import __version__, i18n
from meeting_tui.domain.archive_lines import (
    LINE_ERRORS,
    backlog_from,
    backlog_line,
    followup_from,
    followup_line,
)
from meeting_tui.domain.archive_summary import MeetingSummary
from meeting_tui.domain.archive_views import (
    BacklogEntry,
    FollowUpEntry,
    Listing,
    backlog_listing,
)
from meeting_tui.domain.followup_order import FollowUpsOrder
from meeting_tui.store.archive import Archive
from meeting_tui.store.archive_summary import RACY_NS, read_stamp, summary_of
from meeting_tui.store.backlog_update import (
    BASIS_FILE,
    BasisRow,
    Update,
    basis_body,
    basis_of,
    updated,
)
from meeting_tui.store.errors import StoreError
from meeting_tui.store.kept_files import printed_path, read_kept
from meeting_tui.store.storage import make_folders, remove_stale_temps, write_atomically

T = TypeVar("T")
KEEP_SLICE, KEEP_PAUSE_SECONDS = 1000, 0.002  # entries made between pauses when a list is kept
ArchiveStamp = list[int]


def made_by() -> list[str]:
    """What a kept file must have been made by to be trusted: this release, in this language.

    Another release may word the backlog otherwise (`.printed`) or lay its lines
    out otherwise (`.lines`): its files are made again, never shown. The package's
    own `__version__` (no metadata scan: it is imported already).
    """
    return [__version__, i18n.current_language()]


@dataclass(frozen=True)
class ListKind(Generic[T]):
    """One kept list: its file's name, how it is made from the summaries, and its line codec."""

    name: str
    # (summaries, what the last make returned first, or None) → (that for the next make, the list)
    make: Callable[[list[MeetingSummary], Any], tuple[Any, Listing[T]]]
    line: Callable[[T], str]
    entry: Callable[[bytes], T]


def _backlog(summaries: list[MeetingSummary], _earlier: Any) -> tuple[None, Listing[BacklogEntry]]:
    """Made whole each time: one meeting taking a deferral up changes another's entry."""
    return None, backlog_listing(summaries)


def _followups(
    summaries: list[MeetingSummary], earlier: FollowUpsOrder | None
) -> tuple[FollowUpsOrder, Listing[FollowUpEntry]]:
    """Only the changed meetings' follow-ups placed anew (domain/followup_order.py)."""
    order = FollowUpsOrder.of(summaries) if earlier is None else earlier.after(summaries)
    return order, order.listing()


BACKLOG: ListKind[BacklogEntry] = ListKind("backlog", _backlog, backlog_line, backlog_from)
FOLLOWUPS: ListKind[FollowUpEntry] = ListKind("followups", _followups, followup_line, followup_from)


@dataclass
class ListRead(Generic[T]):
    """A list as read, the meetings that could not be read, and how to keep it (None: kept already)."""

    entries: Listing[T]
    problems: list[StoreError]
    keep: Callable[[], None] | None = None
    lines: list[bytes] | None = None  # the kept file's lines, when read from it
    # The archive's stamp the list is true at, when what is made from it may be kept.
    stamp: ArchiveStamp | None = None
    # The kept backlog brought up to date (store/backlog_update.py), when it was.
    update: Update | None = None

    def all_lines(self, kind: ListKind[T]) -> list[bytes]:
        """Every entry as its line: the kept ones, or each entry encoded (a list made afresh)."""
        if self.lines is not None:
            return self.lines
        return [kind.line(entry).encode("utf-8") for entry in self.entries]


def archive_stamp(archive: Archive) -> ArchiveStamp | None:
    """The `meetings/` folder's and the index's stamps (`read_stamp`, the summary's own reuse key)."""
    stamp = read_stamp(archive)
    return None if stamp is None else list(stamp)


class KeptLists:
    """The archive's kept lists, each read from its file while the archive's stamp holds."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.folder = summary_of(archive).folder
        self._lines: dict[str, tuple[list[int | str], list[bytes]]] = {}  # read here, by made_by
        # One reader of a kept file at a time: a read ahead of the screen (`kept`) and the
        # screen's own read find the file read once, not twice side by side.
        self._reading_kept = threading.Lock()
        # The list last made from the summary: given again while the summary is the same list.
        self._made: dict[str, tuple[list[MeetingSummary], Listing[Any], Any]] = {}

    def path_of(self, kind: ListKind[Any]) -> Path:
        return self.folder / f"{kind.name}.lines"

    def read(self, kind: ListKind[T], *, update: bool = False) -> ListRead[T]:
        """The list: from its file if the archive did not change since, else made from the summary.

        `update=True` (the `backlog` verb's, a fresh process's) first tries the
        kept backlog brought up to date from the meetings changed since
        (store/backlog_update.py): in process, the summary's own read is quicker.
        """
        began = time.time_ns()
        stamp = archive_stamp(self.archive)
        if stamp is not None:
            ready = self._kept_read(kind, stamp, from_disk=True)
            if ready is not None:
                return ready
            if update and kind is BACKLOG:
                brought = updated(self.archive, self.folder, made_by())
                if brought is not None:
                    return self._updated_read(kind, stamp, brought, began)
        summaries, problems = summary_of(self.archive).read()
        made = self._made.get(kind.name)
        if made is None or made[0] is not summaries:
            state, listing = kind.make(summaries, None if made is None else made[2])
            made = self._made[kind.name] = (summaries, listing, state)
        entries: Listing[T] = made[1].copy()  # the caller's own: a pick or a done changes it
        settled = stamp is not None and began - max(stamp[0], stamp[3]) > RACY_NS
        if not settled or problems or stamp is None:
            return ListRead(entries, problems)
        kept = made[1].copy()
        # The backlog's basis (store/backlog_update.py): the file stamps these summaries were
        # read at, taken now; made into its rows only when the list is kept.
        sources = summary_of(self.archive).sources_of(summaries) if kind is BACKLOG else None

        def keep() -> None:
            basis = None if sources is None else basis_of(summaries, sources)
            self._keep(kind, stamp, kept, basis)

        return ListRead(entries, problems, keep, None, stamp)

    def _updated_read(
        self, kind: ListKind[T], stamp: ArchiveStamp, made: Update, began: int
    ) -> ListRead[T]:
        """The list brought up to date; kept (with its basis) once the archive is still."""
        settled = began - max(stamp[0], stamp[3]) > RACY_NS

        def keep() -> None:
            """Nothing while the archive was just written: a month's summary rewritten for one
            row is about 17 ms at 5,000 meetings, and the basis names the meetings folded."""
            if not settled:
                return
            if made.fresh:  # folded from their logs: the next reader need not fold them again
                with contextlib.suppress(StoreError, OSError):
                    summary_of(self.archive).keep(made.fresh)
            self._keep_lines(kind, stamp, made.lines, made.basis)

        entries: Listing[T] = Listing(made.lines, kind.entry, raw=bytes)
        return ListRead(entries, [], keep, made.lines, stamp if settled else None, made)

    def kept(self, kind: ListKind[T], *, from_disk: bool) -> ListRead[T] | None:
        """The list as kept, while no meeting changed since it was made; None otherwise.

        Never the summary's long read. `from_disk=False` only looks in memory (two
        `stat`s: for the UI thread); `from_disk=True` reads the kept file if it must
        (a thread's: the start screen reads the lists ahead of `b` and `f`).
        """
        stamp = archive_stamp(self.archive)
        return None if stamp is None else self._kept_read(kind, stamp, from_disk=from_disk)

    def _kept_read(
        self, kind: ListKind[T], stamp: ArchiveStamp, *, from_disk: bool
    ) -> ListRead[T] | None:
        lines = self._kept_lines(kind, stamp, from_disk=from_disk)
        if lines is None:
            return None
        return ListRead(Listing(lines, kind.entry, raw=bytes), [], None, lines, stamp)

    def _kept_lines(
        self, kind: ListKind[Any], stamp: ArchiveStamp, *, from_disk: bool = True
    ) -> list[bytes] | None:
        """The file's entry lines if it was made at `stamp` and is whole; None otherwise."""
        known = self._lines.get(kind.name)
        if known is not None and known[0] == [*stamp, *made_by()]:
            return known[1]
        if not from_disk:
            return None
        with self._reading_kept:
            known = self._lines.get(kind.name)  # read meanwhile by the other reader
            if known is not None and known[0] == [*stamp, *made_by()]:
                return known[1]
            return self._lines_from_file(kind, stamp)

    def _lines_from_file(self, kind: ListKind[Any], stamp: ArchiveStamp) -> list[bytes] | None:
        kept = self._read_kept(self.path_of(kind), stamp)
        if kept is None:
            return None
        header, body = kept
        lines = body.split(b"\n")
        lines.pop()  # after the last line's newline
        if len(lines) != header.get("count") or not _readable(kind, lines):
            return None
        self._lines[kind.name] = ([*stamp, *made_by()], lines)
        return lines

    def _read_kept(self, path: Path, stamp: ArchiveStamp) -> tuple[dict[str, Any], bytes] | None:
        """(header, body) of a kept file made at `stamp` and whole; None otherwise."""
        return read_kept(path, stamp, made_by())

    def _write_kept(self, path: Path, stamp: ArchiveStamp, body: bytes, **more: Any) -> bool:
        """Keep `body` under a header naming `stamp`; False if the disk refused (nothing lost)."""
        header = {"made_by": made_by(), "stamp": stamp, **more, "crc32": zlib.crc32(body)}
        try:
            make_folders(self.folder)
            with summary_of(self.archive).locked():
                remove_stale_temps(path)
                write_atomically(path, json.dumps(header).encode("utf-8") + b"\n" + body)
        except (OSError, StoreError):
            return False
        return True

    def _keep(
        self,
        kind: ListKind[T],
        stamp: ArchiveStamp,
        entries: Listing[T],
        basis: list[BasisRow] | None = None,
    ) -> None:
        """Write the list (every entry made once); a refused write only means a slower next read.

        Made in slices with a pause between, outside the lock: a screen's worker
        runs this while the person presses keys, and the UI thread needs the
        interpreter then (and a `d` the summary lock) more than this file does.
        """
        parts = []
        for start in range(0, len(entries), KEEP_SLICE):
            parts.append("".join(kind.line(e) + "\n" for e in entries[start : start + KEEP_SLICE]))
            time.sleep(KEEP_PAUSE_SECONDS)
        body = "".join(parts).encode("utf-8")
        self._keep_body(kind, stamp, body, len(entries), basis)

    def _keep_lines(
        self, kind: ListKind[Any], stamp: ArchiveStamp, lines: list[bytes], basis: list[BasisRow]
    ) -> None:
        self._keep_body(kind, stamp, b"".join(line + b"\n" for line in lines), len(lines), basis)

    def _keep_body(
        self,
        kind: ListKind[Any],
        stamp: ArchiveStamp,
        body: bytes,
        count: int,
        basis: list[BasisRow] | None,
    ) -> None:
        """The list's file, then its basis under the same stamp (a list of another stamp's basis
        is never brought up to date: the full read makes it)."""
        if self._write_kept(self.path_of(kind), stamp, body, count=count):
            self._lines[kind.name] = ([*stamp, *made_by()], body.split(b"\n")[:-1])
            if basis is not None:
                lines_crc32 = zlib.crc32(body)
                self._write_kept(
                    self.folder / BASIS_FILE, stamp, basis_body(basis), lines_crc32=lines_crc32
                )

    def printed(self, name: str, stamp: ArchiveStamp) -> str | None:
        """A verb's whole output kept at `stamp` (`<name>.printed`); None if stale or missing.

        None too for a body that is not UTF-8 though its CRC-32 holds (made by hand,
        not by a release): the verb prints afresh, and keeps its own text over it.
        """
        kept = self._read_kept(printed_path(self.folder, name), stamp)
        if kept is None:
            return None
        try:
            return kept[1].decode("utf-8")
        except UnicodeDecodeError:
            return None

    def keep_printed(self, name: str, stamp: ArchiveStamp, text: str) -> None:
        """Keep a verb's output made from a list read at `stamp` (a still archive's)."""
        self._write_kept(printed_path(self.folder, name), stamp, text.encode("utf-8"))


def _readable(kind: ListKind[Any], lines: list[bytes]) -> bool:
    """The first and last lines decode: every line of one file is in one layout, and its
    CRC-32 stands for the rest, so a file that another layout wrote is not kept (made again)."""
    try:
        for line in lines[:1] + lines[-1:]:
            kind.entry(line)
    except LINE_ERRORS:
        return False
    return True


_SHARED: weakref.WeakKeyDictionary[Archive, KeptLists] = weakref.WeakKeyDictionary()


def lists_of(archive: Archive) -> KeptLists:
    """One per archive in this process, so a list read once is not read (or made) again."""
    found = _SHARED.get(archive)
    if found is None:
        found = _SHARED[archive] = KeptLists(archive)
    return found


def read_already(archive: Archive, kind: ListKind[T]) -> ListRead[T] | None:
    """The list if this process has its kept file in memory and no meeting changed since.

    For the UI thread: two `stat`s, never a file read (`KeptLists.kept`); None if the
    list must be read (the screen's worker does that).
    """
    found = _SHARED.get(archive)
    return None if found is None else found.kept(kind, from_disk=False)
