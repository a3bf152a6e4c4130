"""MeetingState's floor → the minutes' debate: speeches per matter, time per party, the chair.

A matter is listed once it had a speech; registrations withdrawn or still
waiting at the close are not a debate and are left out. Motions come in
their number's order, agenda items (a queue without a motion) in the
agenda's order.
"""

from __future__ import annotations

from meeting_tui import i18n
from meeting_tui.domain.archive_views import meeting_date
from meeting_tui.domain.floor import Speech
from meeting_tui.domain.floor_messages import cap_text, limit_text
from meeting_tui.domain.messages import label
from meeting_tui.domain.model import MeetingState, Party
from meeting_tui.minutes.build import clock_time
from meeting_tui.minutes.floor_model import ChairEntry, FloorEntry, PartyTime, SpeechEntry


def _speech(order: int, speech: Speech, state: MeetingState, lang: str) -> SpeechEntry:
    stance = (
        i18n.t("floor.point_of_order", lang)
        if speech.point_of_order
        else label(speech.stance, lang)
    )
    return SpeechEntry(
        order=order,
        name=speech.name,
        party=label(speech.party, lang),
        stance=stance,
        at=clock_time(speech.started_at, meeting_date(state), lang),
        seconds=speech.spoken(),
        limit_s=speech.limit_s,
        summary=speech.note,
        overrun=speech.overrun(),
        over_cap=speech.over_cap,
        nth=speech.nth,
        out_of_turn=bool(speech.passed_over),
    )


def _party_times(speeches: list[Speech], lang: str) -> tuple[PartyTime, ...]:
    """Speaking time per party, in the catalogue's order of parties (居民 first)."""
    return tuple(
        PartyTime(
            label(party, lang),
            sum(s.spoken() for s in speeches if s.party is party),
            sum(1 for s in speeches if s.party is party),
        )
        for party in Party
        if any(s.party is party for s in speeches)
    )


def floor_entries(state: MeetingState, lang: str) -> tuple[FloorEntry, ...]:
    floor = state.floor
    motions = sorted(state.motions.values(), key=lambda m: m.number)
    order = [(m.number, m.id, m.item_id) for m in motions]
    order += [(0, item.id, item.id) for item in state.items]
    entries = []
    for number, subject, item_id in order:
        given = floor.spoken_on(subject)
        if not given:
            continue
        item = state.find_item(item_id)
        entries.append(
            FloorEntry(
                motion_number=number,
                item=item.title if item else "",
                speeches=tuple(_speech(n, s, state, lang) for n, s in enumerate(given, 1)),
                party_times=_party_times(given, lang),
            )
        )
    return tuple(entries)


def chair_entries(state: MeetingState, lang: str) -> tuple[ChairEntry, ...]:
    day = meeting_date(state)
    return tuple(
        ChairEntry(
            clock_time(h.at, day, lang),
            h.to,
            h.reason,
            clock_time(h.back_at, day, lang) if h.back_at else "",
        )
        for h in state.floor.handovers
    )


def floor_rules_text(state: MeetingState, lang: str) -> str:
    """每次限时 2 分钟，每人每事项限 2 次: the limits at the close, once the floor was used."""
    floor = state.floor
    if not floor.speeches and not floor.handovers:
        return ""
    return i18n.t(
        "minutes.floor.rules",
        lang,
        limit=limit_text(floor.speech_limit_s, lang),
        cap=cap_text(floor.speeches_per_person, lang),
    )
