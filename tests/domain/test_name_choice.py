"""The facilitator's choice to show or shorten a name in public is an event, also after the close."""

from __future__ import annotations

import pytest

from meeting_tui.demo import closed_log
from meeting_tui.domain import DomainError, EventKind, fold
from meeting_tui.domain import commands as c
from meeting_tui.domain.events import stamp


def test_a_choice_is_recorded_and_folded_even_on_a_closed_meeting() -> None:
    log = closed_log()
    state = fold(log)
    drafts = c.set_name_choice(state, "李建国", True)
    assert [d.kind for d in drafts] == [EventKind.NAME_CHOICE_SET]
    events = stamp(log[-1].seq, drafts, log[-1].time)
    after = fold([*log, *events])
    assert after.name_choices == {"李建国": True}
    assert c.set_name_choice(after, "李建国", True) == []  # nothing to record twice
    flipped = fold(
        [
            *log,
            *events,
            *stamp(events[-1].seq, c.set_name_choice(after, "李建国", False), log[-1].time),
        ]
    )
    assert flipped.name_choices == {"李建国": False}


def test_an_empty_name_is_refused() -> None:
    with pytest.raises(DomainError):
        c.set_name_choice(fold(closed_log()), "  ", True)
