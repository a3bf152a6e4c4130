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
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets._data_table import _find_newline
from textual.widgets.data_table import ColumnKey, RowKey


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
