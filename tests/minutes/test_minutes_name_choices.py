"""The redacted minutes and the page agree: the facilitator's recorded name choices apply to both,
and the redacted event log stays stricter (no name shown in it)."""

from __future__ import annotations

from meeting_tui.minutes import Minutes
from meeting_tui.minutes.export import for_sharing
from meeting_tui.minutes.markdown import render
from tests.publicity.test_publicity_names import three_party_meeting


def test_redacted_minutes_follow_the_recorded_choices() -> None:
    state = three_party_meeting({"李Tom": True, "警务站": False})
    minutes = Minutes.build(state, state.history)
    shared, events = for_sharing(minutes, state.history)
    text = render(shared)
    assert "李Tom" in text and "警务站" not in text and "警某" in text
    assert "金凤区文化体育旅游广电局" in text and "连湖花园幼儿园" in text
    for person in ("王小明", "王 小明", "张三3", "欧阳娜娜", "刘相文"):
        assert person not in text
    log = str([e.payload for e in events])
    assert "李Tom" not in log and "警务站" not in log and "王 小明" not in log
    assert "金凤区文化体育旅游广电局" in log


def test_the_full_minutes_keep_every_name() -> None:
    state = three_party_meeting({"警务站": False})
    text = render(Minutes.build(state, state.history))
    assert "警务站" in text and "王 小明" in text
