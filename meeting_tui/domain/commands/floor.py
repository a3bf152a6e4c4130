"""Commands for the floor: register, reorder, remove, call, pause, resume and end speakers,
note what they said, hand the chair over and back, and set the limits.

Each command checks the state and returns drafts; the order a speaker takes
and the limit a speech runs under are decided here and stored in the event.
"""

from __future__ import annotations

import re
from typing import Any

from meeting_tui.domain.commands import guards
from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.events import Draft, EventKind
from meeting_tui.domain.floor import (
    FIRST_TIME,
    POINT_OF_ORDER,
    REPEAT,
    Speech,
    SpeechState,
    Stance,
    last_speech,
    person_key,
    position_for,
    suggest_next,
)
from meeting_tui.domain.model import MeetingState, Party

NAME_LIMIT = 60
KEEP = "__keep__"  # set_floor_limits: leave this limit as it is
SPEECH_LIMIT_RANGE = (10, 3600)  # seconds: from a quick question to an hour's report
CAP_RANGE = (1, 20)
_NO_LIMIT = frozenset({"", "0", "不限", "无", "没有", "none", "no", "off", "-"})
_CLOCK = re.compile(r"^(\d{1,2})[:：](\d{2})$")
_AMOUNT = re.compile(r"^(\d+(?:\.\d+)?)\s*(秒|s|sec|分钟|分|m|min)?$", re.IGNORECASE)


def subject_of(
    state: MeetingState, motion_id: str | None = None, item_id: str | None = None
) -> dict[str, str]:
    """The matter a queue belongs to: a motion, else an agenda item (the active one by default)."""
    if motion_id:
        return {"motion_id": guards.motion(state, motion_id).id}
    if item_id is None:
        active = state.active_item
        if active is None:
            raise DomainError("error.floor.no_subject")
        item_id = active.id
    return {"item_id": guards.item(state, item_id).id}


def _speech(state: MeetingState, speaker_id: str) -> Speech:
    found = state.floor.speeches.get(speaker_id)
    if found is None:
        raise DomainError("error.floor.unknown_speaker", id=speaker_id)
    return found


def _waiting(state: MeetingState, speaker_id: str) -> Speech:
    speech = _speech(state, speaker_id)
    if speech.state is not SpeechState.WAITING:
        raise DomainError("error.floor.not_waiting", name=speech.name)
    return speech


def _current(state: MeetingState) -> Speech:
    current = state.floor.current
    if current is None:
        raise DomainError("error.floor.nobody_speaking")
    return current


def _new_id(state: MeetingState) -> str:
    numbers = [int(s.lstrip("s")) for s in state.floor.speeches if s.lstrip("s").isdigit()]
    return f"s{max(numbers, default=0) + 1}"


def add_speaker(
    state: MeetingState,
    name: Any,
    party: Any = Party.RESIDENT.value,
    stance: Any = Stance.OTHER.value,
    *,
    motion_id: str | None = None,
    item_id: str | None = None,
    point_of_order: bool = False,
) -> list[Draft]:
    """Register a speaker for a matter, in the place the order rules give them.

    Over the per-person cap is not refused (the chair decides), but the event
    carries `nth` and `cap` so the screen warns and the minutes note it.
    """
    guards.require_open(state)
    subject = subject_of(state, motion_id, item_id)
    key = next(iter(subject.values()))
    cleaned = guards.text(name, "speaker", limit=NAME_LIMIT)
    floor = state.floor
    earlier = floor.speeches_by(key, cleaned)
    if any(s.state is SpeechState.WAITING for s in earlier):
        raise DomainError("error.floor.already_waiting", name=cleaned)
    nth = sum(1 for s in earlier if s.has_spoken) + 1
    tier = POINT_OF_ORDER if point_of_order else (FIRST_TIME if nth == 1 else REPEAT)
    payload: dict[str, Any] = {
        "speaker_id": _new_id(state),
        **subject,
        "name": cleaned,
        "party": guards.choice(Party, party or Party.RESIDENT.value, "party").value,
        "stance": guards.choice(Stance, stance or Stance.OTHER.value, "stance").value,
        "point_of_order": bool(point_of_order),
        "nth": nth,
        "cap": floor.speeches_per_person,
        "position": position_for(floor, key, tier),
    }
    return [Draft(EventKind.SPEAKER_ADDED, payload)]


def move_speaker(state: MeetingState, speaker_id: str, step: int) -> list[Draft]:
    """The chair moves a waiting speaker up (step < 0) or down the queue: recorded as chosen."""
    guards.require_open(state)
    speech = _waiting(state, speaker_id)
    queue = state.floor.queues[speech.subject]
    index = queue.index(speech.id) + step
    if not 0 <= index < len(queue):
        raise DomainError("error.floor.cannot_move", name=speech.name)
    return [Draft(EventKind.SPEAKER_MOVED, {"speaker_id": speech.id, "index": index})]


def remove_speaker(state: MeetingState, speaker_id: str) -> list[Draft]:
    """Someone waiting no longer wishes to speak (or left)."""
    guards.require_open(state)
    speech = _waiting(state, speaker_id)
    return [Draft(EventKind.SPEAKER_REMOVED, {"speaker_id": speech.id})]


def _facilitator_must_hand_over(state: MeetingState, speech: Speech) -> None:
    """主持中立: a facilitator who wants to speak hands the chair to someone else first."""
    facilitator = person_key(state.facilitator)
    if facilitator and person_key(speech.name) == facilitator and not state.floor.chair_deputy:
        raise DomainError("error.floor.chair_speaks", name=speech.name)


