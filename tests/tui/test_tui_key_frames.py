"""A key in the session screen is answered in one frame that repaints only what changed.

Measured in a pty (tests/bench/bench_tui.py), "frame complete" runs to the last
byte before 40 ms of silence: a key answered in two frames is counted to the end
of the second, which Textual paints no sooner than the next tick of its 60 Hz
update timer. An arrow key in the motion table used to send the whole screen
(the screen's `selected` reactive repainted every widget on it), then the vote
panel again a frame later (it followed the table by message); a vote digit sent
the field, then the preview line under it a frame later (`Input.Changed`).

The frames are read where Textual hands them to the terminal (`App._display`):
a `ChopsUpdate` names the lines it repaints; a `LayoutUpdate` is the whole screen.
"""

from __future__ import annotations

from typing import Any

from screen_reading import settle
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.app import App
from textual.screen import Screen

from meeting_tui.tui.widgets.header_bar import HeaderBar
from meeting_tui.tui.widgets.motion_table import MotionTable
from meeting_tui.tui.widgets.vote_panel import VotePanel


class Frames:
    """The frames the app paints within `with Frames(app)` (headless: made but not written)."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.painted: list[object] = []

    def __enter__(self) -> Frames:
        display = self.app._display

        def record(screen: Screen[Any], renderable: object) -> None:
            if renderable is not None:
                self.painted.append(renderable)
            display(screen, renderable)

        self.app._display = record  # type: ignore[method-assign]
        return self

    def __exit__(self, *_exc: object) -> None:
        del self.app._display  # the App's own method again

    def lines(self, frame: object) -> set[int]:
        """The screen lines a frame repaints (every line for a whole-screen frame)."""
        if isinstance(frame, LayoutUpdate):
            return set(range(frame.region.y, frame.region.bottom))
        assert isinstance(frame, ChopsUpdate)
        return {y for y, _, _ in frame.spans}


def rows_of(app: App[Any], widget: type[Any]) -> set[int]:
    region = app.screen.query_one(widget).region
    return set(range(region.y, region.bottom))


async def test_an_arrow_key_paints_the_table_and_the_vote_panel_in_one_frame(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # all motions: two rows, the raised one (2) selected
        await settle(pilot)
        header = rows_of(app, HeaderBar)
        for key, number in (("up", "#1"), ("down", "#2"), ("up", "#1")):
            with Frames(app) as frames:
                await pilot.press(key)
                await settle(pilot)
            assert ui.vote_panel(app).startswith(number)
            assert len(frames.painted) == 1, [type(f).__name__ for f in frames.painted]
            painted = frames.lines(frames.painted[0])
            assert not isinstance(frames.painted[0], LayoutUpdate)  # not the whole screen
            assert painted & rows_of(app, MotionTable)
            panel = rows_of(app, VotePanel)
            # The panel's rows that changed, not its border nor the blank rows under its text.
            assert 0 < len(painted & panel) < len(panel) - 2
            assert not painted & header


async def test_a_vote_digit_paints_the_field_and_its_preview_in_one_frame(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await settle(pilot)
        for key, preview in (("1", "赞成 1"), ("2", "赞成 12"), ("backspace", "赞成 1")):
            with Frames(app) as frames:
                await pilot.press(key)
                await settle(pilot)
            assert preview in ui.dialog_message(app)
            assert len(frames.painted) == 1, [type(f).__name__ for f in frames.painted]
            assert not isinstance(frames.painted[0], LayoutUpdate)
