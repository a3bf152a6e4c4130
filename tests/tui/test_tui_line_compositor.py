"""The screens paint what Textual's compositor paints, drawing only the lines shown.

`LineCompositor` (tui/line_compositor.py) asks each widget only for the lines a
frame shows and that no widget in front of it covers. These tests hold it to
Textual's own `Compositor` on the app's screens, region set by region set, and
count what it draws: a digit in the open vote form draws nothing of the panes
under the form, an arrow key draws the table's changed rows, not all of them.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pyte
from rich.console import Console
from screen_reading import settle
from textual._compositor import Compositor
from textual.app import App
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget

from meeting_tui.tui.line_compositor import LineCompositor
from meeting_tui.tui.widgets.agenda_pane import AgendaPane
from meeting_tui.tui.widgets.motion_table import MotionTable
from meeting_tui.tui.widgets.vote_panel import VotePanel


def textuals(screen: Screen[Any]) -> Compositor:
    """Textual's compositor laid out as the screen's is now."""
    stock = Compositor()
    stock.reflow(screen, screen.size)
    stock._dirty_regions.clear()
    return stock


def region_sets(screen: Screen[Any], draws: int) -> Iterator[set[Region]]:
    """Each widget's region, then random boxes and pairs of boxes anywhere on the screen."""
    width, height = screen.size
    for widget in screen.walk_children(Widget):
        if widget.display and widget.region:
            yield {widget.region}
    pick = random.Random(13)

    def box() -> Region:
        x, y = pick.randrange(width), pick.randrange(height)
        return Region(x, y, pick.randint(1, width - x), pick.randint(1, min(4, height - y)))

    for _ in range(draws):
        yield {box()} if pick.random() < 0.5 else {box(), box()}


def shown_after(size: tuple[int, int], *frames: str) -> list[list[object]]:
    """What a blank terminal of `size` shows after these frames: every cell's text and look."""
    terminal = pyte.Screen(*size)
    stream = pyte.Stream(terminal)
    for frame in frames:
        stream.feed(frame)
    return [list(terminal.buffer[y].values()) for y in range(size[1])]


def same_frames(app: App[Any], draws: int = 60) -> None:
    """The screen's compositor and Textual's show the same for every region set.

    Not the same bytes: Textual also moves the cursor to a piece that starts
    where a changed region ends, and writes nothing there.
    """
    screen = app.screen
    ours = screen._compositor
    assert isinstance(ours, LineCompositor)
    stock = textuals(screen)
    assert ours.cuts == stock.cuts
    console: Console = app.console
    whole = ours.render_strips()
    assert [list(s) for s in whole] == [list(s) for s in stock.render_strips()]
    size = (screen.size.width, screen.size.height)
    for n, regions in enumerate(region_sets(screen, draws)):
        first, second = (ours, stock) if n % 2 else (stock, ours)
        first._dirty_regions = set(regions)
        second._dirty_regions = set(regions)
        a, b = first.render_partial_update(), second.render_partial_update()
        assert a is not None and b is not None
        assert shown_after(size, a.render_segments(console)) == shown_after(
            size, b.render_segments(console)
        ), regions


@contextmanager
def lines_drawn(*widgets: Widget) -> Iterator[dict[str, int]]:
    """How many lines each widget is asked for within the block, by class name."""
    drawn: dict[str, int] = {type(w).__name__: 0 for w in widgets}
    for widget in widgets:
        own = widget.render_lines

        def counted(crop: Region, own: Any = own, name: str = type(widget).__name__) -> Any:
            drawn[name] += crop.height
            return own(crop)

        widget.render_lines = counted  # type: ignore[method-assign]
    try:
        yield drawn
    finally:
        for widget in widgets:
            del widget.render_lines


async def test_the_session_screen_paints_as_textual_does(make) -> None:
    app = make()
    for size in ((80, 24), (120, 40)):
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            same_frames(app)
            await pilot.press("l", "up")
            await settle(pilot)
            same_frames(app)
            await pilot.press("down", "v", "1", "tab", "2")  # the vote form open over the panes
            await settle(pilot)
            same_frames(app)
            await pilot.press("escape")
            await settle(pilot)
            same_frames(app)
        app = make()


async def test_the_start_screen_paints_as_textual_does(make) -> None:
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        same_frames(app)


async def test_a_digit_in_the_vote_form_draws_nothing_under_the_form(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await settle(pilot)
        screen = app.screen
        under = (screen.query_one(MotionTable), screen.query_one(VotePanel))
        under += (screen.query_one(AgendaPane),)
        with lines_drawn(*under) as drawn:
            for key in ("1", "2", "backspace"):
                await pilot.press(key)
                await settle(pilot)
        assert "赞成 1" in ui.dialog_message(app)
        assert drawn == {"MotionTable": 0, "VotePanel": 0, "AgendaPane": 0}


async def test_an_arrow_key_draws_the_rows_it_changed(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await settle(pilot)
        table = app.screen.query_one(MotionTable)
        with lines_drawn(table) as drawn:
            await pilot.press("up")
            await settle(pilot)
        assert ui.vote_panel(app).startswith("#1")
        assert 0 < drawn["MotionTable"] <= 2  # the row left and the row reached
