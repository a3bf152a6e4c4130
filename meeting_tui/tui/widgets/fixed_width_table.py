"""A DataTable whose columns all have a set width: new rows are not measured cell by cell,
and a changed cell draws its own row again, not every row.

After rows are added, Textual's `DataTable` measures every cell of every new
row when the app is next idle (`_update_dimensions`), to widen columns that
size to their content. The start screen, the motion table and the archive
lists give every column its width, so that measuring changes nothing, and for
an archive of 5,000 meetings it held the event loop for about a second after
the first frame (a key typed then waited for it: tui/key_order.py). Here it is skipped
while every column has a set width and every new row is one line without a
label; otherwise Textual measures as before. The table's size is computed
the same way in both cases.

Textual's `update_cell` counts an update (`_update_count`), and that count is
part of the key of every row, cell and line it has drawn: after a vote the
whole visible table was drawn again, row by row, twice per command. Here a
changed cell (`update_cells`, or `update_cell`) drops only its own row's
entries from those caches and marks only that row's lines for a redraw; the
other rows are drawn from what was drawn before. Likewise the cursor's and
the mouse's place are part of every row's key, although with a row cursor
they change the look of their own row only: a row they are not on is looked
up as if they were nowhere, so the table drawn again after a change of focus
(a form opened over it and closed) finds every other row as it was drawn,
wherever the cursor has moved since. And a change of focus restyles the table
(its tint, the cursor's colour), on which Textual empties every cache: here
what was drawn is kept per look (the table's style and every component
style), so the focused table drawn again after a form finds its rows as they
were, and a new theme still draws everything anew. Textual 8.2.8's cache keys
are read for this (pinned in pyproject.toml; tests/tui/test_tui_fixed_width_table.py
counts the rows drawn again and fails if they change).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from rich.style import Style
from textual._types import SegmentLines
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets.data_table import CellDoesNotExist, ColumnKey, RowKey

from meeting_tui.tui.widgets.text_table import TextTable

_NOWHERE = Coordinate(-2, -2)  # on no row, not even the header (-1)
LOOKS_KEPT = 2  # focused and not: a theme's looks before the last are dropped
Drawn = tuple[
    "LRUCache[Any, Any]", "LRUCache[Any, Any]", "LRUCache[Any, Any]"
]  # cells, rows, lines


class FixedWidthTable(TextTable):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._drawn_by_look: dict[tuple[object, ...], Drawn] = {}  # looks not shown now
        self._shown_look: tuple[object, ...] | None = None
        self._restyled = False
        super().__init__(*args, **kwargs)

    def _scroll_update(self, virtual_size: Size) -> None:
        """Textual's `Widget._scroll_update` without repainting scrollbars that did not change.

        Every layout pass of the screen calls it for the table (`ScrollView._size_updated`
        compares the container's size with the table's own, which always differ), and
        Textual repaints both scrollbars each time, after the pass has taken the widgets
        it paints: a layout pass (a form hidden over the table) was followed by a frame
        of the scrollbars alone, 16 ms or more later. A scrollbar whose window changed
        repaints itself (its `window_size` and `window_virtual_size` are repainting
        reactives), one that moved or appeared is painted by the layout pass, and a
        restyle repaints both (`ScrollbarColorProperty`). Textual 8.2.8's method, pinned;
        tests/tui/test_tui_key_frames.py counts the frames of the Enter that hides a form.
        """
        self._refresh_scrollbars()
        width, height = self.container_size
        if self.show_vertical_scrollbar and self.styles.scrollbar_size_vertical:
            self.vertical_scrollbar.window_virtual_size = virtual_size.height
            self.vertical_scrollbar.window_size = height - self.scrollbar_size_horizontal
        if self.show_horizontal_scrollbar and self.styles.scrollbar_size_horizontal:
            self.horizontal_scrollbar.window_virtual_size = virtual_size.width
            self.horizontal_scrollbar.window_size = width - self.scrollbar_size_vertical
        self.scroll_x = self.validate_scroll_x(self.scroll_x)
        self.scroll_y = self.validate_scroll_y(self.scroll_y)

    def _set_hover_cursor(self, active: bool) -> None:
        """Show or hide the mouse's cursor; hiding one not shown repaints nothing.

        Textual's cursor keys hide the hover cursor on every press, and its method
        repaints the hover row each time, shown or not: the first row, where the
        mouse never came, was put on the terminal again at every arrow key (a third
        row beside the two the cursor left and reached). Showing it is left as it is:
        each mouse move calls it, and that is what repaints the whole row the mouse
        is on (Textual's hover watcher repaints only the cells). Textual 8.2.8, pinned;
        tests/tui/test_tui_fixed_width_table.py counts the rows an arrow and the mouse
        repaint.
        """
        if active or self._show_hover_cursor:  # a mouse move still repaints its rows
            super()._set_hover_cursor(active)

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

    def _render_line_in_row(
        self,
        row_key: RowKey,
        line_no: int,
        base_style: Style,
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> tuple[SegmentLines, SegmentLines]:
        if self.cursor_type == "row":  # the cursor and the hover mark their own row only
            index = self._row_locations.get(row_key)
            if cursor_location.row != index:
                cursor_location = _NOWHERE
            if hover_location.row != index:
                hover_location = _NOWHERE
        return super()._render_line_in_row(
            row_key, line_no, base_style, cursor_location, hover_location
        )

    def _forget_row(self, row: RowKey) -> None:
        """Drop what was drawn for `row` (its renderables, cells, lines); keep every other row's."""
        index = self._row_locations.get(row)
        _drop(self._row_renderable_cache, lambda key: key[1] == index)
        value = row.value
        # Not RowKey's `==` (a Python call per key kept); a row added without a key is its object.
        if value is None:
            ours: Callable[[Any], bool] = lambda key: key[0] is row  # noqa: E731
        else:
            ours = lambda key: key[0].value == value  # noqa: E731
        ys = self._lines_of(row, index)
        for cells, rows, lines in [self._drawn_now(), *self._drawn_by_look.values()]:
            _drop(cells, ours)
            _drop(rows, ours)
            _drop(lines, lambda key: key[0] in ys)  # key[0]: the line's y

    def _lines_of(self, row: RowKey, index: int | None) -> set[int]:
        """The table's lines (y, the header's included) that draw `row`.

        Every row one line high (the motion table, the start screen), the row at
        `index` is the line below the header at that place: no line's row is
        looked up (a lookup for each line kept was most of a changed cell's time).
        """
        if index is None:
            return set()
        offsets = self._y_offsets
        top = self.header_height if self.show_header else 0
        if len(offsets) == self.row_count:
            return {top + index}
        return {top + y for y, (key, _) in enumerate(offsets) if key == row}

    def _drawn_now(self) -> Drawn:
        return self._cell_render_cache, self._row_render_cache, self._line_cache

    def _look(self) -> tuple[object, ...]:
        """Everything a drawn row's colours come from: the table's style and its components'."""
        names = sorted(
            set().union(*(vars(c).get("COMPONENT_CLASSES", ()) for c in type(self).__mro__))
        )
        return (self.rich_style, *(self.get_component_rich_style(n, partial=True) for n in names))

    def notify_style_update(self) -> None:
        """Restyled (focus gained or lost, a theme): only the styles' own caches are emptied
        now; what was drawn is put aside or taken back when the table is next drawn, once its
        component styles are the new ones too (Textual sets those after this call)."""
        Widget.notify_style_update(self)
        self._styles_cache.clear()
        self._get_styles_to_render_cell.cache_clear()
        self._restyled = True
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        if self._restyled:
            self._restyled = False
            self._take_drawn_for(self._look())
        return super().render_lines(crop)

    def _take_drawn_for(self, look: tuple[object, ...]) -> None:
        """Keep what was drawn for the look shown until now; draw from what was drawn for `look`."""
        if look == self._shown_look:
            return
        if self._shown_look is not None:
            self._drawn_by_look[self._shown_look] = self._drawn_now()
        kept = self._drawn_by_look.pop(look, None)
        cells, rows, lines = kept or (LRUCache(10000), LRUCache(1000), LRUCache(1000))
        self._cell_render_cache, self._row_render_cache, self._line_cache = cells, rows, lines
        while len(self._drawn_by_look) > LOOKS_KEPT:
            self._drawn_by_look.pop(next(iter(self._drawn_by_look)))
        self._shown_look = look


def _drop(cache: LRUCache[Any, Any], stale: Callable[[Any], bool]) -> None:
    """Discard the entries of `cache` whose key is `stale` (an LRUCache lists keys, no iterator)."""
    for key in [key for key in cache.keys() if stale(key)]:  # noqa: SIM118
        cache.discard(key)
