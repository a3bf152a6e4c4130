"""The floor: order rules, limits and caps at their boundaries, the chair's handover, undo."""

from __future__ import annotations

from datetime import timedelta

import pytest

from meeting_tui.domain import DomainError, EventKind, fold
from meeting_tui.domain import commands as c
from meeting_tui.domain.floor import SpeechState, Stance, suggest_next
from tests.domain.conftest import Session, new_session


def debate(**fields: object) -> Session:
    """A started meeting with one motion under discussion (m1)."""
    s = new_session(facilitator="刘主任", **fields)  # type: ignore[arg-type]
    s.do(c.step_agenda, 1)
    s.do(c.raise_motion, "电线入地改造", proposer="李姓居民")
    return s


def names(s: Session, subject: str = "m1") -> list[str]:
    return [sp.name for sp in s.state.floor.waiting(subject)]


def add(s: Session, name: str, stance: str = "other", **kw: object) -> None:
    s.do(c.add_speaker, name, "resident", stance, motion_id="m1", **kw)  # type: ignore[arg-type]


def speak(s: Session, seconds: float = 60) -> None:
    """Call the suggested next speaker and let them speak `seconds`, then end."""
    s.do(c.start_speaker, motion_id="m1", seconds=1)
    s.do(c.end_speaker, seconds=seconds)


def test_speakers_wait_in_the_order_they_registered() -> None:
    s = debate()
    for name in ("李姓居民", "王姓居民", "张姓居民"):
        add(s, name)
    assert names(s) == ["李姓居民", "王姓居民", "张姓居民"]


def test_first_time_speakers_go_before_repeat_speakers() -> None:
    s = debate()
    add(s, "李姓居民")
    speak(s)
    add(s, "李姓居民")  # a second time: goes behind first-timers registered later
    add(s, "王姓居民")
    add(s, "张姓居民")
    assert names(s) == ["王姓居民", "张姓居民", "李姓居民"]
    repeat = s.state.floor.waiting("m1")[-1]
    assert repeat.nth == 2


def test_a_point_of_order_goes_to_the_top() -> None:
    s = debate()
    add(s, "李姓居民")
    add(s, "王姓居民")
    add(s, "赵姓居民", point_of_order=True)
    add(s, "孙姓居民", point_of_order=True)
    assert names(s) == ["赵姓居民", "孙姓居民", "李姓居民", "王姓居民"]


def test_suggestion_alternates_sides_within_the_same_tier() -> None:
    s = debate()
    add(s, "李姓居民", "for")
    speak(s)
    add(s, "王姓居民", "for")
    add(s, "张姓居民", "against")
    suggested = suggest_next(s.state.floor, "m1")
    assert suggested is not None and suggested.name == "张姓居民"
    s.do(c.start_speaker, motion_id="m1")  # the suggestion is taken: no override recorded
    assert s.state.floor.current is not None and s.state.floor.current.name == "张姓居民"
    assert not any(e.kind is EventKind.FLOOR_ORDER_OVERRIDDEN for e in s.state.history)


def test_alternation_never_lets_a_repeat_speaker_pass_a_first_timer() -> None:
    s = debate()
    add(s, "李姓居民", "against")
    speak(s)
    add(s, "王姓居民", "for")
    speak(s)
    add(s, "李姓居民", "against")  # repeat
    add(s, "张姓居民", "for")  # first time, same side as the last speaker
    assert names(s) == ["张姓居民", "李姓居民"]
    suggested = suggest_next(s.state.floor, "m1")
    assert suggested is not None and suggested.name == "张姓居民"


def test_calling_someone_else_is_an_override_on_record() -> None:
    s = debate()
    add(s, "李姓居民")
    add(s, "王姓居民")
    wang = s.state.floor.waiting("m1")[1]
    s.do(c.start_speaker, wang.id)
    kinds = [e.kind for e in s.state.history[-2:]]
    assert kinds == [EventKind.FLOOR_ORDER_OVERRIDDEN, EventKind.SPEAKER_STARTED]
    assert s.state.floor.speeches[wang.id].passed_over == s.state.floor.waiting("m1")[0].id


