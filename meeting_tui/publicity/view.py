"""What the public may see of a meeting: plain, redacted strings, ready to escape and lay out.

The page and the printed notice both render from this one view, so they
can never disagree about what is redacted. Redaction happens here and only
here, in this order for every string:

1. `clean_text` first, so an invisible character (a zero-width space inside
   a phone number, a bidi override) cannot split a number past the masking
   and then vanish, or make 通过 read as something else;
2. person fields (proposer, owners, responder, chair, recorder) are cut to
   `shorten_name` (李建国 → 李某) unless the facilitator opted in for that
   motion's proposer;
3. every string then goes through `redact_text` with all names the meeting
   knows (roster, proposers, owners, responders), which masks mobile and ID
   numbers and shortens any of those names inside free text.

Escaping for HTML is the renderers' job, done once at the point of output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from meeting_tui import i18n
from meeting_tui.domain import MeetingState, Motion, MotionState, Party, label
from meeting_tui.domain.checkpoint import digest_line
from meeting_tui.domain.floor import Floor
from meeting_tui.domain.model import MeetingStatus
from meeting_tui.domain.organisations import is_organisation
from meeting_tui.domain.privacy import NameDecision, Redactor
from meeting_tui.domain.text import clean_text

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class PublicVote:
    method: str
    rule: str
    in_favour: int
    against: int
    abstain: int
    not_voting: int
    eligible_present: int
    acclaimed: bool


@dataclass(frozen=True)
class PublicMotion:
    """One motion as the public sees it; empty strings are simply not shown."""

    number: int
    anchor: str
    state: MotionState
    text: str
    proposer: str
    category: str
    note: str = ""
    cost: int | None = None
    vote: PublicVote | None = None
    owner: str = ""  # follow-up owner, or who keeps a deferred item
    due: str = ""  # follow-up due date, or when a deferred item comes back
    done_on: str = ""
    reason: str = ""  # why deferred or withdrawn
    response: str = ""
    responder: str = ""
    speakers: str = ""  # who spoke on it, in order, shortened like the proposer


@dataclass(frozen=True)
class Posting:
    """How a 公示 is posted: when, for how long, by whom, and how to reach them."""

    posted_on: date
    days: int = 7
    committee: str = ""  # 落款; default: the community's residents' committee
    office_phone: str = ""  # the committee's own number: published as written
    digest: str = ""  # the record's checkpoint digest, once the meeting is closed
    digest_events: int = 0


@dataclass(frozen=True)
class NoticeFacts:
    """The 公示's own lines, in the meeting's language, ready to print."""

    period: str  # 公示期：2026年10月18日至2026年10月25日
    committee: str
    signed_on: str
    phone_line: str
    digest_line: str


@dataclass(frozen=True)
class PublicView:
    lang: i18n.Lang
    meeting_id: str
    title: str
    community: str
    kind: str
    location: str
    when: str
    facilitator: str
    recorder: str
    in_session: bool
    attendance: list[tuple[str, int]]
    sections: dict[MotionState, list[PublicMotion]] = field(default_factory=dict)
    notice: NoticeFacts | None = None
    names: tuple[NameDecision, ...] = ()  # what the redactor did with each name, for the preview

    def motions(self, state: MotionState) -> list[PublicMotion]:
        return self.sections.get(state, [])


SECTION_ORDER = (
    MotionState.PASSED,
    MotionState.DEFERRED,
    MotionState.ANSWERED,
    MotionState.REJECTED,
    MotionState.WITHDRAWN,
    MotionState.RAISED,
)


def meeting_lang(state: MeetingState) -> i18n.Lang:
    """The meeting's own language; an unknown one falls back to zh rather than failing a publish."""
    try:
        return i18n.normalise_lang(state.lang)
    except ValueError:
        return "zh"


def known_names(state: MeetingState) -> list[str]:
    """Every person-like string the meeting holds: each is shortened wherever it appears."""
    names = [a.name for a in state.attendance.roster]
    names += [state.facilitator, state.recorder]
    for m in state.motions.values():
        names += [m.proposer, m.responder]
        if m.followup is not None:
            names.append(m.followup.owner)
        if m.deferral is not None:
            names.append(m.deferral.owner)
    names += [speech.name for speech in state.floor.speeches.values()]
    names += [handover.to for handover in state.floor.handovers]
    return [clean_text(n) for n in names if n and n.strip()]


def known_organisations(state: MeetingState) -> list[str]:
    """Bodies the meeting names as such: its parties, and its community and place if they read so."""
    names = [label(party, lang) for party in Party for lang in ("zh", "en")]
    names += [n for n in (state.community, state.location) if is_organisation(n)]
    return [clean_text(n) for n in names if n and n.strip()]


class _Redactor:
    """The meeting's names compiled once (one scan per text), with the facilitator's choices."""

    def __init__(self, state: MeetingState, office_phone: str = "") -> None:
        shown = [n for n, show in state.name_choices.items() if show]
        hidden = [n for n, show in state.name_choices.items() if not show]
        self.redactor = Redactor(
            known_names(state),
            known_organisations(state),
            keep_numbers=[office_phone] if office_phone else [],
            shown=shown,
            hidden=hidden,
        )

    def text(self, value: str, *, multiline: bool = True) -> str:
        return self.redactor.text(clean_text(value, multiline=multiline))

    def person(self, value: str, *, opted_in: bool = False) -> str:
        return self.redactor.person(clean_text(value), opted_in=opted_in)


