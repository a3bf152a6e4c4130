"""The kept backlog brought up to date from the meetings that changed, not made anew from all.

A step in one meeting moves the `meetings/` folder's stamp, and the kept
backlog (store/archive_lists.py) no longer holds. Made anew, the list reads
every meeting's summary and makes all its lines: 1.2 s in a fresh process at
5,000 meetings, to change a few of 10,000. So beside the kept list is its
basis, `summaries/backlog.basis`, kept under the same header and stamp: for
each meeting the list was made from, in the index's order, its file's stamp (as
the archive summary checks it), its date, how many of the list's lines are its
deferrals, and what it took up (the deferrals whose standing it sets).

`updated` brings the list up to date. The index is listed and each meeting
file's stamp taken, as the full read does. Each meeting whose stamp is not the
basis's (or that is new) has its summary read: its kept row, else its log
folded. Its lines are made anew, and so is the line of every deferral that a
changed or removed meeting took up, before or now. Every other line is the kept
one, byte for byte, in the order the full read gives (by date, then the index's
order). tests/store/test_store_backlog_update.py compares the two after each
kind of change.

Anything else goes to the full read: no basis, or one of another stamp or
another list than the list's (its header holds the list's CRC-32); a damaged or
torn file; a meeting that cannot be read (left unreported here: the full read
names it with its quarantined copy and backup) or is marked broken; a meeting
file that holds another meeting; an index whose unchanged meetings come in
another order; more than `MOST_CHANGED` meetings changed or removed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from meeting_tui.domain.archive_lines import LINE_ERRORS, backlog_from, backlog_line
from meeting_tui.domain.archive_summary import MeetingSummary, taken_from, taken_json
from meeting_tui.domain.archive_views import backlog_entry, standing, takers_from
from meeting_tui.store.archive import Archive
from meeting_tui.store.archive_summary import BuiltFrom, Kept, built_from, summary_of
from meeting_tui.store.errors import StoreError
from meeting_tui.store.kept_files import read_kept

BASIS_FILE = "backlog.basis"
LINES_FILE = "backlog.lines"
MOST_CHANGED = 64  # meetings; beyond that the full read is about as quick
# [meeting id, [mtime_ns, size, inode], date, how many lines, [[meeting, motion, here, state]]]
BasisRow = list[Any]


def basis_row(summary: MeetingSummary, source: BuiltFrom) -> BasisRow:
    return [
        summary.meeting_id,
        _stamp(source),
        summary.date,
        len(summary.deferred),
        taken_json(summary.taken_up),
    ]


def basis_of(summaries: list[MeetingSummary], sources: list[BuiltFrom]) -> list[BasisRow]:
    """The basis of a list made from these summaries, read at these file stamps."""
    return [basis_row(s, source) for s, source in zip(summaries, sources, strict=True)]


def basis_body(basis: list[BasisRow]) -> bytes:
    return json.dumps(basis, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Update:
    """The list brought up to date, and what it was made from."""

    lines: list[bytes]
    # For each line, the place of the kept line it is (byte for byte), or None if made anew.
    reused: list[int | None]
    was: list[int]  # the archive's stamp the kept list was made at
    was_count: int
    basis: list[BasisRow]
    fresh: Kept  # summaries folded from their meeting files here, for the archive summary to keep


def updated(archive: Archive, folder: Path, made_by: list[str]) -> Update | None:
    """The kept backlog brought up to date from the meetings changed since; None: read it whole."""
    kept = read_kept(folder / LINES_FILE, None, made_by)
    if kept is None:
        return None
    header, body = kept
    was = header["stamp"]
    kept_basis = read_kept(folder / BASIS_FILE, was, made_by)
    # Its list's own: two keeps at one stamp could leave one's list beside the other's basis.
    if kept_basis is None or kept_basis[0].get("lines_crc32") != header["crc32"]:
        return None
    lines = body.split(b"\n")
    lines.pop()  # after the last line's newline
    try:
        old = _checked(json.loads(kept_basis[1]))
    except LINE_ERRORS:
        return None
    if old is None or len(lines) != header.get("count"):
        return None
    first_line: dict[str, int] = {}
    total = 0
    for row in sorted(old, key=itemgetter(2)):
        first_line[row[0]] = total
        total += row[3]
    if total != len(lines) or len(first_line) != len(old):
        return None
    old_by_id = {row[0]: row for row in old}
    found = _changed(archive, old_by_id, old)
    if found is None:
        return None
    order, changed, removed = found
    summaries: dict[str, MeetingSummary] = {}
    fresh: Kept = {}
    reader = summary_of(archive)
    for meeting_id, source in changed.items():
        try:
            summary, folded = reader.one(meeting_id, source)
        except (StoreError, *LINE_ERRORS):
            return None  # the full read names the meeting that cannot be read
        if summary.meeting_id != meeting_id:  # another meeting's file copied in under this name
            return None
        summaries[meeting_id] = summary
        if folded:
            fresh[meeting_id] = (summary, source)
    basis = [basis_row(summaries[m], changed[m]) if m in changed else old_by_id[m] for m in order]
    made = _lines(
        basis, summaries, lines, first_line, _affected(basis, old_by_id, changed, removed)
    )
    if made is None:
        return None
    return Update(made[0], made[1], was, len(lines), basis, fresh)


def _changed(
    archive: Archive, old_by_id: dict[str, BasisRow], old: list[BasisRow]
) -> tuple[list[str], dict[str, BuiltFrom], set[str]] | None:
    """(the listed meetings in order, those whose file changed with its stamp, those gone)."""
    try:
        listed = archive.list_meetings()
    except StoreError:
        return None
    meetings = os.fspath(archive.meetings_dir)
    order: list[str] = []
    changed: dict[str, BuiltFrom] = {}
    for row in listed:
        meeting_id = str(row.get("id", ""))
        if row.get("broken"):  # an id that is no file name is listed broken: never a path here
            return None
        source = built_from(f"{meetings}/{meeting_id}.json")
        if source is None:
            return None
        known = old_by_id.get(meeting_id)
        if known is None or known[1] != _stamp(source):
            changed[meeting_id] = source
            if len(changed) > MOST_CHANGED:
                return None
        order.append(meeting_id)
    listed_ids = set(order)
    removed = old_by_id.keys() - listed_ids
    if len(listed_ids) != len(order) or len(changed) + len(removed) > MOST_CHANGED:
        return None
    kept_order = [m for m in order if m not in changed]
    if kept_order != [row[0] for row in old if row[0] in listed_ids and row[0] not in changed]:
        return None  # the index lists its meetings in another order: ties may fall otherwise
    return order, changed, removed


def _affected(
    basis: list[BasisRow],
    old_by_id: dict[str, BasisRow],
    changed: dict[str, BuiltFrom],
    removed: set[str],
) -> dict[str, set[str]]:
    """The deferrals (meeting id → motion ids) a changed or removed meeting took up, then or now."""
    rows = [old_by_id[m] for m in (*changed, *removed) if m in old_by_id]
    rows += [row for row in basis if row[0] in changed]
    affected: dict[str, set[str]] = {}
    for row in rows:
        for meeting_id, motion_id, _here, _state_code in row[4]:
            affected.setdefault(meeting_id, set()).add(motion_id)
    return affected


def _lines(
    basis: list[BasisRow],
    summaries: dict[str, MeetingSummary],
    lines: list[bytes],
    first_line: dict[str, int],
    affected: dict[str, set[str]],
) -> tuple[list[bytes], list[int | None]] | None:
    """Each line of the list in order, and the kept line's place it is (None: made anew)."""
    try:
        followers, agendas = takers_from((row[0], taken_from(row[4])) for row in basis if row[4])
    except LINE_ERRORS:  # a state no release writes
        return None
    made: list[bytes] = []
    reused: list[int | None] = []
    for row in sorted(basis, key=itemgetter(2)):
        meeting_id = row[0]
        summary = summaries.get(meeting_id)
        if summary is not None:
            for motion in summary.deferred:
                entry = backlog_entry(summary, motion, followers, agendas)
                made.append(backlog_line(entry).encode("utf-8"))
                reused.append(None)
            continue
        first = first_line[meeting_id]
        touched = affected.get(meeting_id)
        if touched is None:  # nothing of it restated: its kept lines as they are
            made += lines[first : first + row[3]]
            reused += range(first, first + row[3])
            continue
        for at in range(first, first + row[3]):
            line = lines[at]
            try:
                entry = backlog_from(line)
            except LINE_ERRORS:
                return None
            if entry.origin.meeting_id != meeting_id:
                return None
            if entry.origin.motion_id in touched:
                status, where, resolution = standing(entry.origin, followers, agendas)
                now = entry._replace(status=status, resolved_in=where, resolution=resolution)
                restated = backlog_line(now).encode("utf-8")
                if restated != line:
                    made.append(restated)
                    reused.append(None)
                    continue
            made.append(line)
            reused.append(at)
    return made, reused


def _checked(doc: Any) -> list[BasisRow] | None:
    """The basis as read, if every row has its shape; None otherwise (another layout, an edit)."""
    if not isinstance(doc, list):
        return None
    for row in doc:
        if not (
            isinstance(row, list)
            and len(row) == 5
            and isinstance(row[0], str)
            and isinstance(row[1], list)
            and isinstance(row[2], str)
            and type(row[3]) is int
            and row[3] >= 0
            and isinstance(row[4], list)
        ):
            return None
        for taken in row[4]:
            if not (isinstance(taken, list) and len(taken) == 4):
                return None
    return doc


def _stamp(source: BuiltFrom) -> list[int]:
    return [source["mtime_ns"], source["size"], source["inode"]]
