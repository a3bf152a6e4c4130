"""What each part of the minutes says, as plain rows: the renderers only lay them out.

Markdown, HTML and DOCX print the same header rows, motion fields and tables
from here, so the three can never disagree on content; each escapes as its
format needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from meeting_tui import i18n
from meeting_tui.domain.checkpoint import digest_line
from meeting_tui.minutes.build import paren, sep
from meeting_tui.minutes.model import Minutes, MotionEntry, VoteEntry

Row = tuple[str, str]

SECTION_KEYS = ("agenda", "motions", "followups", "deferred", "unvoted", "timeline", "signatures")
_CHINESE_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def t(minutes: Minutes, key: str, **values: object) -> str:
    """A catalog text in the minutes' own language."""
    return i18n.t(key, minutes.lang, **values)


def colon(minutes: Minutes) -> str:
    return "：" if minutes.lang == "zh" else ": "


def document_title(minutes: Minutes) -> str:
    return t(minutes, "minutes.doc_title", title=minutes.title)


def section_title(minutes: Minutes, key: str) -> str:
    """一、会议议程 in Chinese; 1. Agenda in English."""
    n = SECTION_KEYS.index(key)
    text = t(minutes, f"minutes.s.{key}")
    return f"{_CHINESE_NUMERALS[n]}、{text}" if minutes.lang == "zh" else f"{n + 1}. {text}"


def notes(minutes: Minutes) -> list[str]:
    """Lines printed under the title: draft and redaction warnings."""
    lines = []
    if minutes.status != "closed":
        lines.append(t(minutes, "minutes.draft_note"))
    if minutes.is_redacted:
        lines.append(t(minutes, "minutes.redacted_note"))
    return lines


def header_rows(minutes: Minutes) -> list[Row]:
    lang = minutes.lang
    present = [
        t(minutes, "minutes.party_count", party=p.label, count=p.count)
        for p in minutes.attendance
        if p.count
    ]
    total = sum(p.count for p in minutes.attendance)
    attendance = sep(lang).join(present)
    if present:
        attendance += ("；" if lang == "zh" else "; ") + t(minutes, "minutes.total", count=total)
    rows: list[Row] = [
        (t(minutes, "minutes.h.time"), minutes.when),
        (t(minutes, "minutes.h.place"), minutes.place),
        (t(minutes, "minutes.h.kind"), minutes.kind),
        (t(minutes, "minutes.h.facilitator"), minutes.facilitator),
        (t(minutes, "minutes.h.recorder"), minutes.recorder),
        (t(minutes, "minutes.h.attendance"), attendance),
        (
            t(minutes, "minutes.h.voters"),
            t(
                minutes,
                "minutes.voters",
                parties=minutes.voting_parties,
                count=minutes.eligible_present,
            ),
        ),
        (t(minutes, "minutes.h.rule"), minutes.default_rule),
    ]
    if minutes.quorum is not None:
        rows.append((t(minutes, "minutes.h.quorum"), str(minutes.quorum)))
    rows.append((t(minutes, "minutes.h.summary"), minutes.summary))
    if minutes.attendees:
        names = [
            paren(a.name, sep(lang).join(filter(None, (a.party, a.building))), lang)
            for a in minutes.attendees
        ]
        rows.append((t(minutes, "minutes.h.attendees"), sep(lang).join(names)))
    for entry in minutes.reopenings:
        rows.append((t(minutes, "minutes.h.reopened"), f"{entry.at} {entry.text}"))
    return rows


def agenda_lines(minutes: Minutes) -> list[str]:
    """开场说明 — 已议（限时 5 分钟，用时 6 分钟）, without the number (lists number them)."""
    lines = []
    for item in minutes.agenda:
        times = []
        if item.timebox_min is not None:
            times.append(t(minutes, "minutes.agenda.timebox", n=item.timebox_min))
        if item.minutes_used:
            times.append(t(minutes, "minutes.agenda.used", n=item.minutes_used))
        state = paren(item.state, sep(minutes.lang).join(times), minutes.lang)
        lines.append(f"{item.title} — {state}")
    return lines


def motion_heading(minutes: Minutes, motion: MotionEntry) -> str:
    return t(minutes, "minutes.m.heading", number=motion.number, text=motion.text)


def vote_line(minutes: Minutes, vote: VoteEntry) -> str:
    return t(
        minutes,
        "minutes.vote_line",
        method=vote.method,
        at=vote.at,
        present=vote.eligible_present,
        not_voting=vote.not_voting,
        against=vote.against,
        abstain=vote.abstain,
        **{"for": vote.in_favour},
    )


