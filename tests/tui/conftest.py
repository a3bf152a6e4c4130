"""Fixtures for the TUI tests: the demo archive in a temp folder, a frozen clock, and screen readers.

Every test builds its app with `make(...)` (the same `make_app` factory the CLI
uses), drives it with a Pilot, and then checks two things: what the screen
shows, and what the store holds after the app has exited and released its lock
(`stored(...)` reopens the meeting from disk).
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.app import App
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from meeting_tui import i18n
from meeting_tui.demo import LIVE_ID, install_demo
from meeting_tui.domain import MeetingState, fold
from meeting_tui.domain.events import Event, events_from_json
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.app import MeetingApp
from meeting_tui.tui.factory import make_app
from meeting_tui.tui.widgets.status_strip import StatusStrip
from meeting_tui.tui.widgets.vote_panel import VotePanel

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 21, 9, 50, tzinfo=CST)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests with asyncio.run (no async plugin is installed; Pilot needs a loop)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture(autouse=True)
def zh_after_each_test() -> Iterator[None]:
    """`make_app(lang=...)` sets the language process-wide: put zh back afterwards."""
    yield
    i18n.set_language("zh")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh archive holding the two 南苑 demo meetings."""
    root = tmp_path / "data"
    install_demo(open_archive(root))
    return root


@pytest.fixture
def clock() -> Callable[[], datetime]:
    """The app's clock, frozen at 09:50 on the day of the in-session demo."""
    return lambda: NOW


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "config.toml"


class Notices(list[tuple[str, str]]):
    """(message, severity) of every notification the app showed, oldest first."""

    def messages(self) -> list[str]:
        return [m for m, _ in self]

    def errors(self) -> list[str]:
        return [m for m, severity in self if severity == "error"]


def _record_notifications(app: MeetingApp) -> Notices:
    notices = Notices()
    original = app.notify

    def notify(message: str, *args: Any, **kwargs: Any) -> None:
        notices.append((str(message), str(kwargs.get("severity", "information"))))
        original(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return notices


MakeApp = Callable[..., MeetingApp]


@pytest.fixture
def make(data_dir: Path, clock: Callable[[], datetime], config_path: Path) -> MakeApp:
    """`make(meeting_id=LIVE_ID, **make_app_kwargs)`; the app gets `.notices` (a `Notices`)."""

    def build(meeting_id: str = LIVE_ID, **kwargs: Any) -> MeetingApp:
        kwargs.setdefault("clock", clock)
        kwargs.setdefault("config_path", config_path)
        app = make_app(meeting_id, data_dir=data_dir, **kwargs)
        app.notices = _record_notifications(app)  # type: ignore[attr-defined]
        return app

    return build


@pytest.fixture
def stored_events(data_dir: Path) -> Callable[[str], list[Event]]:
    """The events on disk, read with a fresh archive after the app has exited."""

    def read(meeting_id: str = LIVE_ID) -> list[Event]:
        return events_from_json(open_archive(data_dir).read_events(meeting_id))

    return read


@pytest.fixture
def stored(data_dir: Path, stored_events: Callable[[str], list[Event]]) -> Callable[..., Any]:
    """The folded state on disk; also proves the app released the meeting's lock on exit."""

    def read(meeting_id: str = LIVE_ID) -> MeetingState:
        live = LiveMeeting.open(open_archive(data_dir), meeting_id, lambda: NOW)
        live.close()
        return fold(stored_events(meeting_id))

    return read


# -- reading the screen ------------------------------------------------------


def text_of(widget: Static) -> str:
    """The plain text a Static shows."""
    return str(widget.render())


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
    """The inline error (or preview) line of the open form dialog."""
    return text_of(app.screen.query_one("#error", Static))


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type `text` key by key into the focused input, as a terminal delivers an IME's characters.

    `Pilot.press` cannot send full-width punctuation (（，：) as characters, so
    the Key events are built here with the character attached, like the driver does.
    """
    for ch in text:
        key = ch if ch.isalnum() else _character_to_key(ch)
        pilot.app.post_message(events.Key(key, ch))
    await pilot.pause()


class ScreenReader:
    """The readers above, bundled for tests (a fixture, so no test imports conftest)."""

    vote_panel = staticmethod(vote_panel)
    header = staticmethod(header)
    strip = staticmethod(strip)
    rows = staticmethod(rows)
    dialog_message = staticmethod(dialog_message)
    text_of = staticmethod(text_of)
    type_text = staticmethod(type_text)


@pytest.fixture
def ui() -> type[ScreenReader]:
    return ScreenReader


@pytest.fixture(autouse=True)
def quick_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    import textual._wait

    monkeypatch.setattr(textual._wait, "SLEEP_GRANULARITY", 0.004)
