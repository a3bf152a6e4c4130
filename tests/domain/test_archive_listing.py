"""The archive lists made lazily: the same entries, in the same order, as made all at once."""

from __future__ import annotations

from meeting_tui.demo import load_demo_logs
from meeting_tui.domain.archive_summary import MeetingSummary, summarise
from meeting_tui.domain.archive_views import (
    Listing,
    backlog_listing,
    followup_order,
    followups_listing,
)
from meeting_tui.domain.fold import fold


def demo_summaries() -> list[MeetingSummary]:
    return [summarise(fold(events)) for events in load_demo_logs().values()]


def test_follow_ups_listed_lazily_are_in_the_order_of_a_full_sort() -> None:
    summaries = demo_summaries()
    for today in ("2026-01-01", "2027-04-15", "2099-01-01"):
        listed = list(followups_listing(summaries, today))
        assert len(listed) >= 3
        assert listed == sorted(listed, key=followup_order(today))
        overdue = [e.overdue(today) for e in listed]
        assert overdue == sorted(overdue, reverse=True)  # overdue ones first


def test_an_entry_is_made_once_and_found_by_identity() -> None:
    made: list[int] = []

    def make(n: int) -> str:
        made.append(n)
        return f"第{n}项"

    listing = Listing(((n,) for n in range(30_000)), make)
    assert len(listing) == 30_000 and made == []
    first = listing[0]
    assert listing[0] is first and listing[-1] == "第29999项" and made == [0, 29_999]
    assert listing.index_of(first) == 0
    twin = listing.copy()
    twin.insert(1, twin.pop(0))
    assert listing[0] is first and twin[1] is first and twin[0] == "第1项"
    assert listing[2:4] == ["第2项", "第3项"]


def test_the_backlog_listing_keeps_the_oldest_meeting_first() -> None:
    listed = list(backlog_listing(demo_summaries()))
    dates = [e.meeting_date for e in listed]
    assert dates == sorted(dates) and len(listed) == 3
