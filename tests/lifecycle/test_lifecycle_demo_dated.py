"""The demo loaded on any day is a meeting in session today: minutes on the clock, nothing over time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from meeting_tui import cli
from meeting_tui.demo import LIVE_ID
from meeting_tui.domain import fold
from meeting_tui.domain.events import events_from_json
from meeting_tui.store import open_archive
from meeting_tui.tui.factory import make_app
from meeting_tui.tui.screens.session import SessionScreen

LATER = datetime(2027, 3, 5, 19, 12, tzinfo=timezone(timedelta(hours=8)))


async def test_d_on_the_start_screen_dates_the_live_demo_today(
    tmp_path: Path, config_path: Path, ui
) -> None:
    app = make_app(None, data_dir=tmp_path / "empty", clock=lambda: LATER, config_path=config_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, SessionScreen)
        stats = ui.screen_text(app, "#stats")
        assert "已进行 20:00" in stats, stats
        assert "超时" not in ui.text_of(app.screen.query_one("#agenda"))


def test_the_demo_verb_dates_the_live_demo_today(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`meeting-tui demo` stores the in-session copy dated now (the app itself is not started here)."""
    from meeting_tui.verbs import archive_verbs

    monkeypatch.setattr(archive_verbs, "open_in_app", lambda archive, live=None: 0)
    monkeypatch.setattr(archive_verbs, "has_terminal", lambda: True)  # as from a terminal
    before = datetime.now().astimezone()
    assert cli.main(["--data-dir", str(tmp_path / "data"), "demo"]) == 0
    state = fold(events_from_json(open_archive(tmp_path / "data").read_meeting(LIVE_ID)[1]))
    started = datetime.fromisoformat(state.started_at)
    assert timedelta(0) < before - started < timedelta(hours=1)
