"""Views across meetings: the backlog of deferrals, follow-ups, and the index row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from meeting_tui.domain import MotionState, Origin
from meeting_tui.domain import commands as c
from meeting_tui.domain.archive_views import (
    BacklogStatus,
    backlog,
    followups,
    index_row,
    meeting_date,
)

CST = timezone(timedelta(hours=8))
FIRST = "20261017-nany"
SECOND = "20261121-next"


@pytest.fixture
def first(make_session: Callable[..., Any]) -> Any:
    """October: the gate is voted down and deferred, the charging posts deferred unvoted."""
    s = make_session(FIRST, "十月议事会", start=datetime(2026, 10, 17, 14, 30, tzinfo=CST))
    s.do(c.step_agenda, 1)
    s.do(c.raise_motion, "重新商议小区大门位置")  # m1
    s.do(c.record_vote, "m1", 14, 20, 6)
    s.do(c.defer, "m1", "需三方协调", "社区工作人员", "下次议事会")
    s.do(c.raise_motion, "增设电动车充电桩")  # m2
    s.do(c.defer, "m2", "需核实用电容量", "社区工作人员", "2026-12-15")
    s.do(c.raise_motion, "更换单元门")  # m3
    s.do(c.record_vote, "m3", 31, 5, 4)
    s.do(c.assign_followup, "m3", "施工方", "2026-11-30")
    s.do(c.raise_motion, "楼道灯更换")  # m4
    s.do(c.record_vote, "m4", 36, 1, 3)
    s.do(c.assign_followup, "m4", "施工方", "2027-01-31")
    s.do(c.raise_motion, "补种绿化")  # m5: passed, nobody assigned yet
    s.do(c.record_vote, "m5", 33, 3, 4)
    s.do(c.close_meeting)
    return s


@pytest.fixture
def second(make_session: Callable[..., Any]) -> Any:
    s = make_session(SECOND, "十一月议事会", start=datetime(2026, 11, 21, 9, 30, tzinfo=CST))
    s.do(c.add_item, "上次暂缓事项", origin=Origin(FIRST, "m1"))
    s.do(c.activate_item, "i4")
    return s


def _entry(entries: list[Any], motion_id: str) -> Any:
    return next(e for e in entries if e.origin == Origin(FIRST, motion_id))


def test_deferrals_start_open(first: Any) -> None:
    entries = backlog([first.state])
    assert [e.origin for e in entries] == [Origin(FIRST, "m1"), Origin(FIRST, "m2")]
    gate = entries[0]
    assert gate.status is BacklogStatus.OPEN
    assert (gate.meeting_title, gate.meeting_date, gate.number) == ("十月议事会", "2026-10-17", 1)
    assert (gate.text, gate.reason, gate.owner, gate.target) == (
        "重新商议小区大门位置",
        "需三方协调",
        "社区工作人员",
        "下次议事会",
    )
    assert gate.last_vote is not None and (gate.last_vote.in_favour, gate.last_vote.against) == (
        14,
        20,
    )
    assert gate.resolved_in is None and gate.resolution is None
    assert entries[1].last_vote is None  # deferred without a vote


def test_pulled_into_a_later_meeting_is_scheduled(first: Any, second: Any) -> None:
    second.do(c.raise_motion, "重新商议小区大门位置", origin=Origin(FIRST, "m1"))
    raised = second.state.motions["m1"]
    assert raised.origin == Origin(FIRST, "m1")
    assert second.state.items[-1].origin == Origin(FIRST, "m1")
    entries = backlog([second.state, first.state])
    gate = _entry(entries, "m1")
    assert gate.status is BacklogStatus.SCHEDULED
    assert gate.resolved_in == Origin(SECOND, "m1")
    assert gate.resolution is MotionState.RAISED
    assert _entry(entries, "m2").status is BacklogStatus.OPEN
    # The closed first meeting itself is untouched: its motion is still deferred.
    assert first.state.motions["m1"].state is MotionState.DEFERRED


@pytest.mark.parametrize(
    ("decide", "resolution"),
    [
        (lambda s: c.record_vote(s, "m1", 30, 5, 5), MotionState.PASSED),
        (lambda s: c.record_vote(s, "m1", 5, 30, 5), MotionState.REJECTED),
        (lambda s: c.mark_answered(s, "m1", "街道已同意改门"), MotionState.ANSWERED),
        (lambda s: c.withdraw(s, "m1", "不再需要"), MotionState.WITHDRAWN),
    ],
)
def test_decided_later_is_resolved(
    first: Any, second: Any, decide: Callable[[Any], Any], resolution: MotionState
) -> None:
    second.do(c.raise_motion, "重新商议小区大门位置", origin=Origin(FIRST, "m1"))
    second.commit(decide(second.state))
    gate = _entry(backlog([first.state, second.state]), "m1")
    assert gate.status is BacklogStatus.RESOLVED
    assert gate.resolved_in == Origin(SECOND, "m1")
    assert gate.resolution is resolution


def test_deferred_again_is_carried_over(first: Any, second: Any) -> None:
    second.do(c.raise_motion, "重新商议小区大门位置", origin=Origin(FIRST, "m1"))
    second.do(c.defer, "m1", "学校尚未答复", "社区工作人员", "明年一月")
    entries = backlog([first.state, second.state])
    gate = _entry(entries, "m1")
    assert gate.status is BacklogStatus.CARRIED_OVER
    assert gate.resolved_in == Origin(SECOND, "m1")
    assert gate.resolution is MotionState.DEFERRED
    # The new deferral is itself an open entry, after the older ones.
    assert [e.origin for e in entries] == [
        Origin(FIRST, "m1"),
        Origin(FIRST, "m2"),
        Origin(SECOND, "m1"),
    ]
    assert entries[-1].status is BacklogStatus.OPEN
    assert entries[-1].reason == "学校尚未答复"


def test_undoing_the_pull_reopens_the_entry(first: Any, second: Any) -> None:
    second.do(c.raise_motion, "重新商议小区大门位置", origin=Origin(FIRST, "m1"))
    second.do(c.undo)
    # Still on the second meeting's agenda (the pulled item), but no longer taken up.
    entry = _entry(backlog([first.state, second.state]), "m1")
    assert entry.status is BacklogStatus.SCHEDULED and entry.resolution is None
    while any(i.origin for i in second.state.items):
        second.do(c.undo)
    assert _entry(backlog([first.state, second.state]), "m1").status is BacklogStatus.OPEN


def test_a_motion_raised_under_a_pulled_item_takes_up_the_deferral(first: Any, second: Any) -> None:
    item = next(i for i in second.state.items if i.origin)
    second.do(c.raise_motion, "重新商议小区大门位置", item.id)
    assert second.state.motions["m1"].origin == Origin(FIRST, "m1")
    second.do(c.record_vote, "m1", 30, 5, 3)
    entry = _entry(backlog([first.state, second.state]), "m1")
    assert entry.status is BacklogStatus.RESOLVED and entry.resolved_in == Origin(SECOND, "m1")


def test_followups_overdue_first(first: Any, second: Any) -> None:
    second.do(c.raise_motion, "修补路面")
    second.do(c.record_vote, "m1", 30, 2, 2)
    second.do(c.assign_followup, "m1", "物业", "2026-12-31")
    second.do(c.raise_motion, "安装路灯")
    second.do(c.record_vote, "m2", 30, 2, 2)
    second.do(c.assign_followup, "m2", "施工方")  # no due date
    second.do(c.raise_motion, "清理楼道")
    second.do(c.record_vote, "m3", 30, 2, 2)
    second.do(c.assign_followup, "m3", "物业", "2026-11-01")
    second.do(c.complete_followup, "m3", "2026-11-25")  # done (late): not overdue
    entries = followups([second.state, first.state], today="2026-12-01")
    assert [(e.origin.meeting_id, e.number) for e in entries] == [
        (FIRST, 3),  # due 2026-11-30: overdue
        (SECOND, 1),  # due 2026-12-31
        (FIRST, 4),  # due 2027-01-31
        (SECOND, 2),  # no due date
        (SECOND, 3),  # done
    ]
    assert entries[0].overdue("2026-12-01")
    assert not entries[0].overdue("2026-11-30")  # due today is not yet overdue
    assert not entries[-1].overdue("2027-12-31")
    assert not entries[3].overdue("2099-01-01")  # no due date: never overdue
    assert (entries[0].owner, entries[0].meeting_title, entries[0].text) == (
        "施工方",
        "十月议事会",
        "更换单元门",
    )
    # m5 passed without an owner: not a follow-up yet.
    assert all(e.origin != Origin(FIRST, "m5") for e in entries)


def test_followups_of_rejected_recount_drop_out(first: Any) -> None:
    first.do(c.reopen_meeting, "更正计票")
    first.do(c.record_vote, "m4", 10, 26, 4, recount=True)
    entries = followups([first.state], today="2026-12-01")
    assert [e.number for e in entries] == [3]


def test_index_row(first: Any, second: Any) -> None:
    row = index_row(first.state)
    assert row == {
        "id": FIRST,
        "title": "十月议事会",
        "kind": "bench",
        "community": "",
        "date": "2026-10-17",
        "status": "closed",
        "motions": 5,
        "passed": 3,
        "deferred": 2,
    }
    second.do(c.raise_motion, "重新商议小区大门位置", origin=Origin(FIRST, "m1"))
    row = index_row(second.state)
    assert (row["status"], row["motions"], row["passed"], row["deferred"]) == (
        "in_session",
        1,
        0,
        0,
    )
    assert row["date"] == "2026-11-21"


def test_meeting_date_of_a_draft(make_session: Callable[..., Any]) -> None:
    draft = make_session("d", "草稿", planned_start="2026-12-05T14:00")
    assert meeting_date(draft.state) == "2026-12-05"
    bare = make_session("e", "草稿")
    assert meeting_date(bare.state) == bare.state.created_at[:10]
