"""A widget of text lines that redraws only the lines that changed.

Textual renders a widget's whole content again whenever any of it changes.
On the owners' screen an answer changes two or three lines of the tally,
one building's line and one row of the roster window, and rendering all
the others again was most of the answer key's time. `LinePanel` keeps the
text as lines, refreshes only the regions of the lines that differ, and
renders each line on its own (`render_line`), exactly as the whole text
renders it: its lines never wrap.
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget


class LinePanel(Widget):
    def __init__(self, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.text = Text()
        self.lines: list[Text] = [Text()]
        self._strips: dict[int, tuple[tuple[object, ...], Strip]] = {}

    def show_text(self, text: Text) -> bool:
        """Show `text`, redrawing the lines that differ; False when nothing changed."""
        if text == self.text:
            return False
        before, self.text = self.lines, text
        self.lines = list(text.split("\n", allow_blank=True)) or [Text()]
        width = self.size.width
        changed = [
            y
            for y in range(max(len(before), len(self.lines)))
            if y >= len(before) or y >= len(self.lines) or before[y] != self.lines[y]
        ]
        if width:
            self.refresh(*(Region(0, y, width, 1) for y in changed))
        else:
            self.refresh()
        return True

    def render(self) -> Text:
        return self.text  # what content sizing measures; drawing goes line by line

    def render_line(self, y: int) -> Strip:
        width, style = self.size.width, self.visual_style
        if y >= len(self.lines):
            return Strip.blank(width, style.rich_style)
        key = (width, style, self.lines[y])
        cached = self._strips.get(y)
        if cached is not None and cached[0] == key:
            return cached[1]
        strip = Visual.to_strips(self, visualize(self, self.lines[y]), width, 1, style)[0]
        self._strips[y] = (key, strip)
        return strip
