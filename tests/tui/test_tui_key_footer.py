"""The session footer is rebuilt only when the keys it shows change.

Opening and closing the vote form changes the focus several times (a dialog
screen also changed the stack); Textual's Footer rebuilt all its key widgets
each time, with the same keys. What must hold: the same key widgets
stay through a dialog that changes nothing, and the footer still follows a
real change (a closed meeting shows its own keys; the narrow layout).
"""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from meeting_tui.domain import commands as c
from meeting_tui.tui.dialogs.vote_form import VoteEntry
from meeting_tui.tui.screens.session import SessionScreen
from meeting_tui.tui.widgets.key_footer import KeyFooter


def _keys(screen: SessionScreen) -> list[FooterKey]:
    return list(screen.query_one(Footer).query(FooterKey))


async def test_a_dialog_that_changes_no_key_leaves_the_footer_as_it_was(make) -> None:
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        session = app.screen
        assert isinstance(session, SessionScreen)
        assert isinstance(session.query_one(Footer), KeyFooter)
        before = _keys(session)
        assert {k.key for k in before} >= {"v", "d", "n"}
        await pilot.press("v")
        await pilot.pause()
        assert session.query_one(VoteEntry).is_open
        await pilot.press("tab", "tab")  # the focus moves within the form: the footer stays
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is session and not session.query_one(VoteEntry).is_open
        assert _keys(session) == before  # the very same widgets: not rebuilt
        assert all(k.is_attached for k in before)


async def test_the_footer_follows_the_keys_when_the_meeting_closes(make) -> None:
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        session = app.screen
        assert isinstance(session, SessionScreen)
        assert "v" in {k.key for k in _keys(session)}
        app.live.execute(c.close_meeting(app.live.state))
        session.refresh_bindings()
        await pilot.pause()
        shown = {k.key: k.description for k in _keys(session)}
        assert "v" not in shown and shown.get("x") == "重新开启", shown
