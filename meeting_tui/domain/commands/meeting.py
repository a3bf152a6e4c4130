"""Commands for the meeting itself and its attendance."""

from __future__ import annotations

from typing import Any

from meeting_tui.domain.commands import guards
from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.events import Draft, EventKind
from meeting_tui.domain.model import (
    DecisionRule,
    MeetingKind,
    MeetingState,
    MeetingStatus,
    Party,
    QuorumPolicy,
)

_TEXT_FIELDS = (
    "community",
    "location",
    "planned_start",
    "planned_end",
    "facilitator",
    "recorder",
)


def _meeting_fields(changes: dict[str, Any]) -> dict[str, Any]:
    """Validate meeting fields given by a form or the CLI; unknown names are a bug."""
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "title":
            out[name] = guards.text(value, "title", limit=guards.MAX_TITLE)
        elif name in _TEXT_FIELDS:
            out[name] = guards.text(value, name, required=False, limit=guards.MAX_TITLE)
        elif name == "kind":
            out[name] = guards.choice(MeetingKind, value, "kind").value
        elif name == "lang":
            out[name] = "en" if str(value).lower().startswith("en") else "zh"
        elif name == "default_rule":
            out[name] = guards.choice(DecisionRule, value, "default_rule").value
        elif name == "quorum_policy":
            out[name] = guards.choice(QuorumPolicy, value, "quorum_policy").value
        elif name == "quorum":
            out[name] = None if value in (None, "", 0) else guards.count(value, "quorum")
        elif name == "voting_parties":
            out[name] = _parties(value)
        else:
            raise TypeError(f"unknown meeting field {name!r}")
    return out


def _parties(value: Any) -> list[str]:
    parties = [guards.choice(Party, p, "voting_parties").value for p in value]
    if not parties:
        raise DomainError("error.no_voting_party")
    return list(dict.fromkeys(parties))


def create_meeting(meeting_id: str, title: str, kind: str = "bench", **fields: Any) -> list[Draft]:
    """The first event of every meeting log."""
    payload = {
        "meeting_id": meeting_id,
        **_meeting_fields({"title": title, "kind": kind, **fields}),
    }
    return [Draft(EventKind.MEETING_CREATED, payload)]


def edit_meeting(state: MeetingState, **changes: Any) -> list[Draft]:
    guards.require_open(state)
    fields = _meeting_fields(changes)
    fields = {k: v for k, v in fields.items() if _current(state, k) != v}
    return [Draft(EventKind.MEETING_EDITED, fields)] if fields else []


def _current(state: MeetingState, name: str) -> Any:
    value = getattr(state, name)
    if name == "voting_parties":
        return [p.value for p in value]
    return value.value if hasattr(value, "value") else value


def set_voting_parties(state: MeetingState, parties: Any) -> list[Draft]:
    """Who votes, changed at the meeting (a joint meeting of officials has no residents).

    Its own event, not a `meeting_edited`, so that the timeline and the minutes
    say when the denominator of every later vote changed, and to what.
    """
    guards.require_open(state)
    chosen = _parties(parties)
    if chosen == [p.value for p in state.voting_parties]:
        return []
    return [Draft(EventKind.VOTING_PARTIES_SET, {"parties": chosen})]


def start_meeting(state: MeetingState) -> list[Draft]:
    guards.require_open(state)
    if state.status is MeetingStatus.IN_SESSION:
        raise DomainError("error.already_started")
    return [Draft(EventKind.MEETING_STARTED, {})]


def close_meeting(state: MeetingState) -> list[Draft]:
    """Closing marks the active item done, so its time stops with the meeting."""
    guards.require_open(state)
    if state.status is MeetingStatus.DRAFT:
        raise DomainError("error.not_started")
    drafts = []
    speech = state.floor.current
    if speech is not None:  # a speech still going ends with the meeting, its time kept
        drafts.append(Draft(EventKind.SPEAKER_ENDED, {"speaker_id": speech.id}))
    active = state.active_item
    if active is not None:
        drafts.append(Draft(EventKind.ITEM_DONE, {"item_id": active.id}))
    return [*drafts, Draft(EventKind.MEETING_CLOSED, {})]


def reopen_meeting(state: MeetingState, reason: str) -> list[Draft]:
    if state.status is not MeetingStatus.CLOSED:
        raise DomainError("error.not_closed")
    return [Draft(EventKind.MEETING_REOPENED, {"reason": guards.text(reason, "reason")})]


def set_attendance(state: MeetingState, party: str, count: Any) -> list[Draft]:
    """Headcount of one party now; late arrivals and early leavers are later events."""
    guards.require_open(state)
    chosen = guards.choice(Party, party, "party")
    number = guards.count(count, "count")
    if state.attendance.present(chosen) == number:
        return []
    return [Draft(EventKind.ATTENDANCE_SET, {"party": chosen.value, "count": number})]


def set_headcounts(state: MeetingState, counts: dict[str, Any]) -> list[Draft]:
    """Several parties at once (the attendance screen confirms them together)."""
    drafts: list[Draft] = []
    for party, number in counts.items():
        drafts.extend(set_attendance(state, party, number))
    return drafts


def add_attendee(state: MeetingState, name: str, party: str, building: str = "") -> list[Draft]:
    guards.require_open(state)
    taken = {a.id for a in state.attendance.roster}
    n = len(state.attendance.roster) + 1
    while f"p{n}" in taken:
        n += 1
    payload = {
        "attendee_id": f"p{n}",
        "name": guards.text(name, "name", limit=60),
        "party": guards.choice(Party, party, "party").value,
        "building": guards.text(building, "building", required=False, limit=60),
    }
    return [Draft(EventKind.ATTENDEE_ADDED, payload)]


def remove_attendee(state: MeetingState, attendee_id: str) -> list[Draft]:
    guards.require_open(state)
    if attendee_id not in {a.id for a in state.attendance.roster}:
        raise DomainError("error.unknown_attendee", id=attendee_id)
    return [Draft(EventKind.ATTENDEE_REMOVED, {"attendee_id": attendee_id})]
