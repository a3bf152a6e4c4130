"""MeetingState + events → Minutes: every label and reason resolved in the meeting's language.

Times are written the way a community office writes them (2026年10月17日
14:30–16:19); the timeline leaves out the set-up typed days before (the
meeting's creation, the agenda) and the steps later undone, so it tells what
happened at the meeting.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from meeting_tui import i18n
from meeting_tui.domain.archive_views import meeting_date
from meeting_tui.domain.commands import describe
from meeting_tui.domain.errors import party_names
from meeting_tui.domain.events import Event, EventKind
from meeting_tui.domain.messages import label
from meeting_tui.domain.model import (
    MeetingState,
    MeetingStatus,
    Motion,
    MotionState,
    Origin,
    Party,
    Vote,
)
from meeting_tui.minutes import wording
from meeting_tui.minutes.model import (
    AgendaEntry,
    AttendeeEntry,
    Minutes,
    MotionEntry,
    PartyCount,
    TimelineEntry,
    VoteEntry,
)

# Typed before the meeting, not part of what happened at it.
_SETUP_KINDS = frozenset(
    {
        EventKind.MEETING_CREATED,
        EventKind.MEETING_EDITED,
        EventKind.ITEM_ADDED,
        EventKind.ITEM_EDITED,
        EventKind.ITEM_MOVED,
        EventKind.ITEM_REMOVED,
    }
)
_SUMMARY_ORDER = (
    MotionState.PASSED,
    MotionState.REJECTED,
    MotionState.DEFERRED,
    MotionState.ANSWERED,
    MotionState.WITHDRAWN,
    MotionState.RAISED,
)


def sep(lang: str) -> str:
    """The list separator of the language (Chinese uses the full-width comma)."""
    return "，" if lang == "zh" else ", "


def paren(text: str, inner: str, lang: str) -> str:
    """`text（inner）` in Chinese, `text (inner)` in English; `text` alone when `inner` is empty."""
    if not inner:
        return text
    return f"{text}（{inner}）" if lang == "zh" else f"{text} ({inner})"


def long_date(day: date, lang: str) -> str:
    return i18n.t("minutes.date", lang, y=day.year, m=day.month, d=day.day)


def any_date(text: str, lang: str) -> str:
    """A YYYY-MM-DD value in the language's form; other text (下次议事会) as it is."""
    try:
        return long_date(date.fromisoformat(text), lang)
    except ValueError:
        return text


def clock_time(at: str, day: str, lang: str) -> str:
    """HH:MM, with the day in front when it is not the meeting's day."""
    moment = datetime.fromisoformat(at)
    hhmm = moment.strftime("%H:%M")
    if moment.date().isoformat() == day:
        return hhmm
    short = i18n.t("minutes.date_short", lang, m=moment.month, d=moment.day)
    return f"{short} {hhmm}"


def meeting_when(state: MeetingState, lang: str) -> str:
    """2026年10月17日 14:30–16:19 (actual times; planned ones before the meeting started)."""
    start_text = state.started_at or state.planned_start
    if not start_text:
        return ""
    start = datetime.fromisoformat(start_text)
    end_text = state.ended_at if state.status is MeetingStatus.CLOSED else ""
    end_text = end_text or ("" if state.started_at else state.planned_end)
    head = f"{long_date(start.date(), lang)} {start:%H:%M}"
    if not end_text:
        return i18n.t("minutes.open_end", lang, start=head)
    end = datetime.fromisoformat(end_text)
    if end.date() == start.date():
        return f"{head}–{end:%H:%M}"
    return f"{head} – {long_date(end.date(), lang)} {end:%H:%M}"


def in_force(events: Sequence[Event]) -> list[Event]:
    """The steps not cancelled by an undo (and not the undo steps themselves)."""
    undone: set[int] = set()
    for e in events:
        if e.kind is EventKind.UNDONE:
            undone.add(int(e.payload["target"]))
            undone.update(int(s) for s in e.payload.get("also", ()))
    return [e for e in events if e.kind is not EventKind.UNDONE and e.seq not in undone]


def timeline(state: MeetingState, events: Sequence[Event], lang: str) -> tuple[TimelineEntry, ...]:
    steps = in_force(events)
    day = meeting_date(state)
    before_start = True
    entries: list[TimelineEntry] = []
    late_or_left = wording.headcount_changes(steps, lang)
    for event in steps:
        if event.kind is EventKind.MEETING_STARTED:
            before_start = False  # from here on, every step is part of the meeting
        elif before_start and event.kind in _SETUP_KINDS:
            continue
        text = late_or_left.get(event.seq) or describe(event, state, lang)
        entries.append(TimelineEntry(clock_time(event.at, day, lang), text))
    return tuple(entries)


def voting_changes(
    state: MeetingState, events: Sequence[Event], lang: str
) -> tuple[TimelineEntry, ...]:
    """Each change of who votes made at the meeting, from what to what (undone ones left out)."""
    before = [Party.RESIDENT.value]
    day = meeting_date(state)
    changes: list[TimelineEntry] = []
    for event in in_force(events):
        if event.kind is EventKind.VOTING_PARTIES_SET:
            after = list(event.payload["parties"])
            text = f"{party_names(before, lang)} → {party_names(after, lang)}"
            changes.append(TimelineEntry(clock_time(event.at, day, lang), text))
            before = after
        elif "voting_parties" in event.payload:  # set while preparing the meeting
            before = list(event.payload["voting_parties"])
    return tuple(changes)


