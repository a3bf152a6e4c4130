"""A vote keeps the reason it was decided for; logs written before that still explain their verdicts.

A verdict is explained from the vote event (minutes, public view), never by
running today's rule again; an old-format log, whose vote events carry no
reason, gets one from the rule once, when it is folded, and keeps its stored
result.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from meeting_tui import demo
from meeting_tui.domain import DecisionRule, Event, EventKind, evaluate, fold, rules
from meeting_tui.domain import commands as c
from meeting_tui.domain.events import events_from_json
from meeting_tui.minutes.build import build_minutes
from meeting_tui.publicity.projection import project
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting

# --- the reason stored with the verdict -----------------------------------------


def _voted(session: Any, for_: int, against: int, abstain: int) -> list[Event]:
    session.do(c.step_agenda, 1)
    session.do(c.raise_motion, "电线入地改造")
    session.do(c.record_vote, "m1", for_, against, abstain)
    return list(session.log.events)


def _vote_payloads(events: list[Event]) -> list[dict[str, Any]]:
    return [dict(e.payload) for e in events if e.kind is EventKind.VOTE_RECORDED]


def test_the_vote_event_stores_the_reason_with_the_verdict(session: Any) -> None:
    (payload,) = _vote_payloads(_voted(session, 20, 19, 1))
    assert payload["reason"] == {
        "key": "rule.reason.simple.pass",
        "values": {"for": 20, "against": 19, "abstain": 1, "present": 40},
    }
    assert payload["passed"] is True


def test_a_changed_rule_never_rewrites_a_stored_reason(
    session: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = _voted(session, 20, 19, 1)  # passed by simple majority: 20 > 19
    # The rule changes after the meeting: now "more than half of those present".
    monkeypatch.setitem(
        rules.RULES, DecisionRule.SIMPLE_MAJORITY, rules.RULES[DecisionRule.MAJORITY_OF_PRESENT]
    )
    assert not evaluate(DecisionRule.SIMPLE_MAJORITY, 20, 19, 1, 40).passed  # it would say no

    state = fold(events)
    vote = state.motions["m1"].vote
    assert vote is not None
    assert vote.outcome.explain("zh") == "赞成 20 > 反对 19 → 通过"
    (entry,) = build_minutes(state, events, "zh").motions[0].votes
    assert entry.reason == "赞成 20 > 反对 19 → 通过"
    assert entry.plain.startswith("通过")
    shown = project(state, "motion", "zh").motion
    assert shown is not None and shown.vote is not None
    assert shown.vote.reason == "赞成 20 > 反对 19 → 通过"


# --- old logs: no reason in the vote events ---------------------------------------


def _without_reasons(events: list[Event]) -> list[Event]:
    rows = [e.to_json() for e in events]
    for row in rows:
        if row["kind"] == EventKind.VOTE_RECORDED.value:
            del row["payload"]["reason"]
    return events_from_json(rows)


def test_an_old_format_log_loads_from_its_file_and_explains_every_vote(tmp_path: Path) -> None:
    new = demo.closed_log()
    old = _without_reasons(new)
    assert all("reason" not in p for p in _vote_payloads(old)) and _vote_payloads(old)
    archive = open_archive(tmp_path)
    assert LiveMeeting.install(archive, demo.CLOSED_ID, old)

    live = LiveMeeting.open(archive, demo.CLOSED_ID)
    state = live.state
    assert all("reason" not in p for p in _vote_payloads(list(live.log.events)))
    expected = fold(new)  # the same votes, recorded with their reasons
    for number, motion in expected.motions.items():
        assert [v.outcome for v in state.motions[number].votes] == [v.outcome for v in motion.votes]
    reasons = [v.reason for m in build_minutes(state, old, "zh").motions for v in m.votes]
    assert "赞成 14 ≤ 反对 20 → 未通过" in reasons
    assert "赞成 38 > 反对 0 → 通过" in reasons
    assert reasons == [
        v.reason for m in build_minutes(expected, new, "zh").motions for v in m.votes
    ]
    live.close()


def test_an_old_vote_keeps_its_stored_result_when_the_rule_now_differs(
    session: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _without_reasons(_voted(session, 20, 19, 1))
    monkeypatch.setitem(
        rules.RULES, DecisionRule.SIMPLE_MAJORITY, rules.RULES[DecisionRule.MAJORITY_OF_PRESENT]
    )
    vote = fold(old).motions["m1"].vote
    assert vote is not None
    assert vote.passed and vote.outcome.passed  # what was decided stays decided
    assert vote.outcome.explain("zh").endswith("→ 通过")
