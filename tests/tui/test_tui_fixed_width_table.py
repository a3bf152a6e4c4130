"""The start screen's and the motion table's DataTable skip measuring new rows, and look the same.

Every column of those tables has a set width, so Textual's measuring of each
new row's cells (on idle, after rows are added) can change nothing; skipping
it must leave every drawn line and the scroll height as a plain DataTable has
them, and a column sized to its content must still be measured.
"""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import DataTable

from meeting_tui.tui.widgets.fixed_width_table import FixedWidthTable

ROWS = [(f"2020-01-{n % 28 + 1:02d}", f"第{n}次 板凳会：楼道照明", str(n)) for n in range(300)]


class _Tables(App[None]):
    def compose(self) -> ComposeResult:
        yield FixedWidthTable(id="ours", zebra_stripes=True)
        yield DataTable(id="plain", zebra_stripes=True)


def _fill(table: DataTable[Any], auto_last: bool = False) -> None:
    table.add_column("日期", width=10)
    table.add_column("会议", width=24)
    table.add_column("数", width=None if auto_last else 4)
    for row in ROWS:
        table.add_row(*row)


async def test_rows_draw_as_in_a_plain_datatable_without_being_measured() -> None:
    app = _Tables()
    async with app.run_test(size=(80, 30)) as pilot:
        ours, plain = app.query_one("#ours", DataTable), app.query_one("#plain", DataTable)
        _fill(ours)
        _fill(plain)
        await pilot.pause()
        assert ours.virtual_size == plain.virtual_size
        assert ours.virtual_size.height == len(ROWS) + 1  # the header line
        labels = [4, 4, 2]  # 日期, 会议, 数: what add_column measured; the rows were not
        assert [c.content_width for c in ours.columns.values()] == labels
        assert [c.content_width for c in plain.columns.values()] == [10, 24, 3]
        for y in range(ours.size.height):
            assert ours.render_line(y).text == plain.render_line(y).text
        ours.scroll_end(animate=False)
        plain.scroll_end(animate=False)
        await pilot.pause()
        assert (
            ours.render_line(ours.size.height - 1).text
            == plain.render_line(plain.size.height - 1).text
        )


async def test_a_column_sized_to_its_content_is_still_measured() -> None:
    app = _Tables()
    async with app.run_test(size=(80, 30)) as pilot:
        ours = app.query_one("#ours", DataTable)
        _fill(ours, auto_last=True)
        await pilot.pause()
        assert list(ours.columns.values())[-1].content_width == 3  # "299"
