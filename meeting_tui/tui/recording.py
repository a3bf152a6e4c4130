"""Running a command from a screen: store its events, or say plainly why not.

Every screen that changes a meeting goes through here, so a refused command
(DomainError) and a refused write (StoreError) read the same everywhere, and
nothing is shown as done that the store did not take.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from textual.widget import Widget

from meeting_tui import i18n
from meeting_tui.domain import DomainError, Draft, MeetingState
from meeting_tui.store.errors import StoreError
from meeting_tui.store.live import LiveMeeting

Make = Callable[[MeetingState], Sequence[Draft]]
T = TypeVar("T")


def record(node: Widget, live: LiveMeeting, make: Make | Sequence[Draft]) -> bool:
    """Run `make` on the meeting's state (or take ready drafts) and store the events."""
    try:
        drafts = make(live.state) if callable(make) else make
    except DomainError as error:
        node.notify(error.message(), severity="error", timeout=8)
        return False
    try:
        live.execute(drafts)
    except StoreError as error:
        node.notify(
            i18n.t("notify.saved_error", message=error.message()), severity="error", timeout=15
        )
        return False
    for notice in live.take_notices():  # saved, but e.g. the archive list is not refreshed
        node.notify(notice.message(), severity="warning", timeout=12)
    return True


def problem(live: LiveMeeting, make: Make) -> str | None:
    """The error `make` would give now, for a form to show inline (nothing is stored)."""
    try:
        make(live.state)
    except DomainError as error:
        return error.message()
    return None


def judged(live: LiveMeeting, judge: Callable[[MeetingState], T]) -> T | str:
    """What a command's check makes of the meeting now, or the error it gives: a form's preview."""
    try:
        return judge(live.state)
    except DomainError as error:
        return error.message()
