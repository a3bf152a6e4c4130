"""How the floor's events change the state; `fold.py` takes these handlers into its table.

Kept apart from `fold.py` so the floor can grow without that file growing.
Every time comes from the event's own timestamp, so the fold is the same
whenever it runs (at the meeting, after a crash, in a test).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from meeting_tui.domain.events import Event, EventKind
from meeting_tui.domain.floor import ChairHandover, Speech, SpeechState, Stance
from meeting_tui.domain.model import MeetingState, Party

Handler = Callable[[MeetingState, Event], None]
FLOOR_HANDLERS: dict[EventKind, Handler] = {}


def _on(kind: EventKind) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        FLOOR_HANDLERS[kind] = fn
        return fn

    return register


def _speech(state: MeetingState, event: Event) -> Speech:
    speech = state.floor.speeches.get(event.payload["speaker_id"])
    if speech is None:
        raise ValueError(f"event {event.seq}: unknown speaker {event.payload['speaker_id']!r}")
    return speech


def _leave_queue(state: MeetingState, speech: Speech) -> None:
    queue = state.floor.queues.get(speech.subject, [])
    if speech.id in queue:
        queue.remove(speech.id)


def _stop(speech: Speech, at: str) -> None:
    if speech.running_since is not None:
        speech.spoken_s = speech.spoken(datetime.fromisoformat(at))
        speech.running_since = None


@_on(EventKind.SPEAKER_ADDED)
def _added(state: MeetingState, event: Event) -> None:
    p = event.payload
    cap = p.get("cap")
    speech = Speech(
        id=p["speaker_id"],
        name=p["name"],
        party=Party(p.get("party", Party.RESIDENT)),
        stance=Stance(p.get("stance", Stance.OTHER)),
        subject=p.get("motion_id") or p["item_id"],
        added_at=event.at,
        point_of_order=bool(p.get("point_of_order", False)),
        nth=int(p.get("nth", 1)),
        cap=None if cap is None else int(cap),
    )
    state.floor.speeches[speech.id] = speech
    queue = state.floor.queues.setdefault(speech.subject, [])
    queue.insert(min(int(p.get("position", len(queue))), len(queue)), speech.id)


@_on(EventKind.SPEAKER_MOVED)
def _moved(state: MeetingState, event: Event) -> None:
    speech = _speech(state, event)
    _leave_queue(state, speech)
    queue = state.floor.queues.setdefault(speech.subject, [])
    queue.insert(min(int(event.payload["index"]), len(queue)), speech.id)


@_on(EventKind.SPEAKER_REMOVED)
def _removed(state: MeetingState, event: Event) -> None:
    speech = _speech(state, event)
    _leave_queue(state, speech)
    speech.state = SpeechState.REMOVED


@_on(EventKind.FLOOR_ORDER_OVERRIDDEN)
def _overridden(state: MeetingState, event: Event) -> None:
    _speech(state, event).passed_over = str(event.payload.get("suggested_id", ""))


@_on(EventKind.SPEAKER_STARTED)
def _started(state: MeetingState, event: Event) -> None:
    speech = _speech(state, event)
    _leave_queue(state, speech)
    limit = event.payload.get("limit_s")
    speech.state = SpeechState.SPEAKING
    speech.started_at = event.at
    speech.limit_s = None if limit is None else int(limit)
    speech.running_since = datetime.fromisoformat(event.at)


@_on(EventKind.SPEAKER_PAUSED)
def _paused(state: MeetingState, event: Event) -> None:
    speech = _speech(state, event)
    _stop(speech, event.at)
    speech.state = SpeechState.PAUSED


@_on(EventKind.SPEAKER_RESUMED)
def _resumed(state: MeetingState, event: Event) -> None:
    speech = _speech(state, event)
    speech.state = SpeechState.SPEAKING
    speech.running_since = datetime.fromisoformat(event.at)


@_on(EventKind.SPEAKER_ENDED)
def _ended(state: MeetingState, event: Event) -> None:
    speech = _speech(state, event)
    _stop(speech, event.at)
    speech.state = SpeechState.DONE
    speech.ended_at = event.at


@_on(EventKind.SPEECH_NOTED)
def _noted(state: MeetingState, event: Event) -> None:
    _speech(state, event).note = str(event.payload["note"])


@_on(EventKind.CHAIR_HANDED_OVER)
def _handed_over(state: MeetingState, event: Event) -> None:
    p = event.payload
    state.floor.handovers.append(ChairHandover(str(p["to"]), event.at, str(p.get("reason", ""))))


@_on(EventKind.CHAIR_TAKEN_BACK)
def _taken_back(state: MeetingState, event: Event) -> None:
    if state.floor.handovers:
        state.floor.handovers[-1].back_at = event.at


@_on(EventKind.FLOOR_LIMITS_SET)
def _limits_set(state: MeetingState, event: Event) -> None:
    p = event.payload
    if "speech_limit_s" in p:
        limit = p["speech_limit_s"]
        state.floor.speech_limit_s = None if limit is None else int(limit)
    if "speeches_per_person" in p:
        cap = p["speeches_per_person"]
        state.floor.speeches_per_person = None if cap is None else int(cap)
