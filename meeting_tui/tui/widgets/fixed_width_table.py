"""A DataTable whose columns all have a set width: new rows are not measured cell by cell,
and a changed cell draws its own row again, not every row.

After rows are added, Textual's `DataTable` measures every cell of every new
row when the app is next idle (`_update_dimensions`), to widen columns that
size to their content. The start screen and the motion table give every
column its width, so that measuring changes nothing, and for an archive of
5,000 meetings it held the event loop for about a second after the first
frame (a key typed then waited for it: tui/key_order.py). Here it is skipped
while every column has a set width and every new row is one line without a
label; otherwise Textual measures as before. The table's size is computed
the same way in both cases.

Textual's `update_cell` counts an update (`_update_count`), and that count is
part of the key of every row, cell and line it has drawn: after a vote the
whole visible table was drawn again, row by row, twice per command. Here a
changed cell (`update_cells`, or `update_cell`) drops only its own row's
entries from those caches and marks only that row's lines for a redraw; the
other rows are drawn from what was drawn before. Textual 8.2.8's cache keys
are read for this (pinned in pyproject.toml; tests/tui/test_tui_fixed_width_table.py
counts the rows drawn again and fails if they change).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from textual.cache import LRUCache
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, ColumnKey, RowKey


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

    def update_cell(
        self,
        row_key: RowKey | str,
        column_key: ColumnKey | str,
        value: Any,
        *,
        update_width: bool = False,
    ) -> None:
        if update_width:  # a column may change width: every row is drawn again, as Textual does
            super().update_cell(row_key, column_key, value, update_width=True)
            return
        column = ColumnKey(column_key) if isinstance(column_key, str) else column_key
        self.update_cells(row_key, {column: value})

    def update_cells(
        self, row_key: RowKey | str, values: Mapping[str, Any] | Mapping[ColumnKey, Any]
    ) -> None:
        """Put `values` (by column) into one row; only that row is drawn again."""
        row = RowKey(row_key) if isinstance(row_key, str) else row_key
        cells = {ColumnKey(k) if isinstance(k, str) else k: v for k, v in values.items()}
        if row not in self._row_locations or any(
            column not in self._column_locations for column in cells
        ):
            raise CellDoesNotExist(f"No cells exist for row_key={row!r}, columns={list(cells)!r}.")
        self._data[row].update(cells)
        self._forget_row(row)
        index = self._row_locations.get(row)
        if index is not None:
            self.refresh_row(index)

    def _forget_row(self, row: RowKey) -> None:
        """Drop what was drawn for `row` (its renderables, cells, lines); keep every other row's."""
        index = self._row_locations.get(row)
        _drop(self._row_renderable_cache, lambda key: key[1] == index)
        _drop(self._cell_render_cache, lambda key: key[0] == row)
        _drop(self._row_render_cache, lambda key: key[0] == row)
        _drop(self._line_cache, lambda key: self._line_of(key[0]) == row)  # key[0]: the line's y

    def _line_of(self, y: int) -> RowKey | None:
        try:
            return self._get_offsets(y)[0]
        except (LookupError, IndexError):
            return None


def _drop(cache: LRUCache[Any, Any], stale: Callable[[Any], bool]) -> None:
    """Discard the entries of `cache` whose key is `stale` (an LRUCache lists keys, no iterator)."""
    for key in [key for key in cache.keys() if stale(key)]:  # noqa: SIM118
        cache.discard(key)
