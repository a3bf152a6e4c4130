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
every key more than the slices do). The scroll height is set once every
part is in. A width change renders again; the scrollbar's gutter is always
kept, so the scrollbar appearing never changes the width.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from rich.console import RenderableType
from rich.segment import Segment
from textual.events import Resize
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

Part = Callable[[], RenderableType]
SLICE_S = 0.02  # a slice of the rest renders parts for this long (one part at least)


class RenderedLines(ScrollView, can_focus=True):
    """Shows one document; `show()` replaces it. Scroll keys as any scrolling container."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.parts: Sequence[Part] = ()
        self.lines: list[Strip] = []
        self.complete = False  # every part is rendered at the present width
        self._width = 0  # the width `lines` are rendered at; 0: not yet
        self._next = 0  # the next part to render
        self._generation = 0  # a newer document or width stops the older one's slices

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
        screens = 2 * max(self.size.height, 1)
        self._render_parts(lambda: len(self.lines) >= screens)
        self._set_height()
        if self._next < len(self.parts):
            self.call_after_refresh(self._render_more, self._generation)
        else:
            self.complete = True

    def _render_more(self, generation: int) -> None:
        if generation != self._generation:
            return  # the document or the width changed since
        began, first = time.perf_counter(), self._next
        self._render_parts(lambda: self._next > first and time.perf_counter() - began >= SLICE_S)
        if self._next < len(self.parts):
            self.set_timer(0.001, lambda: self._render_more(generation))
        else:
            self.complete = True
            self._set_height()

    def _render_parts(self, enough: Callable[[], bool]) -> None:
        """Render the next parts into `lines` until `enough()` or none is left."""
        console, width = self.app.console, self._width
        options = console.options.update(width=width, height=None)
        while self._next < len(self.parts) and not enough():
            if self._next:
                self.lines.append(Strip.blank(width))
            renderable = self.parts[self._next]()
            rows = console.render_lines(renderable, options, pad=False, new_lines=False)
            self.lines += [Strip(Segment.simplify(r)).adjust_cell_length(width) for r in rows]
            self._next += 1

    # A key that goes past what is rendered renders what it needs first, so End is the end.

    def action_scroll_end(self) -> None:
        self._render_now(lambda: False)
        super().action_scroll_end()

    def action_page_down(self) -> None:
        wanted = round(self.scroll_offset.y) + 2 * self.size.height
        self._render_now(lambda: len(self.lines) >= wanted)
        super().action_page_down()

    def action_scroll_down(self) -> None:
        wanted = round(self.scroll_offset.y) + self.size.height + 1
        self._render_now(lambda: len(self.lines) >= wanted)
        super().action_scroll_down()

    def _render_now(self, enough: Callable[[], bool]) -> None:
        if self.complete or self._width <= 0:
            return
        self._render_parts(enough)
        if self._next >= len(self.parts):
            self.complete = True
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
