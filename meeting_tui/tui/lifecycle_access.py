"""The app's archive and open meeting, for the backlog and follow-up screens (and their base) only.

Every other screen receives what it works on and tells the app by message
(screens/lifecycle_messages.py); these three still look the app up until
they read the kept archive summary. The layers contract lists exactly them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode

if TYPE_CHECKING:
    from meeting_tui.tui.app import MeetingApp


def app_of(node: DOMNode) -> MeetingApp:
    from meeting_tui.tui.app import MeetingApp

    app = node.app
    assert isinstance(app, MeetingApp)
    return app
