"""What a test added to a meeting's log on disk (shared by the app tests; tests/ is on sys.path)."""

from __future__ import annotations

from collections.abc import Callable

from meeting_tui.demo import LIVE_ID
from meeting_tui.domain.events import Event


def new_kinds(
    stored_events: Callable[[str], list[Event]], before: int, meeting_id: str = LIVE_ID
) -> list[str]:
    """The kinds of the events stored after the first `before` ones."""
    return [e.kind.value for e in stored_events(meeting_id)[before:]]
