"""What the room sees on the public view (`meeting-tui present ID`): plain, redacted facts.

The view is for residents checking what the chair typed, so every string
comes through the publicity page's redaction (`public_view`), and a verdict
is explained from its stored vote event — the rule, counts, quorum and result
the chair recorded — never by re-deciding yesterday's vote with today's code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from meeting_tui import i18n
from meeting_tui.domain import MeetingState, Motion, MotionState, label
from meeting_tui.domain.model import AgendaItem, ItemState, MeetingStatus, Vote
from meeting_tui.publicity.view import PublicMotion, public_view
from meeting_tui.publicity.view import _Redactor as PageRedactor  # the page's own redaction

DECIDED = (MotionState.PASSED, MotionState.REJECTED, MotionState.DEFERRED, MotionState.ANSWERED)


@dataclass(frozen=True)
class ShownVote:
    """The tally in force for the motion on screen, with its reason in words."""

    in_favour: int
    against: int
    abstain: int
    not_voting: int
    eligible_present: int
    passed: bool
    method: str
    reason: str  # "赞成 23 > 出席 40 的一半 → 通过"


@dataclass(frozen=True)
class ShownMotion:
    number: int
    state: str
    text: str  # in full, redacted
    proposer: str
    vote: ShownVote | None = None


@dataclass(frozen=True)
class Decision:
    number: int
    text: str
    state: str
    passed: bool | None  # None: deferred or answered, no verdict of a vote
    tally: str  # "38 / 0 / 0", or "" without a vote


@dataclass(frozen=True)
class Projection:
    title: str
    subtitle: str
    closed: bool
    emphasis: str
    item: str = ""  # "第3项 改造方案" / "Item 3: …", or "" between items
    timebox: str = ""  # "12:00 / 20 分钟"
    motion: ShownMotion | None = None
    decisions: list[Decision] = field(default_factory=list)
    agenda: list[str] = field(default_factory=list)


def current_motion(state: MeetingState) -> Motion | None:
    """The motion the chair touched last, if it belongs to the item under discussion.

    The chair's selection is not recorded, so the latest motion event says what
    the room is talking about; once the chair moves to another item that has no
    motion yet, nothing is "under discussion" and the view shows the decisions.
    """
    active = state.active_item
    for event in reversed(state.history):
        motion_id = event.payload.get("motion_id") if isinstance(event.payload, dict) else None
        motion = state.motions.get(str(motion_id)) if motion_id else None
        if motion is None:
            continue
        if active is None or motion.item_id == active.id:
            return motion
        break
    if active is not None:
        raised = state.motions_of(active.id)
        return raised[-1] if raised else None
    return None


def timebox_text(item: AgendaItem, now: datetime | None, lang: str | None = None) -> str:
    """ "12:00 / 20 分钟": time spent on the item (to `now` while its clock runs) and its box."""
    elapsed = item.elapsed(now)
    clock = f"{elapsed // 60:02d}:{elapsed % 60:02d}"
    if not item.timebox_min:
        return clock
    return i18n.t("present.timebox", lang, elapsed=clock, minutes=item.timebox_min)


def _vote(vote: Vote | None, lang: str) -> ShownVote | None:
    if vote is None:
        return None
    return ShownVote(
        in_favour=vote.in_favour,
        against=vote.against,
        abstain=vote.abstain,
        not_voting=max(0, vote.not_voting),
        eligible_present=vote.eligible_present,
        passed=vote.passed,
        method=label(vote.method, lang),
        reason=vote.outcome.explain(lang),  # as the vote event recorded it
    )


def _tally(public: PublicMotion) -> str:
    v = public.vote
    return f"{v.in_favour} / {v.against} / {v.abstain}" if v is not None else ""


def project(
    state: MeetingState, emphasis: str, lang: str | None = None, now: datetime | None = None
) -> Projection:
    """The public view of `state` in `lang` (default: the interface language), timed at `now`."""
    lang = i18n.normalise_lang(lang or i18n.current_language())
    public = public_view(state)
    shown = {m.number: m for section in public.sections.values() for m in section}
    closed = state.status is MeetingStatus.CLOSED
    decisions = [
        Decision(
            number=m.number,
            text=shown[m.number].text,
            state=label(m.state, lang),
            passed=(m.vote.passed if m.vote is not None else None)
            if m.state in (MotionState.PASSED, MotionState.REJECTED)
            else None,
            tally=_tally(shown[m.number]),
        )
        for m in sorted(state.motions.values(), key=lambda m: m.number)
        if m.state in DECIDED and m.number in shown
    ]
    marks = {ItemState.DONE: "✓", ItemState.ACTIVE: "▶", ItemState.SKIPPED: "–"}
    redactor = PageRedactor(state)
    titles = [redactor.text(item.title, multiline=False) for item in state.items]
    agenda = [
        f"{marks.get(item.state, '·')} {n} {titles[n - 1]}" for n, item in enumerate(state.items, 1)
    ]
    item_text = timebox = ""
    active = state.active_item
    if active is not None and not closed:
        number = state.items.index(active) + 1
        item_text = i18n.t("present.item", lang, n=number, title=titles[number - 1])
        timebox = timebox_text(active, now, lang)
    motion = None if closed else current_motion(state)
    shown_motion = None
    if motion is not None and motion.number in shown:
        p = shown[motion.number]
        shown_motion = ShownMotion(
            number=motion.number,
            state=label(motion.state, lang),
            text=p.text,
            proposer=p.proposer,
            vote=_vote(motion.vote, lang),
        )
    status = i18n.t("present.closed" if closed else "present.live", lang)
    subtitle = " · ".join(x for x in (label(state.kind, lang), public.community, status) if x)
    return Projection(
        title=public.title,
        subtitle=subtitle,
        closed=closed,
        emphasis=emphasis,
        item=item_text,
        timebox=timebox,
        motion=shown_motion,
        decisions=decisions,
        agenda=agenda,
    )
