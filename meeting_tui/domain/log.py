"""A meeting's log and the state it folds to, kept in step.

`prepare` numbers a command's drafts without changing anything; `commit`
applies them once they are safely stored. The store-backed live meeting, the
demo script and the tests all move a meeting forward this way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from meeting_tui.domain.events import Draft, Event, stamp
from meeting_tui.domain.fold import advance, fold
from meeting_tui.domain.model import MeetingState


class MeetingLog:
    def __init__(self, events: Iterable[Event] = ()) -> None:
        self.events: list[Event] = list(events)
        self.state: MeetingState = fold(self.events)

    def prepare(self, drafts: Sequence[Draft], at: datetime) -> list[Event]:
        """The events `drafts` become if appended now; nothing changes yet."""
        last = self.events[-1].seq if self.events else 0
        return stamp(last, drafts, at)

    def commit(self, events: Sequence[Event]) -> MeetingState:
        """Take stored events into the log and the state."""
        expected = (self.events[-1].seq if self.events else 0) + 1
        if events and events[0].seq != expected:
            raise ValueError(f"event {events[0].seq} does not follow {expected - 1}")
        self.events.extend(events)
        self.state = advance(self.state, self.events, list(events))
        return self.state
