"""Every decision rule at its boundaries, and the reason it gives in zh and en."""

from __future__ import annotations

from enum import StrEnum

import pytest

from meeting_tui import i18n
from meeting_tui.domain import DecisionRule, evaluate, rules

SIMPLE = DecisionRule.SIMPLE_MAJORITY
PRESENT = DecisionRule.MAJORITY_OF_PRESENT
TWO_THIRDS = DecisionRule.TWO_THIRDS
CONSENSUS = DecisionRule.CONSENSUS


# --- simple majority of votes cast: for > against ------------------------------


@pytest.mark.parametrize(
    ("for_", "against", "abstain", "present", "passed"),
    [
        (20, 19, 1, 40, True),  # one more for than against
        (20, 20, 0, 40, False),  # a tie fails
        (0, 0, 0, 40, False),  # nobody voted: 0 > 0 is false
        (1, 0, 39, 40, True),  # abstentions do not count against
        (5, 4, 0, 40, True),  # most did not vote: still decided by votes cast
        (4, 5, 0, 40, False),
    ],
)
def test_simple_majority(for_: int, against: int, abstain: int, present: int, passed: bool) -> None:
    outcome = evaluate(SIMPLE, for_, against, abstain, present)
    assert outcome.passed is passed
    assert outcome.key == ("rule.reason.simple.pass" if passed else "rule.reason.simple.fail")
    assert outcome.values == {
        "for": for_,
        "against": against,
        "abstain": abstain,
        "present": present,
    }


def test_simple_majority_tie_explained() -> None:
    outcome = evaluate(SIMPLE, 20, 20, 0, 40)
    assert outcome.explain("zh") == "赞成 20 ≤ 反对 20 → 未通过"
    assert outcome.explain("en") == "for 20 ≤ against 20 → rejected"


def test_simple_majority_pass_explained() -> None:
    outcome = evaluate(SIMPLE, 31, 5, 4, 40)
    assert outcome.explain("zh") == "赞成 31 > 反对 5 → 通过"
    assert outcome.explain("en") == "for 31 > against 5 → passed"


# --- majority of eligible present: 2 × for > present ---------------------------


@pytest.mark.parametrize(
    ("for_", "present", "passed"),
    [
        (20, 40, False),  # exactly half is not a majority
        (21, 40, True),
        (19, 39, False),  # 38 < 39
        (20, 39, True),  # 40 > 39
        (1, 1, True),
        (0, 1, False),
        (1, 2, False),
        (2, 3, True),
    ],
)
def test_majority_of_present(for_: int, present: int, passed: bool) -> None:
    outcome = evaluate(PRESENT, for_, 0, 0, present)
    assert outcome.passed is passed
    assert outcome.key == ("rule.reason.present.pass" if passed else "rule.reason.present.fail")


def test_majority_of_present_ignores_against() -> None:
    # 21 of 40 for, nobody against: passes; 20 for and 0 against still fails.
    assert evaluate(PRESENT, 21, 19, 0, 40).passed
    assert not evaluate(PRESENT, 20, 0, 0, 40).passed


def test_majority_of_present_explained() -> None:
    outcome = evaluate(PRESENT, 23, 10, 7, 40)
    assert outcome.explain("zh") == "赞成 23 > 出席 40 的一半 → 通过"
    assert outcome.explain("en") == "for 23 > half of 40 present → passed"
    failed = evaluate(PRESENT, 20, 10, 10, 40)
    assert failed.explain("zh") == "赞成 20 未超过出席 40 的一半 → 未通过"
    assert failed.explain("en") == "for 20 is not more than half of 40 present → rejected"


# --- two thirds of eligible present: 3 × for ≥ 2 × present ----------------------


@pytest.mark.parametrize(
    ("for_", "present", "passed"),
    [
        (26, 40, False),  # 78 < 80
        (27, 40, True),  # 81 ≥ 80
        (2, 3, True),  # exactly two thirds passes
        (1, 3, False),
        (19, 30, False),  # 57 < 60
        (20, 30, True),  # exactly 2/3
        (25, 38, False),  # 75 < 76
        (26, 38, True),  # 78 ≥ 76
        (1, 1, True),
        (0, 0, False),  # nobody present never passes
    ],
)
def test_two_thirds(for_: int, present: int, passed: bool) -> None:
    outcome = evaluate(TWO_THIRDS, for_, 0, 0, present)
    assert outcome.passed is passed
    assert outcome.key == (
        "rule.reason.two_thirds.pass" if passed else "rule.reason.two_thirds.fail"
    )


