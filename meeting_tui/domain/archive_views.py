"""Views across meetings: the index row of a meeting, the backlog of deferrals, follow-ups.

A closed meeting is never changed by what happens later: whether a deferral
was resolved is derived from the later meeting whose motion names it as origin.
The entries are named tuples: an archive of 5,000 meetings lists 40,000 of them.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from operator import itemgetter
from typing import Any, NamedTuple, TypeVar, cast, overload

from meeting_tui import i18n
from meeting_tui.domain.archive_summary import (
    DeferredMotion,
    FollowUpMotion,
    MeetingSummary,
    TakenUp,
    summarise,
)
from meeting_tui.domain.archive_summary import meeting_date as meeting_date  # still named here
from meeting_tui.domain.messages import label
from meeting_tui.domain.model import (
    Category,
    MeetingState,
    MotionState,
    Origin,
    Party,
    Vote,
)

T = TypeVar("T")


@contextlib.contextmanager
def without_collection() -> Iterator[None]:
    """No cyclic garbage collection while tens of thousands of small tuples are made.

    Each 700 new objects start a collection, and every tenth of those walks the
    whole heap (the summaries of 5,000 meetings): making a list of 30,000
    follow-ups spent most of its time there. Tuples and their wrappers hold no
    cycles, so nothing is missed; collection resumes after.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class Listing(Sequence[T]):
    """Entries in their order, each made only when first looked at.

    An archive of 5,000 meetings lists 30,000 follow-ups and a screen shows 200
    at a time: the order comes from a few fields of each, and an entry is made
    when a row needs it. `list(listing)` makes them all (the verbs, the tests).

    The list holds what each entry is made from as it is given — a plain tuple
    of `make`'s arguments, or (`raw=bytes`) a kept line for `make` alone — and
    an item of exactly that type is not made yet. Made entries are named
    tuples, never exactly `tuple`, so no wrapper per entry is needed.
    """

    def __init__(
        self, sources: Iterable[Any], make: Callable[..., T], *, raw: type = tuple
    ) -> None:
        self._items: list[Any] = list(sources)
        self._make = make
        self._raw = raw

    @staticmethod
    def empty() -> Listing[Any]:
        return Listing((), lambda *parts: parts)

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        item = self._items[index]
        if type(item) is self._raw:
            made = (
                self._make(*cast(tuple[Any, ...], item)) if self._raw is tuple else self._make(item)
            )
            item = self._items[index] = made
        return cast(T, item)

    def copy(self) -> Listing[T]:
        return Listing(self._items, self._make, raw=self._raw)

    def index_of(self, entry: T) -> int:
        """Where this very entry is (compared by identity: nothing else is made)."""
        return next(n for n, item in enumerate(self._items) if item is entry)

    def pop(self, index: int) -> T:
        entry = self[index]
        del self._items[index]
        return entry

    def insert(self, index: int, entry: T) -> None:
        self._items.insert(index, entry)


def index_row(state: MeetingState) -> dict[str, Any]:
    """The archive list's summary of one meeting (written at create, close, title/status change)."""
    states = [m.state for m in state.motions.values()]
    return {
        "id": state.meeting_id,
        "title": state.title,
        "kind": state.kind.value,
        "community": state.community,
        "date": meeting_date(state),
        "status": state.status.value,
        "motions": len(states),
        "passed": states.count(MotionState.PASSED),
        "deferred": states.count(MotionState.DEFERRED),
    }


class BacklogStatus(StrEnum):
    OPEN = "open"  # waiting for a later meeting
    SCHEDULED = "scheduled"  # on a later meeting's agenda, not yet decided
    RESOLVED = "resolved"  # decided, answered or withdrawn at a later meeting
    CARRIED_OVER = "carried_over"  # deferred again at a later meeting


