"""The follow-ups' order kept between reads: placing changed meetings anew gives a full sort's order.

Many meetings with the same follow-ups (ties on every key but the meeting's
place), some changed at random — a follow-up done, a new one, one gone — and
the kept order after them must equal the order made from scratch.
"""

from __future__ import annotations

import dataclasses
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from meeting_tui.demo import load_demo_logs
from meeting_tui.domain.archive_summary import MeetingSummary, summarise
from meeting_tui.domain.archive_views import followup_order, followups_listing
from meeting_tui.domain.fold import fold
from meeting_tui.domain.followup_order import FollowUpsOrder


def archive(copies: int) -> list[MeetingSummary]:
    """`copies` meetings made of the demo's, newest id first as the store lists them."""
    demo = [summarise(fold(events)) for events in load_demo_logs().values()]
    made = [
        dataclasses.replace(s, meeting_id=f"2026{n % 12 + 1:02d}{n % 28 + 1:02d}-c{n:03d}{k}")
        for n in range(copies)
        for k, s in enumerate(demo)
    ]
    return sorted(made, key=lambda s: s.meeting_id, reverse=True)


def changed(summary: MeetingSummary, rng: random.Random) -> MeetingSummary:
    followups = list(summary.followups)
    how = rng.choice(("done", "gone", "new", "due"))
    if how == "done" and followups:
        n = rng.randrange(len(followups))
        followups[n] = followups[n]._replace(done_on="2027-04-15")
    elif how == "gone" and followups:
        followups.pop(rng.randrange(len(followups)))
    elif how == "due" and followups:
        n = rng.randrange(len(followups))
        followups[n] = followups[n]._replace(due=rng.choice((None, "2026-12-01", "2020-01-01")))
    elif followups:
        followups.append(followups[0]._replace(motion_id="m99", number=99))
    return dataclasses.replace(summary, followups=tuple(followups))


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=12))
def test_placing_the_changed_meetings_anew_gives_the_order_of_a_full_sort(
    seed: int, rounds: int
) -> None:
    rng = random.Random(seed)
    summaries = archive(20)
    order = FollowUpsOrder.of(summaries)
    for _ in range(rounds):
        summaries = list(summaries)
        for n in rng.sample(range(len(summaries)), rng.randint(0, 3)):
            summaries[n] = changed(summaries[n], rng)
        order = order.after(summaries)
        kept = list(order.listing())
        assert kept == list(followups_listing(summaries, ""))
        assert kept == sorted(kept, key=followup_order(""))


def test_a_meeting_added_or_gone_orders_the_whole_list_again() -> None:
    summaries = archive(5)
    order = FollowUpsOrder.of(summaries)
    fewer = summaries[1:]
    assert list(order.after(fewer).listing()) == list(followups_listing(fewer, ""))
    assert order.after(summaries) is order  # nothing changed: the same order
