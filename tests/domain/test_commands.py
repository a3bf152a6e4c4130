"""Every command's happy path, every transition, and every DomainError key (with its words)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from meeting_tui import i18n
from meeting_tui.domain import (
    Category,
    DecisionRule,
    DomainError,
    EventKind,
    ItemState,
    MeetingKind,
    MeetingStatus,
    MotionState,
    Origin,
    Party,
    QuorumPolicy,
    VoteMethod,
    fold,
)
from meeting_tui.domain import commands as c

CST = timezone(timedelta(hours=8))
CLOSED_KEY = "error.meeting_closed"


def check_message(err: DomainError) -> None:
    """The error reads as words in both languages: no key, no empty or raw placeholder."""
    assert err.key in set(i18n.keys()), f"{err.key} is not in the catalog"
    zh, en = err.message("zh"), err.message("en")
    for text in (zh, en):
        assert text and text != err.key
        assert "{" not in text and "}" not in text, text
        # Field names and motion states are shown translated, never as codes.
        assert "field." not in text and "motion." not in text, text
    assert zh != en
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), zh
    assert str(err) == err.message()


@contextmanager
def refused(key: str, **values: Any) -> Iterator[None]:
    """The block must raise DomainError `key` (with at least `values`), in words zh and en."""
    with pytest.raises(DomainError) as info:
        yield
    err = info.value
    assert err.key == key, f"expected {key}, got {err!r}"
    for name, value in values.items():
        assert err.values[name] == value, (name, err.values)
    check_message(err)


def kinds(drafts: list[Any]) -> list[EventKind]:
    return [d.kind for d in drafts]


def at(hh: int, mm: int, ss: int = 0) -> datetime:
    return datetime(2026, 10, 17, hh, mm, ss, tzinfo=CST)


@pytest.fixture
def started(session: Any) -> Any:
    """In session, on the first item, with motion m1 raised under it."""
    session.do(c.step_agenda, 1)
    session.do(c.raise_motion, "电线入地改造", proposer="李姓居民", category="safety")
    return session


# --- meeting lifecycle -------------------------------------------------------------


def test_create_meeting_sets_fields(session: Any) -> None:
    s = session.state
    assert s.meeting_id == "m-test"
    assert s.title == "测试议事会"
    assert s.kind is MeetingKind.BENCH
    assert s.status is MeetingStatus.DRAFT
    assert s.voting_parties == (Party.RESIDENT,)
    assert s.default_rule is DecisionRule.SIMPLE_MAJORITY
    assert s.quorum is None
    assert s.created_at


def test_create_meeting_with_all_fields(make_session: Callable[..., Any]) -> None:
    s = make_session(
        community="南苑社区",
        location="西门空地",
        facilitator="刘主任",
        recorder="小王",
        default_rule="two_thirds",
        quorum=30,
        quorum_policy="refuse",
        voting_parties=["resident", "staff", "resident"],
        lang="en-US",
    ).state
    assert (s.community, s.location, s.facilitator, s.recorder) == (
        "南苑社区",
        "西门空地",
        "刘主任",
        "小王",
    )
    assert s.default_rule is DecisionRule.TWO_THIRDS
    assert s.quorum == 30
    assert s.quorum_policy is QuorumPolicy.REFUSE
    assert s.voting_parties == (Party.RESIDENT, Party.STAFF)  # duplicates dropped
    assert s.lang == "en"


def test_create_meeting_errors() -> None:
    with refused("error.empty_text", field="title"):
        c.create_meeting("x", "   ")
    with refused("error.bad_choice", field="kind", value="party"):
        c.create_meeting("x", "会", "party")
    with refused("error.bad_choice", field="default_rule"):
        c.create_meeting("x", "会", default_rule="loudest")
    with refused("error.no_voting_party"):
        c.create_meeting("x", "会", voting_parties=[])
    with refused("error.negative_count", field="quorum"):
        c.create_meeting("x", "会", quorum=-1)
    with refused("error.text_too_long", field="title", limit=200, length=201):
        c.create_meeting("x", "会" * 201)
    with refused("error.not_text", field="title"):
        c.create_meeting("x", 42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        c.create_meeting("x", "会", colour="red")


def test_edit_meeting_records_only_changes(session: Any) -> None:
    assert c.edit_meeting(session.state, title="测试议事会") == []
    session.do(c.edit_meeting, title="新标题", kind="roundtable", quorum=25)
    assert session.state.title == "新标题"
    assert session.state.kind is MeetingKind.ROUNDTABLE
    assert session.state.quorum == 25
    session.do(c.edit_meeting, quorum=None)
    assert session.state.quorum is None


def test_start_and_close(session: Any) -> None:
    with refused("error.not_started"):
        c.close_meeting(session.state)
    session.do(c.start_meeting)
    assert session.state.status is MeetingStatus.IN_SESSION
    assert session.state.started_at == session.log.events[-1].at
    with refused("error.already_started"):
        c.start_meeting(session.state)
    session.do(c.step_agenda, 1)
    drafts = c.close_meeting(session.state)
    assert kinds(drafts) == [EventKind.ITEM_DONE, EventKind.MEETING_CLOSED]
    session.commit(drafts, 300)
    s = session.state
    assert s.status is MeetingStatus.CLOSED
    assert s.ended_at == session.log.events[-1].at
    assert s.items[0].state is ItemState.DONE
    assert s.items[0].running_since is None
    assert s.items[0].elapsed_s == 300


def test_reopen_is_recorded(started: Any) -> None:
    with refused("error.not_closed"):
        c.reopen_meeting(started.state, "补记")
    started.do(c.close_meeting)
    with refused("error.empty_text", field="reason"):
        c.reopen_meeting(started.state, "  ")
    started.do(c.reopen_meeting, "补记一条答复", seconds=3600)
    s = started.state
    assert s.status is MeetingStatus.IN_SESSION
    assert s.reopenings == [(started.log.events[-1].at, "补记一条答复")]
    # Reopening does not erase the original end time until it is closed again.
    assert s.ended_at
    started.do(c.respond, "m1", "已列入计划", "施工方")
    started.do(c.close_meeting)
    assert started.state.status is MeetingStatus.CLOSED
    assert len(started.state.reopenings) == 1


# --- attendance ----------------------------------------------------------------------


def test_set_attendance_and_eligible_present(session: Any) -> None:
    session.do(c.set_headcounts, {"staff": 3, "contractor": "2", "resident": 38})
    s = session.state
    assert s.attendance.present(Party.RESIDENT) == 38
    assert s.attendance.present(Party.CONTRACTOR) == 2
    assert s.attendance.total == 43
    assert s.eligible_present == 38  # only residents vote by default
    session.do(c.edit_meeting, voting_parties=["resident", "staff"])
    assert session.state.eligible_present == 41


def test_set_attendance_unchanged_is_no_event(session: Any) -> None:
    assert c.set_attendance(session.state, "resident", 40) == []
    assert c.set_attendance(session.state, "resident", " 40 ") == []
    # A party never recorded is already 0: saving the whole attendance form adds no noise.
    assert c.set_attendance(session.state, "staff", 0) == []
    assert kinds(c.set_attendance(session.state, "staff", 2)) == [EventKind.ATTENDANCE_SET]


@pytest.mark.parametrize(
    ("count", "key"),
    [
        (-1, "error.negative_count"),
        ("-3", "error.negative_count"),
        ("abc", "error.not_a_number"),
        ("3.5", "error.not_a_number"),
        (2.5, "error.not_a_number"),
        (True, "error.not_a_number"),
        ("", "error.not_a_number"),
        (100_001, "error.count_too_large"),
    ],
)
def test_set_attendance_bad_counts(session: Any, count: Any, key: str) -> None:
    with refused(key, field="count"):
        c.set_attendance(session.state, "resident", count)


def test_set_attendance_bad_party(session: Any) -> None:
    with refused("error.bad_choice", field="party", value="mayor"):
        c.set_attendance(session.state, "mayor", 1)


def test_roster(session: Any) -> None:
    session.do(c.add_attendee, "李阿姨", "resident", "3号楼")
    session.do(c.add_attendee, "\x1b[1m王师傅\x1b[0m", "contractor")
    roster = session.state.attendance.roster
    assert [(a.id, a.name, a.party, a.building) for a in roster] == [
        ("p1", "李阿姨", Party.RESIDENT, "3号楼"),
        ("p2", "王师傅", Party.CONTRACTOR, ""),
    ]
    session.do(c.remove_attendee, "p1")
    assert [a.id for a in session.state.attendance.roster] == ["p2"]
    session.do(c.add_attendee, "张先生", "resident")
    assert {a.id for a in session.state.attendance.roster} == {"p2", "p3"}
    with refused("error.unknown_attendee", id="p1"):
        c.remove_attendee(session.state, "p1")
    with refused("error.empty_text", field="name"):
        c.add_attendee(session.state, "", "resident")


def test_attendance_change_affects_later_votes_only(started: Any) -> None:
    started.do(c.record_vote, "m1", 30, 5, 5)
    started.do(c.set_attendance, "resident", 38)  # two leave early
    started.do(c.raise_motion, "更换单元门")
    started.do(c.record_vote, "m2", 30, 5, 3)
    s = started.state
    assert s.motions["m1"].vote is not None and s.motions["m1"].vote.eligible_present == 40
    assert s.motions["m2"].vote is not None and s.motions["m2"].vote.eligible_present == 38
    assert s.motions["m2"].vote.not_voting == 0
    # The earlier tally would no longer fit, but it stands with its own snapshot.
    with refused("error.too_many_votes", cast=40, present=38):
        c.record_vote(s, "m2", 30, 5, 5, recount=True)


# --- agenda --------------------------------------------------------------------------


def test_add_items_numbers_and_fields(session: Any) -> None:
    s = session.state
    assert [(i.id, i.title, i.timebox_min, i.state) for i in s.items] == [
        ("i1", "电线改造", 10, ItemState.PENDING),
        ("i2", "大门与单元门", 10, ItemState.PENDING),
        ("i3", "其他建议", 10, ItemState.PENDING),
    ]
    session.do(
        c.add_item,
        "保温与防水",
        "15",
        notes="第一行\n第二行",
        position=1,
        origin=Origin("m-old", "m3"),
    )
    s = session.state
    assert [i.id for i in s.items] == ["i1", "i4", "i2", "i3"]
    added = s.items[1]
    assert (added.timebox_min, added.notes, added.origin) == (
        15,
        "第一行\n第二行",
        Origin("m-old", "m3"),
    )
    session.do(c.add_item, "总结", None)
    assert s.items[-1].timebox_min is None
    session.do(c.add_item, "开场", 0, position=-5)
    assert s.items[0].title == "开场"  # position clamped to the start


def test_add_item_errors(session: Any) -> None:
    with refused("error.empty_text", field="title"):
        c.add_item(session.state, "\x1b[2J")  # only an escape code: nothing left
    with refused("error.timebox_too_long", value=601, limit=600):
        c.add_item(session.state, "长会", 601)
    with refused("error.negative_count", field="timebox"):
        c.add_item(session.state, "负数", -5)
    with refused("error.not_a_number", field="timebox"):
        c.add_item(session.state, "十分钟", "十")


def test_removed_item_ids_are_not_reused(session: Any) -> None:
    session.do(c.remove_item, "i3")
    session.do(c.add_item, "新议题")
    new = session.state.items[-1]
    assert new.title == "新议题"
    assert new.id not in {"i1", "i2", "i3"}


def test_edit_item(session: Any) -> None:
    assert c.edit_item(session.state, "i1", title="电线改造", timebox_min=10) == []
    drafts = c.edit_item(session.state, "i1", title="电线入地", timebox_min=10, notes="备注")
    assert drafts[0].payload == {"item_id": "i1", "title": "电线入地", "notes": "备注"}
    session.commit(drafts)
    item = session.state.items[0]
    assert (item.title, item.notes, item.timebox_min) == ("电线入地", "备注", 10)
    session.do(c.edit_item, "i1", timebox_min="")
    assert session.state.items[0].timebox_min is None
    with refused("error.unknown_item", id="i9"):
        c.edit_item(session.state, "i9", title="x")
    with pytest.raises(TypeError):
        c.edit_item(session.state, "i1", colour="red")


def test_move_item(session: Any) -> None:
    session.do(c.move_item, "i3", 0)
    assert [i.id for i in session.state.items] == ["i3", "i1", "i2"]
    session.do(c.move_item, "i3", 99)  # clamped to the end
    assert [i.id for i in session.state.items] == ["i1", "i2", "i3"]
    assert c.move_item(session.state, "i1", 0) == []
    with refused("error.unknown_item", id="nope"):
        c.move_item(session.state, "nope", 0)


def test_remove_item(started: Any) -> None:
    with refused("error.item_has_motions", title="电线改造"):
        c.remove_item(started.state, "i1")
    started.do(c.remove_item, "i2")
    assert [i.id for i in started.state.items] == ["i1", "i3"]
    with refused("error.unknown_item", id="i2"):
        c.remove_item(started.state, "i2")


def test_activate_starts_a_draft_meeting_in_the_same_batch(session: Any) -> None:
    drafts = c.activate_item(session.state, "i2")
    assert kinds(drafts) == [EventKind.MEETING_STARTED, EventKind.ITEM_ACTIVATED]
    session.commit(drafts)
    s = session.state
    assert s.status is MeetingStatus.IN_SESSION
    assert s.active_item is not None and s.active_item.id == "i2"
    assert c.activate_item(s, "i2") == []  # already active
    with refused("error.unknown_item", id="i7"):
        c.activate_item(s, "i7")


def test_elapsed_time_from_event_times(session: Any) -> None:
    session.do(c.activate_item, "i1", seconds=0)  # 14:30:00
    item = session.state.find_item("i1")
    assert item.running_since == at(14, 30)
    assert item.elapsed(at(14, 35)) == 300
    assert item.elapsed() == 0  # without a "now", only closed intervals count
    session.do(c.toggle_timer, seconds=240)  # pause at 14:34
    assert item.running_since is None and item.elapsed_s == 240
    assert item.elapsed(at(15, 0)) == 240  # paused: the clock does not run
    session.do(c.toggle_timer, seconds=600)  # resume at 14:44
    assert item.running_since == at(14, 44)
    assert item.elapsed(at(14, 45)) == 300
    assert not item.overtime(at(14, 50))  # 240 + 360 = 600 = the 10-minute time box
    assert item.overtime(at(14, 50, 1))
    session.do(c.step_agenda, 1, seconds=420)  # 14:51: done, next item active
    first, second = session.state.items[0], session.state.items[1]
    assert (first.state, first.elapsed_s, first.running_since) == (ItemState.DONE, 660, None)
    assert second.state is ItemState.ACTIVE
    assert second.running_since == at(14, 51)


def test_activating_another_item_stops_the_current_clock(session: Any) -> None:
    session.do(c.activate_item, "i1", seconds=0)
    session.do(c.activate_item, "i3", seconds=90)
    first = session.state.items[0]
    assert (first.state, first.elapsed_s, first.running_since) == (ItemState.PENDING, 90, None)
    # Coming back continues the count.
    session.do(c.activate_item, "i1", seconds=30)
    session.do(c.finish_item, "i1", seconds=10)
    assert session.state.items[0].elapsed_s == 100
    assert session.state.items[0].state is ItemState.DONE
    assert session.state.items[2].elapsed_s == 30
    assert session.state.items[2].state is ItemState.PENDING


def test_step_agenda(session: Any) -> None:
    session.do(c.step_agenda, 1)
    assert session.state.active_item.id == "i1"
    with refused("error.no_previous_item"):
        c.step_agenda(session.state, -1)
    session.do(c.step_agenda, 1)
    assert [i.state for i in session.state.items] == [
        ItemState.DONE,
        ItemState.ACTIVE,
        ItemState.PENDING,
    ]
    session.do(c.step_agenda, -1)  # back: the item left is not marked done
    assert [i.state for i in session.state.items] == [
        ItemState.ACTIVE,
        ItemState.PENDING,
        ItemState.PENDING,
    ]
    session.do(c.step_agenda, 1)
    session.do(c.step_agenda, 1)
    with refused("error.no_next_item"):
        c.step_agenda(session.state, 1)


def test_step_agenda_without_active_item_opens_first_pending(session: Any) -> None:
    session.do(c.skip_item, "i1")
    session.do(c.step_agenda, 1)
    assert session.state.active_item.id == "i2"
    assert session.state.items[0].state is ItemState.SKIPPED


def test_step_on_empty_agenda(make_session: Callable[..., Any]) -> None:
    s = make_session(items=())
    with refused("error.no_items"):
        c.step_agenda(s.state, 1)


def test_toggle_timer_needs_an_active_item(session: Any) -> None:
    with refused("error.no_active_item"):
        c.toggle_timer(session.state)
    with refused("error.no_active_item"):
        c.toggle_timer(session.state, "i2")
    with refused("error.unknown_item", id="i8"):
        c.toggle_timer(session.state, "i8")


def test_skip_and_finish(session: Any) -> None:
    session.do(c.activate_item, "i1", seconds=0)
    session.do(c.skip_item, "i1", seconds=45)
    item = session.state.items[0]
    assert (item.state, item.elapsed_s, item.running_since) == (ItemState.SKIPPED, 45, None)
    assert session.state.active_item is None
    assert c.skip_item(session.state, "i1") == []
    session.do(c.finish_item, "i2")
    assert session.state.items[1].state is ItemState.DONE
    assert c.finish_item(session.state, "i2") == []
    with refused("error.unknown_item"):
        c.skip_item(session.state, "zz")
    with refused("error.unknown_item"):
        c.finish_item(session.state, "zz")


# --- motions -------------------------------------------------------------------------


def test_raise_motion(started: Any) -> None:
    m = started.state.motions["m1"]
    assert (m.number, m.item_id, m.text, m.proposer) == (1, "i1", "电线入地改造", "李姓居民")
    assert (m.party, m.category, m.cost, m.rule) == (Party.RESIDENT, Category.SAFETY, None, None)
    assert m.state is MotionState.RAISED
    assert m.raised_at == started.log.events[-1].at
    started.do(c.raise_motion, "路面", "i3", cost="180,000", party="staff", rule="two_thirds")
    m2 = started.state.motions["m2"]
    assert (m2.number, m2.item_id, m2.cost, m2.party) == (2, "i3", 180_000, Party.STAFF)
    assert started.state.rule_for(m2) is DecisionRule.TWO_THIRDS
    assert started.state.rule_for(m) is DecisionRule.SIMPLE_MAJORITY
    assert started.state.motions_of("i3") == [m2]


def test_raise_motion_starts_a_draft_meeting(session: Any) -> None:
    drafts = c.raise_motion(session.state, "电线", "i1")
    assert kinds(drafts) == [EventKind.MEETING_STARTED, EventKind.MOTION_RAISED]


def test_raise_motion_errors(session: Any) -> None:
    with refused("error.no_active_item"):
        c.raise_motion(session.state, "电线")
    with refused("error.unknown_item", id="i42"):
        c.raise_motion(session.state, "电线", "i42")
    with refused("error.empty_text", field="text"):
        c.raise_motion(session.state, " \t ", "i1")
    with refused("error.text_too_long", field="text", limit=2000):
        c.raise_motion(session.state, "电" * 2001, "i1")
    with refused("error.bad_choice", field="category"):
        c.raise_motion(session.state, "电线", "i1", category="sports")
    with refused("error.bad_choice", field="party"):
        c.raise_motion(session.state, "电线", "i1", party="mayor")
    with refused("error.not_a_number", field="cost"):
        c.raise_motion(session.state, "电线", "i1", cost="十万")
    with refused("error.bad_cost", value=-1):
        c.raise_motion(session.state, "电线", "i1", cost=-1)
    with refused("error.bad_choice", field="rule"):
        c.raise_motion(session.state, "电线", "i1", rule="loudest")
    with pytest.raises(TypeError):
        c.raise_motion(session.state, "电线", "i1", colour="red")


def test_text_is_cleaned_of_escape_codes(started: Any) -> None:
    started.do(
        c.raise_motion,
        "\x1b[31m电线\x1b[0m",
        proposer="\x1b]0;pwned\x07李\u202e姓",
        note="第一行\r\n\x1b[2K第二行",
    )
    m = started.state.motions["m2"]
    assert m.text == "电线"
    assert m.proposer == "李姓"
    assert m.note == "第一行\n第二行"


@pytest.mark.parametrize(
    ("cost", "over"),
    [(None, False), (0, False), (99_999, False), (100_000, True), (180_000, True)],
)
def test_cost_warning_at_micro_project_limit(started: Any, cost: Any, over: bool) -> None:
    started.do(c.raise_motion, "工程", cost=cost)
    assert started.state.motions["m2"].over_micro_limit is over


def test_edit_motion(started: Any) -> None:
    assert c.edit_motion(started.state, "m1", text="电线入地改造", category="safety") == []
    drafts = c.edit_motion(started.state, "m1", text="电线全部入地", cost=5000, item_id="i2")
    assert drafts[0].payload == {
        "motion_id": "m1",
        "item_id": "i2",
        "text": "电线全部入地",
        "cost": 5000,
    }
    started.commit(drafts)
    m = started.state.motions["m1"]
    assert (m.text, m.cost, m.item_id) == ("电线全部入地", 5000, "i2")
    started.do(c.edit_motion, "m1", cost="", rule="consensus")
    assert m.cost is None and m.rule is DecisionRule.CONSENSUS
    with refused("error.unknown_item", id="i9"):
        c.edit_motion(started.state, "m1", item_id="i9")
    with refused("error.unknown_motion", id="m9"):
        c.edit_motion(started.state, "m9", text="x")


def test_note_and_respond(started: Any) -> None:
    started.do(c.note_motion, "m1", "电线表皮腐蚀老化")
    started.do(c.respond, "m1", "已列入改造计划", "施工方负责人")
    m = started.state.motions["m1"]
    assert (m.note, m.response, m.responder) == (
        "电线表皮腐蚀老化",
        "已列入改造计划",
        "施工方负责人",
    )
    assert m.state is MotionState.RAISED  # a response alone decides nothing
    with refused("error.empty_text", field="response"):
        c.respond(started.state, "m1", "")
    with refused("error.unknown_motion", id="m5"):
        c.note_motion(started.state, "m5", "x")
    with refused("error.unknown_motion", id="m5"):
        c.respond(started.state, "m5", "x")


def test_mark_answered(started: Any) -> None:
    with refused("error.answer_needs_response", number=1):
        c.mark_answered(started.state, "m1")
    started.do(c.respond, "m1", "前期已经考虑", "施工方")
    started.do(c.mark_answered, "m1")
    m = started.state.motions["m1"]
    assert (m.state, m.response, m.responder) == (MotionState.ANSWERED, "前期已经考虑", "施工方")
    assert m.votes == []


def test_mark_answered_with_response_given(started: Any) -> None:
    started.do(c.mark_answered, "m1", "会重新做防水层", "施工方")
    m = started.state.motions["m1"]
    assert (m.state, m.response, m.responder) == (MotionState.ANSWERED, "会重新做防水层", "施工方")


def test_withdraw(started: Any) -> None:
    started.do(c.withdraw, "m1", "提议人撤回")
    m = started.state.motions["m1"]
    assert (m.state, m.withdraw_reason) == (MotionState.WITHDRAWN, "提议人撤回")
    with refused("error.bad_transition", number=1, state="withdrawn"):
        c.withdraw(started.state, "m1")


def test_withdraw_a_deferred_motion(started: Any) -> None:
    started.do(c.defer, "m1", "需核实", "社区工作人员")
    started.do(c.withdraw, "m1")
    assert started.state.motions["m1"].state is MotionState.WITHDRAWN


def test_defer(started: Any) -> None:
    started.do(c.defer, "m1", "需三方协调", "社区工作人员", "下次议事会")
    m = started.state.motions["m1"]
    assert m.state is MotionState.DEFERRED
    assert m.deferral is not None
    assert (m.deferral.reason, m.deferral.owner, m.deferral.target) == (
        "需三方协调",
        "社区工作人员",
        "下次议事会",
    )
    assert m.deferral.at == started.log.events[-1].at
    with refused("error.bad_transition", number=1, state="deferred"):
        c.defer(started.state, "m1", "再缓", "社区工作人员")


def test_defer_needs_reason_and_owner(started: Any) -> None:
    with refused("error.empty_text", field="reason"):
        c.defer(started.state, "m1", "", "社区工作人员")
    with refused("error.empty_text", field="owner"):
        c.defer(started.state, "m1", "需核实", "")


def test_defer_after_rejection_keeps_the_vote(started: Any) -> None:
    started.do(c.record_vote, "m1", 14, 20, 6)
    started.do(c.defer, "m1", "需协调", "社区工作人员")
    m = started.state.motions["m1"]
    assert m.state is MotionState.DEFERRED
    assert m.vote is not None and (m.vote.in_favour, m.vote.against) == (14, 20)


@pytest.mark.parametrize(
    ("setup", "command", "state"),
    [
        ("pass", lambda s: c.withdraw(s, "m1"), "passed"),
        ("pass", lambda s: c.defer(s, "m1", "再议", "社区工作人员"), "passed"),
        ("pass", lambda s: c.mark_answered(s, "m1", "答复"), "passed"),
        ("answer", lambda s: c.defer(s, "m1", "再议", "社区工作人员"), "answered"),
        ("answer", lambda s: c.withdraw(s, "m1"), "answered"),
        ("answer", lambda s: c.record_vote(s, "m1", 1, 0, 0), "answered"),
        ("answer", lambda s: c.record_vote(s, "m1", 1, 0, 0, recount=True), "answered"),
        ("withdraw", lambda s: c.acclaim(s, "m1"), "withdrawn"),
        ("withdraw", lambda s: c.mark_answered(s, "m1", "答复"), "withdrawn"),
        ("defer", lambda s: c.record_vote(s, "m1", 1, 0, 0), "deferred"),
        ("defer", lambda s: c.mark_answered(s, "m1", "答复"), "deferred"),
        ("reject", lambda s: c.withdraw(s, "m1"), "rejected"),
        ("reject", lambda s: c.assign_followup(s, "m1", "施工方"), "rejected"),
        (None, lambda s: c.assign_followup(s, "m1", "施工方"), "raised"),
    ],
)
def test_bad_transitions(
    started: Any, setup: str | None, command: Callable[[Any], Any], state: str
) -> None:
    if setup == "pass":
        started.do(c.record_vote, "m1", 30, 5, 5)
    elif setup == "reject":
        started.do(c.record_vote, "m1", 5, 30, 5)
    elif setup == "answer":
        started.do(c.mark_answered, "m1", "已考虑", "施工方")
    elif setup == "withdraw":
        started.do(c.withdraw, "m1")
    elif setup == "defer":
        started.do(c.defer, "m1", "再议", "社区工作人员")
    with refused("error.bad_transition", number=1, state=state):
        command(started.state)
    err = DomainError("error.bad_transition", number=1, state=state)
    # The state is shown as its label, not its code.
    assert i18n.t(f"motion.{state}", "zh") in err.message("zh")


@pytest.mark.parametrize(
    "command",
    [
        lambda s: c.edit_motion(s, "m9", text="x"),
        lambda s: c.note_motion(s, "m9", "x"),
        lambda s: c.respond(s, "m9", "x"),
        lambda s: c.withdraw(s, "m9"),
        lambda s: c.mark_answered(s, "m9", "x"),
        lambda s: c.defer(s, "m9", "x", "y"),
        lambda s: c.record_vote(s, "m9", 1, 0, 0),
        lambda s: c.acclaim(s, "m9"),
        lambda s: c.assign_followup(s, "m9", "施工方"),
        lambda s: c.complete_followup(s, "m9"),
        lambda s: c.evaluate_followup(s, "m9", 1, 0, 0),
    ],
)
def test_unknown_motion_ids(started: Any, command: Callable[[Any], Any]) -> None:
    with refused("error.unknown_motion", id="m9"):
        command(started.state)


# --- votes ---------------------------------------------------------------------------


def test_record_vote(started: Any) -> None:
    drafts = c.record_vote(started.state, "m1", 31, 5, "4", method="standing")
    assert drafts[0].payload == {
        "motion_id": "m1",
        "method": "standing",
        "for": 31,
        "against": 5,
        "abstain": 4,
        "eligible_present": 40,
        "rule": "simple_majority",
        "quorum": None,
        "quorum_met": True,
        "passed": True,
        "reason": {
            "key": "rule.reason.simple.pass",
            "values": {"for": 31, "against": 5, "abstain": 4, "present": 40},
        },
        "recount": False,
    }
    started.commit(drafts)
    m = started.state.motions["m1"]
    assert m.state is MotionState.PASSED
    v = m.vote
    assert v is not None
    assert (v.method, v.in_favour, v.against, v.abstain) == (VoteMethod.STANDING, 31, 5, 4)
    assert (v.eligible_present, v.rule, v.passed, v.superseded) == (
        40,
        DecisionRule.SIMPLE_MAJORITY,
        True,
        False,
    )
    assert v.cast == 40 and v.not_voting == 0
    assert v.seq == started.log.events[-1].seq


def test_vote_rejected_by_tie(started: Any) -> None:
    started.do(c.record_vote, "m1", 15, 15, 10)
    assert started.state.motions["m1"].state is MotionState.REJECTED


def test_vote_uses_motion_rule_over_default(started: Any) -> None:
    started.do(c.edit_motion, "m1", rule="majority_of_present")
    started.do(c.record_vote, "m1", 20, 2, 0)  # 20 of 40 present is not more than half
    m = started.state.motions["m1"]
    assert m.state is MotionState.REJECTED
    assert m.vote is not None and m.vote.rule is DecisionRule.MAJORITY_OF_PRESENT


def test_vote_uses_meeting_default_rule(make_session: Callable[..., Any]) -> None:
    s = make_session(default_rule="two_thirds")
    s.do(c.raise_motion, "电线", "i1")
    s.do(c.record_vote, "m1", 26, 0, 0)  # 78 < 80
    assert s.state.motions["m1"].state is MotionState.REJECTED
    s.do(c.raise_motion, "大门", "i1")
    s.do(c.record_vote, "m2", 27, 0, 0)
    assert s.state.motions["m2"].state is MotionState.PASSED


@pytest.mark.parametrize(
    ("counts", "key", "field"),
    [
        ((-1, 0, 0), "error.negative_count", "for"),
        ((1, -2, 0), "error.negative_count", "against"),
        ((1, 0, "-1"), "error.negative_count", "abstain"),
        (("二十", 0, 0), "error.not_a_number", "for"),
        ((1, "x", 0), "error.not_a_number", "against"),
        ((1, 0, "1.5"), "error.not_a_number", "abstain"),  # None now means "not entered"
        ((100_001, 0, 0), "error.count_too_large", "for"),
    ],
)
def test_vote_bad_counts(started: Any, counts: tuple[Any, ...], key: str, field: str) -> None:
    with refused(key, field=field):
        c.record_vote(started.state, "m1", *counts)


def test_vote_too_many(started: Any) -> None:
    c.record_vote(started.state, "m1", 20, 10, 10)  # exactly everybody: fine
    with refused("error.too_many_votes", cast=41, present=40):
        c.record_vote(started.state, "m1", 21, 10, 10)


def test_vote_bad_method(started: Any) -> None:
    with refused("error.bad_choice", field="method", value="shouting"):
        c.record_vote(started.state, "m1", 1, 0, 0, method="shouting")


def test_vote_with_nobody_eligible(make_session: Callable[..., Any]) -> None:
    """Staff present but only residents vote: the fix is who votes, not attendance."""
    s = make_session(residents=None)
    s.do(c.set_attendance, "staff", 3)
    s.do(c.raise_motion, "电线", "i1")
    with refused("error.no_voting_party_present", present=3):
        c.record_vote(s.state, "m1", 0, 0, 0)
    with refused("error.no_voting_party_present", present=3):
        c.acclaim(s.state, "m1")
    s.do(c.set_attendance, "staff", 0)
    with refused("error.nobody_eligible"):
        c.acclaim(s.state, "m1")


def test_vote_on_decided_motion_needs_recount(started: Any) -> None:
    started.do(c.record_vote, "m1", 18, 16, 6)
    with refused("error.already_decided", number=1, state="passed"):
        c.record_vote(started.state, "m1", 16, 18, 6)
    with refused("error.already_decided", number=1, state="passed"):
        c.acclaim(started.state, "m1")
    drafts = c.record_vote(started.state, "m1", 16, 18, 6, recount=True)
    assert drafts[0].payload["recount"] is True
    started.commit(drafts)
    m = started.state.motions["m1"]
    assert m.state is MotionState.REJECTED
    assert [(v.in_favour, v.against, v.superseded) for v in m.votes] == [
        (18, 16, True),
        (16, 18, False),
    ]
    assert m.vote is m.votes[-1]
    # A rejected motion too needs a recount to vote again.
    with refused("error.already_decided", number=1, state="rejected"):
        c.record_vote(started.state, "m1", 30, 0, 0)
    started.do(c.acclaim, "m1", recount=True)
    assert [v.superseded for v in m.votes] == [True, True, False]
    assert m.state is MotionState.PASSED


def test_recount_that_rejects_drops_the_followup(started: Any) -> None:
    started.do(c.record_vote, "m1", 30, 5, 5)
    started.do(c.assign_followup, "m1", "施工方", "2027-05-31")
    assert started.state.motions["m1"].followup is not None
    started.do(c.record_vote, "m1", 5, 30, 5, recount=True)
    assert started.state.motions["m1"].followup is None


def test_acclamation_is_everyone_eligible_present_in_favour(started: Any) -> None:
    started.do(c.set_headcounts, {"resident": 38, "staff": 3, "contractor": 2})
    started.do(c.acclaim, "m1")
    m = started.state.motions["m1"]
    assert m.state is MotionState.PASSED
    v = m.vote
    assert v is not None
    assert (v.method, v.in_favour, v.against, v.abstain) == (VoteMethod.ACCLAMATION, 38, 0, 0)
    assert v.eligible_present == 38 and v.not_voting == 0


def test_acclamation_under_consensus_rule(make_session: Callable[..., Any]) -> None:
    s = make_session(default_rule="consensus")
    s.do(c.raise_motion, "电线", "i1")
    s.do(c.acclaim, "m1")
    assert s.state.motions["m1"].state is MotionState.PASSED
    assert s.state.motions["m1"].vote.rule is DecisionRule.CONSENSUS


def test_quorum_refuse(make_session: Callable[..., Any]) -> None:
    s = make_session(quorum=30, quorum_policy="refuse", residents=29)
    s.do(c.raise_motion, "电线", "i1")
    assert not s.state.quorum_met
    with refused("error.quorum_not_met", present=29, quorum=30):
        c.record_vote(s.state, "m1", 20, 0, 0)
    with refused("error.quorum_not_met", present=29, quorum=30):
        c.acclaim(s.state, "m1")
    s.do(c.set_attendance, "resident", 30)  # one more arrives
    s.do(c.record_vote, "m1", 20, 0, 0)
    v = s.state.motions["m1"].vote
    assert v is not None and (v.quorum, v.quorum_met, v.passed) == (30, True, True)


def test_quorum_warn_records_quorum_missed(make_session: Callable[..., Any]) -> None:
    s = make_session(quorum=30, quorum_policy="warn", residents=29)
    s.do(c.raise_motion, "电线", "i1")
    s.do(c.record_vote, "m1", 20, 0, 0)
    v = s.state.motions["m1"].vote
    assert v is not None
    assert (v.quorum, v.quorum_met, v.passed) == (30, False, True)


# --- follow-ups ------------------------------------------------------------------------


def test_followups(started: Any) -> None:
    started.do(c.record_vote, "m1", 30, 5, 5)
    with refused("error.no_followup", number=1):
        c.complete_followup(started.state, "m1")
    with refused("error.no_followup", number=1):
        c.evaluate_followup(started.state, "m1", 1, 0, 0)
    with refused("error.bad_date", field="due", value="明年五月"):
        c.assign_followup(started.state, "m1", "施工方", "明年五月")
    with refused("error.empty_text", field="owner"):
        c.assign_followup(started.state, "m1", "")
    started.do(c.assign_followup, "m1", "施工方", " 2027-05-31 ")
    f = started.state.motions["m1"].followup
    assert f is not None and (f.owner, f.due, f.done_on) == ("施工方", "2027-05-31", None)
    started.do(c.assign_followup, "m1", "物业")  # reassigned, no due date
    f = started.state.motions["m1"].followup
    assert f is not None and (f.owner, f.due) == ("物业", None)


def test_followups_allowed_after_close(started: Any) -> None:
    started.do(c.record_vote, "m1", 30, 5, 5)
    started.do(c.assign_followup, "m1", "施工方", "2027-05-31")
    started.do(c.close_meeting)
    with refused("error.bad_date", field="done_on"):
        c.complete_followup(started.state, "m1", "2027-02-30")
    started.do(c.complete_followup, "m1", "2027-05-20")
    started.do(c.evaluate_followup, "m1", 30, 6, "2", at_meeting="m-later")
    s = started.state
    assert s.status is MeetingStatus.CLOSED
    f = s.motions["m1"].followup
    assert f is not None and f.done_on == "2027-05-20"
    assert f.evaluation is not None
    assert (f.evaluation.satisfied, f.evaluation.basic, f.evaluation.unsatisfied) == (30, 6, 2)
    assert f.evaluation.meeting_id == "m-later"
    with refused("error.negative_count", field="unsatisfied"):
        c.evaluate_followup(s, "m1", 1, 1, -1)
    # Assigning is still part of the meeting: refused once it is closed.
    with refused(CLOSED_KEY):
        c.assign_followup(s, "m1", "物业")


def test_followup_done_defaults_to_event_day(started: Any) -> None:
    started.do(c.record_vote, "m1", 30, 5, 5)
    started.do(c.assign_followup, "m1", "施工方")
    started.do(c.complete_followup, "m1")
    f = started.state.motions["m1"].followup
    assert f is not None and f.done_on == started.log.events[-1].at[:10]


# --- undo ------------------------------------------------------------------------------


def test_undo_cancels_the_latest_step(started: Any) -> None:
    before = fold(started.log.events)
    started.do(c.record_vote, "m1", 18, 16, 6)
    drafts = c.undo(started.state)
    assert drafts[0].payload == {"target": started.log.events[-1].seq, "kind": "vote_recorded"}
    started.commit(drafts)
    assert started.state == before
    assert started.state.motions["m1"].votes == []
    # The next undo cancels the step before (the motion being raised), not the undo.
    started.do(c.undo)
    assert "m1" not in started.state.motions


def test_one_undo_takes_back_a_whole_command(started: Any) -> None:
    """`]` marks the current item done and starts the next: `u` takes back both."""
    current = started.state.active_item
    assert current is not None
    before = fold(started.log.events)
    started.do(c.step_agenda, 1)
    assert started.state.active_item is not None and started.state.active_item.id != current.id
    drafts = c.undo(started.state)
    assert len(drafts[0].payload["also"]) == 1
    started.commit(drafts)
    assert started.state == before
    assert started.state.active_item is not None and started.state.active_item.id == current.id


def test_nothing_to_undo(make_session: Callable[..., Any]) -> None:
    s = make_session(items=(), residents=None)
    with refused("error.nothing_to_undo"):
        c.undo(s.state)


def test_describe_steps(started: Any) -> None:
    started.do(c.record_vote, "m1", 31, 5, 4)
    vote_event = started.log.events[-1]
    assert c.describe(vote_event, started.state, "zh") == "表决事项 1：赞成 31，反对 5，弃权 4"
    assert c.describe(vote_event, started.state, "en") == (
        "vote on motion 1: 31 for, 5 against, 4 abstain"
    )
    attendance = next(e for e in started.log.events if e.kind is EventKind.ATTENDANCE_SET)
    assert c.describe(attendance, started.state, "zh") == "出席 居民 40 人"
    for event in started.log.events:
        for lang in ("zh", "en"):
            text = c.describe(event, started.state, lang)
            assert "{" not in text and not text.startswith("event."), text
    assert c.undo_target(started.state) == vote_event


# --- a closed meeting ------------------------------------------------------------------

CLOSED_COMMANDS: list[tuple[str, Callable[[Any], Any]]] = [
    ("edit_meeting", lambda s: c.edit_meeting(s, title="改名")),
    ("start_meeting", lambda s: c.start_meeting(s)),
    ("close_meeting", lambda s: c.close_meeting(s)),
    ("set_attendance", lambda s: c.set_attendance(s, "resident", 41)),
    ("set_headcounts", lambda s: c.set_headcounts(s, {"staff": 2})),
    ("add_attendee", lambda s: c.add_attendee(s, "李阿姨", "resident")),
    ("remove_attendee", lambda s: c.remove_attendee(s, "p1")),
    ("add_item", lambda s: c.add_item(s, "补充议题")),
    ("add_items", lambda s: c.add_items(s, [("补充议题", 5, "")])),
    ("edit_item", lambda s: c.edit_item(s, "i1", title="改名")),
    ("move_item", lambda s: c.move_item(s, "i1", 2)),
    ("remove_item", lambda s: c.remove_item(s, "i3")),
    ("activate_item", lambda s: c.activate_item(s, "i2")),
    ("step_agenda", lambda s: c.step_agenda(s, -1)),
    ("toggle_timer", lambda s: c.toggle_timer(s, "i1")),
    ("finish_item", lambda s: c.finish_item(s, "i2")),
    ("skip_item", lambda s: c.skip_item(s, "i2")),
    ("raise_motion", lambda s: c.raise_motion(s, "补充事项", "i1")),
    ("edit_motion", lambda s: c.edit_motion(s, "m1", text="改")),
    ("note_motion", lambda s: c.note_motion(s, "m1", "补记")),
    ("respond", lambda s: c.respond(s, "m1", "答复")),
    ("withdraw", lambda s: c.withdraw(s, "m2")),
    ("mark_answered", lambda s: c.mark_answered(s, "m2", "答复")),
    ("defer", lambda s: c.defer(s, "m2", "再议", "社区工作人员")),
    ("record_vote", lambda s: c.record_vote(s, "m2", 1, 0, 0)),
    ("judge_vote", lambda s: c.judge_vote(s, "m2", 1, 0, 0)),
    ("recount", lambda s: c.record_vote(s, "m1", 1, 0, 0, recount=True)),
    ("acclaim", lambda s: c.acclaim(s, "m2")),
    ("assign_followup", lambda s: c.assign_followup(s, "m1", "物业")),
    ("undo", lambda s: c.undo(s)),
    ("set_voting_parties", lambda s: c.set_voting_parties(s, ["staff"])),
    ("require_voters", lambda s: c.require_voters(s)),
    ("insert_item", lambda s: c.insert_item(s, "补充议题")),
    ("skip_current", lambda s: c.skip_current(s)),
    ("pull_deferral", lambda s: c.pull_deferral(s, pulled_entry())),
    ("add_speaker", lambda s: c.add_speaker(s, "李姓居民", motion_id="m1")),
    ("move_speaker", lambda s: c.move_speaker(s, "s1", 1)),
    ("remove_speaker", lambda s: c.remove_speaker(s, "s1")),
    ("start_speaker", lambda s: c.start_speaker(s, motion_id="m1")),
    ("toggle_pause", lambda s: c.toggle_pause(s)),
    ("end_speaker", lambda s: c.end_speaker(s)),
    ("note_speech", lambda s: c.note_speech(s, "摘要")),
    ("hand_over_chair", lambda s: c.hand_over_chair(s, "张书记")),
    ("take_back_chair", lambda s: c.take_back_chair(s)),
    ("set_floor_limits", lambda s: c.set_floor_limits(s, "3", "1")),
]


def pulled_entry() -> Any:
    from meeting_tui.domain.archive_views import BacklogEntry, BacklogStatus

    return BacklogEntry(
        Origin("20261017-nany", "m2"), "十月议事会", "2026-10-17", 2, "大门", "再议", "社区", "",
        None, BacklogStatus.OPEN,
    )  # fmt: skip


@pytest.fixture
def closed(started: Any) -> Any:
    started.do(c.add_attendee, "李阿姨", "resident")
    started.do(c.record_vote, "m1", 30, 5, 5)
    started.do(c.raise_motion, "第二个事项")
    started.do(c.close_meeting)
    return started


@pytest.mark.parametrize(("name", "command"), CLOSED_COMMANDS, ids=[n for n, _ in CLOSED_COMMANDS])
def test_closed_meeting_refuses(closed: Any, name: str, command: Callable[[Any], Any]) -> None:
    with refused(CLOSED_KEY, title="测试议事会"):
        command(closed.state)


def test_closed_commands_cover_every_command() -> None:
    after_close = {"reopen_meeting", "complete_followup", "evaluate_followup", "set_name_choice"}
    not_commands = {"create_meeting", "describe", "undo_target"}
    tested = {name for name, _ in CLOSED_COMMANDS}
    assert set(c.__all__) - after_close - not_commands <= tested


def test_closed_meeting_accepts_work_again_after_reopen(closed: Any) -> None:
    closed.do(c.reopen_meeting, "补记答复")
    closed.do(c.respond, "m2", "下次再议")
    assert closed.state.motions["m2"].response == "下次再议"


def test_removed_item_steps_keep_their_title_in_the_timeline(session: Any) -> None:
    session.do(c.activate_item, "i3")
    activated = session.log.events[-1]
    session.do(c.activate_item, "i1")
    session.do(c.remove_item, "i3")
    session.do(c.add_item, "新议题")
    # The old step about the removed item must not be told as if about the new one.
    assert "新议题" not in c.describe(activated, session.state, "zh")


def test_every_command_the_package_names_is_its_module_s_own() -> None:
    """The package loads each module on first use: each name in `__all__` must be found."""
    import importlib
    import inspect

    from meeting_tui.domain import commands

    for name in commands.__all__:
        found = getattr(commands, name)
        assert callable(found), name
        home = importlib.import_module(inspect.getmodule(found).__name__)  # type: ignore[union-attr]
        assert home.__name__.startswith(f"{commands.__name__}."), name
        assert getattr(home, name) is found
    # A module named as one of its commands would be the package's attribute once imported
    # (Python binds a submodule to its package), hiding the command.
    assert not set(commands.MODULES) & set(commands.__all__)
    with pytest.raises(AttributeError, match="no_such_command"):
        _ = commands.no_such_command  # type: ignore[attr-defined]
