"""Properties of the event-sourced meeting, checked on random walks of valid commands.

A walk starts from a small meeting (three items, residents present) and runs
random commands with random arguments; a command the domain refuses
(DomainError) is skipped, as the UI would show the error and change nothing.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meeting_tui.domain import (
    DecisionRule,
    DomainError,
    Event,
    EventKind,
    MeetingState,
    MeetingStatus,
    MotionState,
    fold,
    motions_changed,
)
from meeting_tui.domain import commands as c
from meeting_tui.domain.events import Draft
from meeting_tui.domain.log import MeetingLog

CST = timezone(timedelta(hours=8))
START = datetime(2026, 10, 17, 14, 30, tzinfo=CST)

OPS = (
    "raise",
    "vote",
    "vote",
    "vote",
    "recount",
    "recount",
    "acclaim",
    "defer",
    "answer",
    "respond",
    "withdraw",
    "attendance",
    "step",
    "timer",
    "undo",
    "undo",
    "activate",
    "skip",
    "add_item",
    "remove_item",
    "move_item",
    "edit_motion",
    "rules",
    "assign",
    "complete",
    "close",
    "reopen",
)

# (operation, a, b, c, pick, seconds): numbers the operation reads as it needs them.
step_strategy = st.tuples(
    st.sampled_from(OPS),
    st.integers(0, 45),
    st.integers(0, 45),
    st.integers(0, 45),
    st.integers(0, 7),
    st.integers(0, 900),
)
walk_strategy = st.lists(step_strategy, min_size=3, max_size=30)


def _motion_id(state: MeetingState, pick: int) -> str:
    """One of the motions (or an unknown id when there are none: the command refuses)."""
    ids = sorted(state.motions, key=lambda m: state.motions[m].number)
    return ids[pick % len(ids)] if ids else "m1"


def _tally(state: MeetingState, a: int, b: int, n: int, pick: int) -> tuple[int, int, int]:
    """Mostly a tally that fits the eligible present count; now and then the raw numbers."""
    if pick == 7:
        return a, b, n
    room = state.eligible_present
    in_favour = a % (room + 1)
    against = b % (room - in_favour + 1)
    return in_favour, against, n % (room - in_favour - against + 1)


def _drafts(op: str, state: MeetingState, a: int, b: int, n: int, pick: int) -> list[Draft]:
    mid = _motion_id(state, pick)
    iid = state.items[pick % len(state.items)].id if state.items else "i1"
    tally = _tally(state, a, b, n, pick)
    commands: dict[str, Callable[[], list[Draft]]] = {
        "raise": lambda: c.raise_motion(state, f"事项{a}", f"i{pick % 3 + 1}", cost=a * 5000),
        "vote": lambda: c.record_vote(state, mid, *tally),
        "recount": lambda: c.record_vote(state, mid, *tally, recount=True),
        "acclaim": lambda: c.acclaim(state, mid),
        "defer": lambda: c.defer(state, mid, "需进一步商议", "社区工作人员", "下次议事会"),
        "answer": lambda: c.mark_answered(state, mid, "已答复" if a % 2 else ""),
        "respond": lambda: c.respond(state, mid, f"答复{b}", "施工方"),
        "withdraw": lambda: c.withdraw(state, mid, "撤回"),
        "attendance": lambda: c.set_attendance(state, "resident", a),
        "step": lambda: c.step_agenda(state, 1 if pick % 3 else -1),
        "timer": lambda: c.toggle_timer(state),
        "undo": lambda: c.undo(state),
        "activate": lambda: c.activate_item(state, iid),
        "skip": lambda: c.skip_item(state, iid),
        "add_item": lambda: c.add_item(
            state, f"议题{a}", a % 30, position=b % 5 if n % 2 else None
        ),
        "remove_item": lambda: c.remove_item(state, iid),
        "move_item": lambda: c.move_item(state, iid, a % 5),
        "edit_motion": lambda: c.edit_motion(state, mid, item_id=iid, cost=a * 10_000),
        "rules": lambda: c.edit_meeting(
            state,
            voting_parties=[["resident"], ["resident", "staff"]][a % 2],
            default_rule=list(DecisionRule)[b % len(DecisionRule)].value,
            quorum=[None, 10, 25][n % 3],
            quorum_policy=["warn", "refuse"][pick % 2],
        ),
        "assign": lambda: c.assign_followup(state, mid, "施工方", f"2027-0{1 + a % 9}-01"),
        "complete": lambda: c.complete_followup(state, mid),
        "close": lambda: c.close_meeting(state),
        "reopen": lambda: c.reopen_meeting(state, "补记"),
    }
    return commands[op]()


@dataclass
class Walk:
    log: MeetingLog
    now: datetime
    # (seqs of the steps in force, a deep copy of the state) after every accepted command.
    snapshots: list[tuple[tuple[int, ...], MeetingState]] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)

    def commit(self, drafts: list[Draft], seconds: int) -> None:
        self.now += timedelta(seconds=seconds)
        self.log.commit(self.log.prepare(drafts, self.now))
        self.snapshot()

    def snapshot(self) -> None:
        in_force = tuple(e.seq for e in self.log.state.history)
        self.snapshots.append((in_force, copy.deepcopy(self.log.state)))


def start_walk() -> Walk:
    walk = Walk(MeetingLog(), START)
    walk.commit(c.create_meeting("m-prop", "随机议事会", "bench"), 0)
    walk.commit(
        c.add_items(walk.log.state, [("议题一", 5, ""), ("议题二", 5, ""), ("议题三", 5, "")]), 0
    )
    walk.commit(c.set_attendance(walk.log.state, "resident", 20), 0)
    walk.commit(c.step_agenda(walk.log.state, 1), 60)
    walk.commit(c.raise_motion(walk.log.state, "电线入地"), 60)
    walk.commit(c.raise_motion(walk.log.state, "更换单元门"), 60)
    return walk


def run_walk(
    steps: list[tuple[str, int, int, int, int, int]],
    check: Callable[[MeetingState, MeetingState, str], None] | None = None,
) -> Walk:
    """Run `steps`; `check(before, after, op)` sees every accepted command."""
    walk = start_walk()
    for op, a, b, n, pick, seconds in steps:
        state = walk.log.state
        try:
            drafts = _drafts(op, state, a, b, n, pick)
        except DomainError:
            continue
        if not drafts:
            continue
        before = copy.deepcopy(state)
        walk.commit(drafts, seconds)
        walk.accepted.append(op)
        if check is not None:
            check(before, walk.log.state, op)
    return walk


def _round_trip(events: list[Event]) -> list[Event]:
    text = json.dumps([e.to_json() for e in events], ensure_ascii=False)
    return [Event.from_json(row) for row in json.loads(text)]


PROPERTY_SETTINGS = settings(max_examples=100, deadline=None)


@PROPERTY_SETTINGS
@given(walk_strategy)
def test_fold_is_deterministic_and_survives_json(steps: list[Any]) -> None:
    walk = run_walk(steps)
    events = walk.log.events
    once, twice = fold(events), fold(events)
    assert once == twice
    assert fold(_round_trip(events)) == once
    assert _round_trip(events) == events
    # Bookkeeping too, which equality leaves out.
    assert (once.last_seq, once.last_at) == (events[-1].seq, events[-1].at)
    assert [e.seq for e in once.history] == [e.seq for e in twice.history]


@PROPERTY_SETTINGS
@given(walk_strategy)
def test_incremental_state_equals_full_fold(steps: list[Any]) -> None:
    walk = start_walk()
    for op, a, b, n, pick, seconds in steps:
        try:
            drafts = _drafts(op, walk.log.state, a, b, n, pick)
        except DomainError:
            continue
        if drafts:
            walk.commit(drafts, seconds)
            assert walk.log.state == fold(walk.log.events)
    full = fold(walk.log.events)
    assert walk.log.state == full
    assert [e.seq for e in walk.log.state.history] == [e.seq for e in full.history]
    assert walk.log.state.last_seq == full.last_seq


@PROPERTY_SETTINGS
@given(walk_strategy, st.integers(1, 8))
def test_undoing_a_suffix_restores_the_earlier_state(steps: list[Any], k: int) -> None:
    walk = run_walk(steps)
    history = list(walk.log.state.history)
    undoable = [e for e in history if e.kind is not EventKind.MEETING_CREATED]
    # One undo takes back one command: every step of its batch (`]` is two steps).
    wanted, k, removed = min(k, len(undoable)), 0, 0
    while k < wanted and removed < len(undoable):
        if walk.log.state.status is MeetingStatus.CLOSED:
            # A closed meeting changes only through a recorded reopen: undo is refused.
            with pytest.raises(DomainError) as refused:
                c.undo(walk.log.state)
            assert refused.value.key == "error.meeting_closed"
            break
        before = len(walk.log.state.history)
        walk.commit(c.undo(walk.log.state), 1)
        gone = before - len(walk.log.state.history)
        batch = history[len(history) - removed - gone : len(history) - removed]
        assert gone == 1 or len({e.payload.get("batch") for e in batch}) == 1
        removed += gone
        k += 1
    if k == 0:
        return
    kept = history[: len(history) - removed]
    # The state is what the log without those k steps folds to …
    assert walk.log.state == fold(kept)
    assert [e.seq for e in walk.log.state.history] == [e.seq for e in kept]
    # … and, when the walk passed through exactly those steps, the state it had then.
    seqs = tuple(e.seq for e in kept)
    earlier = [snap for in_force, snap in walk.snapshots[:-k] if in_force == seqs]
    if earlier:
        assert walk.log.state == earlier[-1]
    # Undoing everything leaves the meeting as created.
    if removed == len(undoable):
        assert walk.log.state == fold(walk.log.events[:1])


@PROPERTY_SETTINGS
@given(walk_strategy)
def test_no_vote_exceeds_its_eligible_present_snapshot(steps: list[Any]) -> None:
    walk = run_walk(steps)
    for state in [walk.log.state, *(snap for _, snap in walk.snapshots)]:
        for motion in state.motions.values():
            for vote in motion.votes:
                assert 0 <= vote.cast <= vote.eligible_present
                assert vote.not_voting >= 0
            if motion.votes:
                assert motion.state in (
                    MotionState.PASSED,
                    MotionState.REJECTED,
                    MotionState.DEFERRED,
                    MotionState.WITHDRAWN,
                )
                assert motion.state is not MotionState.PASSED or motion.votes[-1].passed


@PROPERTY_SETTINGS
@given(walk_strategy)
def test_a_recount_keeps_every_earlier_count(steps: list[Any]) -> None:
    def check(before: MeetingState, after: MeetingState, op: str) -> None:
        for mid, motion in after.motions.items():
            assert [v.superseded for v in motion.votes] == [True] * (len(motion.votes) - 1) + [
                False
            ] * bool(motion.votes)
            if op == "undo" or mid not in before.motions:
                continue
            old = before.motions[mid].votes
            new = motion.votes
            # The list only grows; every earlier count is kept as it was.
            assert len(new) >= len(old)
            counts = [(v.seq, v.in_favour, v.against, v.abstain, v.eligible_present) for v in new]
            assert counts[: len(old)] == [
                (v.seq, v.in_favour, v.against, v.abstain, v.eligible_present) for v in old
            ]
            if len(new) > len(old) and old:
                assert op == "recount"

    run_walk(steps, check)


@PROPERTY_SETTINGS
@given(walk_strategy)
def test_a_step_applied_in_place_changes_only_the_motions_it_names(steps: list[Any]) -> None:
    """What lets the motion table draw again only the rows a command changed."""

    def check(before: MeetingState, after: MeetingState, op: str) -> None:
        if op == "undo":  # a new state, folded whole: the table draws it whole
            return
        named = motions_changed(after, len(before.history))
        for motion_id in before.motions.keys() | after.motions.keys():
            if motion_id not in named:
                was, now = before.motions.get(motion_id), after.motions.get(motion_id)
                assert was == now, (op, motion_id)

    run_walk(steps, check)


def test_the_motions_a_vote_and_a_deferral_change_are_theirs() -> None:
    walk = start_walk()
    state = walk.log.state
    since = len(state.history)
    walk.commit(c.record_vote(state, "m1", 12, 3, 1), 30)
    assert motions_changed(walk.log.state, since) == {"m1"}
    walk.commit(c.defer(state, "m2", "需进一步商议", "社区工作人员", "下次议事会"), 30)
    assert motions_changed(walk.log.state, since) == {"m1", "m2"}
    walk.commit(c.set_attendance(state, "resident", 30), 30)
    assert motions_changed(walk.log.state, len(walk.log.state.history) - 1) == set()


def test_walks_do_reach_recounts_and_undos() -> None:
    """The strategy is not vacuous: a fixed walk exercises recount and undo."""
    walk = run_walk(
        [
            ("vote", 12, 5, 1, 0, 60),
            ("recount", 5, 12, 1, 0, 60),
            ("undo", 0, 0, 0, 0, 60),
            ("recount", 6, 12, 1, 0, 60),
            ("vote", 30, 0, 0, 7, 60),  # raw tally above the 20 present: refused, skipped
        ]
    )
    assert walk.accepted == ["vote", "recount", "undo", "recount"]
    votes = walk.log.state.motions["m1"].votes
    assert [(v.in_favour, v.superseded) for v in votes] == [(12, True), (6, False)]
