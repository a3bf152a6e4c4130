"""Ballots over days: one answer per unit, corrections kept, withdrawals, the close, a recount."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from owners_cases import Book, make_roster

from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.owners import decision as d
from meeting_tui.domain.owners.rules import Counts
from meeting_tui.domain.owners.tally import RunningTally, count, outcome, tally

# Three owners: A holds two units, B one, the developer two unsold ones.
ROSTER = make_roster(
    [
        ("1", "1", "101", 10000, "A"),
        ("1", "1", "102", 5000, "A"),
        ("1", "1", "201", 8000, "B"),
        ("2", "1", "101", 7000, "dev"),
        ("2", "1", "102", 7000, "dev"),
    ]
)


def test_a_unit_has_one_answer_and_a_second_is_a_correction_keeping_the_first() -> None:
    book = Book(ROSTER)
    book.ballot("1-1-201", "2", who="崔辉")
    book.ballot("1-1-201", "1", who="李娜", method="written")
    state = book.state
    assert state.current["1-1-201"].answer == "yes"
    assert [b.answer for b in state.history] == ["no", "yes"]
    assert state.history[1].corrects == state.history[0].seq
    assert tally(state).participating == Counts(8000, 1)


def test_the_same_answer_twice_is_refused_not_counted_twice() -> None:
    book = Book(ROSTER)
    book.ballot("1-1-201", "yes")
    with pytest.raises(DomainError) as caught:
        book.ballot("1-1-201", "yes")
    assert caught.value.key == "owners.ballot.same"
    assert tally(book.state).counts("yes") == Counts(8000, 1)


def test_an_owners_units_add_area_but_one_head() -> None:
    book = Book(ROSTER)
    book.ballot("1-1-101", "1")
    book.ballot("1-1-102", "1")
    book.ballot("2-1-101", "2")
    book.ballot("2-1-102", "2")
    result = tally(book.state)
    assert result.counts("yes") == Counts(15000, 1)
    assert result.counts("no") == Counts(14000, 1)
    assert result.participating == Counts(29000, 2)
    assert result.total == Counts(37000, 3)


def test_one_owner_cannot_answer_two_ways_and_a_correction_moves_all_their_units() -> None:
    book = Book(ROSTER)
    book.ballot("1-1-101", "yes")
    with pytest.raises(DomainError) as caught:
        book.ballot("1-1-102", "no")
    assert "1-1-101" in caught.value.message("zh")
    book.ballot("1-1-102", "yes")
    book.ballot("1-1-101", "no")  # a correction: the owner changed their mind
    state = book.state
    assert {u: b.answer for u, b in state.current.items()} == {"1-1-101": "no", "1-1-102": "no"}
    assert tally(state).counts("no") == Counts(15000, 1)


def test_a_withdrawal_removes_the_answer_from_the_count_and_keeps_it_in_the_record() -> None:
    book = Book(ROSTER)
    book.ballot("1-1-201", "yes")
    book.run(d.withdraw_ballot(book.state, "1-1-201", "业主要求撤回"))
    state = book.state
    assert "1-1-201" not in state.current
    assert state.history[0].withdrawn_reason == "业主要求撤回"
    assert tally(state).participating == Counts(0, 0)
    with pytest.raises(DomainError):
        d.withdraw_ballot(state, "1-1-201")
    book.ballot("1-1-201", "no")  # answering again after a withdrawal is a new answer
    assert tally(book.state).counts("no") == Counts(8000, 1)


def test_closing_stores_the_outcome_and_refuses_later_ballots_until_reopened() -> None:
    book = Book(ROSTER)
    for unit in ("1-1-101", "1-1-102", "1-1-201", "2-1-101", "2-1-102"):
        book.ballot(unit, "yes")
    result = outcome(book.state)
    assert result.passed
    book.run(d.close_count(book.state, result))
    state = book.state
    assert state.closed and state.outcome == result
    with pytest.raises(DomainError) as caught:
        book.ballot("1-1-201", "no")
    assert caught.value.key == "owners.count.closed"
    with pytest.raises(DomainError):
        d.reopen_count(state, "  ")
    book.run(d.reopen_count(state, "漏录一张表决票"))
    book.ballot("1-1-201", "no")
    assert not book.state.closed


def test_the_roster_cannot_change_after_the_first_ballot() -> None:
    book = Book(ROSTER)
    book.ballot("1-1-201", "yes")
    with pytest.raises(DomainError) as caught:
        d.import_roster(book.state, ROSTER)
    assert caught.value.key == "owners.roster.after_ballots"


def test_unknown_room_and_answer_are_explained() -> None:
    book = Book(ROSTER, candidates=["甲物业", "乙物业"])
    with pytest.raises(DomainError) as room:
        book.ballot("9-9-909", "1")
    assert "9-9-909" in room.value.message("zh") and "1-1-101" in room.value.message("zh")
    with pytest.raises(DomainError) as answer:
        book.ballot("1-1-201", "3")
    assert "1–2" in answer.value.message("zh")
    book.ballot("1-1-201", "0")
    assert book.state.current["1-1-201"].answer == "abstain"


def test_an_abstention_takes_part_but_does_not_help_pass() -> None:
    """2 yes, 1 no, 1 abstain: yes is exactly half of those who took part, so it fails;
    counted without the abstention it would have been 2 of 3."""
    roster = make_roster([("1", "", str(100 + n), 100, f"o{n}") for n in range(4)])
    book = Book(roster)
    for room, answer in (("100", "yes"), ("101", "yes"), ("102", "no"), ("103", "abstain")):
        book.ballot(f"1-{room}", answer)
    assert tally(book.state).participating == Counts(400, 4)
    result = outcome(book.state)
    assert not result.passed and result.verdict_key == "owners.verdict.rejected"


# -- the tally equals a recount, in any order ----------------------------------

UNITS = make_roster(
    [("1", "1", f"{n:03d}", 5000 + 137 * n, f"k{n % 7}") for n in range(12)]
    + [("2", "1", f"{n:03d}", 9000, "dev") for n in range(3)]
)


def brute_recount(answers: dict[str, str]) -> dict[str, tuple[int, int]]:
    """The count as a clerk with Excel would do it: sum areas; count distinct owners."""
    result: dict[str, tuple[int, int]] = {}
    for option in ("yes", "no", "abstain"):
        units = [u for u in UNITS.units if answers.get(u.id) == option]
        result[option] = (sum(u.area for u in units), len({u.owner_key for u in units}))
    return result


owner_answers = st.dictionaries(
    st.sampled_from(sorted({u.owner_key for u in UNITS.units})),
    st.sampled_from(["yes", "no", "abstain"]),
)


@given(owner_answers, st.randoms(use_true_random=False), st.data())
def test_tally_equals_a_recount_from_the_raw_answers_in_any_order(
    by_owner: dict[str, str], rnd: object, data: st.DataObject
) -> None:
    """Answers entered in any order, some first wrongly and corrected, some withdrawn and re-entered."""
    final = {u.id: by_owner[u.owner_key] for u in UNITS.units if u.owner_key in by_owner}
    order = list(final)
    rnd.shuffle(order)  # type: ignore[attr-defined]
    book = Book(UNITS)
    for unit in order:
        detour = data.draw(st.sampled_from(["direct", "withdraw"]))
        if detour == "withdraw" and unit not in book.state.current:
            book.ballot(unit, final[unit])
            book.run(d.withdraw_ballot(book.state, unit))
        if book.state.current.get(unit, None) is None:
            book.ballot(unit, final[unit])
    state = book.state
    assert {u: b.answer for u, b in state.current.items()} == final
    result = tally(state)
    expected = brute_recount(final)
    for option, (area, heads) in expected.items():
        assert result.counts(option) == Counts(area, heads)
    assert result.participating.heads == len(by_owner)
    assert result == count(UNITS, state.options, final)


@given(st.lists(st.tuples(st.integers(0, 14), st.sampled_from(["yes", "no", "abstain"]))))
def test_corrections_leave_only_the_last_answer_of_each_owner(
    steps: list[tuple[int, str]],
) -> None:
    book = Book(UNITS)
    for index, answer in steps:
        unit = UNITS.units[index].id
        try:
            book.ballot(unit, answer)
        except DomainError:
            continue  # refused: same answer, or the owner answered otherwise elsewhere
    state = book.state
    for key in {u.owner_key for u in UNITS.units}:
        answers = {
            state.current[u.id].answer for u in UNITS.units_of_owner(key) if u.id in state.current
        }
        assert len(answers) <= 1
    assert len(state.history) >= len(state.current)


# -- the running tally (the screen's) equals a recount after every step -------

TIED = make_roster(
    [("1", "1", f"{n:03d}", 6000 if n % 3 else 3000, f"k{n % 4}") for n in range(10)]
    + [("2", "1", f"{n:03d}", 3000, "dev") for n in range(4)]
)  # owners with 2–3 units of equal or unequal areas, the developer's units as one owner


@given(
    st.lists(
        st.tuples(
            st.integers(0, len(TIED.units) - 1),
            st.sampled_from(["yes", "no", "abstain", None]),
        ),
        max_size=40,
    )
)
def test_the_running_tally_equals_a_recount_after_every_answer(
    steps: list[tuple[int, str | None]],
) -> None:
    """Any answers, changes and withdrawals, even an owner's units answering differently
    (which the commands refuse): each step moved in place equals counting afresh."""
    options = ("yes", "no", "abstain")
    running = RunningTally(TIED, options, {})
    answers: dict[str, str] = {}
    for index, answer in steps:
        unit = TIED.units[index].id
        running.set(unit, answer)
        if answer is None:
            answers.pop(unit, None)
        else:
            answers[unit] = answer
        assert running.tally() == count(TIED, options, answers)
    assert RunningTally(TIED, options, answers).tally() == running.tally()
