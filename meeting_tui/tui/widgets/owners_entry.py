"""The room-number input that also takes the answer key, so fast typing is never misrouted.

A canvasser types "3-2-501", Enter, "1" faster than the screen redraws, and
a terminal delivers the keys in one burst. If Enter moved the focus and a
screen binding took the digit, the digit could land in the input before the
focus moved. Here the input keeps the focus and handles all three itself,
in the order its own queue receives them: Enter looks the room up at once
(`lookup`), and the next key, if it is an answer key, is posted as
`Answered` instead of being typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import Input


class RoomEntry(Input):
    @dataclass
    class Answered(Message):
        """An answer key pressed for the room just entered."""

        room: str
        key: str

    @dataclass
    class WithdrawAsked(Message):
        room: str

    @dataclass
    class Cancelled(Message):
        """The room entered was left without an answer (esc, or typing a new room)."""

    def __init__(self, lookup: Callable[[str], bool], **kwargs: object) -> None:
        super().__init__(compact=True, **kwargs)  # type: ignore[arg-type]
        self.lookup = lookup
        self.armed: str | None = None  # the room waiting for its answer key

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.armed = self.value if self.lookup(self.value) else None
            return
        if self.armed is not None:
            room = self.armed
            if event.character is not None and event.character.isdigit():
                self._take(event)
                self.post_message(self.Answered(room, event.character))
                return
            if event.key == "w":
                self._take(event)
                self.post_message(self.WithdrawAsked(room))
                return
            if event.key == "escape":
                self._take(event)
                self.post_message(self.Cancelled())
                return
            if event.is_printable:  # a new room number begins
                self.armed = None
                self.value = ""
                self.post_message(self.Cancelled())
        await super()._on_key(event)

    def _take(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.armed = None
        self.value = ""
