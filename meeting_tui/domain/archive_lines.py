"""A backlog or follow-up entry as one line of JSON, so a whole ordered list can be kept on disk.

The archive-wide screens show 200 rows at a time of lists that run to 30,000
entries. Kept as one line per entry in their order (store/archive_lists.py), a
list opens by reading the file and splitting it into lines; an entry is decoded
only when a row shows it (`Listing`), and the `backlog` verb streams the lines.
A line carries everything the entry has, its standing at the time the list was
made included: the list is rebuilt whenever a meeting file changed.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import Any, cast

from meeting_tui.domain.archive_summary import vote_from, vote_json
from meeting_tui.domain.archive_views import (
    BacklogEntry,
    BacklogStatus,
    FollowUpEntry,
    where_words,
    without_collection,
)
from meeting_tui.domain.model import Category, MotionState, Origin, Party, Vote


def followup_line(e: FollowUpEntry) -> str:
    return json.dumps(
        [
            e.origin.meeting_id,
            e.origin.motion_id,
            e.meeting_title,
            e.number,
            e.text,
            e.owner,
            e.due,
            e.done_on,
        ],
        ensure_ascii=False,
    )


def followup_from(line: bytes | str) -> FollowUpEntry:
    """The entry back from its line; raises ValueError (or KeyError/TypeError) if damaged."""
    meeting_id, motion_id, title, number, text, owner, due, done_on = json.loads(line)
    return FollowUpEntry(
        Origin(str(meeting_id), str(motion_id)),
        str(title),
        int(number),
        str(text),
        str(owner),
        None if due is None else str(due),
        None if done_on is None else str(done_on),
    )


def backlog_line(e: BacklogEntry) -> str:
    where = None if e.resolved_in is None else [e.resolved_in.meeting_id, e.resolved_in.motion_id]
    return json.dumps(
        [
            e.origin.meeting_id,
            e.origin.motion_id,
            e.meeting_title,
            e.meeting_date,
            e.number,
            e.text,
            e.reason,
            e.owner,
            e.target,
            vote_json(e.last_vote),
            e.status.value,
            where,
            None if e.resolution is None else e.resolution.value,
            e.proposer,
            e.party.value,
            e.category.value,
            e.cost,
        ],
        ensure_ascii=False,
    )


# What decoding a line that no release wrote may raise (RecursionError: brackets nested past the
# JSON parser's depth).
LINE_ERRORS = (ValueError, KeyError, TypeError, IndexError, RecursionError)


def backlog_from(line: bytes | str) -> BacklogEntry:
    """The entry back from its line; raises ValueError (or KeyError/TypeError) if damaged."""
    raw: list[Any] = json.loads(line)
    (meeting_id, motion_id, title, date, number, text, reason, owner, target, vote) = raw[:10]
    status, where, resolution, proposer, party, category, cost = raw[10:]
    return BacklogEntry(
        origin=Origin(str(meeting_id), str(motion_id)),
        meeting_title=str(title),
        meeting_date=str(date),
        number=int(number),
        text=str(text),
        reason=str(reason),
        owner=str(owner),
        target=str(target),
        last_vote=vote_from(vote),
        status=BacklogStatus(status),
        resolved_in=None if where is None else Origin(str(where[0]), str(where[1])),
        resolution=None if resolution is None else MotionState(resolution),
        proposer=str(proposer),
        party=Party(party),
        category=Category(category),
        cost=None if cost is None else int(cost),
    )


# Where each field of a backlog line is (see `backlog_line`), for the verbs that print every entry.
B_MEETING, B_MOTION, B_TITLE, B_DATE, B_NUMBER, B_TEXT, B_REASON, B_OWNER, B_TARGET = range(9)
B_VOTE, B_STATUS, B_WHERE, B_RESOLUTION = 9, 10, 11, 12
_STANDINGS = {s.value: s for s in BacklogStatus}
_STATES = {s.value: s for s in MotionState}
_FOR, _AGAINST, _ABSTAIN = (
    [f.name for f in dataclasses.fields(Vote)].index(name)
    for name in ("in_favour", "against", "abstain")
)


def backlog_rows(lines: Sequence[bytes]) -> list[list[Any]]:
    """Every line decoded in one parse, as lists (the `backlog` verb prints all 10,000)."""
    with without_collection():
        return cast(list[list[Any]], json.loads(b"[" + b",".join(lines) + b"]"))


def row_where(raw: Sequence[Any], said: dict[tuple[Any, ...], str] | None = None) -> str:
    """`where_text` of a decoded line: open, or where the deferral was taken up.

    `said` keeps the words already made in this printing: most of 10,000 lines
    say the same few things ("待商议"), each worked out once.
    """
    where = raw[B_WHERE]
    resolution = raw[B_RESOLUTION]
    key = (raw[B_STATUS], None if where is None else tuple(where), resolution)
    if said is not None and key in said:
        return said[key]
    words = where_words(
        _STANDINGS[raw[B_STATUS]],
        None if where is None else Origin(str(where[0]), str(where[1])),
        None if resolution is None else _STATES[resolution],
    )
    if said is not None:
        said[key] = words
    return words


def row_counts(raw: Sequence[Any]) -> tuple[int, int, int] | None:
    """A decoded line's last vote as (for, against, abstain); None if it was never voted."""
    vote = raw[B_VOTE]
    if vote is None:
        return None
    return int(vote[_FOR]), int(vote[_AGAINST]), int(vote[_ABSTAIN])