class BacklogEntry(NamedTuple):
    origin: Origin
    meeting_title: str
    meeting_date: str
    number: int
    text: str
    reason: str
    owner: str
    target: str
    last_vote: Vote | None
    status: BacklogStatus
    resolved_in: Origin | None = None
    resolution: MotionState | None = None
    # The motion as it was raised, so a later meeting takes it up without retyping it.
    proposer: str = ""
    party: Party = Party.RESIDENT
    category: Category = Category.OTHER
    cost: int | None = None

    def linked_origin(self) -> Origin:
        """The origin with what the earlier meeting said: its title, date, number, last vote."""
        vote = self.last_vote
        return Origin(
            self.origin.meeting_id,
            self.origin.motion_id,
            meeting_title=self.meeting_title,
            meeting_date=self.meeting_date,
            number=self.number,
            vote=None if vote is None else (vote.in_favour, vote.against, vote.abstain),
            state=MotionState.DEFERRED.value,
        )


def where_text(entry: BacklogEntry) -> str:
    """Open, or where it was taken up: "通过 20261127-k3f9 #3"."""
    return where_words(entry.status, entry.resolved_in, entry.resolution)


def where_words(
    standing: BacklogStatus, resolved_in: Origin | None, resolution: MotionState | None
) -> str:
    """`where_text` from a deferral's standing alone (the `backlog` verb prints kept lines)."""
    if standing is BacklogStatus.OPEN or resolved_in is None:
        return label(standing)
    # Decided there: how (通过, 撤回 …); still to be decided: on that agenda (已列入议程).
    decided = resolution is not None and standing is not BacklogStatus.SCHEDULED
    status = label(resolution if decided and resolution else standing)
    if not resolved_in.motion_id:  # on a later agenda, nothing raised under it yet
        return i18n.t("backlog.where_agenda", status=status, meeting=resolved_in.meeting_id)
    number = resolved_in.motion_id.lstrip("m")
    return i18n.t("backlog.where", status=status, meeting=resolved_in.meeting_id, number=number)


def backlog(meetings: Iterable[MeetingState]) -> list[BacklogEntry]:
    """Every deferral across these folded meetings (see `backlog_of`)."""
    return backlog_of(summarise(state) for state in meetings)


Followers = dict[Origin, tuple[str, str, MotionState | None]]


def takers(summaries: Iterable[MeetingSummary]) -> tuple[Followers, dict[Origin, str]]:
    """Which meeting raised each deferral again (and as which motion), which put it on an agenda."""
    return takers_from((summary.meeting_id, summary.taken_up) for summary in summaries)


def takers_from(
    meetings: Iterable[tuple[str, Iterable[TakenUp]]],
) -> tuple[Followers, dict[Origin, str]]:
    """`takers` of (meeting id, what it took up) pairs: a later pair wins over an earlier one."""
    followers: Followers = {}
    agendas: dict[Origin, str] = {}
    for meeting_id, taken_up in meetings:
        for taken in taken_up:
            if taken.motion_id:
                followers[taken.origin] = (meeting_id, taken.motion_id, taken.state)
            else:
                agendas[taken.origin] = meeting_id
    return followers, agendas


def standing(
    origin: Origin, followers: Followers, agendas: dict[Origin, str]
) -> tuple[BacklogStatus, Origin | None, MotionState | None]:
    """Where a deferral stands: open, on a later agenda, decided or deferred again there."""
    if origin in followers:
        later_meeting, later_motion, resolution = followers[origin]
        if resolution is MotionState.RAISED:
            status = BacklogStatus.SCHEDULED
        elif resolution is MotionState.DEFERRED:
            status = BacklogStatus.CARRIED_OVER
        else:
            status = BacklogStatus.RESOLVED
        return status, Origin(later_meeting, later_motion), resolution
    if origin in agendas:
        return BacklogStatus.SCHEDULED, Origin(agendas[origin], ""), None
    return BacklogStatus.OPEN, None, None


def backlog_of(meetings: Iterable[MeetingSummary]) -> list[BacklogEntry]:
    """Every deferral across the archive, oldest first, with where it was taken up."""
    return list(backlog_listing(meetings))