def followup_text(minutes: Minutes, motion: MotionEntry) -> str:
    if not motion.owner:
        return ""
    if motion.due:
        text = t(minutes, "minutes.followup_due", owner=motion.owner, due=motion.due)
    else:
        text = t(minutes, "minutes.followup_owner", owner=motion.owner)
    if motion.done_on:
        text += sep(minutes.lang) + t(minutes, "minutes.followup_done", date=motion.done_on)
    return text


def deferral_text(minutes: Minutes, motion: MotionEntry) -> str:
    text = t(
        minutes, "minutes.deferral_line", reason=motion.deferral_reason, owner=motion.deferral_owner
    )
    if motion.deferral_target:
        target = t(minutes, "minutes.deferral_target", target=motion.deferral_target)
        text += ("；" if minutes.lang == "zh" else "; ") + target
    return text


def result_text(minutes: Minutes, motion: MotionEntry) -> str:
    vote = motion.vote
    return paren(motion.state_label, vote.reason if vote else "", minutes.lang)


def cost_text(minutes: Minutes, motion: MotionEntry) -> str:
    if motion.cost is None:
        return ""
    text = t(minutes, "minutes.m.cost_value", cost=f"{motion.cost:,}")
    return paren(
        text, t(minutes, "minutes.m.over_limit") if motion.over_limit else "", minutes.lang
    )


def proposer_text(minutes: Minutes, motion: MotionEntry) -> str:
    """李姓居民（居民）; a proposer recorded only as their party (居民) is not repeated."""
    if not motion.proposer or motion.proposer == motion.party:
        return motion.party
    return paren(motion.proposer, motion.party, minutes.lang)


def motion_rows(minutes: Minutes, motion: MotionEntry) -> list[Row]:
    """The fields of one motion, in the order a reader checks them; empty ones left out."""
    lang = minutes.lang
    rows: list[Row] = [
        ("minutes.m.item", motion.item),
        ("minutes.m.proposer", proposer_text(minutes, motion)),
        ("minutes.m.category", motion.category),
        ("minutes.m.cost", cost_text(minutes, motion)),
        ("minutes.m.note", motion.note),
        ("minutes.m.response", paren(motion.response, motion.responder, lang)),
    ]
    for vote in motion.votes:
        key = "minutes.m.superseded" if vote.superseded else "minutes.m.vote"
        rows.append((key, vote_line(minutes, vote)))
    if motion.votes:
        rows.append(("minutes.m.rule", motion.rule))
    rows.append(("minutes.m.result", result_text(minutes, motion)))
    rows.append(("minutes.m.followup", followup_text(minutes, motion)))
    if motion.deferral_reason or motion.deferral_owner:
        rows.append(("minutes.m.deferral", deferral_text(minutes, motion)))
    rows.append(("minutes.m.withdrawn", motion.withdraw_reason))
    return [(t(minutes, key), value) for key, value in rows if value]


def _columns(minutes: Minutes, *names: str) -> tuple[str, ...]:
    return tuple(t(minutes, f"minutes.col.{n}") for n in names)


def followup_table(minutes: Minutes) -> Table:
    rows = tuple((str(m.number), m.text, m.owner, m.due) for m in minutes.decided)
    return Table(_columns(minutes, "number", "text", "owner", "due"), rows)


def deferred_table(minutes: Minutes) -> Table:
    rows = tuple(
        (str(m.number), m.text, m.deferral_reason, m.deferral_owner, m.deferral_target)
        for m in minutes.deferred
    )
    return Table(
        _columns(minutes, "number", "text", "deferral_reason", "deferral_owner", "target"), rows
    )


def unvoted_table(minutes: Minutes) -> Table:
    rows = tuple((str(m.number), m.text, m.proposer or m.party) for m in minutes.unvoted)
    return Table(_columns(minutes, "number", "text", "proposer"), rows)


def timeline_table(minutes: Minutes) -> Table:
    rows = tuple((e.at, e.text) for e in minutes.timeline)
    return Table(_columns(minutes, "time", "event"), rows)


def checkpoint_lines(minutes: Minutes) -> list[str]:
    """The record digest under the signatures, once the meeting was closed and sealed."""
    if not minutes.digest:
        return []
    return [digest_line(minutes.digest, minutes.digest_events, minutes.lang)]


def signature_lines(minutes: Minutes) -> list[tuple[str, str]]:
    """(role, date label) pairs; each renderer draws the blank lines to sign on."""
    return [(role, t(minutes, "minutes.sign.date")) for role in minutes.signatures]
