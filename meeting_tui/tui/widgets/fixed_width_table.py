"""A DataTable whose columns all have a set width: new rows are not measured cell by cell.

After rows are added, Textual's `DataTable` measures every cell of every new
row when the app is next idle (`_update_dimensions`), to widen columns that
size to their content. The start screen and the motion table give every
column its width, so that measuring changes nothing, and for an archive of
5,000 meetings it held the event loop for about a second after the first
frame (a key typed then waited for it: tui/key_order.py). Here it is skipped
while every column has a set width and every new row is one line without a
label; otherwise Textual measures as before. The table's size is computed
the same way in both cases.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.widgets import DataTable
from textual.widgets.data_table import RowKey


class FixedWidthTable(DataTable[Any]):
    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        rows = list(new_rows)
        fixed = not any(column.auto_width for column in self.columns.values())
        if fixed and all(self._one_plain_line(key) for key in rows):
            rows = []  # nothing to measure: each column keeps its width, each row one line
        super()._update_dimensions(rows)

    def _one_plain_line(self, key: RowKey) -> bool:
        row = self.rows.get(key)
        return row is None or (row.label is None and not row.auto_height and row.height == 1)
