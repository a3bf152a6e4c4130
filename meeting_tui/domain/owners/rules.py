"""The double count of 民法典 第278条, in whole numbers, each check with its reason in words.

Participation: owners holding at least 2/3 of the exclusive area AND at least
2/3 of the owners take part. Ordinary matters (278(1)(1)–(5), (9): e.g.
choosing the property company, USING the maintenance fund) pass with more
than 1/2 of the participating area AND more than 1/2 of the participating
owners; major matters (278(1)(6)(7)(8): raising the fund, rebuilding,
changing common parts' use) need at least 3/4 of both. Fractions are
compared by cross-multiplying (`3 × 参与 ≥ 2 × 总数`), never with floats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from meeting_tui import i18n


class MatterKind(StrEnum):
    ORDINARY = "ordinary"  # 一般事项
    MAJOR = "major"  # 重大事项: 278(1)(6)(7)(8)


@dataclass(frozen=True)
class Counts:
    """An exclusive area (0.01 m²) and a number of owners, counted together."""

    area: int
    heads: int


def format_area(centi: int) -> str:
    """12345 (0.01 m²) → "123.45"; thousands are not grouped, as on a 房屋清册."""
    sign = "-" if centi < 0 else ""
    whole, cents = divmod(abs(centi), 100)
    return f"{sign}{whole}.{cents:02d}"


def percent(part: int, total: int) -> str:
    """Share as "30.06%", rounded down, so a threshold is never shown as met when it is not."""
    if total <= 0:
        return "0.00%"
    hundredths = part * 10000 // total
    return f"{hundredths // 100}.{hundredths % 100:02d}%"


@dataclass(frozen=True)
class Check:
    """One comparison the law asks for, whether it is met, and its reason as an i18n key."""

    met: bool
    key: str
    values: dict[str, Any] = field(default_factory=dict)

    def explain(self, lang: str | None = None) -> str:
        return i18n.t(self.key, lang, **self.values)

    def to_json(self) -> dict[str, Any]:
        return {"met": self.met, "key": self.key, "values": dict(self.values)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Check:
        return cls(bool(data["met"]), str(data["key"]), dict(data.get("values", {})))


def participation_checks(part: Counts, total: Counts) -> tuple[Check, Check]:
    """≥ 2/3 of the total exclusive area and ≥ 2/3 of all owners took part."""
    by_area = total.area > 0 and 3 * part.area >= 2 * total.area
    by_heads = total.heads > 0 and 3 * part.heads >= 2 * total.heads
    return (
        Check(
            by_area,
            "owners.rule.part_area." + ("met" if by_area else "short"),
            {
                "part": format_area(part.area),
                "total": format_area(total.area),
                "share": percent(part.area, total.area),
            },
        ),
        Check(
            by_heads,
            "owners.rule.part_heads." + ("met" if by_heads else "short"),
            {"part": part.heads, "total": total.heads, "share": percent(part.heads, total.heads)},
        ),
    )


def approval_checks(
    kind: MatterKind, got: Counts, part: Counts, option: str
) -> tuple[Check, Check]:
    """`got` (the yes side or one candidate) against the participating area and owners."""
    if kind is MatterKind.MAJOR:
        by_area = part.area > 0 and 4 * got.area >= 3 * part.area
        by_heads = part.heads > 0 and 4 * got.heads >= 3 * part.heads
        stem = "owners.rule.major"
    elif kind is MatterKind.ORDINARY:
        by_area = 2 * got.area > part.area
        by_heads = 2 * got.heads > part.heads
        stem = "owners.rule.ordinary"
    else:  # a kind added without its threshold must not pass as an ordinary one
        raise ValueError(f"matter kind {kind!r} has no approval threshold in approval_checks")
    return (
        Check(
            by_area,
            f"{stem}.area." + ("met" if by_area else "short"),
            {
                "option": option,
                "got": format_area(got.area),
                "part": format_area(part.area),
                "share": percent(got.area, part.area),
            },
        ),
        Check(
            by_heads,
            f"{stem}.heads." + ("met" if by_heads else "short"),
            {
                "option": option,
                "got": got.heads,
                "part": part.heads,
                "share": percent(got.heads, part.heads),
            },
        ),
    )


@dataclass(frozen=True)
class Outcome:
    """What the double count decided: the checks in order and the verdict's i18n key.

    `chosen` is the winning answer ("yes" or a candidate's number as text), or
    "" when nothing passed. Stored with the close of the count, so a verdict is
    always explained from what was decided then.
    """

    passed: bool
    chosen: str
    verdict_key: str
    verdict_values: dict[str, Any]
    checks: tuple[Check, ...]

    def explain(self, lang: str | None = None) -> str:
        """E.g. "参与面积 … ≥ 总面积 … 的三分之二；… → 通过"."""
        reasons = "；" if i18n.normalise_lang(lang or i18n.current_language()) == "zh" else "; "
        text = reasons.join(check.explain(lang) for check in self.checks)
        verdict = i18n.t(self.verdict_key, lang, **self.verdict_values)
        return f"{text} → {verdict}" if text else verdict

    def to_json(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "chosen": self.chosen,
            "verdict_key": self.verdict_key,
            "verdict_values": dict(self.verdict_values),
            "checks": [check.to_json() for check in self.checks],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Outcome:
        return cls(
            bool(data["passed"]),
            str(data.get("chosen", "")),
            str(data["verdict_key"]),
            dict(data.get("verdict_values", {})),
            tuple(Check.from_json(c) for c in data.get("checks", [])),
        )


def decide_question(kind: MatterKind, yes: Counts, part: Counts, total: Counts) -> Outcome:
    """A yes/no question: participation first, then the yes side against the participants."""
    participation = participation_checks(part, total)
    if not all(check.met for check in participation):
        return Outcome(False, "", "owners.verdict.no_quorum", {}, participation)
    approval = approval_checks(kind, yes, part, i18n.t("owners.answer.yes"))
    passed = all(check.met for check in approval)
    key = "owners.verdict.passed" if passed else "owners.verdict.rejected"
    return Outcome(passed, "yes" if passed else "", key, {}, participation + approval)


def decide_selection(
    kind: MatterKind, candidates: dict[str, tuple[str, Counts]], part: Counts, total: Counts
) -> Outcome:
    """A choice among candidates (e.g. seven property firms): one is chosen only at the threshold.

    `candidates` maps the candidate's number ("1" …) to (name, its counts).
    At most one can exceed 1/2 (or reach 3/4) of the participants, so the
    first that meets both checks is the only one. Otherwise the leader by
    area is named and the verdict says that none reached the threshold.
    """
    participation = participation_checks(part, total)
    if not all(check.met for check in participation):
        return Outcome(False, "", "owners.verdict.no_quorum", {}, participation)
    leader: tuple[str, tuple[Check, Check]] | None = None
    for number, (name, got) in candidates.items():
        checks = approval_checks(kind, got, part, name)
        if all(check.met for check in checks):
            return Outcome(
                True, number, "owners.verdict.chosen", {"name": name}, participation + checks
            )
        if leader is None or got.area > candidates[leader[0]][1].area:
            leader = (number, checks)
    if leader is None:
        return Outcome(False, "", "owners.verdict.none_chosen", {}, participation)
    return Outcome(False, "", "owners.verdict.none_chosen", {}, participation + leader[1])
