"""Suite-wide settings and the fixtures every app test shares.

Hypothesis runs derandomized under CI, so a landing is never a coin toss. App
tests build their app with `make(...)` (the same `make_app` factory the CLI
uses), drive it with a Pilot, and check what the screen shows and what the
store holds after the app has exited and released its lock (`stored(...)`).
"""

from __future__ import annotations

import asyncio
import inspect
import os
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from meeting_tui import i18n, locations
from meeting_tui.demo import LIVE_ID, install_demo
from meeting_tui.domain import MeetingState, fold
from meeting_tui.domain.events import Event, events_from_json
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.app import MeetingApp
from meeting_tui.tui.factory import make_app

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# A missing text or a bad placeholder raises here and in every process a test starts.
os.environ[i18n.STRICT_VARIABLE] = "1"


@pytest.fixture(autouse=True)
def _fresh_process_settings() -> Iterator[None]:
    """`main()` sets the data folder and language for the process: undo that after each test."""
    yield
    locations.set_data_directory(None)
    i18n.set_language("zh")


@pytest.fixture(autouse=True)
def _every_text_found() -> Iterator[None]:
    """A text problem fails its test even where the code caught the `TextError` (a worker, a toast)."""
    i18n.take_problems()
    yield
    problems = i18n.take_problems()
    assert not problems, problems


@pytest.fixture(autouse=True)
def quick_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot waits for idle in steps of this many seconds; smaller steps keep the suite quick."""
    import textual._wait

    monkeypatch.setattr(textual._wait, "SLEEP_GRANULARITY", 0.004)


@pytest.fixture(autouse=True)
def pilot_waits_for_held_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot's waits (after `press`, in `pause`) also wait for the keys the app still holds.

    The app hands each key on only once it has settled after the one before
    (`tui/key_order.py`); Pilot's own wait knows nothing of those held keys,
    and its CPU-idle check is fooled on a loaded machine. So every Pilot wait
    first waits, on the condition itself, until no key is held or in flight
    and no screen is still `working` in its worker (an archive list reading,
    the minutes of a close being built).
    """
    import time

    from textual.pilot import Pilot, WaitForScreenTimeout

    original = Pilot._wait_for_screen

    async def wait_for_screen(self: Pilot[Any], timeout: float = 30.0) -> bool:
        order = getattr(self.app, "key_order", None)
        deadline = time.monotonic() + timeout

        def moving() -> bool:
            keys = order is not None and (order.busy or order.held)
            return keys or getattr(self.app.screen, "working", False)  # a screen's worker

        while moving() and self.app.is_running:
            if time.monotonic() > deadline:
                raise WaitForScreenTimeout("the app still holds keys it was sent")
            await asyncio.sleep(0.002)
        return await original(self, timeout)

    monkeypatch.setattr(Pilot, "_wait_for_screen", wait_for_screen)


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
    """`make(meeting_id=LIVE_ID, **make_app_kwargs)` (None: the start screen); the app gets `.notices`."""

    def build(meeting_id: str | None = LIVE_ID, **kwargs: Any) -> MeetingApp:
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
        return events_from_json(open_archive(data_dir).read_meeting(meeting_id)[1])

    return read


@pytest.fixture
def stored(data_dir: Path, stored_events: Callable[[str], list[Event]]) -> Callable[..., Any]:
    """The folded state on disk; also proves the app released the meeting's lock on exit."""

    def read(meeting_id: str = LIVE_ID) -> MeetingState:
        live = LiveMeeting.open(open_archive(data_dir), meeting_id, lambda: NOW)
        live.close()
        return fold(stored_events(meeting_id))

    return read
