"""Reading a Textual screen as plain text, and typing into it as a Chinese IME does.

Shared by the app tests of every folder (tests/ is on sys.path through its conftest).
"""

from __future__ import annotations

import threading
from typing import Any

from textual import events
from textual.app import App
from textual.geometry import Region
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import DataTable, Static


def text_of(widget: Static) -> str:
    """The plain text a Static shows."""
    return str(widget.render())


def table_rows(app: App[Any], selector: str = "DataTable") -> list[list[str]]:
    """A DataTable's cells on the current screen as plain text, row by row."""
    table = app.screen.query_one(selector, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def rendered_strips(app: App[Any]) -> list[Strip]:
    """What the terminal is sent for the whole screen, line by line, dialogs over the screen below.

    The compositor's own full update, as `App.export_screenshot` takes it: the
    cells a facilitator sees, after layout, clipping and overlapping windows.
    """
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return [Strip.join(line) for line in update.strips]  # type: ignore[union-attr]


def rendered_lines(app: App[Any]) -> list[str]:
    """The rendered screen as text, one string per terminal line (a wide character is one char)."""
    return ["".join(segment.text for segment in strip) for strip in rendered_strips(app)]


def rendered_region(app: App[Any], region: Region) -> list[str]:
    """The rendered text inside `region` (e.g. a widget's `content_region`), one string per line."""
    strips = rendered_strips(app)[region.y : region.bottom]
    return ["".join(s.text for s in strip.crop(region.x, region.right)) for strip in strips]


def screen_text(app: App[Any], selector: str) -> str:
    return text_of(app.screen.query_one(selector, Static))


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type `text` key by key into the focused input, as a terminal delivers an IME's characters.

    `Pilot.press` cannot send full-width punctuation (（，：) as characters, so
    the Key events are built here with the character attached, like the driver does.
    """
    for ch in text:
        key = ch if ch.isalnum() else _character_to_key(ch)
        pilot.app.post_message(events.Key(key, ch))
    await pilot.pause()


async def fill_deferral(pilot: Pilot[Any]) -> None:
    """In the open deferral form: the reason, who keeps it and when, as the chair types them."""
    await type_text(pilot, "情况不清")
    await pilot.press("tab")
    await type_text(pilot, "社区")
    await pilot.press("tab")
    await type_text(pilot, "下次会议")


async def fill(pilot: Pilot[Any], text: str) -> None:
    """Replace what the focused input holds with `text` (select all, then type)."""
    focused = pilot.app.focused
    assert focused is not None
    focused.value = ""  # type: ignore[attr-defined]
    await type_text(pilot, text)


async def settle(pilot: Pilot[Any]) -> None:
    """Until every message and the next frame are through (a second frame would be painted)."""
    for _ in range(3):
        await pilot.pause(0.05)


async def read_in(pilot: Pilot[Any], app: App[Any]) -> None:
    """Until the screen's read (if any) is back; it shows its rows meanwhile."""
    for _ in range(500):
        if not getattr(app.screen, "working", False):
            break
        await pilot.pause(0.01)
    await pilot.pause()


def spy_threads(monkeypatch: Any, owner: Any, name: str) -> list[str]:
    """Calls of `owner.name` go through unchanged; the list gets the thread each ran on."""
    seen: list[str] = []
    real = getattr(owner, name)

    def spied(*args: Any, **kwargs: Any) -> Any:
        seen.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, spied)
    return seen


def form_on_screen(app: App[Any]) -> Any:
    """The form the chair is filling in: a form dialog on top, or the vote or deferral form
    open on the session screen (an EntryPanel); None when no form is open."""
    from meeting_tui.tui.dialogs.entry_panel import EntryPanel
    from meeting_tui.tui.dialogs.form import FormDialog

    screen = app.screen
    if isinstance(screen, FormDialog):
        return screen
    return next((entry for entry in screen.query(EntryPanel) if entry.is_open), None)


def session_shown(app: App[Any]) -> bool:
    """The session screen is on top with no form open over it."""
    from meeting_tui.tui.screens.session import SessionScreen

    return isinstance(app.screen, SessionScreen) and form_on_screen(app) is None


def count_layouts(screen: Any) -> list[bool]:
    """Every layout pass of `screen` from now on (True: a full one, False: for a scroll)."""
    passes: list[bool] = []
    original = screen._refresh_layout

    def counted(size: Any = None, scroll: bool = False) -> None:
        passes.append(not scroll)
        original(size, scroll)

    screen._refresh_layout = counted
    return passes
