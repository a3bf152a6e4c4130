"""What a decision rule decided and why: the verdict a vote event stores and the screens show.

Kept apart from `rules.py` so the read model (`model.Vote`) can hold the stored
outcome without importing the rules that produced it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from meeting_tui import i18n


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

    @property
    def cast(self) -> int:
        """Hands raised (赞成 + 反对 + 弃权) in the tally this outcome judged."""
        return int(self.values["for"]) + int(self.values["against"]) + int(self.values["abstain"])

    @property
    def not_voting(self) -> int:
        """未表态: eligible and present, but no hand raised."""
        return int(self.values["present"]) - self.cast
