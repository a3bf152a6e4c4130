"""A long document drawn once to lines at the widget's width, the first screen first.

The minutes of a 200-motion meeting are about 3,300 lines of Rich Markdown.
In a `Static` inside a `VerticalScroll`, Textual renders the whole document
to measure its height (`Visual.get_height`), again to draw it
(`render_strips`), and again when the scrollbar appears and the width
shifts: three full Markdown renders, more than a second before the first
frame. Here the document comes as parts (the Markdown cut before each
heading, which renders line for line as the whole), each rendered once at the
content width into strips and kept; each frame copies only the rows in view
(Textual's line API, as its `RichLog` does). The parts that fill the first
two screens are rendered at once; the rest after that frame, on the event
loop in slices of at most `SLICE_S`, each started by a timer: between slices
nothing is queued, so keys are answered meanwhile and the type-ahead ordering
(tui/key_order.py), which waits for every queue to be empty, is not held up
(a rendering thread was tried: holding the GIL, it slowed the first frame and
every key more than the slices do). A part is not rendered in one go: its
lines come from Rich's own renderer one at a time (`Themed.lines`), at most
`BLOCK_ROWS` a step, so a long part (the 会议过程 timeline, a table of ~700
rows) is drawn in blocks across slices yet line for line as the whole, its
columns sized once by Rich over all its rows. The slices also stand aside for
`PAUSE_S` after the first frame and after each key: Textual writes a frame from
its writer thread, and a busy event loop holds the GIL for Python's 5 ms
switch interval at every write, which spread a PageDown's frame over 60–100 ms
while the slices ran (20–30 ms once they had stopped). While the slices run, Python's cyclic garbage
collector is paused, as Textual pauses it for a smooth scroll
(`App.PAUSE_GC_ON_SCROLL`): the parts' Rich objects, alive across slices, set
off full collections of the app's whole heap, 30–60 ms each, four in one open
of the 200-motion minutes, each one a frozen key. The scroll height is set when a
key needs more rows than it allows, and once every part is in. A width change renders again; the scrollbar's gutter is always
kept, so the scrollbar appearing never changes the width.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Iterator, Sequence

from rich.console import RenderableType
from rich.segment import Segment
from textual.events import Key, Resize
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from meeting_tui.tui.themes import Themed

Part = Callable[[], RenderableType]
SLICE_S = 0.004  # a slice of the rest renders for this long (one step at least)
BLOCK_ROWS = 8  # a step renders at most this many lines of a part
PAUSE_S = 0.08  # no slice for this long after the first frame or a key: its frame goes out first


class RenderedLines(ScrollView, can_focus=True):
    """Shows one document; `show()` replaces it. Scroll keys as any scrolling container."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.parts: Sequence[Part] = ()
        self.lines: list[Strip] = []
        self.complete = False  # every part is rendered at the present width
        self._width = 0  # the width `lines` are rendered at; 0: not yet
        self._next = 0  # the next part to render
        self._rows: Iterator[list[Segment]] | None = None  # the lines of part `_next` yet to come
        self._generation = 0  # a newer document or width stops the older one's slices
        self._paused_until = 0.0  # `time.perf_counter()` before which no slice runs
        self._paused_gc = False  # the collector was on and is off while the slices run

    def show(self, parts: Sequence[Part]) -> None:
        """Show the document made of `parts`, each rendered below the one before, a blank between.

        Each part is a function making its renderable, so a part costs
        nothing until it is drawn (a Rich `Markdown` parses its text when made).
        """
        self.parts = parts
        self._width = 0
        self._render_first()

    def on_resize(self, _event: Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._render_first()

    def _render_first(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return  # the first resize renders
        self._generation += 1
        self._width, self._next, self.lines, self.complete = width, 0, [], False
        self._rows = None
        screens = 2 * max(self.size.height, 1)
        self._render_parts(lambda: len(self.lines) >= screens)
        self._set_height()
        if self._next < len(self.parts):
            self._hold_slices()
            if gc.isenabled():
                gc.disable()
                self._paused_gc = True
            generation = self._generation
            self.set_timer(PAUSE_S, lambda: self._render_more(generation))
        else:
            self._finish()

    def on_unmount(self) -> None:
        self._finish()

    def _finish(self) -> None:
        """Every part is in (or the widget is gone): the collector runs again."""
        self.complete = True
        if self._paused_gc:
            self._paused_gc = False
            gc.enable()

    def on_key(self, _event: Key) -> None:
        self._hold_slices()

    def _hold_slices(self) -> None:
        self._paused_until = time.perf_counter() + PAUSE_S

    def _render_more(self, generation: int) -> None:
        if generation != self._generation:
            return  # the document or the width changed since
        wait = self._paused_until - time.perf_counter()
        if wait > 0:  # a key came: its frame first
            self.set_timer(wait, lambda: self._render_more(generation))
            return
        began = time.perf_counter()
        if self._next < len(self.parts):
            self._step()  # one step at least
        self._render_parts(lambda: time.perf_counter() - began >= SLICE_S)
        if self._next < len(self.parts):
            self.set_timer(0.001, lambda: self._render_more(generation))
        else:
            self._finish()
            self._set_height()

    def _render_parts(self, enough: Callable[[], bool]) -> None:
        """Render the next lines into `lines`, a step at a time, until `enough()` or none is left."""
        while self._next < len(self.parts) and not enough():
            self._step()

    def _step(self) -> None:
        """Start the next part (a blank above it), or at most `BLOCK_ROWS` lines of the one under way."""
        width = self._width
        if self._rows is None:
            if self._next:
                self.lines.append(Strip.blank(width))
            self._rows = self._lines_of(self.parts[self._next]())
            return  # making it (Rich parses its Markdown) is a step of its own
        for _ in range(BLOCK_ROWS):
            row = next(self._rows, None)
            if row is None:
                self._rows = None
                self._next += 1
                return
            self.lines.append(Strip(Segment.simplify(row)).adjust_cell_length(width))

    def _lines_of(self, renderable: RenderableType) -> Iterator[list[Segment]]:
        console = self.app.console
        options = console.options.update(width=self._width, height=None)
        if isinstance(renderable, Themed):
            return renderable.lines(console, options)
        rendered = console.render(renderable, options)
        lines = Segment.split_and_crop_lines(
            rendered, self._width, include_new_lines=False, pad=False
        )
        return iter(lines)

    # A key that goes past what is rendered renders what it needs first, so End is the end.
    # The scroll height grows only when the key needs more rows than it allows: each change
    # redraws the scrollbar in a frame of its own, which would double a PageDown's frame.

    def action_scroll_end(self) -> None:
        self._render_now(sys.maxsize)
        super().action_scroll_end()

    def action_page_down(self) -> None:
        self._render_now(round(self.scroll_offset.y) + 2 * self.size.height)
        super().action_page_down()

    def action_scroll_down(self) -> None:
        self._render_now(round(self.scroll_offset.y) + self.size.height + 1)
        super().action_scroll_down()

    def _render_now(self, wanted: int) -> None:
        """Render until `wanted` lines are in (or all are), and let the scroll reach them."""
        self._hold_slices()
        if self.complete or self._width <= 0:
            return
        self._render_parts(lambda: len(self.lines) >= wanted)
        if self._next >= len(self.parts):
            self._finish()
        if self.complete or self.virtual_size.height < min(wanted, len(self.lines)):
            self._set_height()

    def _set_height(self) -> None:
        self.virtual_size = Size(self._width, len(self.lines))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width, style = self.scrollable_content_region.width, self.rich_style
        if index >= len(self.lines):
            return Strip.blank(width, style)
        return self.lines[index].crop_extend(0, width, style).apply_style(style)
