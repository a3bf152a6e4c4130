"""Fixtures for the TUI tests: the demo archive in a temp folder, a frozen clock, and screen readers.

Every test builds its app with `make(...)` (the same `make_app` factory the CLI
uses), drives it with a Pilot, and then checks two things: what the screen
shows, and what the store holds after the app has exited and released its lock
(`stored(...)` reopens the meeting from disk).
"""

from __future__ import annotations

from typing import Any

import pytest

# -- reading the screen ------------------------------------------------------
from screen_reading import form_on_screen, session_shown, text_of, type_text
from textual.app import App
from textual.widgets import DataTable, Static

from meeting_tui.tui.widgets.status_strip import StatusStrip
from meeting_tui.tui.widgets.vote_panel import VotePanel


def vote_panel(app: App[Any]) -> str:
    return text_of(app.screen.query_one(VotePanel))


def header(app: App[Any]) -> str:
    screen = app.screen
    return f"{text_of(screen.query_one('#title', Static))} {text_of(screen.query_one('#stats', Static))}"


def strip(app: App[Any]) -> str:
    return text_of(app.screen.query_one(StatusStrip))


def rows(app: App[Any]) -> list[list[str]]:
    """The motion table's cells as plain text, row by row."""
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def dialog_message(app: App[Any]) -> str:
    """The inline error (or preview) line of the open form (a dialog, or the vote or deferral
    form on the session screen)."""
    form = form_on_screen(app)
    return text_of((form if form is not None else app.screen).query_one("#error", Static))


class ScreenReader:
    """The readers above, bundled for tests (a fixture, so no test imports conftest)."""

    vote_panel = staticmethod(vote_panel)
    header = staticmethod(header)
    strip = staticmethod(strip)
    rows = staticmethod(rows)
    dialog_message = staticmethod(dialog_message)
    form = staticmethod(form_on_screen)
    session_shown = staticmethod(session_shown)
    text_of = staticmethod(text_of)
    type_text = staticmethod(type_text)


@pytest.fixture
def ui() -> type[ScreenReader]:
    return ScreenReader


@pytest.fixture(autouse=True)
def quick_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    import textual._wait

    monkeypatch.setattr(textual._wait, "SLEEP_GRANULARITY", 0.004)
