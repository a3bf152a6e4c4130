"""Screens tell the app which meeting to open or leave by messages; the app holds the lock.

Asserted on the messages (`run_test(message_hook=…)`) and on what they did:
the screen shown and the lock on disk, so a screen calling into the app
instead (or a message nobody handles) fails here.
"""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from meeting_tui.demo import CLOSED_ID, LIVE_ID
from meeting_tui.store import open_archive
from meeting_tui.store.errors import StoreError
from meeting_tui.tui.screens.lifecycle_messages import MeetingChosen, MeetingLeft
from meeting_tui.tui.screens.session import SessionScreen
from meeting_tui.tui.screens.start import StartScreen


def _lock_is_held(data_dir: Path, meeting_id: str) -> bool:
    try:
        open_archive(data_dir).open_meeting(meeting_id).close()
    except StoreError:
        return True
    return False


async def test_the_start_screen_chooses_and_the_session_leaves_by_message(
    make, data_dir: Path
) -> None:
    seen: list[Message] = []
    app = make()
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press("enter")  # the first row: the meeting in session
        # One message, seen at the screen that posted it and at the app it bubbles to.
        chosen = {id(m): m for m in seen if isinstance(m, MeetingChosen)}
        assert [m.meeting_id for m in chosen.values()] == [LIVE_ID]
        assert isinstance(app.screen, SessionScreen)
        assert _lock_is_held(data_dir, LIVE_ID)
        await pilot.press("escape")
        assert any(isinstance(m, MeetingLeft) for m in seen)
        assert isinstance(app.screen, StartScreen)
        assert not _lock_is_held(data_dir, LIVE_ID)  # left: the lock let go


async def test_a_closed_meeting_is_chosen_and_left_the_same_way(make, data_dir: Path) -> None:
    meeting_id = CLOSED_ID
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.live.meeting_id == meeting_id
        await pilot.press("escape")
        assert isinstance(app.screen, StartScreen)
        assert not _lock_is_held(data_dir, meeting_id)
