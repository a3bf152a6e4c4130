"""Any sequence of queue commands keeps each person waiting at most once per matter, and the
fold is deterministic: step by step, all at once, and again, it gives the same floor."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from meeting_tui.domain import DomainError, fold
from meeting_tui.domain import commands as c
from meeting_tui.domain.floor import SpeechState, person_key
from meeting_tui.domain.model import MeetingState
from tests.domain.conftest import new_session

NAMES = ("李姓居民", "王姓居民", "王 姓居民", "张书记", "刘主任", "赵姓居民")
STANCES = ("for", "against", "question", "other")
OPS = ("add", "add", "add", "move", "remove", "start", "call", "pause", "end", "note", "undo",
       "chair", "limits", "motion")  # fmt: skip

step = st.tuples(
    st.sampled_from(OPS),
    st.integers(min_value=0, max_value=7),
    st.sampled_from(STANCES),
    st.booleans(),
    st.integers(min_value=1, max_value=200),
)


def _subjects(state: MeetingState) -> list[str]:
    return sorted(state.motions) or [item.id for item in state.items[:1]]  # undo may empty both


def _pick(items: list[str], n: int) -> str | None:
    return items[n % len(items)] if items else None


def _run(state: MeetingState, op: str, n: int, stance: str, flag: bool) -> list[object]:
    subject = _pick(_subjects(state), n)
    if subject is None and op in ("add", "start"):
        return []  # nothing to speak on: undo took back the agenda
    kw = {"motion_id": subject} if subject in state.motions else {"item_id": subject}
    waiting = [i for q in state.floor.queues.values() for i in q]
    if op == "add":
        return list(c.add_speaker(state, NAMES[n % len(NAMES)], "resident", stance,
                                  point_of_order=flag and n % 3 == 0, **kw))  # fmt: skip
    if op == "move" and waiting:
        return list(c.move_speaker(state, _pick(waiting, n) or "", -1 if flag else 1))
    if op == "remove" and waiting:
        return list(c.remove_speaker(state, _pick(waiting, n) or ""))
    if op == "start":
        return list(c.start_speaker(state, **kw))
    if op == "call" and waiting:
        return list(c.start_speaker(state, _pick(waiting, n)))
    if op == "pause":
        return list(c.toggle_pause(state))
    if op == "end":
        return list(c.end_speaker(state))
    if op == "note":
        return list(c.note_speech(state, f"摘要{n}"))
    if op == "undo":
        return list(c.undo(state))
    if op == "chair":
        return list(c.take_back_chair(state) if state.floor.chair_deputy
                    else c.hand_over_chair(state, "张书记"))  # fmt: skip
    if op == "limits":
        return list(c.set_floor_limits(state, str(n) if n else "不限", str(n % 3)))
    if op == "motion":
        return list(c.raise_motion(state, f"事项{n}"))
    return []


@settings(max_examples=150)
@given(st.lists(step, max_size=40))
def test_each_person_waits_at_most_once_and_the_fold_is_deterministic(
    steps: list[tuple[str, int, str, bool, int]],
) -> None:
    s = new_session(facilitator="刘主任")
    s.do(c.step_agenda, 1)
    for op, n, stance, flag, seconds in steps:
        try:
            drafts = _run(s.state, op, n, stance, flag)
        except DomainError:
            continue  # refused: the screen says why and nothing changes
        s.commit(drafts, seconds)  # type: ignore[arg-type]
        floor = s.state.floor
        for subject, queue in floor.queues.items():
            assert len(queue) == len(set(queue))
            people = Counter(person_key(floor.speeches[i].name) for i in queue)
            assert max(people.values(), default=0) <= 1, (subject, people)
            assert all(floor.speeches[i].state is SpeechState.WAITING for i in queue)
            assert all(floor.speeches[i].subject == subject for i in queue)
        holding = [sp for sp in floor.speeches.values()
                   if sp.state in (SpeechState.SPEAKING, SpeechState.PAUSED)]  # fmt: skip
        assert len(holding) <= 1
        waiting = {i for q in floor.queues.values() for i in q}
        assert waiting == {i for i, sp in floor.speeches.items()
                           if sp.state is SpeechState.WAITING}  # fmt: skip
    assert fold(s.log.events) == s.state
    assert fold(s.log.events) == fold(list(s.log.events))
