"""Snapshot tests of the session screen (pytest-textual-snapshot).

The app's clock is frozen (09:50 on the demo's day) so the header and the item
timer never change; the vote dialog's inputs have their cursor blink turned off
(Textual's Input blinks on a timer; there is no global switch), so the cursor
is always drawn. Regenerate with `pytest tests/tui --snapshot-update` and look
at the SVGs in `__snapshots__/` before committing them.
"""

from __future__ import annotations

from screen_reading import form_on_screen
from textual.widgets import Input

from meeting_tui.tui.dialogs.vote_form import VoteEntry


def test_session_80x24_zh(make, snap_compare) -> None:
    assert snap_compare(make(), terminal_size=(80, 24))


def test_session_120x40_zh(make, snap_compare) -> None:
    assert snap_compare(make(), terminal_size=(120, 40))


def test_session_80x24_en(make, snap_compare) -> None:
    assert snap_compare(make(lang="en"), terminal_size=(80, 24))


def test_session_120x40_en(make, snap_compare) -> None:
    assert snap_compare(make(lang="en"), terminal_size=(120, 40))


def test_session_80x24_sunlight(make, snap_compare) -> None:
    assert snap_compare(make(theme="sunlight"), terminal_size=(80, 24))


def test_vote_dialog_80x24(make, snap_compare) -> None:
    async def open_vote(pilot) -> None:
        await pilot.press("v", "2", "3", "tab", "1", "0")
        assert isinstance(form_on_screen(pilot.app), VoteEntry)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False

    assert snap_compare(make(), terminal_size=(80, 24), run_before=open_vote)