def start_speaker(
    state: MeetingState,
    speaker_id: str | None = None,
    *,
    motion_id: str | None = None,
    item_id: str | None = None,
) -> list[Draft]:
    """Give the floor: to the suggested next speaker of the matter, or to the one the chair
    names (an override of the suggestion, recorded). A speech still going is ended first."""
    drafts = guards.ensure_started(state)
    if speaker_id is None:
        key = next(iter(subject_of(state, motion_id, item_id).values()))
        chosen = suggest_next(state.floor, key)
        if chosen is None:
            raise DomainError("error.floor.queue_empty")
    else:
        chosen = _waiting(state, speaker_id)
    _facilitator_must_hand_over(state, chosen)
    current = state.floor.current
    if current is not None:
        drafts.append(Draft(EventKind.SPEAKER_ENDED, {"speaker_id": current.id}))
    suggested = suggest_next(state.floor, chosen.subject)
    if suggested is not None and suggested.id != chosen.id:
        override = {"speaker_id": chosen.id, "suggested_id": suggested.id}
        drafts.append(Draft(EventKind.FLOOR_ORDER_OVERRIDDEN, override))
    started = {"speaker_id": chosen.id, "limit_s": state.floor.speech_limit_s}
    return [*drafts, Draft(EventKind.SPEAKER_STARTED, started)]


def toggle_pause(state: MeetingState) -> list[Draft]:
    """Pause the speech holding the floor (an interruption, a point of order) or resume it."""
    guards.require_open(state)
    current = _current(state)
    kind = (
        EventKind.SPEAKER_PAUSED
        if current.state is SpeechState.SPEAKING
        else EventKind.SPEAKER_RESUMED
    )
    return [Draft(kind, {"speaker_id": current.id})]


def end_speaker(state: MeetingState) -> list[Draft]:
    guards.require_open(state)
    return [Draft(EventKind.SPEAKER_ENDED, {"speaker_id": _current(state).id})]


def note_speech(state: MeetingState, note: Any, speaker_id: str | None = None) -> list[Draft]:
    """A one-line summary of a speech, typed while or after someone speaks."""
    guards.require_open(state)
    speech = _speech(state, speaker_id) if speaker_id else last_speech(state.floor)
    if speech is None or not speech.has_spoken:
        raise DomainError("error.floor.no_speech_to_note")
    cleaned = guards.text(note, "speech_note", required=False, limit=guards.MAX_TITLE)
    return [Draft(EventKind.SPEECH_NOTED, {"speaker_id": speech.id, "note": cleaned})]


def hand_over_chair(state: MeetingState, to: Any, reason: Any = "") -> list[Draft]:
    """主持中立: the facilitator hands the chair to `to` (to speak on a matter, say)."""
    guards.require_open(state)
    if state.floor.chair_deputy:
        raise DomainError("error.floor.already_handed_over", to=state.floor.chair_deputy)
    payload = {
        "to": guards.text(to, "chair_to", limit=NAME_LIMIT),
        "reason": guards.text(reason, "reason", required=False, limit=guards.MAX_TITLE),
    }
    return [Draft(EventKind.CHAIR_HANDED_OVER, payload)]


def take_back_chair(state: MeetingState) -> list[Draft]:
    guards.require_open(state)
    if not state.floor.chair_deputy:
        raise DomainError("error.floor.not_handed_over")
    return [Draft(EventKind.CHAIR_TAKEN_BACK, {"from": state.floor.chair_deputy})]


def speech_limit_seconds(value: Any) -> int | None:
    """A per-speech limit as typed: 2 (minutes), 1:30, 90秒, 90s, 2分钟; 0 or 不限 for none."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool) and value == 0):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        seconds = value  # a number from code is seconds
    else:
        typed = str(value).strip().lower()
        if typed in _NO_LIMIT:
            return None
        clock, amount = _CLOCK.match(typed), _AMOUNT.match(typed)
        if clock:
            seconds = int(clock.group(1)) * 60 + int(clock.group(2))
        elif amount:
            unit = (amount.group(2) or "分").lower()
            number = float(amount.group(1))
            seconds = round(number if unit in ("秒", "s", "sec") else number * 60)
        else:
            raise DomainError("error.floor.bad_limit", value=str(value)[:20])
    low, high = SPEECH_LIMIT_RANGE
    if not low <= seconds <= high:
        raise DomainError("error.floor.limit_range", value=seconds, low=low, high=high // 60)
    return seconds


def speeches_cap(value: Any) -> int | None:
    """Speeches per person per matter as typed: a number, or 0 / 不限 for no cap."""
    if value is None or str(value).strip().lower() in _NO_LIMIT:
        return None
    cap = guards.count(value, "speeches_per_person")
    low, high = CAP_RANGE
    if not low <= cap <= high:
        raise DomainError("error.floor.cap_range", value=cap, low=low, high=high)
    return cap


def set_floor_limits(
    state: MeetingState, speech_limit: Any = KEEP, speeches_per_person: Any = KEEP
) -> list[Draft]:
    """限时限次: the per-speech time limit and the per-person cap, each "no limit" allowed."""
    guards.require_open(state)
    floor = state.floor
    limit = floor.speech_limit_s if speech_limit == KEEP else speech_limit_seconds(speech_limit)
    cap = (
        floor.speeches_per_person
        if speeches_per_person == KEEP
        else speeches_cap(speeches_per_person)
    )
    if (limit, cap) == (floor.speech_limit_s, floor.speeches_per_person):
        return []
    payload = {"speech_limit_s": limit, "speeches_per_person": cap}  # both: the record reads whole
    return [Draft(EventKind.FLOOR_LIMITS_SET, payload)]
