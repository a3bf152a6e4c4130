"""A DataTable whose cells and headings are text as written, never Rich markup.

Textual's DataTable reads a `str` cell or heading as Rich markup when it draws
it: a closing tag with no opening one (`[/]`, a kind or a count in a
hand-edited index.json, an owners' decision's title) raised MarkupError and
stopped the app, `[red]` coloured the cell, `:smile:` became an emoji, and the
first parse loaded Rich's table of emoji names. Every table of the screens is
one of these (tests/tui/test_tui_hostile_text.py): a heading is made a `Text`
when added, and a row's `str` cells become `Text` of one line (as Textual's own
formatter makes for a one-line row, without the parse) when the row is first
drawn, so the 5,000 rows of an archive that are never drawn cost nothing more.
A `Text` or any other value is kept as it is.

A cell of one line of text is drawn here, not through Rich: Textual renders
every cell as `Styled(Padding(cell))` through the console (about 0.1 ms a
cell: the motion table's 77 cells were most of `open`'s first frame). A cell
whose `Text` has no spans, tabs or line breaks, no justification of its own
and a row one line high becomes the same segments Rich makes of it, cut with
the same rules (`one_line`: `Text.wrap`'s trailing-space strip and
`truncate`); anything else goes through Textual as before.
tests/tui/test_tui_text_table_cells.py compares the two on generated text,
wide characters, styles and widths.
"""

from __future__ import annotations

import re
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._types import SegmentLines
from textual.widgets import DataTable
from textual.widgets._data_table import CellCacheKey, _find_newline
from textual.widgets.data_table import ColumnKey, RowKey

_TRAILING_SPACE = re.compile(r"\s+$")  # as rich.text's, which `Text.rstrip_end` uses


class TextTable(DataTable[Any]):
    def add_column(
        self,
        label: Any,
        *,
        width: int | None = None,
        key: str | None = None,
        default: Any = None,
    ) -> ColumnKey:
        label = Text(label) if isinstance(label, str) else label
        return super().add_column(label, width=width, key=key, default=default)

    def add_row(
        self, *cells: Any, height: int | None = 1, key: str | None = None, label: Any = None
    ) -> RowKey:
        label = Text(label) if isinstance(label, str) else label
        return super().add_row(*cells, height=height, key=key, label=label)

    def _compute_row_renderables(self, row_index: int) -> Any:
        """Textual's, after the row's `str` cells are made text, once (Textual 8.2.8, pinned)."""
        row_key = self._row_locations.get_key(row_index) if row_index >= 0 else None
        cells = self._data.get(row_key) if row_key is not None else None
        if cells:
            row = self.rows.get(row_key)  # type: ignore[arg-type]
            height = row.height if row is not None else 1
            for column, value in cells.items():
                if isinstance(value, str):
                    cells[column] = as_text(value, height)
        return super()._compute_row_renderables(row_index)

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        """Textual's (8.2.8, pinned), with a one-line text cell drawn by `one_line`.

        The cache key and the styles are Textual's, made as its method makes them.
        """
        is_header_cell = row_index == -1
        is_row_label_cell = column_index == -1
        row_key = self._header_row_key if is_header_cell else self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        if is_row_label_cell or row_key is None or column_key is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        cell_cache_key: CellCacheKey = (
            row_key,
            column_key,
            base_style,
            cursor,
            hover,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cached = self._cell_render_cache.get(cell_cache_key)
        if cached is not None:
            return cached
        if is_header_cell:
            height = self.header_height
        else:
            row = self.rows[row_key]
            height = 0 if row.auto_height and row.height == 0 else row.height
        cell = self._get_row_renderables(row_index).cells[column_index]
        lines = None
        if height == 1 and isinstance(cell, Text):
            is_fixed_style_cell = not is_header_cell and (
                row_index < self.fixed_rows or column_index < self.fixed_columns
            )
            component_style, post_style = self._get_styles_to_render_cell(
                is_header_cell,
                False,
                is_fixed_style_cell,
                hover,
                cursor,
                self.show_cursor,
                self._show_hover_cursor,
                self.cursor_foreground_priority == "css",
                self.cursor_background_priority == "css",
            )
            pre_style = (
                base_style
                + Style.from_meta({"row": row_index, "column": column_index})
                + component_style
            )
            lines = one_line(cell, width, self.cell_padding, pre_style, post_style)
        if lines is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        self._cell_render_cache[cell_cache_key] = lines
        return lines

    def update_cell(
        self,
        row_key: RowKey | str,
        column_key: ColumnKey | str,
        value: Any,
        *,
        update_width: bool = False,
    ) -> None:
        if update_width and isinstance(value, str):  # Textual measures it at once: as text
            value = as_text(value, 1)
        super().update_cell(row_key, column_key, value, update_width=update_width)


def as_text(value: str, height: int) -> Text:
    """What Textual's `default_cell_formatter` makes of a str in a row `height` lines high,
    without reading it as markup: the lines the row can show, wrapped unless it has one."""
    cut = _find_newline(value, height) if height else -1
    if cut != -1 and cut != len(value) - 1:
        value = value[:cut]
    return Text(value, no_wrap=height == 1, end="")


_NULL = Style.null()


def one_line(
    cell: Text, width: int, padding: int, pre_style: Style, post_style: Style | None
) -> SegmentLines | None:
    """What `console.render_lines(Styled(Padding(cell, (0, padding)), pre_style, post_style))`
    makes of a one-line `cell` in a row one line high (Rich 14, pinned), or None to let Rich
    draw it: a cell with spans, a tab, a line break, a style by name, a justification or an
    overflow of its own other than a cut, or no room inside its padding."""
    plain = cell.plain
    inner = width - 2 * padding
    overflow = cell.overflow or "fold"
    if (
        inner < 1
        or cell._spans
        or cell.justify not in (None, "default")
        or overflow == "ignore"
        or cell.no_wrap is False
        or "\n" in plain
        or "\t" in plain
    ):
        return None
    if len(plain) > inner:  # Text.rstrip_end: spaces past the width go first
        trailing = _TRAILING_SPACE.search(plain)
        if trailing is not None:
            plain = plain[: len(plain) - min(len(trailing.group(0)), len(plain) - inner)]
    length = cell_len(plain)
    if length > inner:  # Text.truncate
        plain = (
            set_cell_size(plain, inner - 1) + "…"
            if overflow == "ellipsis"
            else set_cell_size(plain, inner)
        )
        length = cell_len(plain)
    if cell.style and not isinstance(cell.style, Style):
        return None  # a style by name: the console's theme reads it
    text_style = _NULL + cell.style if cell.style else None  # as `Text.render` combines it

    def styled(style: Style | None) -> Style | None:  # Segment.apply_style, as Styled applies
        if pre_style:
            style = pre_style + style
        if post_style:
            style = style + post_style if style else post_style
        return style

    pad = styled(_NULL)
    line: list[Segment] = []
    if padding:
        line.append(Segment(" " * padding, pad))
    if plain or text_style is None:  # Rich draws an unstyled empty text as an empty segment
        line.append(Segment(plain, styled(text_style)))
    if length < inner:
        line.append(Segment(" " * (inner - length), pad))
    if padding:
        line.append(Segment(" " * padding, pad))
    return [line]