def test_two_thirds_explained() -> None:
    assert evaluate(TWO_THIRDS, 27, 10, 3, 40).explain("zh") == (
        "赞成 27 ≥ 出席 40 的三分之二 → 通过"
    )
    assert evaluate(TWO_THIRDS, 26, 10, 4, 40).explain("en") == (
        "for 26 < two thirds of 40 present → rejected"
    )


# --- consensus: nobody against, somebody for ------------------------------------


@pytest.mark.parametrize(
    ("for_", "against", "abstain", "passed", "key"),
    [
        (38, 0, 0, True, "rule.reason.consensus.pass"),
        (1, 0, 37, True, "rule.reason.consensus.pass"),  # abstaining is not objecting
        (37, 1, 0, False, "rule.reason.consensus.objection"),  # a single objection blocks
        (0, 0, 38, False, "rule.reason.consensus.nobody"),  # nobody in favour
        (0, 0, 0, False, "rule.reason.consensus.nobody"),
        (0, 3, 0, False, "rule.reason.consensus.objection"),
    ],
)
def test_consensus(for_: int, against: int, abstain: int, passed: bool, key: str) -> None:
    outcome = evaluate(CONSENSUS, for_, against, abstain, 38)
    assert outcome.passed is passed
    assert outcome.key == key


def test_consensus_explained() -> None:
    assert evaluate(CONSENSUS, 38, 0, 0, 38).explain("zh") == "无人反对（赞成 38） → 通过"
    assert evaluate(CONSENSUS, 36, 2, 0, 38).explain("zh") == "反对 2 人 → 未通过"
    assert evaluate(CONSENSUS, 36, 2, 0, 38).explain("en") == "2 against → rejected"
    assert evaluate(CONSENSUS, 0, 0, 5, 38).explain("en") == "nobody in favour → rejected"


# --- quorum ------------------------------------------------------------------------


def test_quorum_met_at_exactly_the_quorum() -> None:
    outcome = evaluate(SIMPLE, 20, 5, 5, 30, quorum=30)
    assert outcome.quorum_met
    assert outcome.quorum == 30
    assert "法定人数" not in outcome.explain("zh")


def test_no_quorum_is_always_met() -> None:
    outcome = evaluate(SIMPLE, 1, 0, 0, 1)
    assert outcome.quorum_met
    assert outcome.quorum is None


def test_quorum_missed_is_said_first_in_both_languages() -> None:
    outcome = evaluate(PRESENT, 23, 3, 3, 29, quorum=30)
    assert not outcome.quorum_met
    # The rule still decides; the missing quorum is a warning in front of the reason.
    assert outcome.passed
    assert outcome.explain("zh") == ("出席 29 人，未达法定人数 30; 赞成 23 > 出席 29 的一半 → 通过")
    assert outcome.explain("en") == (
        "29 present, below the quorum of 30; for 23 > half of 29 present → passed"
    )


def test_explain_uses_current_language_by_default() -> None:
    outcome = evaluate(SIMPLE, 3, 1, 0, 4)
    before = i18n.current_language()
    try:
        i18n.set_language("en")
        assert outcome.explain() == "for 3 > against 1 → passed"
        i18n.set_language("zh")
        assert outcome.explain() == "赞成 3 > 反对 1 → 通过"
    finally:
        i18n.set_language(before)


@pytest.mark.parametrize("rule", list(DecisionRule))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_rule_explains_without_placeholders(rule: DecisionRule, lang: str) -> None:
    for counts in [(0, 0, 0), (10, 0, 0), (0, 10, 0), (5, 5, 5), (30, 1, 1)]:
        for quorum in (None, 35):
            text = evaluate(rule, *counts, 32, quorum=quorum).explain(lang)
            assert "{" not in text
            assert "rule." not in text  # no raw key shown
            assert text.endswith(("通过", "未通过") if lang == "zh" else ("passed", "rejected"))


# --- the registry --------------------------------------------------------------


def test_every_decision_rule_has_an_evaluator() -> None:
    assert set(rules.RULES) == set(DecisionRule)
    for rule in DecisionRule:  # each one decides, with a reason key of its own
        outcome = evaluate(rule, 30, 5, 5, 40)
        assert outcome.key.startswith("rule.reason.")


def test_a_rule_without_an_evaluator_fails_loudly_naming_itself() -> None:
    class NewRule(StrEnum):  # a rule added to the model and forgotten here
        WEIGHTED = "weighted"

    with pytest.raises(rules.MissingRuleError, match="'weighted' has no evaluator"):
        evaluate(NewRule.WEIGHTED, 30, 5, 5, 40)  # type: ignore[arg-type]
