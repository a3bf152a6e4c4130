"""The shipped 南苑 demo logs fold to the meeting of DESIGN §2, and match the script."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from meeting_tui import demo
from meeting_tui.domain import (
    Event,
    EventKind,
    ItemState,
    MeetingState,
    MeetingStatus,
    MotionState,
    Party,
    VoteMethod,
    fold,
)
from meeting_tui.domain.archive_views import backlog, index_row
from meeting_tui.domain.events import events_from_json
from meeting_tui.store import open_archive


@pytest.fixture(scope="module")
def shipped() -> dict[str, list[Event]]:
    return {
        meeting_id: events_from_json(json.loads(path.read_text(encoding="utf-8")))
        for meeting_id, path in demo.demo_files().items()
    }


@pytest.fixture(scope="module")
def closed(shipped: dict[str, list[Event]]) -> MeetingState:
    return fold(shipped[demo.CLOSED_ID])


@pytest.fixture(scope="module")
def live(shipped: dict[str, list[Event]]) -> MeetingState:
    return fold(shipped[demo.LIVE_ID])


def test_shipped_files_are_what_the_script_writes() -> None:
    files = demo.demo_files()
    assert files[demo.CLOSED_ID].read_text(encoding="utf-8") == demo.dump(demo.closed_log())
    assert files[demo.LIVE_ID].read_text(encoding="utf-8") == demo.dump(demo.live_log())


def test_load_demo_logs_reads_both(shipped: dict[str, list[Event]]) -> None:
    assert demo.load_demo_logs() == shipped
    assert set(shipped) == {demo.CLOSED_ID, demo.LIVE_ID}


def test_closed_meeting_outcome(closed: MeetingState) -> None:
    assert closed.meeting_id == demo.CLOSED_ID
    assert closed.status is MeetingStatus.CLOSED
    assert closed.community == "南苑社区"
    assert closed.started_at and closed.ended_at and closed.started_at < closed.ended_at
    assert len(closed.motions) == 12
    outcome = Counter(m.state for m in closed.motions.values())
    assert outcome == {
        MotionState.PASSED: 7,
        MotionState.DEFERRED: 3,
        MotionState.REJECTED: 1,
        MotionState.ANSWERED: 1,
    }
    assert [m.number for m in closed.motions.values()] == list(range(1, 13))
    assert all(i.state is ItemState.DONE for i in closed.items)
    assert all(i.running_since is None and i.elapsed_s > 0 for i in closed.items)
    assert closed.active_item is None


def test_headcounts_are_realistic(closed: MeetingState) -> None:
    assert 35 <= closed.attendance.present(Party.RESIDENT) <= 45
    assert closed.eligible_present == 40  # two residents came late
    assert closed.attendance.present(Party.CONTRACTOR) >= 1
    assert closed.attendance.present(Party.STAFF) >= 1
    for motion in closed.motions.values():
        for vote in motion.votes:
            assert vote.cast <= vote.eligible_present


def test_wires_underground_passed_by_acclamation(closed: MeetingState) -> None:
    wires = next(m for m in closed.motions.values() if "电线入地" in m.text)
    assert wires.state is MotionState.PASSED
    vote = wires.vote
    assert vote is not None
    assert vote.method is VoteMethod.ACCLAMATION
    assert vote.in_favour == vote.eligible_present == 38
    assert (vote.against, vote.abstain, vote.not_voting) == (0, 0, 0)


def test_insulation_answered_by_the_contractor(closed: MeetingState) -> None:
    (answered,) = closed.motions_in(MotionState.ANSWERED)
    assert "保温层" in answered.text and "防水层" in answered.text
    assert "施工方" in answered.responder
    assert answered.response
    assert answered.votes == []


def test_passed_motions_are_followed_up_by_the_contractor(closed: MeetingState) -> None:
    passed = closed.motions_in(MotionState.PASSED)
    assert len(passed) == 7
    for motion in passed:
        assert motion.followup is not None, motion.text
        assert motion.followup.owner == "施工方"
        assert motion.followup.due is not None
        assert motion.vote is not None and motion.vote.passed


def test_deferrals_are_kept_by_community_staff(closed: MeetingState) -> None:
    deferred = closed.motions_in(MotionState.DEFERRED)
    assert len(deferred) == 3
    for motion in deferred:
        assert motion.deferral is not None
        assert motion.deferral.owner == "社区工作人员"
        assert motion.deferral.reason
        assert motion.followup is None
    entries = backlog([closed])
    assert [e.number for e in entries] == sorted(m.number for m in deferred)
    assert all(e.status == "open" for e in entries)


def test_rejected_motion(closed: MeetingState) -> None:
    (rejected,) = closed.motions_in(MotionState.REJECTED)
    assert rejected.vote is not None
    assert rejected.vote.in_favour <= rejected.vote.against
    assert rejected.followup is None


def test_the_mistyped_tally_was_undone(shipped: dict[str, list[Event]]) -> None:
    events = shipped[demo.CLOSED_ID]
    undos = [e for e in events if e.kind is EventKind.UNDONE]
    assert len(undos) == 1
    target = next(e for e in events if e.seq == undos[0].payload["target"])
    assert target.kind is EventKind.VOTE_RECORDED
    state = fold(events)
    voted = state.motions[target.payload["motion_id"]]
    # The undone tally is gone from the state; only the corrected one stands.
    assert [(v.in_favour, v.against) for v in voted.votes] == [(16, 18)]


def test_closed_index_row(closed: MeetingState) -> None:
    row = index_row(closed)
    assert row["id"] == demo.CLOSED_ID
    assert row["status"] == "closed"
    assert row["date"] == "2026-10-17"
    assert (row["motions"], row["passed"], row["deferred"]) == (12, 7, 3)


def test_live_copy_is_in_session_after_the_first_item(live: MeetingState) -> None:
    assert live.meeting_id == demo.LIVE_ID
    assert live.status is MeetingStatus.IN_SESSION
    assert live.active_item is not None and live.active_item.title == "大门与单元门"
    first = live.motions["m1"]
    assert first.state is MotionState.PASSED
    assert first.vote is not None and first.vote.method is VoteMethod.ACCLAMATION
    assert first.followup is not None and first.followup.owner == "施工方"
    # The next matter is raised and waiting for a vote.
    waiting = live.motions_in(MotionState.RAISED)
    assert len(waiting) == 1 and waiting[0].item_id == live.active_item.id
    assert [i.state for i in live.items[:2]] == [ItemState.DONE, ItemState.DONE]
    assert all(i.state is ItemState.PENDING for i in live.items[3:])
    assert live.eligible_present == 38


def test_demo_logs_are_well_formed(shipped: dict[str, list[Event]]) -> None:
    for events in shipped.values():
        assert [e.seq for e in events] == list(range(1, len(events) + 1))
        assert [e.time for e in events] == sorted(e.time for e in events)
        assert events[0].kind is EventKind.MEETING_CREATED


# -- the in-session demo is dated the day it is loaded -------------------------

LOADED = datetime(2027, 3, 5, 19, 12, tzinfo=demo.CST)


def test_loading_dates_the_live_demo_today(tmp_path: Path) -> None:
    """Loaded weeks after the shipped date, the live demo has run minutes, not 256 h, and no item is over time."""
    archive = open_archive(tmp_path / "data")
    assert demo.install_demo(archive, now=LOADED) == [demo.CLOSED_ID, demo.LIVE_ID]
    live = fold(events_from_json(archive.read_meeting(demo.LIVE_ID)[1]))
    started = datetime.fromisoformat(live.started_at)
    assert started.date() == LOADED.date()
    assert timedelta(minutes=5) < LOADED - started < timedelta(hours=1)
    assert live.planned_start.startswith("2027-03-05")
    assert live.active_item is not None and not live.active_item.overtime(LOADED)
    assert 0 < live.active_item.elapsed(LOADED) < live.active_item.timebox_min * 60  # type: ignore[operator]
    events = events_from_json(archive.read_meeting(demo.LIVE_ID)[1])
    assert all(e.time <= LOADED for e in events)
    followup = live.motions["m1"].followup
    assert followup is not None and followup.due is not None and followup.due > "2027-03-05"
    # The same meeting otherwise: the story and its counts are the shipped ones.
    shipped = fold(demo.load_demo_logs()[demo.LIVE_ID])
    assert [m.text for m in live.motions.values()] == [m.text for m in shipped.motions.values()]
    assert live.eligible_present == shipped.eligible_present


def test_loading_keeps_the_closed_demo_and_the_shipped_files(tmp_path: Path) -> None:
    before = {p: p.read_bytes() for p in demo.demo_files().values()}
    archive = open_archive(tmp_path / "data")
    demo.install_demo(archive, now=LOADED)
    closed = fold(events_from_json(archive.read_meeting(demo.CLOSED_ID)[1]))
    assert closed.started_at.startswith("2026-10-17")
    assert {p: p.read_bytes() for p in demo.demo_files().values()} == before


def test_without_a_date_the_demo_is_installed_as_shipped(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "data")
    demo.install_demo(archive)
    events = events_from_json(archive.read_meeting(demo.LIVE_ID)[1])
    assert events == demo.load_demo_logs()[demo.LIVE_ID]
