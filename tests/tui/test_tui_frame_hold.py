"""Frames held while a form closes (tui/frame_hold.py) are painted after, and never lost.

While the app's frames are held (Textual's `batch_update`), the frame of a
layout pass that a resize of the terminal starts is dropped by Textual: the
whole resized screen must still reach the terminal once the hold ends. And a
hold whose widget never gets to its callback ends by itself.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from test_tui_key_frames import Frames, settle
from textual.app import App
from textual.message import Message
from textual.widgets import Static

from meeting_tui.tui import frame_hold
from meeting_tui.tui.frame_hold import FrameHold

SLOW_MACHINE_S = 30.0  # a hold's time-out far beyond any settle, on a loaded CI machine too


class Written(Frames):
    """The frames Textual writes: while frames are held, `App._display` drops what it is handed."""

    def __init__(self, app: App[Any]) -> None:
        super().__init__(app)
        self.dropped = 0

    def __enter__(self) -> Written:
        super().__enter__()
        record = self.app._display

        def written(screen: Any, renderable: object) -> None:
            if self.app._batch_count:
                self.dropped += renderable is not None
                self.app.__class__._display(self.app, screen, renderable)
                return
            record(screen, renderable)

        self.app._display = written  # type: ignore[method-assign]
        return self


async def test_a_resize_while_frames_are_held_is_painted_whole_after_the_hold(
    make, monkeypatch
) -> None:
    """Only the hold's own release paints: its time-out (tested below) is put out of reach.

    With the real 0.25 s the timer let go during the resize's settle on a loaded
    machine (three 50 ms pauses and the resize), and the frame was painted early.
    """
    monkeypatch.setattr(frame_hold, "MAX_HOLD_S", SLOW_MACHINE_S)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        with Written(app) as frames:
            hold = FrameHold(app.screen)
            await pilot.resize_terminal(80, 30)
            await settle(pilot)
            assert frames.painted == [] and frames.dropped  # the resize's frame, dropped
            hold.arm()
            await settle(pilot)
        painted = set().union(*(frames.lines(frame) for frame in frames.painted))
        assert painted == set(range(30))


class Stuck(Static):
    """A widget busy with a long handler: what is queued behind it waits."""

    @dataclass
    class Work(Message):
        pass

    done = False  # set once the handler is through: the hold's own callback may then run

    async def on_stuck_work(self, _message: Work) -> None:
        await asyncio.sleep(3)
        self.done = True


async def test_a_hold_nobody_lets_go_of_ends_by_itself(make, monkeypatch) -> None:
    """The widget waited for is busy (or gone) and never gets to the callback: a timer lets go.

    The time-out is 1 s here, not 0.25, so that the check that frames are still held
    100 ms in does not race the timer on a loaded machine; the stuck widget takes 3 s,
    and the frame is looked for half a second after the time-out, long before.
    """
    monkeypatch.setattr(frame_hold, "MAX_HOLD_S", 1.0)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        stuck = Stuck("…")
        await app.screen.mount(stuck)
        await settle(pilot)
        stuck.post_message(Stuck.Work())
        await asyncio.sleep(0.01)
        hold = FrameHold(app.screen)
        hold.until_handled(stuck)
        hold.arm()
        with Written(app) as frames:
            app.screen.query_one("#vote").refresh()
            await asyncio.sleep(0.1)
            assert frames.painted == []  # still held
            await asyncio.sleep(frame_hold.MAX_HOLD_S + 0.5)
        assert frames.painted and not stuck.done  # let go by the timer, the widget still busy
