"""Fixtures for the lifecycle tests: start, setup, attendance, backlog, follow-ups, close.

The same shape as `tests/tui/conftest.py` (a conftest cannot be shared between
sibling folders without making `tests` a package): the demo archive in a temp
folder, a frozen clock, the app built by the CLI's own `make_app`, and
`stored(...)`, which reopens a meeting from disk after the app has exited and
so also proves the app released its lock.
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

from meeting_tui import i18n, locations
from meeting_tui.demo import install_demo
from meeting_tui.domain import MeetingState, fold
from meeting_tui.domain.events import Event, events_from_json
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.app import MeetingApp
from meeting_tui.tui.factory import make_app

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 21, 9, 50, tzinfo=CST)
REPO = Path(__file__).resolve().parents[2]
NANYUAN_MD = REPO / "data" / "agenda" / "nanyuan.md"


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
    """`make_app(lang=...)` and `main(["--lang", ...])` set the language process-wide."""
    yield
    i18n.set_language("zh")
    locations.set_data_directory(None)


@pytest.fixture(autouse=True)
def quick_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    import textual._wait

    monkeypatch.setattr(textual._wait, "SLEEP_GRANULARITY", 0.004)


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


@pytest.fixture
def make(data_dir: Path, clock: Callable[[], datetime], config_path: Path) -> Callable[..., Any]:
    """`make(meeting_id=None, **make_app_kwargs)`: the start screen unless a meeting is named."""

    def build(meeting_id: str | None = None, **kwargs: Any) -> MeetingApp:
        kwargs.setdefault("clock", clock)
        kwargs.setdefault("config_path", config_path)
        app = make_app(meeting_id, data_dir=data_dir, **kwargs)
        app.notices = _record_notifications(app)  # type: ignore[attr-defined]
        return app

    return build


@pytest.fixture
def stored_events(data_dir: Path) -> Callable[[str], list[Event]]:
    """The events on disk, read with a fresh archive after the app has exited."""

    def read(meeting_id: str) -> list[Event]:
        return events_from_json(open_archive(data_dir).read_events(meeting_id))

    return read


@pytest.fixture
def stored(data_dir: Path, stored_events: Callable[[str], list[Event]]) -> Callable[[str], Any]:
    """The folded state on disk; opening it also proves the app released the meeting's lock."""

    def read(meeting_id: str) -> MeetingState:
        live = LiveMeeting.open(open_archive(data_dir), meeting_id, lambda: NOW)
        live.close()
        return fold(stored_events(meeting_id))

    return read


# -- reading and typing ------------------------------------------------------


def text_of(widget: Static) -> str:
    return str(widget.render())


def table_rows(app: App[Any], selector: str = "DataTable") -> list[list[str]]:
    """A DataTable's cells on the current screen as plain text, row by row."""
    table = app.screen.query_one(selector, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def screen_text(app: App[Any], selector: str) -> str:
    return text_of(app.screen.query_one(selector, Static))


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type `text` key by key into the focused widget, as a terminal delivers an IME's characters."""
    for ch in text:
        key = ch if ch.isalnum() else _character_to_key(ch)
        pilot.app.post_message(events.Key(key, ch))
    await pilot.pause()


async def fill(pilot: Pilot[Any], text: str) -> None:
    """Replace what the focused input holds with `text` (select all, then type)."""
    focused = pilot.app.focused
    assert focused is not None
    focused.value = ""  # type: ignore[attr-defined]
    await type_text(pilot, text)


class UI:
    """The readers above, bundled for tests (a fixture, so no test imports conftest)."""

    text_of = staticmethod(text_of)
    rows = staticmethod(table_rows)
    screen_text = staticmethod(screen_text)
    type_text = staticmethod(type_text)
    fill = staticmethod(fill)


@pytest.fixture
def ui() -> type[UI]:
    return UI


@pytest.fixture
def nanyuan_md() -> Path:
    return NANYUAN_MD


@pytest.fixture
def draft(data_dir: Path) -> str:
    """A meeting being prepared: a title, nothing else; its id."""
    from meeting_tui.domain import commands as c
    from meeting_tui.store.ids import new_meeting_id

    meeting_id = new_meeting_id(NOW.date() + timedelta(days=14))
    drafts = c.create_meeting(meeting_id, "南苑社区十二月议事会", "bench", community="南苑社区")
    LiveMeeting.create(open_archive(data_dir), meeting_id, drafts, lambda: NOW).close()
    return meeting_id
