"""The follow-ups' order kept between reads, so one changed meeting is placed anew, not all sorted.

Every step of a meeting moves its file, and the next read of the archive gives
that meeting a new summary; the other 4,999 are the very objects of the last
read. Ordering 30,000 follow-ups again for that one meeting was most of the
follow-ups screen's re-read. `FollowUpsOrder.after` drops the changed meetings'
follow-ups from the kept order and inserts their new ones by bisection; the keys
(`followup_parts`) make that the order `followups_listing` gives.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from meeting_tui.domain.archive_summary import MeetingSummary
from meeting_tui.domain.archive_views import (
    FollowUpEntry,
    FollowUpPart,
    Listing,
    followup_part_entry,
    followup_parts,
    ordered_followups,
    without_collection,
)

# More changed meetings than this and a whole sort is as quick as placing each one.
PLACED_AT_MOST = 64


@dataclass(frozen=True)
class FollowUpsOrder:
    summaries: tuple[MeetingSummary, ...]
    parts: list[FollowUpPart]  # in order; never changed once made (each read makes its own)

    @classmethod
    def of(cls, summaries: Sequence[MeetingSummary]) -> FollowUpsOrder:
        return cls(tuple(summaries), ordered_followups(summaries))

    def after(self, summaries: Sequence[MeetingSummary]) -> FollowUpsOrder:
        """The order for `summaries`: the same meetings in the same places, some summaries new."""
        old = self.summaries
        if len(old) != len(summaries) or any(
            a.meeting_id != b.meeting_id for a, b in zip(old, summaries, strict=True)
        ):
            return self.of(summaries)  # a meeting added or gone: every place after it moved
        changed = [n for n, (a, b) in enumerate(zip(old, summaries, strict=True)) if a is not b]
        if not changed:
            return self
        if len(changed) > PLACED_AT_MOST:
            return self.of(summaries)
        gone = set(changed)
        with without_collection():
            parts = [part for part in self.parts if part[0][3] not in gone]
            for position in changed:
                for part in followup_parts(position, summaries[position]):
                    bisect.insort(parts, part, key=itemgetter(0))
        return FollowUpsOrder(tuple(summaries), parts)

    def listing(self) -> Listing[FollowUpEntry]:
        return Listing(self.parts, followup_part_entry)
