"""A count in big digits that grows with the screen: Textual's `Digits` at 80×24, blocks on a projector.

Textual's `Digits` draws a fixed 3×3 font; on a projector or a full-screen
laptop the room sits metres away, so from a certain size the count is drawn in
a 5-row block font, `scale` times (a whole number, so every stroke stays even).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.geometry import Size
from textual.widgets import Digits

# 5 rows × 3 cells per digit; each cell is drawn 2 columns wide so strokes look square.
FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", "###", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
}
ROWS = 5


def block_rows(value: str, scale: int) -> list[str]:
    """`value`'s digits in the block font, each cell `2·scale` columns by `scale` rows."""
    glyphs = [FONT.get(ch, ("   ",) * ROWS) for ch in value]
    gap = " " * (2 * scale)
    rows: list[str] = []
    for r in range(ROWS):
        line = gap.join(
            "".join(("█" if cell == "#" else " ") * (2 * scale) for cell in glyph[r])
            for glyph in glyphs
        )
        rows += [line] * scale
    return rows


def scale_for(size: Size) -> int:
    """0 (Textual's own 3-row `Digits`) up to a laptop; 1 or 2 block-font scales beyond."""
    if size.width < 120 or size.height < 36:
        return 0
    return 2 if size.height >= 44 else 1


class TallyDigits(Digits):
    """`Digits`, or at `scale` ≥ 1 the block font, in the widget's own colour."""

    def __init__(self, value: str = "", **kwargs: str | None) -> None:
        super().__init__(value, **kwargs)  # type: ignore[arg-type]
        self.scale = 0

    def set_scale(self, scale: int) -> None:
        if scale != self.scale:
            self.scale = scale
            self.refresh(layout=True)

    def render(self) -> RenderResult:
        if self.scale <= 0:
            return super().render()
        return Text("\n".join(block_rows(self.value, self.scale)), style=self.rich_style)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        if self.scale <= 0:
            return super().get_content_width(container, viewport)
        return len(block_rows(self.value or "0", self.scale)[0])

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self.scale <= 0:
            return super().get_content_height(container, viewport, width)
        return ROWS * self.scale
