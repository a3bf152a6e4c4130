"""What a facilitator may mean when typing an owner or a date to come back: offered, never prefilled.

A prefilled 施工方 had to be backspaced away on every motion it did not fit.
Instead the form suggests, as the first characters are typed, what this
meeting already answered, the parties in the room, and what earlier meetings
of the archive answered, in that order. The archive's answers come from the
kept archive summary (its deferrals and follow-ups), not from every meeting's log.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from meeting_tui import i18n
from meeting_tui.domain.archive_summary import MeetingSummary
from meeting_tui.domain.messages import label
from meeting_tui.domain.model import MeetingState, Motion, Party


def _owners(motion: Motion) -> list[str]:
    found = [motion.followup.owner if motion.followup else ""]
    found.append(motion.deferral.owner if motion.deferral else "")
    return [o for o in found if o]


def _targets(motion: Motion) -> list[str]:
    return [motion.deferral.target] if motion.deferral and motion.deferral.target else []


def _archive_owners(summary: MeetingSummary) -> list[str]:
    return [f.owner for f in summary.followups] + [d.owner for d in summary.deferred]


def _archive_targets(summary: MeetingSummary) -> list[str]:
    return [d.target for d in summary.deferred]


def _ranked(values: Iterable[str]) -> list[str]:
    """Most used first; ties in the order met."""
    counts = Counter(values)
    return sorted(counts, key=lambda v: -counts[v])


def answer_suggestions(
    state: MeetingState, archive: Iterable[MeetingSummary], kind: str, lang: str | None = None
) -> list[str]:
    """Suggestions for an `owner` or a `target` field, best first, each once."""
    pick = _owners if kind == "owner" else _targets
    pick_elsewhere = _archive_owners if kind == "owner" else _archive_targets
    here = [v for m in reversed(list(state.motions.values())) for v in pick(m)]
    elsewhere = _ranked(
        v
        for other in archive
        if other.meeting_id != state.meeting_id
        for v in pick_elsewhere(other)
    )
    if kind == "owner":
        present = [label(p, lang) for p in Party if state.attendance.present(p)]
        rest = [label(p, lang) for p in Party if p is not Party.RESIDENT and p is not Party.OTHER]
        ordered = [*here, *present, *elsewhere, *rest]
    else:
        ordered = [*here, *elsewhere, i18n.t("suggest.next_meeting", lang)]
    return list(dict.fromkeys(v for v in ordered if v))