def _vote(vote: Vote, state: MeetingState, lang: str) -> VoteEntry:
    outcome = vote.outcome  # the reason stored with the verdict, not today's rule re-run
    verdict = "rule.verdict.passed" if vote.passed else "rule.verdict.rejected"
    return VoteEntry(
        at=clock_time(vote.at, meeting_date(state), lang),
        method=label(vote.method, lang),
        in_favour=vote.in_favour,
        against=vote.against,
        abstain=vote.abstain,
        eligible_present=vote.eligible_present,
        not_voting=vote.not_voting,
        rule=label(vote.rule, lang),
        result=i18n.t(verdict, lang),
        reason=outcome.explain(lang),
        superseded=vote.superseded,
        plain=wording.plain_result(outcome, lang),
    )


def _motion(motion: Motion, state: MeetingState, lang: str) -> MotionEntry:
    item = state.find_item(motion.item_id)
    followup, deferral = motion.followup, motion.deferral
    return MotionEntry(
        number=motion.number,
        item=item.title if item else "",
        text=motion.text,
        proposer=motion.proposer,
        party=label(motion.party, lang),
        category=label(motion.category, lang),
        cost=motion.cost,
        over_limit=motion.over_micro_limit,
        note=motion.note,
        response=motion.response,
        responder=motion.responder,
        state=motion.state.value,
        state_label=label(motion.state, lang),
        rule=label(motion.votes[-1].rule if motion.votes else state.rule_for(motion), lang),
        votes=tuple(_vote(v, state, lang) for v in motion.votes),
        owner=followup.owner if followup else "",
        due=any_date(followup.due, lang) if followup and followup.due else "",
        done_on=any_date(followup.done_on, lang) if followup and followup.done_on else "",
        deferral_reason=deferral.reason if deferral else "",
        deferral_owner=deferral.owner if deferral else "",
        deferral_target=any_date(deferral.target, lang) if deferral else "",
        withdraw_reason=motion.withdraw_reason,
        show_proposer_name=motion.show_proposer_name,
        origin=origin_text(motion.origin, lang),
    )


def origin_text(origin: Origin | None, lang: str) -> str:
    """Where a pulled deferral came from, with its earlier vote, as the minutes print it."""
    if origin is None:
        return ""
    if not origin.number:  # linked before the earlier meeting's words were kept: the ids
        return f"{origin.meeting_id} #{origin.motion_id.lstrip('m')}"
    text = i18n.t(
        "minutes.origin",
        lang,
        date=origin.meeting_date,
        title=origin.meeting_title,
        number=origin.number,
    )
    if origin.vote is not None:
        yes, no, abstain = origin.vote
        text += i18n.t("minutes.origin_vote", lang, against=no, abstain=abstain, **{"for": yes})
    if origin.state:
        text += f" → {label(MotionState(origin.state), lang)}"
    return text


def _attendance(state: MeetingState, events: Sequence[Event], lang: str) -> tuple[PartyCount, ...]:
    """Every party that came (in the catalog's order), and every voting party even if absent."""
    largest = wording.largest_headcounts(in_force(events))
    return tuple(
        PartyCount(
            p.value,
            label(p, lang),
            state.attendance.present(p),
            p in state.voting_parties,
            max(largest.get(p.value, 0), state.attendance.present(p)),
        )
        for p in Party
        if state.attendance.present(p) or largest.get(p.value) or p in state.voting_parties
    )


def _summary(state: MeetingState, lang: str) -> str:
    motions = list(state.motions.values())
    parts = [i18n.t("minutes.summary", lang, total=len(motions))]
    for s in _SUMMARY_ORDER:
        count = sum(1 for m in motions if m.state is s)
        if count:
            parts.append(i18n.t("minutes.summary_part", lang, state=label(s, lang), count=count))
    head, *rest = parts
    if not rest:
        return head
    colon = "：" if lang == "zh" else ": "
    return head + colon + sep(lang).join(rest)


def build_minutes(state: MeetingState, events: Sequence[Event], lang: str | None = None) -> Minutes:
    """The minutes as they stand now; cleaned of control characters, ready to save or render."""
    lang = i18n.normalise_lang(lang or state.lang)
    place = " ".join(p for p in (state.community, state.location) if p)
    minutes = Minutes(
        meeting_id=state.meeting_id,
        lang=lang,
        title=state.title,
        community=state.community,
        place=place,
        kind=label(state.kind, lang),
        date=meeting_date(state),
        when=meeting_when(state, lang),
        facilitator=state.facilitator,
        recorder=state.recorder,
        status=state.status.value,
        attendance=_attendance(state, events, lang),
        attendees=tuple(
            AttendeeEntry(a.name, label(a.party, lang), a.building) for a in state.attendance.roster
        ),
        eligible_present=state.eligible_present,
        voting_parties=sep(lang).join(label(p, lang) for p in state.voting_parties),
        default_rule=label(state.default_rule, lang),
        quorum=state.quorum,
        summary=_summary(state, lang),
        agenda=tuple(
            AgendaEntry(
                n,
                item.title,
                item.notes,
                label(item.state, lang),
                item.timebox_min,
                round(item.elapsed_s / 60),
            )
            for n, item in enumerate(state.items, start=1)
        ),
        motions=tuple(
            _motion(m, state, lang) for m in sorted(state.motions.values(), key=lambda m: m.number)
        ),
        timeline=timeline(state, events, lang),
        reopenings=tuple(
            TimelineEntry(clock_time(at, meeting_date(state), lang), reason)
            for at, reason in state.reopenings
        ),
        signatures=tuple(
            i18n.t(f"minutes.sign.{who}", lang) for who in ("facilitator", "recorder", "resident")
        ),
        voting_changes=voting_changes(state, events, lang),
        shown_names=tuple(n for n, shown in state.name_choices.items() if shown),
        hidden_names=tuple(n for n, shown in state.name_choices.items() if not shown),
    )
    return minutes.cleaned()
