"""Decision rules: who wins a show of hands, and why, in words a resident can check.

Every rule compares whole numbers only (no floating point), so "more than half
of 40" is `2 × 赞成 > 40` and two thirds is `3 × 赞成 ≥ 2 × 出席`.

Each `DecisionRule` has its evaluator in `RULES`; a rule without one is an
error (`MissingRuleError`), never a silent fall-through to another rule.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from meeting_tui.domain.model import DecisionRule
from meeting_tui.domain.outcome import RuleOutcome

__all__ = ["RULES", "MissingRuleError", "RuleOutcome", "evaluate", "stored_outcome"]

# (for, against, abstain, eligible present) → (passed, reason key)
Evaluator = Callable[[int, int, int, int], tuple[bool, str]]


class MissingRuleError(LookupError):
    """A decision rule was added to the model without its evaluator here."""


def _simple_majority(in_favour: int, against: int, abstain: int, present: int) -> tuple[bool, str]:
    passed = in_favour > against
    return passed, "rule.reason.simple.pass" if passed else "rule.reason.simple.fail"


def _majority_of_present(
    in_favour: int, against: int, abstain: int, present: int
) -> tuple[bool, str]:
    passed = 2 * in_favour > present
    return passed, "rule.reason.present.pass" if passed else "rule.reason.present.fail"


def _two_thirds(in_favour: int, against: int, abstain: int, present: int) -> tuple[bool, str]:
    passed = present > 0 and 3 * in_favour >= 2 * present
    return passed, "rule.reason.two_thirds.pass" if passed else "rule.reason.two_thirds.fail"


def _consensus(in_favour: int, against: int, abstain: int, present: int) -> tuple[bool, str]:
    if against > 0:
        return False, "rule.reason.consensus.objection"
    if in_favour == 0:
        return False, "rule.reason.consensus.nobody"
    return True, "rule.reason.consensus.pass"


RULES: Mapping[DecisionRule, Evaluator] = {
    DecisionRule.SIMPLE_MAJORITY: _simple_majority,
    DecisionRule.MAJORITY_OF_PRESENT: _majority_of_present,
    DecisionRule.TWO_THIRDS: _two_thirds,
    DecisionRule.CONSENSUS: _consensus,
}


def evaluator(rule: DecisionRule) -> Evaluator:
    """The evaluator of `rule`; a rule without one fails loudly, naming itself."""
    try:
        return RULES[rule]
    except KeyError:
        raise MissingRuleError(
            f"decision rule {rule.value!r} has no evaluator: add one to rules.RULES"
        ) from None


def evaluate(
    rule: DecisionRule,
    in_favour: int,
    against: int,
    abstain: int,
    eligible_present: int,
    quorum: int | None = None,
) -> RuleOutcome:
    """Apply `rule` to a tally. Counts are assumed valid (the vote command checks them)."""
    values = {
        "for": in_favour,
        "against": against,
        "abstain": abstain,
        "present": eligible_present,
    }
    quorum_met = quorum is None or eligible_present >= quorum
    passed, key = evaluator(rule)(in_favour, against, abstain, eligible_present)
    return RuleOutcome(passed, key, values, quorum_met=quorum_met, quorum=quorum)


def stored_outcome(payload: Mapping[str, Any]) -> RuleOutcome:
    """The verdict and reason a `vote_recorded` event stored, as it was decided then.

    Events written before the reason was stored have none: their reason is the
    rule's reason for the stored counts, worked out here, once, when the log is
    folded — the stored result (passed, quorum met) is kept either way.
    """
    reason = payload.get("reason")
    if isinstance(reason, Mapping):
        key, values = str(reason["key"]), dict(reason["values"])
    else:
        counted = evaluate(
            DecisionRule(payload["rule"]),
            int(payload["for"]),
            int(payload["against"]),
            int(payload["abstain"]),
            int(payload["eligible_present"]),
        )
        key, values = counted.key, counted.values
    return RuleOutcome(
        bool(payload["passed"]),
        key,
        values,
        quorum_met=bool(payload.get("quorum_met", True)),
        quorum=payload.get("quorum"),
    )
