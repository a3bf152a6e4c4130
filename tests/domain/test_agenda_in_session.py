"""The agenda changes at the meeting: an item added (and started when none is), skipped, moved."""

from __future__ import annotations

from test_commands import refused

from meeting_tui.domain import EventKind, ItemState, fold
from meeting_tui.domain import commands as c


def test_insert_on_an_empty_agenda_starts_the_item_in_one_undoable_step(make_session) -> None:
    s = make_session(items=())
    s.do(c.start_meeting)
    drafts = c.insert_item(s.state, "楼道堆物", 10)
    assert [d.kind for d in drafts] == [EventKind.ITEM_ADDED, EventKind.ITEM_ACTIVATED]
    s.commit(drafts)
    assert s.state.active_item is not None and s.state.active_item.title == "楼道堆物"
    s.do(c.raise_motion, "集中清理")
    s.do(c.undo)
    s.do(c.undo)
    assert s.state.items == [] and s.state == fold(s.log.events)


def test_insert_goes_after_the_current_item_or_at_the_end(make_session) -> None:
    s = make_session()
    s.do(c.step_agenda, 1)
    s.do(c.insert_item, "临时动议")
    assert [i.title for i in s.state.items] == ["电线改造", "临时动议", "大门与单元门", "其他建议"]
    s.do(c.insert_item, "散会前通报", at_end=True)
    assert s.state.items[-1].title == "散会前通报"
    assert s.state.active_item is not None and s.state.active_item.title == "电线改造"


def test_skip_current_skips_and_starts_the_next_pending_item(make_session) -> None:
    s = make_session()
    s.do(c.step_agenda, 1)
    s.do(c.skip_item, "i2")  # skipped earlier from the agenda list
    s.do(c.skip_current)
    assert [i.state for i in s.state.items] == [
        ItemState.SKIPPED,
        ItemState.SKIPPED,
        ItemState.ACTIVE,
    ]
    s.do(c.skip_current)  # the last one: skipped, nothing follows
    assert s.state.active_item is None
    with refused("error.no_active_item"):
        c.skip_current(s.state)


def test_closed_meeting_refuses_agenda_changes(make_session) -> None:
    s = make_session()
    s.do(c.step_agenda, 1)
    s.do(c.close_meeting)
    with refused("error.meeting_closed"):
        c.insert_item(s.state, "会后补充")
    with refused("error.meeting_closed"):
        c.skip_current(s.state)
