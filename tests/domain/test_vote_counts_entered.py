"""A vote needs at least one count entered; what was typed is judged by the domain, never guessed.

The form passes each field as typed: "" for a field left alone. A count typed
as 0 is a count entered; three untouched fields are no vote (acclamation is `y`).
"""

from __future__ import annotations

from typing import Any

import pytest

from meeting_tui.domain import DomainError, MotionState
from meeting_tui.domain import commands as c


@pytest.fixture
def voting(session: Any) -> Any:
    session.do(c.set_headcounts, {"resident": 30})
    session.do(c.step_agenda, 1)
    session.do(c.raise_motion, "电线入地改造")
    return session


def refusal(voting: Any, *counts: Any) -> DomainError:
    with pytest.raises(DomainError) as info:
        c.record_vote(voting.state, "m1", *counts)
    return info.value


@pytest.mark.parametrize("empty", [("", "", ""), (None, None, None), (" ", "", None)])
def test_no_count_entered_is_no_vote_and_names_acclamation(voting: Any, empty: tuple) -> None:
    error = refusal(voting, *empty)
    assert error.key == "error.empty_vote"
    assert "y" in error.message("zh") and "无异议通过" in error.message("zh")
    assert "acclamation" in error.message("en")


def test_one_count_entered_is_a_vote_and_the_others_read_zero(voting: Any) -> None:
    voting.do(c.record_vote, "m1", "", "0", "")
    vote = voting.state.motions["m1"].vote
    assert (vote.in_favour, vote.against, vote.abstain) == (0, 0, 0)
    assert voting.state.motions["m1"].state is MotionState.REJECTED


def test_digits_in_some_fields_only(voting: Any) -> None:
    voting.do(c.record_vote, "m1", "21", "", "3")
    vote = voting.state.motions["m1"].vote
    assert (vote.in_favour, vote.against, vote.abstain) == (21, 0, 3)


@pytest.mark.parametrize("typed", ["-5", "－5", "-"])
def test_a_leading_minus_is_refused_not_dropped(voting: Any, typed: str) -> None:
    error = refusal(voting, typed, "", "")
    assert error.key in ("error.negative_count", "error.not_a_number")
    assert typed in error.message("zh") or "负" in error.message("zh")


def test_thousands_of_digits_are_refused_in_words(voting: Any) -> None:
    error = refusal(voting, "9" * 5000, "", "")
    assert error.key == "error.count_too_large"
    assert len(error.message("zh")) < 200  # one line, not 5,000 digits
    assert "\n" not in error.message("en")