def test_moving_and_removing_waiting_speakers() -> None:
    s = debate()
    for name in ("甲", "乙", "丙"):
        add(s, name)
    third = s.state.floor.waiting("m1")[2]
    s.do(c.move_speaker, third.id, -1)
    assert names(s) == ["甲", "丙", "乙"]
    with pytest.raises(DomainError) as refused:
        c.move_speaker(s.state, s.state.floor.waiting("m1")[0].id, -1)
    assert refused.value.key == "error.floor.cannot_move"
    s.do(c.remove_speaker, third.id)
    assert names(s) == ["甲", "乙"]
    assert s.state.floor.speeches[third.id].state is SpeechState.REMOVED


def test_one_place_in_the_queue_per_person() -> None:
    s = debate()
    add(s, "王 小明")
    with pytest.raises(DomainError) as refused:
        add(s, "王小明")  # the same person typed without the space
    assert refused.value.key == "error.floor.already_waiting"
    assert "王小明" in refused.value.message()


def test_the_queue_of_each_matter_is_its_own() -> None:
    s = debate()
    s.do(c.raise_motion, "单元门更换", proposer="张姓居民")
    add(s, "李姓居民")
    s.do(c.add_speaker, "李姓居民", motion_id="m2")  # first time on m2 although waiting on m1
    assert names(s, "m2") == ["李姓居民"]
    assert s.state.floor.waiting("m2")[0].nth == 1


def test_without_a_motion_the_queue_is_the_active_items() -> None:
    s = debate()
    s.do(c.add_speaker, "李姓居民")
    item = s.state.active_item
    assert item is not None and names(s, item.id) == ["李姓居民"]
    empty = new_session()
    with pytest.raises(DomainError) as refused:
        c.add_speaker(empty.state, "李姓居民")
    assert refused.value.key == "error.floor.no_subject"


def test_speaking_time_comes_from_the_event_times_with_pauses() -> None:
    s = debate()
    add(s, "李姓居民")
    s.do(c.start_speaker, motion_id="m1")
    start = s.now
    s.do(c.toggle_pause, seconds=50)  # paused after 50 s
    s.do(c.toggle_pause, seconds=30)  # resumed 30 s later
    speech = s.state.floor.current
    assert speech is not None and speech.state is SpeechState.SPEAKING
    assert speech.spoken(start + timedelta(seconds=100)) == 70
    # A crash: the log folded again from the file still has the speech running since its start.
    again = fold(s.log.events).floor.current
    assert again is not None and again.spoken(start + timedelta(seconds=100)) == 70
    s.do(c.end_speaker, seconds=40)
    assert s.state.floor.speeches[speech.id].spoken_s == 90


def test_the_time_limit_at_its_boundary() -> None:
    s = debate()
    add(s, "李姓居民")
    s.do(c.start_speaker, motion_id="m1")
    speech = s.state.floor.current
    assert speech is not None and speech.limit_s == 120
    assert not speech.overrun(s.now + timedelta(seconds=120))
    assert speech.remaining(s.now + timedelta(seconds=120)) == 0
    assert speech.overrun(s.now + timedelta(seconds=121))


def test_no_time_limit_never_overruns() -> None:
    s = debate()
    s.do(c.set_floor_limits, "不限", "0")
    assert (s.state.floor.speech_limit_s, s.state.floor.speeches_per_person) == (None, None)
    add(s, "李姓居民")
    s.do(c.start_speaker, motion_id="m1")
    speech = s.state.floor.current
    assert speech is not None and not speech.overrun(s.now + timedelta(hours=1))


