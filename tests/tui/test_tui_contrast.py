"""Every text on the screens a facilitator uses is readable: WCAG ≥ 7:1 in sunlight, ≥ 4.5:1 otherwise.

Each screen is rendered in each theme and every text segment's foreground and
background are read from the compositor's output (tests/contrast.py); the
failure names the text, its colours and where it is. A dialog is checked
inside its box: the dimmed screen behind it is meant to recede.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from contrast import too_faint
from textual.screen import ModalScreen

from meeting_tui.demo import CLOSED_ID, LIVE_ID
from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting

THEMES = {"sunlight": 7.0, "textual-light": 4.5, "textual-dark": 4.5}
DRAFT = "20261205-prep"

Steps = Callable[[Any], Awaitable[None]]


async def press(pilot: Any, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause(0.1)


async def session_votes_and_deferrals(pilot: Any) -> None:
    """The closed 南苑 meeting, all motions: passed, rejected, deferred, answered; a deferral selected."""
    await press(pilot, "l", "down", "down", "down")


async def session_overtime(pilot: Any) -> None:
    """The live meeting: item 3 running past its time box, a motion selected."""


async def form_dialog(pilot: Any) -> None:
    await press(pilot, "n")


async def vote_dialog(pilot: Any) -> None:
    await press(pilot, "v", "2", "3")


async def attendance(pilot: Any) -> None:
    await press(pilot, "a")


async def minutes_preview(pilot: Any) -> None:
    await press(pilot, "m")


async def minutes_redacted(pilot: Any) -> None:
    await press(pilot, "m", "r")


async def nothing(pilot: Any) -> None:
    await pilot.pause(0.1)


async def help_screen(pilot: Any) -> None:
    await press(pilot, "question_mark")


async def publicity(pilot: Any) -> None:
    await press(pilot, "p")


async def backlog(pilot: Any) -> None:
    await press(pilot, "b")


async def followups(pilot: Any) -> None:
    await press(pilot, "f", "down")


SCREENS: dict[str, tuple[str | None, Steps]] = {
    "session-votes-deferrals": (CLOSED_ID, session_votes_and_deferrals),
    "session-live": (LIVE_ID, session_overtime),
    "start": (None, nothing),
    "setup": (DRAFT, nothing),
    "attendance": (LIVE_ID, attendance),
    "form-dialog": (LIVE_ID, form_dialog),
    "vote-dialog": (LIVE_ID, vote_dialog),
    "minutes-preview": (CLOSED_ID, minutes_preview),
    "minutes-redacted": (CLOSED_ID, minutes_redacted),
    "help": (LIVE_ID, help_screen),
    "publicity": (CLOSED_ID, publicity),
    "backlog": (None, backlog),
    "followups": (None, followups),
}


@pytest.fixture
def draft(data_dir: Path, clock) -> str:
    drafts = c.create_meeting(DRAFT, "南苑社区 十二月议事会", "bench", community="南苑社区")
    live = LiveMeeting.create(open_archive(data_dir), DRAFT, drafts, clock)
    live.execute(c.add_items(live.state, [("电线改造", 15, ""), ("大门与单元门", 20, "")]))
    live.close()
    return DRAFT


# The screens a meeting is run on run in `make test`; the others under `slow` (`make bench`).
MORE = {"minutes-redacted", "help", "publicity", "backlog", "followups"}


@pytest.mark.parametrize(
    "screen",
    [pytest.param(name, marks=pytest.mark.slow) if name in MORE else name for name in SCREENS],
)
@pytest.mark.parametrize("theme", list(THEMES))
async def test_every_text_is_readable(make, draft, clock, theme, screen) -> None:
    meeting, steps = SCREENS[screen]
    # The live item has run 26 minutes of its 20: the overtime colours are on screen too.
    later = clock() + timedelta(minutes=20)
    app = make(meeting, theme=theme, clock=lambda: later)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await steps(pilot)
        region = app.screen.children[0].region if isinstance(app.screen, ModalScreen) else None
        faint = too_faint(app, THEMES[theme], region)
        assert not faint, f"{len(faint)} texts below {THEMES[theme]}:1 in {theme}:\n" + "\n".join(
            dict.fromkeys(faint)
        )


async def test_colours_follow_a_theme_change_during_the_meeting(make) -> None:
    """ctrl+t from dark to sunlight: the state words already drawn take the new theme's colours."""
    app = make(CLOSED_ID, theme="textual-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "l", "down", "down", "down")
        await press(pilot, "ctrl+t", "ctrl+t")
        assert app.theme == "sunlight"
        faint = too_faint(app, THEMES["sunlight"])
        assert not faint, "\n".join(dict.fromkeys(faint))
