"""One frame for a change that Textual finishes in other widgets' message queues.

Why (Textual 8.2.8): closing the vote or deferral form hides it (`display`
off: a layout pass of the screen, painted as soon as the screen is idle) and
gives the focus back to the motion table. The focus change is finished by
the widgets themselves, each in its own queue: `Blur` and `Focus` restyle
the field and the table (`has_focus`, then `update_node_styles`) and ask for
their repaint only when their queue next goes idle, by which time the screen
has painted the layout pass. They, and the panes the command changed, were
painted in a second frame no sooner than the next tick of the 60 Hz update
timer: the Enter that confirms a vote was answered in two frames, the second
16–30 ms after the first, and the table under the form drawn twice, once in
each look (unfocused, then focused).

`FrameHold` holds the app's frames (Textual's public `App.batch_update`)
until the widgets named have handled what is queued for them now (a callback
queued behind their `Focus` and `Blur`), then hands the screen every pending
repaint at once (`key_order.paint_in_one_frame`, scrollbars included) and lets it paint: one frame
with the form gone, the focus moved and the panes as the store has them. A
timer lets go after `MAX_HOLD_S` whatever happens (a widget removed before
its queue got that far), so a hold can never freeze the screen.
tests/tui/test_tui_key_frames.py counts the frames of that Enter.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from textual.message_pump import MessagePump
from textual.screen import Screen

from meeting_tui.tui.key_order import paint_in_one_frame

MAX_HOLD_S = 0.25  # a hold that lasts this long is let go: the frame is late, never lost


class FrameHold:
    """Frames held from now until the pumps passed to `until_handled` have handled their queue."""

    def __init__(self, screen: Screen[Any]) -> None:
        self.screen = screen
        self._batch: AbstractContextManager[None] | None = screen.app.batch_update()
        self._batch.__enter__()
        self._waiting = 0
        self._armed = False
        self._before: list[Callable[[], object]] = []
        self._timer = screen.set_timer(MAX_HOLD_S, self.release)

    def until_handled(self, *pumps: MessagePump | None) -> None:
        """Keep holding until each of `pumps` has handled the messages queued for it so far."""
        for pump in pumps:
            if pump is not None and pump.call_later(self._one_handled):
                self._waiting += 1

    def before_release(self, then: Callable[[], object]) -> None:
        """Run `then` as the hold lets go, before the frame is made (so it is painted in it)."""
        self._before.append(then)

    def arm(self) -> None:
        """Every pump to wait for is named: let go once they have all handled theirs (or now)."""
        self._armed = True
        if self._waiting <= 0:
            self.release()

    def _one_handled(self) -> None:
        self._waiting -= 1
        if self._armed and self._waiting <= 0:
            self.release()

    def release(self) -> None:
        """Let the screen paint, everything pending in one frame (once; later calls do nothing)."""
        batch, self._batch = self._batch, None
        if batch is None:
            return
        self._timer.stop()
        try:
            for then in self._before:
                then()
        finally:
            batch.__exit__(None, None, None)
        if self.screen.is_attached:
            paint_in_one_frame(self.screen)
            self.screen.check_idle()