def backlog_listing(meetings: Iterable[MeetingSummary]) -> Listing[BacklogEntry]:
    """`backlog_of`, each entry made when first looked at."""
    summaries = list(meetings)
    followers, agendas = takers(summaries)

    def entry(summary: MeetingSummary, motion: DeferredMotion) -> BacklogEntry:
        return backlog_entry(summary, motion, followers, agendas)

    ordered = sorted(summaries, key=lambda s: s.date)  # meetings of one day as they were given
    return Listing(((s, d) for s in ordered for d in s.deferred), entry)


def backlog_entry(
    summary: MeetingSummary,
    motion: DeferredMotion,
    followers: Followers,
    agendas: dict[Origin, str],
) -> BacklogEntry:
    """One deferral of this meeting, standing where the later meetings (`takers`) put it."""
    origin = Origin(summary.meeting_id, motion.motion_id)
    status, where, resolution = standing(origin, followers, agendas)
    return BacklogEntry(
        origin=origin,
        meeting_title=summary.title,
        meeting_date=summary.date,
        number=motion.number,
        text=motion.text,
        reason=motion.reason,
        owner=motion.owner,
        target=motion.target,
        last_vote=motion.last_vote,
        status=status,
        resolved_in=where,
        resolution=resolution,
        proposer=motion.proposer,
        party=motion.party,
        category=motion.category,
        cost=motion.cost,
    )


class FollowUpEntry(NamedTuple):
    origin: Origin
    meeting_title: str
    number: int
    text: str
    owner: str
    due: str | None
    done_on: str | None

    def overdue(self, today: str) -> bool:
        return self.done_on is None and self.due is not None and self.due < today


def followups(meetings: Iterable[MeetingState], today: str) -> list[FollowUpEntry]:
    """Follow-ups across these folded meetings (see `followups_of`)."""
    return followups_of((summarise(state) for state in meetings), today)


def followups_of(meetings: Iterable[MeetingSummary], today: str) -> list[FollowUpEntry]:
    """Passed motions with an owner, overdue first, then by due date (none last)."""
    return list(followups_listing(meetings, today))


FollowUpKey = tuple[bool, str, int, int, int]
FollowUpPart = tuple[FollowUpKey, MeetingSummary, FollowUpMotion]


def followup_parts(position: int, summary: MeetingSummary) -> list[FollowUpPart]:
    """A meeting's follow-ups with their place in the order of `followups_listing`.

    `followup_order` without its overdue flag: an open follow-up is overdue exactly
    when its due date is before today, so ordering by due date already puts those
    first. Ties go by the meeting's place in the list and the follow-up's in the
    meeting, so every order made of these keys is the one a stable sort gives.
    """
    return [
        ((f.done_on is not None, f.due or "9999", f.number, position, n), summary, f)
        for n, f in enumerate(summary.followups)
    ]


def followup_entry(summary: MeetingSummary, f: FollowUpMotion) -> FollowUpEntry:
    origin = Origin(summary.meeting_id, f.motion_id)
    return FollowUpEntry(origin, summary.title, f.number, f.text, f.owner, f.due, f.done_on)


def followup_part_entry(
    _key: FollowUpKey, summary: MeetingSummary, f: FollowUpMotion
) -> FollowUpEntry:
    return followup_entry(summary, f)


def ordered_followups(summaries: Sequence[MeetingSummary]) -> list[FollowUpPart]:
    with without_collection():
        parts = [p for position, s in enumerate(summaries) for p in followup_parts(position, s)]
        parts.sort(key=itemgetter(0))
    return parts


def followups_listing(meetings: Iterable[MeetingSummary], today: str) -> Listing[FollowUpEntry]:
    """`followups_of`, ordered by the same key from the summaries, each entry made when needed."""
    return Listing(ordered_followups(list(meetings)), followup_part_entry)


def followup_order(today: str) -> Callable[[FollowUpEntry], tuple[bool, bool, str, int]]:
    """Overdue first, then by due date (none last); done ones at the end."""
    return lambda e: (e.done_on is not None, not e.overdue(today), e.due or "9999", e.number)
