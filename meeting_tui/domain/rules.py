"""Decision rules: who wins a show of hands, and why, in words a resident can check.

Every rule compares whole numbers only (no floating point), so "more than half
of 40" is `2 × 赞成 > 40` and two thirds is `3 × 赞成 ≥ 2 × 出席`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from meeting_tui import i18n
from meeting_tui.domain.model import DecisionRule


@dataclass(frozen=True)
class RuleOutcome:
    """What a rule decided, with the reason as an i18n key and its values."""

    passed: bool
    key: str
    values: dict[str, Any] = field(default_factory=dict)
    quorum_met: bool = True
    quorum: int | None = None

    def explain(self, lang: str | None = None) -> str:
        """E.g. "赞成 23 > 出席 40 的一半 → 通过"; a missed quorum is said first."""
        reason = i18n.t(self.key, lang, **self.values)
        verdict = i18n.t("rule.verdict.passed" if self.passed else "rule.verdict.rejected", lang)
        text = f"{reason} → {verdict}"
        if not self.quorum_met:
            warning = i18n.t(
                "rule.quorum_missed", lang, present=self.values["present"], quorum=self.quorum
            )
            text = f"{warning}; {text}"
        return text


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
    passed: bool
    if rule is DecisionRule.SIMPLE_MAJORITY:
        passed = in_favour > against
        key = "rule.reason.simple.pass" if passed else "rule.reason.simple.fail"
    elif rule is DecisionRule.MAJORITY_OF_PRESENT:
        passed = 2 * in_favour > eligible_present
        key = "rule.reason.present.pass" if passed else "rule.reason.present.fail"
    elif rule is DecisionRule.TWO_THIRDS:
        passed = eligible_present > 0 and 3 * in_favour >= 2 * eligible_present
        key = "rule.reason.two_thirds.pass" if passed else "rule.reason.two_thirds.fail"
    else:
        passed = against == 0 and in_favour > 0
        if passed:
            key = "rule.reason.consensus.pass"
        elif against > 0:
            key = "rule.reason.consensus.objection"
        else:
            key = "rule.reason.consensus.nobody"
    return RuleOutcome(passed, key, values, quorum_met=quorum_met, quorum=quorum)
