"""What the debate part of the minutes says, as plain rows and tables: every renderer
(Markdown, HTML, DOCX, CSV) lays out the same content from here."""

from __future__ import annotations

from meeting_tui.minutes.build import paren, sep
from meeting_tui.minutes.floor_model import FloorEntry, SpeechEntry
from meeting_tui.minutes.model import Minutes
from meeting_tui.minutes.sections import Row, Table, t


def duration(seconds: int) -> str:
    """1:05 for 65 seconds; 1:02:05 past an hour."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def header_rows(minutes: Minutes) -> list[Row]:
    """The floor rules in force and each handover of the chair (主持中立), for the header."""
    rows: list[Row] = []
    if minutes.floor_rules:
        rows.append((t(minutes, "minutes.h.floor_rules"), minutes.floor_rules))
    for chair in minutes.chair_handovers:
        text = t(minutes, "minutes.floor.handover", at=chair.at, name=chair.name)
        text = paren(text, chair.reason, minutes.lang)
        if chair.back_at:
            text += sep(minutes.lang) + t(minutes, "minutes.floor.taken_back", at=chair.back_at)
        rows.append((t(minutes, "minutes.h.chair"), text))
    return rows


def of_motion(minutes: Minutes, number: int) -> FloorEntry | None:
    return next((f for f in minutes.floor if f.motion_number == number), None)


def of_items(minutes: Minutes) -> list[FloorEntry]:
    """Queues held on an agenda item with no motion selected, in the agenda's order."""
    return [f for f in minutes.floor if not f.motion_number]


def item_heading(minutes: Minutes, entry: FloorEntry) -> str:
    return t(minutes, "minutes.floor.item_heading", item=entry.item)


def _speaker(minutes: Minutes, speech: SpeechEntry) -> str:
    marks = [speech.party]
    if speech.nth > 1:
        marks.append(t(minutes, "minutes.floor.nth", n=speech.nth))
    if speech.over_cap:
        marks.append(t(minutes, "minutes.floor.over_cap"))
    if speech.out_of_turn:
        marks.append(t(minutes, "minutes.floor.out_of_turn"))
    return paren(speech.name, sep(minutes.lang).join(marks), minutes.lang)


def _time(minutes: Minutes, speech: SpeechEntry) -> str:
    if not speech.overrun or speech.limit_s is None:
        return duration(speech.seconds)
    note = t(minutes, "minutes.floor.overrun", limit=duration(speech.limit_s))
    return paren(duration(speech.seconds), note, minutes.lang)


def speech_table(minutes: Minutes, entry: FloorEntry) -> Table:
    """Who spoke, in order: 序号, 发言人（居民，第 2 次）, 立场, 开始, 用时（超时）, 摘要."""
    names = ("order", "speaker", "stance", "at", "time", "summary")
    rows = tuple(
        (str(s.order), _speaker(minutes, s), s.stance, s.at, _time(minutes, s), s.summary)
        for s in entry.speeches
    )
    return Table(tuple(t(minutes, f"minutes.floor.col.{n}") for n in names), rows, (0, 2, 3, 4))


def summary_lines(minutes: Minutes, entry: FloorEntry) -> list[str]:
    """Speaking time per party and in all; the overruns by name."""
    parts = sep(minutes.lang).join(
        t(
            minutes,
            "minutes.floor.party_part",
            party=p.party,
            time=duration(p.seconds),
            n=p.speeches,
        )
        for p in entry.party_times
    )
    total = sum(s.seconds for s in entry.speeches)
    lines = [
        t(
            minutes,
            "minutes.floor.totals",
            parts=parts,
            count=len(entry.speeches),
            time=duration(total),
        )
    ]
    over = [s.name for s in entry.speeches if s.overrun]
    if over:
        names = sep(minutes.lang).join(dict.fromkeys(over))
        lines.append(t(minutes, "minutes.floor.overruns", n=len(over), names=names))
    return lines


def compact(minutes: Minutes, entry: FloorEntry | None) -> str:
    """One cell for a spreadsheet: 1. 李姓居民（居民）赞成 1:45；2. …"""
    if entry is None:
        return ""
    joiner = "；" if minutes.lang == "zh" else "; "
    return joiner.join(
        f"{s.order}. {_speaker(minutes, s)} {s.stance} {_time(minutes, s)}" for s in entry.speeches
    )
