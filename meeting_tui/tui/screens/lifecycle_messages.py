"""What a screen tells the app about which meeting is open: messages up, never a call into the app.

The app owns which meeting is open (it holds the lock) and the screen stack;
a screen says what the facilitator chose and the app acts on it, so no
screen needs to find the app and reach into it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class MeetingChosen(Message):
    """Open this meeting (the one open before is left first): from the archive list."""

    meeting_id: str


class MeetingLeft(Message):
    """Leave the open meeting (it is all saved) for the archive list."""


class MeetingStarted(Message):
    """The meeting in setup has started: show it on the screen for a meeting in session."""
