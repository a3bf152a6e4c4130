"""A pane drawn from a Rich text whose rows are repainted only where they changed.

A `Static` repaints its whole region on every `update`: the vote panel on each
arrow key (the body's height, 40 rows at 120×40), the agenda pane on each tick
of the clock (26×37 at 120×40, about 5.5 ms a second, for the one line of the
active item's time). A `ChangedRows` renders its text to rows once per change,
exactly as a `Static` wraps it (the same `visualize` and `Visual.to_strips`),
and repaints only the rows whose cells differ from what it showed. The rows of
the last few texts are kept (`KEPT`): the chair's arrows go back and forth over
the same motions, and the vote panel of a motion shown a moment ago is not
wrapped and rendered again.
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

KEPT = 8  # texts whose rows are kept, the newest first


class ChangedRows(Widget):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()
        self._rows: list[Strip] = []  # `text` rendered at `_rows_for` (the width and the style)
        self._rows_for: tuple[Size, object, object] | None = None
        self._kept: list[tuple[Text, tuple[Size, object, object], list[Strip]]] = []

    def render(self) -> Text:
        return self.text  # what a reader of the panel gets; drawing goes row by row

    def _draw(self, text: Text) -> None:
        """Show `text`, repainting only the rows whose cells changed."""
        if text == self.text and _look(text) == _look(self.text) and self._rows_for is not None:
            return
        self.text = text
        before, self._rows_for = self._rows, None
        width = self.size.width
        if not width or not before:
            self.refresh()
            return
        after = self._rendered_rows()
        changed = [
            y
            for y in range(max(len(before), len(after)))
            if y >= len(before) or y >= len(after) or before[y] != after[y]
        ]
        if changed:
            self.refresh(*(Region(0, y, width, 1) for y in changed))

    def _rendered_rows(self) -> list[Strip]:
        drawn_for = (self.size, self.visual_style, self.text_selection)  # a mouse selection shows
        if self._rows_for != drawn_for:
            self._rows, self._rows_for = self._rows_of(self.text, drawn_for), drawn_for
        return self._rows

    def _rows_of(self, text: Text, drawn_for: tuple[Size, object, object]) -> list[Strip]:
        for kept_text, kept_for, rows in self._kept:
            if kept_for == drawn_for and kept_text == text and _look(kept_text) == _look(text):
                return rows
        visual = visualize(self, text)
        rows = Visual.to_strips(self, visual, self.size.width, None, self.visual_style)
        self._kept = [(text, drawn_for, rows), *self._kept[: KEPT - 1]]
        return rows

    def render_line(self, y: int) -> Strip:
        rows = self._rendered_rows()
        if y < len(rows):
            return rows[y]
        return Strip.blank(self.size.width, self.visual_style.rich_style)


def _look(text: Text) -> tuple[object, ...]:
    """What `Text.__eq__` leaves out (it compares the characters and spans only)."""
    return (text.style, text.justify, text.overflow, text.no_wrap)
