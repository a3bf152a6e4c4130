"""A vote as the kept summaries and lists write it: what `dataclasses.asdict` made, and back.

`vote_json` writes the outcome field by field (asdict deep-copied each value
and was most of a kept list's making); the text it gives must not change, or
every kept summary and list would read as another layout.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from meeting_tui import demo
from meeting_tui.domain import DecisionRule, Vote, evaluate, fold
from meeting_tui.domain.archive_summary import vote_from, vote_json
from meeting_tui.domain.model import VoteMethod
from meeting_tui.domain.outcome import RuleOutcome


def as_asdict_made_it(vote: Vote) -> list[Any]:
    fields = [getattr(vote, f.name) for f in dataclasses.fields(Vote)]
    return [dataclasses.asdict(v) if isinstance(v, RuleOutcome) else v for v in fields]


def demo_votes() -> list[Vote]:
    state = fold(demo.closed_log())
    return [vote for motion in state.motions.values() for vote in motion.votes]


def test_the_demo_meetings_votes_are_written_as_before_and_read_back() -> None:
    votes = demo_votes()
    assert len(votes) >= 5
    for vote in votes:
        written = vote_json(vote)
        assert written == as_asdict_made_it(vote)
        text = json.dumps(written, ensure_ascii=False)
        assert text == json.dumps(as_asdict_made_it(vote), ensure_ascii=False)
        assert vote_from(json.loads(text)) == vote


@given(
    rule=st.sampled_from(list(DecisionRule)),
    counts=st.tuples(*[st.integers(0, 300)] * 3),
    absent=st.integers(0, 50),
    quorum=st.none() | st.integers(0, 400),
)
def test_any_tally_is_written_as_before_and_read_back(
    rule: DecisionRule, counts: tuple[int, int, int], absent: int, quorum: int | None
) -> None:
    present = sum(counts) + absent
    outcome = evaluate(rule, *counts, present, quorum)
    vote = Vote(
        7, "2026-12-03T09:30:00+08:00", VoteMethod.HANDS, *counts, present, rule, quorum,
        outcome.quorum_met, outcome.passed, outcome,
    )  # fmt: skip
    assert vote_json(vote) == as_asdict_made_it(vote)
    assert vote_from(json.loads(json.dumps(vote_json(vote)))) == vote


def test_the_written_outcome_is_a_copy() -> None:
    vote = demo_votes()[0]
    written = vote_json(vote)
    assert written is not None
    written[-2]["values"]["for"] = -1
    assert vote.outcome.values["for"] != -1
