"""A clock for meetings made in tests: China Standard Time, 30 s on at each reading."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

CST = timezone(timedelta(hours=8))


def ticking(start: datetime) -> Callable[[], datetime]:
    """A clock that moves 30 s on each reading, so events have distinct times."""
    now = [start]

    def clock() -> datetime:
        now[0] += timedelta(seconds=30)
        return now[0]

    return clock
