"""A DataTable whose cells and headings are text as written, never Rich markup.

Textual's DataTable reads a `str` cell or heading as Rich markup each time it
draws it: a closing tag with no opening one (`[/]`, a kind or a count in a
hand-edited index.json, an owners' decision's title) raised MarkupError and
stopped the app, `[red]` coloured the cell, `:smile:` became an emoji, and every
row drawn paid a markup parse (and the first, Rich's table of emoji names).
Every table of the screens is one of these (tests/tui/test_tui_hostile_text.py):
a `str` becomes a `Text` of one line, as Textual's own formatter makes for a
one-line row, without the parse; a `Text` or any other value is kept as it is.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey


def as_text(value: Any) -> Any:
    """`value` as the table shows it: a str as plain text, anything else unchanged."""
    return Text(value, no_wrap=True, end="") if isinstance(value, str) else value


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
        return super().add_column(label, width=width, key=key, default=as_text(default))

    def add_row(
        self, *cells: Any, height: int | None = 1, key: str | None = None, label: Any = None
    ) -> RowKey:
        label = Text(label) if isinstance(label, str) else label
        return super().add_row(*map(as_text, cells), height=height, key=key, label=label)

    def update_cell(
        self,
        row_key: RowKey | str,
        column_key: ColumnKey | str,
        value: Any,
        *,
        update_width: bool = False,
    ) -> None:
        super().update_cell(row_key, column_key, as_text(value), update_width=update_width)
