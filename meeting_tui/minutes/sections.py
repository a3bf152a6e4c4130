"""What each part of the minutes says, as plain rows: the renderers only lay them out.

Markdown, HTML and DOCX print the same header rows, motion fields and tables
from here, so the three can never disagree on content; each escapes as its
format needs.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date

from meeting_tui import i18n
from meeting_tui.domain.checkpoint import digest_line
from meeting_tui.minutes import wording
from meeting_tui.minutes.build import long_date, paren, sep
from meeting_tui.minutes.model import Minutes, MotionEntry, PartyCount, VoteEntry

Row = tuple[str, str]

# The timeline is not numbered: it follows the signatures as the appendix (附件).
SECTION_KEYS = ("agenda", "motions", "followups", "deferred", "unvoted", "signatures")
_CHINESE_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Table:
    """Columns, rows, and which columns hold short values (numbers, dates, names).

    A short column is printed as wide as its longest value and never wraps
    ("2027年5月31日", "社区工作人员"); the other columns share what is left.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    short: tuple[int, ...] = ()


def t(minutes: Minutes, key: str, **values: object) -> str:
    """A catalog text in the minutes' own language."""
    return i18n.t(key, minutes.lang, **values)


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五 (for 一、 and （一） numbering)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        if not rest:
            tail = ""
        elif rest < 10:
            tail = "零" + digits[rest]
        else:
            tail = ("一" if rest < 20 else "") + chinese_number(rest)
        return digits[n // 100] + "百" + tail
    return str(n)


def colon(minutes: Minutes) -> str:
    return "：" if minutes.lang == "zh" else ": "


def document_title(minutes: Minutes) -> str:
    return t(minutes, "minutes.doc_title", title=minutes.title)


def section_title(minutes: Minutes, key: str) -> str:
    """一、会议议程 in Chinese; 1. Agenda in English; 附件：会议过程 for the timeline."""
    text = t(minutes, f"minutes.s.{key}")
    if key == "timeline":
        return t(minutes, "minutes.appendix", title=text)
    n = SECTION_KEYS.index(key)
    return f"{_CHINESE_NUMERALS[n]}、{text}" if minutes.lang == "zh" else f"{n + 1}. {text}"


def notes(minutes: Minutes) -> list[str]:
    """Lines printed under the title: draft and redaction warnings."""
    lines = []
    if minutes.status != "closed":
        lines.append(t(minutes, "minutes.draft_note"))
    if minutes.is_redacted:
        lines.append(t(minutes, "minutes.redacted_note"))
    return lines


def _headcount(minutes: Minutes, party: PartyCount) -> str:
    """居民 40 人; 居民 最多 42 人，散会时 37 人 when people came and went."""
    if party.largest > party.count:
        key = "minutes.party_count_changed" if minutes.status == "closed" else "minutes.party_now"
        return t(minutes, key, party=party.label, largest=party.largest, count=party.count)
    return t(minutes, "minutes.party_count", party=party.label, count=party.count)


def attendance_text(minutes: Minutes) -> str:
    came = [p for p in minutes.attendance if p.count or p.largest]
    text = sep(minutes.lang).join(_headcount(minutes, p) for p in came)
    if came:
        total = sum(p.count for p in minutes.attendance)
        changed = any(p.largest > p.count for p in came)
        key = "minutes.total_at_end" if changed and minutes.status == "closed" else "minutes.total"
        text += ("；" if minutes.lang == "zh" else "; ") + t(minutes, key, count=total)
    return text


def voters_text(minutes: Minutes) -> str:
    """The voting parties that came, with how many of them are present: 居民，出席 40 人."""
    present = [p.label for p in minutes.attendance if p.votes and (p.count or p.largest)]
    parties = sep(minutes.lang).join(present) or minutes.voting_parties
    return t(minutes, "minutes.voters", parties=parties, count=minutes.eligible_present)


def quorum_text(minutes: Minutes) -> str:
    """不设 when no quorum was set (as the setup screen says), else 30 人."""
    if not minutes.quorum:
        return t(minutes, "minutes.quorum_unset")
    return t(minutes, "minutes.quorum_value", count=minutes.quorum)


def header_rows(minutes: Minutes) -> list[Row]:
    lang = minutes.lang
    rows: list[Row] = [
        (t(minutes, "minutes.h.time"), minutes.when),
        (t(minutes, "minutes.h.place"), minutes.place),
        (t(minutes, "minutes.h.kind"), minutes.kind),
        (t(minutes, "minutes.h.facilitator"), minutes.facilitator),
        (t(minutes, "minutes.h.recorder"), minutes.recorder),
        (t(minutes, "minutes.h.attendance"), attendance_text(minutes)),
        (t(minutes, "minutes.h.voters"), voters_text(minutes)),
    ]
    rows += [
        (t(minutes, "minutes.h.voting_change"), f"{c.at} {c.text}") for c in minutes.voting_changes
    ]
    rows.append((t(minutes, "minutes.h.rule"), minutes.default_rule))
    rows.append((t(minutes, "minutes.h.quorum"), quorum_text(minutes)))
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


_VOTE_STATES = ("passed", "rejected")


def result_text(minutes: Minutes, motion: MotionEntry) -> str:
    """ "未通过：赞成 14 人，少于反对 20 人；事项暂缓" — the vote in words, then the state if other.

    Minutes saved before the plain wording was kept print the rule's reason, as saved.
    """
    vote = motion.vote
    if vote is None:
        return motion.state_label
    if not vote.plain:
        return paren(motion.state_label, vote.reason, minutes.lang)
    if motion.state in _VOTE_STATES:
        return vote.plain
    return wording.with_state(vote.plain, motion.state_label, minutes.lang)


STATE_CODES = {"raised": "open"}


def state_code(motion: MotionEntry) -> str:
    """passed / rejected / deferred / answered / withdrawn / open: for scripts and filters."""
    return STATE_CODES.get(motion.state, motion.state)


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
        ("minutes.m.origin", motion.origin),
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
    return Table(_columns(minutes, "number", "text", "owner", "due"), rows, (0, 2, 3))


def deferred_table(minutes: Minutes) -> Table:
    rows = tuple(
        (str(m.number), m.text, m.deferral_reason, m.deferral_owner, m.deferral_target)
        for m in minutes.deferred
    )
    columns = _columns(minutes, "number", "text", "deferral_reason", "deferral_owner", "target")
    return Table(columns, rows, (0, 3, 4))


def unvoted_table(minutes: Minutes) -> Table:
    rows = tuple((str(m.number), m.text, m.proposer or m.party) for m in minutes.unvoted)
    return Table(_columns(minutes, "number", "text", "proposer"), rows, (0, 2))


def timeline_table(minutes: Minutes) -> Table:
    rows = tuple((e.at, e.text) for e in minutes.timeline)
    return Table(_columns(minutes, "time", "event"), rows, (0,))


def checkpoint_lines(minutes: Minutes) -> list[str]:
    """The record digest under the signatures, once the meeting was closed and sealed."""
    if not minutes.digest:
        return []
    return [digest_line(minutes.digest, minutes.digest_events, minutes.lang)]


def signature_lines(minutes: Minutes) -> list[tuple[str, str]]:
    """(role, date label) pairs; each renderer draws the blank lines to sign on."""
    return [(role, t(minutes, "minutes.sign.date")) for role in minutes.signatures]


def closing_lines(minutes: Minutes) -> list[str]:
    """The 落款: the committee that files the minutes, and the meeting's date, right-aligned."""
    lines = [wording.committee_name(minutes.community, minutes.lang)]
    with contextlib.suppress(ValueError):
        lines.append(long_date(date.fromisoformat(minutes.date), minutes.lang))
    return [line for line in lines if line]
