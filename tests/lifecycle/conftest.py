"""Fixtures for the lifecycle tests: start, setup, attendance, backlog, follow-ups, close.

The same shape as `tests/tui/conftest.py` (a conftest cannot be shared between
sibling folders without making `tests` a package): the demo archive in a temp
folder, a frozen clock, the app built by the CLI's own `make_app`, and
`stored(...)`, which reopens a meeting from disk after the app has exited and
so also proves the app released its lock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting

REPO = Path(__file__).resolve().parents[2]
NANYUAN_MD = REPO / "data" / "agenda" / "nanyuan.md"


from screen_reading import fill, screen_text, table_rows, text_of, type_text  # noqa: E402


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
def draft(data_dir: Path, clock: Callable[[], datetime]) -> str:
    """A meeting being prepared: a title, nothing else; its id."""
    from meeting_tui.domain import commands as c
    from meeting_tui.store.ids import new_meeting_id

    meeting_id = new_meeting_id(clock().date() + timedelta(days=14))
    drafts = c.create_meeting(meeting_id, "南苑社区十二月议事会", "bench", community="南苑社区")
    LiveMeeting.create(open_archive(data_dir), meeting_id, drafts, clock).close()
    return meeting_id


@pytest.fixture
def make(make: Callable[..., Any]) -> Callable[..., Any]:
    """Here `make()` opens the start screen; `make(id)` opens that meeting."""

    def build(meeting_id: str | None = None, **kwargs: Any) -> Any:
        return make(meeting_id, **kwargs)

    return build
