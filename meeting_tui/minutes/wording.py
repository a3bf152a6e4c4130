"""Words a resident reads without the rule book: results, headcount changes, the 落款.

The rule's own reason ("赞成 14 ≤ 反对 20 → 未通过") is exact but reads like a
formula. The minutes print the same decision as a sentence ("未通过：赞成 14
人，少于反对 20 人"), built once from the same rule outcome when the minutes
are made, and stored with them, so a saved version keeps its wording.
Headcount changes during the meeting read as 迟到 / 早退 with the new count.
"""

from __future__ import annotations

from collections.abc import Sequence

from meeting_tui import i18n
from meeting_tui.domain.events import Event, EventKind
from meeting_tui.domain.model import Party
from meeting_tui.domain.rules import RuleOutcome

WORDING: dict[str, tuple[str, str]] = {
    "plain.passed": ("通过：{why}", "Passed: {why}"),
    "plain.rejected": ("未通过：{why}", "Rejected: {why}"),
    "plain.simple.more": (
        "赞成 {for} 人，多于反对 {against} 人",
        "{for} in favour, more than the {against} against",
    ),
    "plain.simple.fewer": (
        "赞成 {for} 人，少于反对 {against} 人",
        "{for} in favour, fewer than the {against} against",
    ),
    "plain.simple.tie": (
        "赞成 {for} 人，与反对 {against} 人持平，未多于反对",
        "{for} in favour and {against} against: a tie is not a majority",
    ),
    "plain.present.pass": (
        "赞成 {for} 人，超过出席有表决权 {present} 人的一半",
        "{for} in favour, more than half of the {present} entitled to vote present",
    ),
    "plain.present.fail": (
        "赞成 {for} 人，未超过出席有表决权 {present} 人的一半",
        "{for} in favour, not more than half of the {present} entitled to vote present",
    ),
    "plain.two_thirds.pass": (
        "赞成 {for} 人，达到出席有表决权 {present} 人的三分之二",
        "{for} in favour, at least two thirds of the {present} entitled to vote present",
    ),
    "plain.two_thirds.fail": (
        "赞成 {for} 人，不足出席有表决权 {present} 人的三分之二",
        "{for} in favour, less than two thirds of the {present} entitled to vote present",
    ),
    "plain.consensus.pass": ("无人反对，赞成 {for} 人", "nobody against, {for} in favour"),
    "plain.consensus.objection": (
        "有 {against} 人反对，须无人反对",
        "{against} against, and this rule needs nobody against",
    ),
    "plain.consensus.nobody": ("无人赞成", "nobody in favour"),
    "plain.quorum_missed": (
        "出席有表决权 {present} 人，不足法定人数 {quorum} 人；",
        "{present} entitled to vote present, below the quorum of {quorum}; ",
    ),
    "plain.then_state": ("{words}；事项{state}", "{words}; motion {state}"),
    "plain.late": (
        "{party}迟到 {n} 人，现出席 {count} 人",
        "{party}: {n} arrived late, now {count}",
    ),
    "plain.left": ("{party}早退 {n} 人，现出席 {count} 人", "{party}: {n} left early, now {count}"),
    "plain.committee": ("{community}居民委员会", "{community} Residents' Committee"),
}
CATALOGUE = i18n.area(WORDING)

_SIMPLE_FAIL = "rule.reason.simple.fail"


def plain_result(outcome: RuleOutcome, lang: str) -> str:
    """The decision as a sentence, e.g. "未通过：赞成 14 人，少于反对 20 人"."""
    values = outcome.values
    key = outcome.key.replace("rule.reason.", "plain.")
    if outcome.key == "rule.reason.simple.pass":
        key = "plain.simple.more"
    elif outcome.key == _SIMPLE_FAIL:
        key = "plain.simple.tie" if values["for"] == values["against"] else "plain.simple.fewer"
    why = i18n.t(key, lang, **values)
    if not outcome.quorum_met:
        missed = i18n.t(
            "plain.quorum_missed", lang, present=values["present"], quorum=outcome.quorum
        )
        why = missed + why
    return i18n.t("plain.passed" if outcome.passed else "plain.rejected", lang, why=why)


def with_state(words: str, state_label: str, lang: str) -> str:
    """ "未通过：…；事项暂缓" when the motion ended in another state than its vote said."""
    return i18n.t("plain.then_state", lang, words=words, state=state_label)


def headcount_changes(events: Sequence[Event], lang: str) -> dict[int, str]:
    """For each headcount set after the meeting started, by event seq: 迟到 / 早退 with the count."""
    counts: dict[str, int] = {}
    started = False
    out: dict[int, str] = {}
    for event in events:
        if event.kind is EventKind.MEETING_STARTED:
            started = True
        if event.kind is not EventKind.ATTENDANCE_SET:
            continue
        party, count = str(event.payload["party"]), int(event.payload["count"])
        before = counts.get(party, 0)
        counts[party] = count
        if started and count != before:
            key = "plain.late" if count > before else "plain.left"
            label = i18n.t(f"party.{Party(party).value}", lang)
            out[event.seq] = i18n.t(key, lang, party=label, n=abs(count - before), count=count)
    return out


def largest_headcounts(events: Sequence[Event]) -> dict[str, int]:
    """The largest headcount each party reached during the meeting (set-up counts included)."""
    largest: dict[str, int] = {}
    for event in events:
        if event.kind is EventKind.ATTENDANCE_SET:
            party, count = str(event.payload["party"]), int(event.payload["count"])
            largest[party] = max(largest.get(party, 0), count)
    return largest


def committee_name(community: str, lang: str) -> str:
    """南苑社区 → 南苑社区居民委员会, the body that signs the 落款; a named committee is kept."""
    name = community.strip()
    if not name or name.endswith(("委员会", "居委会", "Committee")):
        return name
    return i18n.t("plain.committee", lang, community=name)
