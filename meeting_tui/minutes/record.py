"""Saved minutes: written into the meeting's file when it closes, one version per close.

The archive must hold the minutes as they were finalised, whatever later
versions of this program would print: so closing a meeting writes the whole
`Minutes` document (finished words, not codes) into the meeting file's
`minutes` table, and exports of a closed meeting render from that saved
document. A recorded reopen and a second close add version 2 and keep
version 1, so the record of what was first agreed never disappears.

This module says what a version holds (`sealed_minutes`); the store writes
it (`LiveMeeting.record_minutes`) and reads the table (store/record_tables.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from meeting_tui.domain.checkpoint import checkpoint_at
from meeting_tui.domain.events import Event, EventKind
from meeting_tui.domain.model import MeetingState, MeetingStatus
from meeting_tui.minutes import checkpoints
from meeting_tui.minutes.build import build_minutes, in_force
from meeting_tui.minutes.model import Minutes
from meeting_tui.store.live import ClosedRecord, LiveMeeting
from meeting_tui.store.record_tables import MINUTES_TABLE

__all__ = [
    "MINUTES_TABLE",
    "SavedMinutes",
    "close_and_record",
    "closing_seq",
    "minutes_for_export",
    "record_minutes",
    "saved_digest",
    "saved_versions",
    "sealed_minutes",
]


@dataclass(frozen=True)
class SavedMinutes:
    version: int
    saved_at: str
    closed_seq: int  # the `meeting_closed` event these minutes were written at
    minutes: Minutes


def closing_seq(events: Sequence[Event]) -> int | None:
    """The seq of the close in force (the latest, after any reopenings), or None."""
    closes = [e.seq for e in in_force(events) if e.kind is EventKind.MEETING_CLOSED]
    return closes[-1] if closes else None


def saved_versions(table_docs: Sequence[Mapping[str, Any]]) -> list[SavedMinutes]:
    """The readable saved versions, oldest first; a damaged document is skipped, not fatal."""
    versions = []
    for doc in table_docs:
        try:
            versions.append(
                SavedMinutes(
                    int(doc["version"]),
                    str(doc["saved_at"]),
                    int(doc["closed_seq"]),
                    Minutes.from_json(doc["minutes"]),
                )
            )
        except (KeyError, TypeError, ValueError):
            continue
    return sorted(versions, key=lambda v: v.version)


def sealed_minutes(record: ClosedRecord) -> dict[str, Any]:
    """The next saved version of a closed meeting: its minutes, digest and checkpoint (and proof)."""
    seq = closing_seq(record.events)
    if record.state.status is not MeetingStatus.CLOSED or seq is None:
        raise ValueError("minutes are recorded when the meeting is closed")
    version = max((v.version for v in saved_versions(record.earlier)), default=0) + 1
    covered = [e for e in record.stored_events if e["seq"] <= seq]
    state = record.state
    sealed = checkpoints.seal(
        covered, state.community, state.meeting_id, record.salt, earlier=record.earlier
    )
    minutes = dataclasses.replace(
        build_minutes(state, record.events),
        digest=sealed["checkpoint"]["digest"],
        digest_events=sealed["checkpoint"]["size"],
    )
    return {
        "version": version,
        "saved_at": record.saved_at,
        "closed_seq": seq,
        "minutes": minutes.to_json(),
        **sealed,
    }


def record_minutes(live: LiveMeeting) -> int:
    """Save the closed meeting's minutes as a new version (one durable write); its number."""
    return live.record_minutes(sealed_minutes)


def close_and_record(live: LiveMeeting) -> int:
    """Close the meeting (stored first), then save its minutes; the new version number."""
    return live.close_and_record(sealed_minutes)


def minutes_for_export(
    state: MeetingState,
    events: Sequence[Event],
    table_docs: Sequence[Mapping[str, Any]],
    lang: str | None = None,
) -> Minutes:
    """The saved version of a closed meeting's minutes; fresh minutes otherwise.

    Fresh when the meeting is not closed, when no version was saved at its
    latest close (closed by an older program, or the save failed), or when
    another language is asked for than the one the minutes were saved in.
    """
    wanted = lang or state.lang
    seq = closing_seq(events)
    if state.status is MeetingStatus.CLOSED and seq is not None:
        matching = [v for v in saved_versions(table_docs) if v.closed_seq == seq]
        if matching and matching[-1].minutes.lang == wanted:
            return matching[-1].minutes
        if matching:  # another language: fresh words, the same record and digest
            saved = matching[-1].minutes
            fresh = build_minutes(state, events, wanted)
            return dataclasses.replace(
                fresh, digest=saved.digest, digest_events=saved.digest_events
            )
    return build_minutes(state, events, wanted)


def saved_digest(
    events: Sequence[Event], table_docs: Sequence[Mapping[str, Any]]
) -> tuple[str, int]:
    """The digest (and events covered) saved at the close in force; ("", 0) before a close."""
    checkpoint = checkpoint_at(table_docs, closing_seq(events))
    return (checkpoint.digest, checkpoint.size) if checkpoint else ("", 0)
