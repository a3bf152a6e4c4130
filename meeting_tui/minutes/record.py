"""Saved minutes: written into the meeting's file when it closes, one version per close.

The archive must hold the minutes as they were finalised, whatever later
versions of this program would print: so closing a meeting writes the whole
`Minutes` document (finished words, not codes) into the meeting file's
`minutes` table, and exports of a closed meeting render from that saved
document. A recorded reopen and a second close add version 2 and keep
version 1, so the record of what was first agreed never disappears.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from meeting_tui.domain import commands
from meeting_tui.domain.checkpoint import checkpoint_at
from meeting_tui.domain.events import Event, EventKind, timestamp
from meeting_tui.domain.model import MeetingState, MeetingStatus
from meeting_tui.minutes import checkpoints
from meeting_tui.minutes.build import build_minutes, in_force
from meeting_tui.minutes.model import Minutes
from meeting_tui.store.archive import Archive
from meeting_tui.store.errors import StoreError
from meeting_tui.store.live import LiveMeeting

MINUTES_TABLE = "minutes"


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


@dataclass(frozen=True)
class MinutesInputs:
    """What a new minutes version is built from, taken on the thread that owns the meeting file."""

    state: MeetingState
    events: tuple[Event, ...]
    covered: tuple[dict[str, Any], ...]  # the stored events up to the close
    earlier: tuple[dict[str, Any], ...]  # the versions saved before
    salt: str
    closed_seq: int
    saved_at: str


def minutes_inputs(live: LiveMeeting) -> MinutesInputs:
    """Step 1 (the meeting's thread): copy what the minutes need; may store the salt (one write)."""
    seq = closing_seq(live.log.events)
    if live.state.status is not MeetingStatus.CLOSED or seq is None:
        raise ValueError("minutes are recorded when the meeting is closed")
    salt = checkpoints.salt_in(live.file)
    return MinutesInputs(
        live.state,
        tuple(live.log.events),
        tuple(e for e in live.file.events() if e["seq"] <= seq),
        tuple(live.file.table(MINUTES_TABLE)),
        salt,
        seq,
        timestamp(live.clock()),
    )


def compose_minutes(inputs: MinutesInputs) -> dict[str, Any]:
    """Step 2 (any thread, the slow part): the minutes and their checkpoint, as a document."""
    state = inputs.state
    sealed = checkpoints.seal(
        inputs.covered, state.community, state.meeting_id, inputs.salt, earlier=inputs.earlier
    )
    minutes = dataclasses.replace(
        build_minutes(state, list(inputs.events)),
        digest=sealed["checkpoint"]["digest"],
        digest_events=sealed["checkpoint"]["size"],
    )
    return {
        "saved_at": inputs.saved_at,
        "closed_seq": inputs.closed_seq,
        "minutes": minutes.to_json(),
        **sealed,
    }


def store_minutes(live: LiveMeeting, document: Mapping[str, Any]) -> int:
    """Step 3 (the meeting's thread): add the document as the next version; its number."""
    docs = live.file.table(MINUTES_TABLE)
    version = max((v.version for v in saved_versions(docs)), default=0) + 1
    live.file.write_table(MINUTES_TABLE, [*docs, {"version": version, **document}])
    return version


def record_minutes(live: LiveMeeting) -> int:
    """Save the closed meeting's minutes as a new version (one durable write); its number."""
    return store_minutes(live, compose_minutes(minutes_inputs(live)))


def close_and_record(live: LiveMeeting) -> int:
    """Close the meeting (stored first), then save its minutes; the new version number.

    If the minutes cannot be written after the close was stored, the error
    is raised and exports build the minutes afresh until `record_minutes`
    succeeds: the close itself is never lost.
    """
    live.execute(commands.close_meeting(live.state))
    return record_minutes(live)


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


def read_minutes_table(archive: Archive, meeting_id: str) -> list[dict[str, Any]]:
    """The saved minutes of a meeting, read without its lock (it may be open elsewhere).

    Like `Archive.read_meeting`, this relies on atomic writes: it sees a whole
    file, old or new. An unreadable file gives no saved versions; reading its
    events reports the damage.
    """
    with contextlib.suppress(OSError, StoreError):
        return [
            doc for doc in archive.read_table(meeting_id, MINUTES_TABLE) if isinstance(doc, dict)
        ]
    return []


def read_salt(archive: Archive, meeting_id: str) -> str | None:
    """The meeting's checkpoint salt, read without its lock; None if none was made yet."""
    with contextlib.suppress(OSError, StoreError):
        return checkpoints.salt_of(
            [
                d
                for d in archive.read_table(meeting_id, checkpoints.SALT_TABLE)
                if isinstance(d, dict)
            ]
        )
    return None


def saved_digest(
    events: Sequence[Event], table_docs: Sequence[Mapping[str, Any]]
) -> tuple[str, int]:
    """The digest (and events covered) saved at the close in force; ("", 0) before a close."""
    checkpoint = checkpoint_at(table_docs, closing_seq(events))
    return (checkpoint.digest, checkpoint.size) if checkpoint else ("", 0)
