"""The papers printed before a meeting: the sign-in sheet (签到表) and the notice (会议通知).

Both are made from the meeting as it is set up (a draft is enough): the
planned time, the place, the agenda with its time boxes, who votes and by
which rule, and the roster of residents already signed in. Like the minutes
they hold finished words in the meeting's language, so the DOCX and the
HTML renderers only lay them out.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from meeting_tui import i18n
from meeting_tui.domain.archive_views import meeting_date
from meeting_tui.domain.messages import label
from meeting_tui.domain.model import MeetingState, MeetingStatus
from meeting_tui.minutes.build import long_date, meeting_when, sep
from meeting_tui.minutes.wording import committee_name

SIGNIN_COLUMNS = ("number", "name", "building", "party", "signature")
DEFAULT_SIGNIN_ROWS = 30
SPARE_ROWS = 5  # blank rows under a roster, for residents who come without signing up
ROWS_ON_A_PAGE = 40  # spare rows stop at a full page
RAISE_DAYS_BEFORE = 2


@dataclass(frozen=True)
class SignInSheet:
    meeting_id: str
    lang: str
    title: str
    date: str  # YYYY-MM-DD, for the file name
    header: tuple[tuple[tuple[str, str], ...], ...]  # lines of (label, value) pairs
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # pre-filled from the roster, then blank


@dataclass(frozen=True)
class AgendaLine:
    number: int
    slot: str  # 14:30–14:35, or "" without a planned start
    title: str
    minutes: str  # "5 分钟", or "" without a time box
    notes: str


@dataclass(frozen=True)
class Notice:
    meeting_id: str
    lang: str
    title: str
    date: str
    addressee: str
    opening: str
    facts: tuple[tuple[str, str], ...]  # (heading, text): time, place, voters, rule, quorum
    agenda: tuple[AgendaLine, ...]
    raise_items: str
    closing: tuple[str, ...]  # the 落款: committee, date of issue


def _t(lang: str, key: str, **values: object) -> str:
    return i18n.t(key, lang, **values)


def _start(state: MeetingState) -> datetime | None:
    text = state.planned_start or state.started_at
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def planned_when(state: MeetingState, lang: str) -> str:
    """2026年11月30日 19:00–21:00 as planned: papers are printed for the meeting ahead."""
    if not state.planned_start:
        return meeting_when(state, lang)
    planned = dataclasses.replace(state, status=MeetingStatus.DRAFT, started_at="", ended_at="")
    return meeting_when(planned, lang)


def _place(state: MeetingState) -> str:
    return " ".join(p for p in (state.community, state.location) if p)


def signin_sheet(state: MeetingState, expected: int | None = None) -> SignInSheet:
    """The sheet with a row per resident on the roster, then blank rows up to `expected`.

    Without `expected`: the headcount already recorded, or the roster and a
    few spare rows (not beyond a full page), or 30 rows for a meeting nobody
    has counted yet.
    """
    lang = i18n.normalise_lang(state.lang)
    roster = state.attendance.roster
    if expected is None:
        spare = min(len(roster) + SPARE_ROWS, max(ROWS_ON_A_PAGE, len(roster)))
        expected = state.attendance.total or (spare if roster else DEFAULT_SIGNIN_ROWS)
    filled = [(a.name, a.building, label(a.party, lang)) for a in roster]
    blanks = max(expected - len(filled), 0)
    rows = [(str(n), *row, "") for n, row in enumerate(filled, start=1)]
    rows += [(str(n), "", "", "", "") for n in range(len(filled) + 1, len(filled) + blanks + 1)]
    lines = (
        (
            (_t(lang, "paper.h.time"), planned_when(state, lang)),
            (_t(lang, "paper.h.facilitator"), state.facilitator),
        ),
        ((_t(lang, "paper.h.place"), _place(state)),),
    )
    return SignInSheet(
        meeting_id=state.meeting_id,
        lang=lang,
        title=_t(lang, "paper.signin.title", title=state.title),
        date=meeting_date(state),
        header=tuple(
            pairs for pairs in (tuple((k, v) for k, v in line if v) for line in lines) if pairs
        ),
        columns=tuple(_t(lang, f"paper.col.{c}") for c in SIGNIN_COLUMNS),
        rows=tuple(rows),
    )


def _agenda(state: MeetingState, lang: str) -> tuple[AgendaLine, ...]:
    """Each item with its planned slot: the start plus the time boxes before it."""
    moment = _start(state)
    lines = []
    for n, item in enumerate(state.items, start=1):
        slot = ""
        if moment is not None and item.timebox_min is not None:
            end = moment + timedelta(minutes=item.timebox_min)
            slot = f"{moment:%H:%M}–{end:%H:%M}"
            moment = end
        elif item.timebox_min is None:
            moment = None  # the slots after an open-ended item are not known
        length = "" if item.timebox_min is None else _t(lang, "paper.minutes", n=item.timebox_min)
        lines.append(AgendaLine(n, slot, item.title, length, item.notes))
    return tuple(lines)


def notice(state: MeetingState, issued: date | None = None) -> Notice:
    """The notice put up or sent to residents a few days before the meeting."""
    lang = i18n.normalise_lang(state.lang)
    start = _start(state)
    kind = label(state.kind, lang)
    when = planned_when(state, lang)
    parties = sep(lang).join(label(p, lang) for p in state.voting_parties)
    quorum = (
        _t(lang, "paper.quorum", count=state.quorum)
        if state.quorum
        else _t(lang, "paper.no_quorum")
    )
    facts = [
        (_t(lang, "paper.h.time"), when),
        (_t(lang, "paper.h.place"), _place(state)),
        (_t(lang, "paper.h.kind"), kind),
        (_t(lang, "paper.h.facilitator"), state.facilitator),
        (
            _t(lang, "paper.h.voting"),
            _t(
                lang,
                "paper.voting",
                parties=parties,
                rule=label(state.default_rule, lang),
                quorum=quorum,
            ),
        ),
    ]
    if start is not None:
        deadline = long_date(start.date() - timedelta(days=RAISE_DAYS_BEFORE), lang)
        raise_by = _t(lang, "paper.raise.by", deadline=deadline)
    else:
        raise_by = _t(lang, "paper.raise.before")
    contact = state.facilitator or _t(lang, "paper.raise.office")
    committee = committee_name(state.community, lang)
    issued = issued or date.today()
    return Notice(
        meeting_id=state.meeting_id,
        lang=lang,
        title=_t(lang, "paper.notice.title", title=state.title),
        date=meeting_date(state),
        addressee=_t(lang, "paper.notice.to"),
        opening=_t(lang, "paper.notice.opening", title=state.title, when=when or "—"),
        facts=tuple((k, v) for k, v in facts if v),
        agenda=_agenda(state, lang),
        raise_items=_t(lang, "paper.raise", by=raise_by, contact=contact),
        closing=tuple(x for x in (committee, long_date(issued, lang)) if x),
    )


# The sign-in sheet's page, shared by its DOCX and HTML (kept here, beside the sheet, so the
# HTML does not import python-docx through papers_docx).
SIGNIN_MARGINS = (15.0, 18.0, 15.0, 18.0)
SIGNIN_HANDWRITING_MM = (12.0, 30.0, 30.0, 30.0)  # 序号 姓名 楼栋单元 身份; 签名 takes the rest
SIGNIN_ABOVE_TABLE_MM = 40.0  # title, column headings, footer (and 6 mm a header line)
ROW_MM = (5.5, 12.0)
SIGNATURE_MM = 40.0


def signin_row_mm(rows: int, lines_above: int = 0) -> float:
    """The height of a row to sign in: the page's free height shared by the first 40 rows."""
    free = 297 - SIGNIN_MARGINS[0] - SIGNIN_MARGINS[2] - SIGNIN_ABOVE_TABLE_MM - 6 * lines_above
    low, high = ROW_MM
    return max(low, min(high, free / max(min(rows, 40), 1)))
