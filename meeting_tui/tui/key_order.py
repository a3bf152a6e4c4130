"""Keys land where the chair typed them: one key at a time, each after the app has settled.

Why this exists (Textual 8.2.8): the App routes a key from the terminal to
the widget focused *at the moment the App reads it*, then reads the next key
at once. But what a key does happens later, in other message queues: a
non-priority binding (`v`, `n`, `d`, `a` on the session screen) runs only when
the key has bubbled from the focused widget back up to the App; the screen it
pushes mounts its fields and focuses the first one some messages later; Enter
in a form posts `Input.Submitted`, and the form reads its fields and dismisses
itself later still. Keys arriving in one read (a fast typist, a paste, SSH)
are therefore routed to a focus that is about to change: `v1<Tab>2<Tab>3<Enter>`
recorded 0/0/0, a Tab typed as a form opened was lost, an `n` typed while a
form closed went into its text field before the form read it.

`KeyOrder` makes the App hold every key (and paste) that arrives while an
earlier one is still being worked on, and hand it on only once the app is
quiet: every message pump of every screen on the stack has an empty queue,
no callback is waiting for a refresh, every widget has finished mounting, and
the App itself has nothing queued. The held key then goes to whatever has
the focus by then, exactly as if the chair had typed slowly.

Quiet is found in rounds, as Textual's Pilot waits for a screen: a callback
is queued behind the pending messages of every pump that has work (and of
the focused widget and its ancestors, where a key is being handled); when
all have run, the checks above are made again; another round if anything is
still moving.
A key that finds the app at rest (nothing queued, no message half handled:
every message's handling is counted) is handed on at once, and with no key
held behind it no round follows it.
A safety valve hands a key on after `MAX_WAIT` seconds of unrest, so a widget
that never stops posting cannot freeze the keyboard.

This reads a few private attributes of Textual's message pumps; Textual is
pinned in pyproject.toml, and tests/tui/test_tui_type_ahead.py and the pty tests
fail if a new version changes them.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from textual import events
from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widget import Widget

MAX_WAIT = 5.0

Dispatch = Callable[[events.Event], Awaitable[None]]


def _pumps(app: App[Any]) -> Iterator[MessagePump]:
    for screen in app.screen_stack:
        yield from screen.walk_children(with_self=True)


def _moving(pump: MessagePump) -> bool:
    """Anything queued, a callback due, or not yet mounted."""
    return (
        not pump._message_queue.empty()
        or pump._pending_message is not None  # peeked at, not yet handled
        or bool(pump._next_callbacks)
        or not pump._mounted_event.is_set()
        or bool(getattr(pump, "_callbacks", None))  # a Screen's call_after_refresh list
    )


def _app_quiet(app: App[Any]) -> bool:
    """The App itself has no work pending (its widgets are checked with `_moving`)."""
    return app._message_queue.empty() and app._pending_message is None and not app._next_callbacks


_HANDLING = [0]  # messages being handled now, by every message pump of the process


def _count_handling() -> None:
    """Count every message from the start to the end of its handling (once per process).

    Wraps Textual's private `MessagePump._dispatch_message`, through which every
    message and event a pump takes from its queue is handled, awaits included.
    """
    own = MessagePump._dispatch_message
    if getattr(own, "counted", False):
        return

    async def counted(self: MessagePump, message: Message) -> None:
        _HANDLING[0] += 1
        try:
            await own(self, message)
        finally:
            _HANDLING[0] -= 1

    counted.counted = True  # type: ignore[attr-defined]
    MessagePump._dispatch_message = counted  # type: ignore[method-assign]


class KeyOrder:
    """The App's key queue: `offer` each terminal key; it is dispatched now or held for later."""

    def __init__(self, app: App[Any], dispatch: Dispatch) -> None:
        self.app = app
        self.dispatch = dispatch
        _count_handling()
        self.held: deque[events.Event] = deque()
        self.busy = False
        self.unsettled_since = 0.0

    async def offer(self, event: events.Event) -> None:
        """Hold `event` behind the keys before it; it is dispatched once the app is quiet."""
        self.held.append(event)
        if self.busy:
            return
        self.busy = True
        if self._at_rest():  # nothing started and not finished: no round to wait for
            await self._send(self.held.popleft())
        else:
            self._start_waiting()

    def _at_rest(self) -> bool:
        """No message is half handled, and no pump has one queued or other work pending.

        A key typed alone used to wait one round, for a handler started before it
        (the app starting up, a timer's work) may be half done with an empty queue.
        Textual's queues do not show that, so every message's handling is counted
        (`_count_handling`): at rest only the App's handling of this key is under way,
        and the key is handed on at once, as a bare App does (about 1 ms a key;
        tests/tui/test_tui_type_ahead.py). Not counted: what runs outside a message,
        a timer's callback (in the timer's own task) and a callback run at idle; every
        one of those in the app is synchronous, so none is half done when a key comes.
        An async one that moves the focus would need counting the same way.
        """
        return (
            _HANDLING[0] == 1
            and _app_quiet(self.app)
            and not any(_moving(pump) for pump in _pumps(self.app))
        )

    async def _send(self, event: events.Event) -> None:
        """Hand `event` on; wait in rounds only if a key is held behind it.

        With none held there is nothing to wait for: the next key, when it comes,
        is handed on at once if the app is at rest by then, and waits in rounds
        otherwise (`offer`). Rounds begun after every key ran beside its frame,
        a walk of every widget and a callback in each pump of the focus's chain
        (the screen's among them) before the screen could paint.
        """
        await self.dispatch(event)
        if self.held:
            self._start_waiting()
        else:
            self.busy = False

    def _start_waiting(self) -> None:
        self.unsettled_since = time.monotonic()
        self._round(self._moving_pumps())

    def _moving_pumps(self) -> list[MessagePump]:
        return [pump for pump in _pumps(self.app) if _moving(pump)]

    def _round(self, moving: list[MessagePump]) -> None:
        """Queue a callback behind every pump's messages; `_after_round` runs when all have."""
        remaining = 0

        def one_done() -> None:
            nonlocal remaining
            remaining -= 1
            if remaining == 0:
                self.app.call_later(self._after_round)

        for pump in self._watched(moving):
            if pump.call_later(one_done):
                remaining += 1
        if remaining == 0:
            self.app.call_later(self._after_round)

    def _watched(self, moving: list[MessagePump]) -> list[MessagePump]:
        """Pumps a round waits on: those with work queued or mounting (`moving`), and the focus
        and its ancestors (where a key is handled, possibly across an await that empties the
        queue)."""
        focused = self.app.focused
        chain = list(focused.ancestors_with_self) if focused is not None else []
        watched: dict[int, MessagePump] = {id(p): p for p in chain if p is not self.app}
        for pump in moving:
            watched.setdefault(id(pump), pump)
        return list(watched.values())

    async def _after_round(self) -> None:
        if not self.app.is_running:
            self.held.clear()
            return
        overdue = time.monotonic() - self.unsettled_since > MAX_WAIT
        moving = self._moving_pumps()  # one walk of the widget tree a round
        settled = _app_quiet(self.app) and not moving
        if not settled and not overdue:
            self._round(moving)
            return
        if self.held:
            await self._send(self.held.popleft())
        else:
            self.busy = False


def paint_in_one_frame(screen: Screen[Any]) -> None:
    """Hand the screen every repaint its widgets have pending, now, so one frame shows them all.

    Why (Textual 8.2.8): a widget that changed tells its screen only when its own
    message pump next goes idle, and the screen paints as soon as it is idle
    itself. When one key changes widgets of different pumps (the motion table and
    the vote panel beside it, a field and the preview under it), the screen often
    paints the first before the second has said anything, and the second waits for
    the next tick of the 60 Hz update timer: the key is answered in two frames,
    16 ms or more apart. Called where a key's change is complete, this posts each
    widget's pending update to the screen at once (`Widget._check_refresh`, what
    the widget's idle would do a little later), in one batch the screen paints
    together. tests/tui/test_tui_key_frames.py fails if Textual changes this.
    """
    for widget in screen.walk_children(Widget):
        widget._check_refresh()
        # A restyle repaints a widget's scrollbars too (Textual's `ScrollbarColorProperty`),
        # and they are not among the children walked.
        if widget.show_vertical_scrollbar:
            widget.vertical_scrollbar._check_refresh()
        if widget.show_horizontal_scrollbar:
            widget.horizontal_scrollbar._check_refresh()
