"""Screens reach the app's archive and open meeting through one typed accessor."""

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
