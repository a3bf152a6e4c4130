"""The session screen's clock ticks just after its second turns, and stays on it.

Steps are stamped in whole seconds, so every time the bar shows turns with the
clock's second. Ticked at a fixed interval from the mount, the bar lagged the
clock by up to a second, and a key pressed between two ticks found the times
changed and repainted them with its own answer. The clock here is the real one
shifted: the test moves it half a second (as a clock set by the network is), and
the ticks after that must be on the new second, not on the mount's rhythm.
"""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta

# Seconds after the turn a tick may come on a loaded machine: well before the half second
# at which the mount's rhythm falls once the clock is set. (Textual's timers may wake a
# little early, 0.5 ms, so a tick is not held to land `TICK_AFTER_S` or more after it.)
ON_TIME = 0.4


class ShiftedClock:
    """The monotonic clock, started at 09:30:00.6 and set forward by `shift` seconds."""

    def __init__(self) -> None:
        self.began = time.monotonic()
        self.shift = 0.0

    def __call__(self) -> datetime:
        seconds = time.monotonic() - self.began + 0.6 + self.shift
        return datetime(2026, 12, 3, 9, 30).astimezone() + timedelta(seconds=seconds)


def fraction(moment: datetime) -> float:
    return moment.microsecond / 1_000_000


async def test_the_clock_ticks_just_after_its_second_turns_even_once_it_is_set(make, ui) -> None:
    clock = ShiftedClock()
    app = make(clock=clock)
    async with app.run_test(size=(80, 24)):
        screen = app.screen
        ticks: list[datetime] = []
        real_tick = screen.tick
        screen.tick = lambda: (ticks.append(clock()), real_tick())  # type: ignore[method-assign]
        while not ticks:
            await asyncio.sleep(0.02)
        # Set the clock so that the ticks' present rhythm falls mid-second.
        clock.shift = (0.5 - fraction(ticks[0])) % 1
        seen = len(ticks)
        await asyncio.sleep(2.3)
        after = ticks[seen:]
        assert len(after) >= 2, after
        assert all(fraction(t) < ON_TIME for t in after[1:]), after
        assert f"{after[-1]:%H:%M}" in ui.header(app)