def test_the_cap_warns_and_does_not_refuse() -> None:
    s = debate()
    s.do(c.set_floor_limits, speeches_per_person=2)
    for _ in range(2):
        add(s, "李姓居民")
        speak(s)
    assert not any(sp.over_cap for sp in s.state.floor.speeches.values())
    add(s, "李姓居民")  # the third time: registered, and marked over the cap
    third = s.state.floor.waiting("m1")[0]
    assert (third.nth, third.cap, third.over_cap) == (3, 2, True)


@pytest.mark.parametrize(
    ("typed", "seconds"),
    [("2", 120), ("1:30", 90), ("90秒", 90), ("90s", 90), ("1.5", 90), ("3分钟", 180)],
)
def test_limits_as_people_type_them(typed: str, seconds: int) -> None:
    s = debate()
    s.do(c.set_floor_limits, typed)
    assert s.state.floor.speech_limit_s == seconds


@pytest.mark.parametrize(
    ("limit", "cap", "key"),
    [
        ("5秒", None, "error.floor.limit_range"),
        ("61", None, "error.floor.limit_range"),
        ("两分钟", None, "error.floor.bad_limit"),
        (None, "21", "error.floor.cap_range"),
        (None, "两次", "error.not_a_number"),
    ],
)
def test_limits_out_of_range_are_refused_naming_the_fix(
    limit: str | None, cap: str | None, key: str
) -> None:
    s = debate()
    with pytest.raises(DomainError) as refused:
        c.set_floor_limits(s.state, limit or c_keep(), cap or c_keep())
    assert refused.value.key == key


def c_keep() -> str:
    from meeting_tui.domain.commands.floor import KEEP

    return KEEP


def test_limit_boundaries_are_accepted() -> None:
    s = debate()
    s.do(c.set_floor_limits, "10秒", "1")
    assert (s.state.floor.speech_limit_s, s.state.floor.speeches_per_person) == (10, 1)
    s.do(c.set_floor_limits, "60", "20")
    assert (s.state.floor.speech_limit_s, s.state.floor.speeches_per_person) == (3600, 20)


def test_the_facilitator_hands_the_chair_over_before_speaking() -> None:
    s = debate()
    add(s, "刘主任", "for")
    with pytest.raises(DomainError) as refused:
        c.start_speaker(s.state, motion_id="m1")
    assert refused.value.key == "error.floor.chair_speaks"
    assert "c" in refused.value.message()
    s.do(c.hand_over_chair, "张书记", "主持人要发言")
    assert s.state.floor.chair_deputy == "张书记"
    with pytest.raises(DomainError):
        c.hand_over_chair(s.state, "王姓居民")
    s.do(c.start_speaker, motion_id="m1")
    s.do(c.end_speaker)
    s.do(c.take_back_chair)
    assert s.state.floor.chair_deputy == ""
    (handover,) = s.state.floor.handovers
    assert (handover.to, handover.reason) == ("张书记", "主持人要发言") and handover.back_at
    with pytest.raises(DomainError) as again:
        c.take_back_chair(s.state)
    assert again.value.key == "error.floor.not_handed_over"


def test_calling_the_next_ends_the_speech_still_going() -> None:
    s = debate()
    add(s, "李姓居民")
    add(s, "王姓居民")
    s.do(c.start_speaker, motion_id="m1")
    first = s.state.floor.current
    s.do(c.start_speaker, motion_id="m1", seconds=45)
    assert first is not None and s.state.floor.speeches[first.id].state is SpeechState.DONE
    assert s.state.floor.speeches[first.id].spoken_s == 45
    current = s.state.floor.current
    assert current is not None and current.name == "王姓居民"


def test_a_note_goes_to_the_speech_holding_the_floor_or_the_last_one() -> None:
    s = debate()
    with pytest.raises(DomainError) as refused:
        c.note_speech(s.state, "无")
    assert refused.value.key == "error.floor.no_speech_to_note"
    add(s, "李姓居民")
    speak(s)
    s.do(c.note_speech, "支持入地，担心施工期间停电")
    (speech,) = s.state.floor.speeches.values()
    assert speech.note == "支持入地，担心施工期间停电"