def format_date(value: str, lang: i18n.Lang) -> str:
    """2027-05-31 → 2027年5月31日 (zh); anything that is not an ISO date is shown as written."""
    match = _ISO_DATE.match(value)
    if match is None:
        return value
    year, month, day = (int(g) for g in match.groups())
    return i18n.t("publicity.date", lang, year=year, month=month, day=day)


def _when(state: MeetingState, lang: i18n.Lang) -> str:
    start = state.started_at or state.planned_start
    end = state.ended_at or state.planned_end
    if not start:
        return ""
    text = format_date(start, lang)
    if len(start) >= 16 and start[10] == "T":
        text += f" {start[11:16]}"
        if end and len(end) >= 16 and end[:10] == start[:10]:
            text += f"–{end[11:16]}"
    return text


def _vote(motion: Motion, lang: i18n.Lang) -> PublicVote | None:
    vote = motion.vote
    if vote is None:
        return None
    return PublicVote(
        method=label(vote.method, lang),
        rule=label(vote.rule, lang),
        in_favour=vote.in_favour,
        against=vote.against,
        abstain=vote.abstain,
        not_voting=max(0, vote.not_voting),
        eligible_present=vote.eligible_present,
        acclaimed=vote.method.value == "acclamation",
    )


def _speakers(m: Motion, floor: Floor, r: _Redactor, lang: i18n.Lang) -> str:
    """李某（赞成）、王某（反对）: the debate in one line, every name shortened."""
    given = floor.spoken_on(m.id)
    return ("、" if lang == "zh" else ", ").join(
        f"{r.person(s.name)}{_stance(s.stance.value, s.point_of_order, lang)}" for s in given
    )


def _stance(stance: str, point_of_order: bool, lang: i18n.Lang) -> str:
    word = i18n.t("floor.point_of_order" if point_of_order else f"stance.{stance}", lang)
    return f"（{word}）" if lang == "zh" else f" ({word})"


def _motion(m: Motion, r: _Redactor, lang: i18n.Lang, floor: Floor) -> PublicMotion:
    owner = due = done_on = reason = ""
    if m.state is MotionState.DEFERRED and m.deferral is not None:
        owner = r.person(m.deferral.owner)
        due = format_date(r.text(m.deferral.target, multiline=False), lang)
        reason = r.text(m.deferral.reason)
    elif m.followup is not None:
        owner = r.person(m.followup.owner)
        due = format_date(r.text(m.followup.due or "", multiline=False), lang)
        done_on = format_date(m.followup.done_on or "", lang)
    if m.state is MotionState.WITHDRAWN:
        reason = r.text(m.withdraw_reason)
    return PublicMotion(
        number=m.number,
        anchor=f"m{m.number}",
        state=m.state,
        text=r.text(m.text),
        proposer=r.person(m.proposer, opted_in=m.show_proposer_name),
        category=label(m.category, lang),
        note=r.text(m.note),
        cost=m.cost,
        vote=_vote(m, lang),
        owner=owner,
        due=due,
        done_on=done_on,
        reason=reason,
        response=r.text(m.response),
        responder=r.person(m.responder),
        speakers=_speakers(m, floor, r, lang),
    )


def notice_facts(state: MeetingState, posting: Posting, lang: i18n.Lang) -> NoticeFacts:
    start, end = posting.posted_on, posting.posted_on + timedelta(days=max(1, posting.days))
    committee = posting.committee.strip() or (
        i18n.t("publicity.committee_of", lang, community=state.community) if state.community else ""
    )
    return NoticeFacts(
        period=i18n.t(
            "publicity.period",
            lang,
            start=format_date(start.isoformat(), lang),
            end=format_date(end.isoformat(), lang),
        ),
        committee=clean_text(committee),
        signed_on=format_date(start.isoformat(), lang),
        phone_line=(
            i18n.t("publicity.phone", lang, phone=clean_text(posting.office_phone))
            if posting.office_phone.strip()
            else ""
        ),
        digest_line=digest_line(
            posting.digest,
            posting.digest_events,
            lang,
            closed=state.status is MeetingStatus.CLOSED,
        ),
    )


def public_view(state: MeetingState, posting: Posting | None = None) -> PublicView:
    """The redacted view of `state`, in the meeting's language."""
    lang = meeting_lang(state)
    r = _Redactor(state, posting.office_phone if posting else "")
    sections: dict[MotionState, list[PublicMotion]] = {s: [] for s in SECTION_ORDER}
    for m in sorted(state.motions.values(), key=lambda m: m.number):
        sections.setdefault(m.state, []).append(_motion(m, r, lang, state.floor))
    attendance = [
        (label(party, lang), state.attendance.present(party))
        for party in Party
        if state.attendance.present(party) > 0
    ]
    return PublicView(
        lang=lang,
        meeting_id=state.meeting_id,
        title=r.text(state.title, multiline=False),
        community=r.text(state.community, multiline=False),
        kind=label(state.kind, lang),
        location=r.text(state.location, multiline=False),
        when=_when(state, lang),
        facilitator=r.person(state.facilitator),
        recorder=r.person(state.recorder),
        in_session=state.status is MeetingStatus.IN_SESSION,
        attendance=attendance,
        sections=sections,
        notice=notice_facts(state, posting, lang) if posting else None,
        names=tuple(r.redactor.decisions.values()),
    )
