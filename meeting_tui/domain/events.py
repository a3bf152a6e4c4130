"""Events: the only record of a meeting. State is a fold of them.

An event is stored as a plain JSON object
`{"seq": 1, "at": "2026-11-27T14:32:05+08:00", "kind": "motion_raised", "payload": {...}}`.
Commands produce `Draft`s (kind and payload); `stamp()` gives them the next
sequence numbers and the time, so a batch is appended to the store as one write.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

JSON = dict[str, Any]


class EventKind(StrEnum):
    MEETING_CREATED = "meeting_created"
    MEETING_EDITED = "meeting_edited"
    MEETING_STARTED = "meeting_started"
    MEETING_CLOSED = "meeting_closed"
    MEETING_REOPENED = "meeting_reopened"
    ATTENDANCE_SET = "attendance_set"
    ATTENDEE_ADDED = "attendee_added"
    ATTENDEE_REMOVED = "attendee_removed"
    ITEM_ADDED = "item_added"
    ITEM_EDITED = "item_edited"
    ITEM_MOVED = "item_moved"
    ITEM_REMOVED = "item_removed"
    ITEM_ACTIVATED = "item_activated"
    ITEM_TIMER_PAUSED = "item_timer_paused"
    ITEM_TIMER_RESUMED = "item_timer_resumed"
    ITEM_DONE = "item_done"
    ITEM_SKIPPED = "item_skipped"
    MOTION_RAISED = "motion_raised"
    MOTION_EDITED = "motion_edited"
    MOTION_NOTED = "motion_noted"
    MOTION_RESPONDED = "motion_responded"
    MOTION_WITHDRAWN = "motion_withdrawn"
    MOTION_ANSWERED = "motion_answered"
    MOTION_DEFERRED = "motion_deferred"
    VOTE_RECORDED = "vote_recorded"
    FOLLOWUP_ASSIGNED = "followup_assigned"
    FOLLOWUP_DONE = "followup_done"
    FOLLOWUP_EVALUATED = "followup_evaluated"
    UNDONE = "undone"
    VOTING_PARTIES_SET = "voting_parties_set"
    # The facilitator's choice, in the publish preview, to show or shorten one name in public.
    NAME_CHOICE_SET = "name_choice_set"
    # The floor (domain/floor.py): the speakers' queue, its limits and the chair.
    SPEAKER_ADDED = "speaker_added"
    SPEAKER_MOVED = "speaker_moved"
    SPEAKER_REMOVED = "speaker_removed"
    SPEAKER_STARTED = "speaker_started"
    SPEAKER_PAUSED = "speaker_paused"
    SPEAKER_RESUMED = "speaker_resumed"
    SPEAKER_ENDED = "speaker_ended"
    FLOOR_ORDER_OVERRIDDEN = "floor_order_overridden"
    SPEECH_NOTED = "speech_noted"
    CHAIR_HANDED_OVER = "chair_handed_over"
    CHAIR_TAKEN_BACK = "chair_taken_back"
    FLOOR_LIMITS_SET = "floor_limits_set"


# The first event makes the meeting; undoing it would leave nothing to fold.
NOT_UNDOABLE = frozenset({EventKind.MEETING_CREATED, EventKind.UNDONE})


@dataclass(frozen=True)
class Draft:
    """An event before it has a place in the log."""

    kind: EventKind
    payload: JSON = field(default_factory=dict)


@dataclass(frozen=True)
class Event:
    """One stored step of a meeting: its place in the log, when it was taken, its kind and data."""

    seq: int
    at: str
    kind: EventKind
    payload: JSON

    @property
    def time(self) -> datetime:
        return datetime.fromisoformat(self.at)

    def to_json(self) -> JSON:
        return {"seq": self.seq, "at": self.at, "kind": str(self.kind), "payload": self.payload}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Event:
        """Read a stored event; a malformed one raises ValueError naming what is wrong."""
        try:
            seq = data["seq"]
            at = data["at"]
            kind = EventKind(data["kind"])
            payload = data.get("payload", {})
        except (KeyError, TypeError) as exc:
            raise ValueError(f"malformed event: missing {exc}") from None
        except ValueError:
            raise ValueError(f"malformed event: unknown kind {data.get('kind')!r}") from None
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise ValueError(f"malformed event: bad seq {seq!r}")
        if not isinstance(at, str) or not isinstance(payload, dict):
            raise ValueError(f"malformed event {seq}: bad time or payload")
        datetime.fromisoformat(at)  # raises ValueError on a bad timestamp
        return cls(seq=seq, at=at, kind=kind, payload=dict(payload))


def timestamp(moment: datetime) -> str:
    """Event times are local wall-clock time with offset, to the second."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.isoformat(timespec="seconds")


def stamp(last_seq: int, drafts: Sequence[Draft], at: datetime) -> list[Event]:
    """Number `drafts` after `last_seq`, all at the same moment.

    The events of a batch of several carry `"batch": <first seq>` in their payload,
    so that one undo takes back everything one command did (`]` is two steps).
    """
    when = timestamp(at)
    mark = {"batch": last_seq + 1} if len(drafts) > 1 else {}
    return [
        Event(seq=last_seq + n, at=when, kind=d.kind, payload={**d.payload, **mark})
        for n, d in enumerate(drafts, start=1)
    ]


def events_from_json(rows: Sequence[Mapping[str, Any]]) -> list[Event]:
    return [Event.from_json(r) for r in rows]