def _each_step() -> list[tuple[str, object]]:
    return [
        ("add", lambda s: add(s, "王姓居民", "against")),
        ("move", lambda s: s.do(c.move_speaker, s.state.floor.waiting("m1")[1].id, -1)),
        ("remove", lambda s: s.do(c.remove_speaker, s.state.floor.waiting("m1")[0].id)),
        ("start", lambda s: s.do(c.start_speaker, motion_id="m1")),
        ("override", lambda s: s.do(c.start_speaker, s.state.floor.waiting("m1")[1].id)),
        ("pause", lambda s: (s.do(c.start_speaker, motion_id="m1"), s.do(c.toggle_pause))),
        ("end", lambda s: (s.do(c.start_speaker, motion_id="m1"), s.do(c.end_speaker))),
        ("note", lambda s: (speak(s), s.do(c.note_speech, "摘要"))),
        ("handover", lambda s: s.do(c.hand_over_chair, "张书记")),
        ("take_back", lambda s: (s.do(c.hand_over_chair, "张书记"), s.do(c.take_back_chair))),
        ("limits", lambda s: s.do(c.set_floor_limits, "3", "1")),
    ]


@pytest.mark.parametrize(("step", "run"), _each_step(), ids=[n for n, _ in _each_step()])
def test_undo_takes_back_each_floor_step(step: str, run: object) -> None:
    s = debate()
    add(s, "李姓居民", "for")
    add(s, "赵姓居民", "for")
    assert callable(run)
    run(s)
    before_last = fold(s.log.events[: -len(_last_batch(s))])
    s.do(c.undo)
    assert s.state == before_last, step
    assert s.state == fold(s.log.events)


def _last_batch(s: Session) -> list[object]:
    last = s.log.events[-1]
    batch = last.payload.get("batch")
    if batch is None:
        return [last]
    return [e for e in s.log.events if e.payload.get("batch") == batch]


def test_a_meeting_without_floor_events_folds_to_an_empty_floor() -> None:
    s = new_session()
    floor = s.state.floor
    assert (floor.speeches, floor.queues, floor.handovers) == ({}, {}, [])
    assert (floor.speech_limit_s, floor.speeches_per_person) == (120, 2)


def test_every_floor_step_has_a_description_in_both_languages() -> None:
    s = debate()
    add(s, "李姓居民", "for")
    add(s, "王姓居民", "against")
    s.do(c.start_speaker, s.state.floor.waiting("m1")[1].id)
    s.do(c.toggle_pause)
    s.do(c.toggle_pause)
    s.do(c.end_speaker)
    s.do(c.note_speech, "摘要")
    s.do(c.hand_over_chair, "张书记")
    s.do(c.take_back_chair)
    s.do(c.set_floor_limits, "3", "0")
    s.do(c.move_speaker, s.state.floor.waiting("m1")[0].id, 0)
    s.do(c.remove_speaker, s.state.floor.waiting("m1")[0].id)
    floor_kinds = {
        k for k in EventKind if k.value.startswith(("speaker", "speech", "chair", "floor"))
    }
    seen = {e.kind for e in s.state.history} & floor_kinds
    assert seen == floor_kinds
    for event in s.state.history:
        if event.kind in floor_kinds:
            for lang in ("zh", "en"):
                text = c.describe(event, s.state, lang)
                assert "{" not in text and not text.startswith("event."), text
    moved = next(e for e in s.state.history if e.kind is EventKind.FLOOR_ORDER_OVERRIDDEN)
    assert (
        c.describe(moved, s.state, "zh")
        == "主持人改变发言顺序：先请 王姓居民（按规则应为 李姓居民）"
    )
    limits = next(e for e in s.state.history if e.kind is EventKind.FLOOR_LIMITS_SET)
    assert c.describe(limits, s.state, "zh") == "发言规则：每次限时 3 分钟，每人每事项限 不限"
    assert Stance("for") is Stance.FOR
