"""What a decision rule decided and why, in words a resident can check.

Kept apart from `rules.py`, which holds the rules themselves, so that a read
model can hold an outcome without importing the rules that produced it.
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
