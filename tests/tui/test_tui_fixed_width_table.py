"""The start screen's and the motion table's DataTable skip measuring new rows, and look the same.

Every column of those tables has a set width, so Textual's measuring of each
new row's cells (on idle, after rows are added) can change nothing; skipping
it must leave every drawn line and the scroll height as a plain DataTable has
them, and a column sized to its content must still be measured.
"""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.containers import Horizontal
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


class _SideBySide(App[None]):
    """Both tables on screen, side by side: the compositor draws both."""

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield FixedWidthTable(id="ours", zebra_stripes=True)
            yield DataTable(id="plain", zebra_stripes=True)


def _count_rows_made(table: DataTable[Any]) -> list[int]:
    """The index of every row whose cells the table makes into renderables again from now on."""
    made: list[int] = []
    compute = table._compute_row_renderables

    def counted(row_index: int) -> Any:
        made.append(row_index)
        return compute(row_index)

    table._compute_row_renderables = counted  # type: ignore[method-assign]
    return made


async def _filled_side_by_side(
    app: _SideBySide, pilot: Any, cursor: int
) -> tuple[DataTable[Any], DataTable[Any]]:
    """Both tables filled alike, each cursor on row `cursor`, drawn once."""
    ours, plain = app.query_one("#ours", DataTable), app.query_one("#plain", DataTable)
    for table in (ours, plain):
        _fill(table)
        table.move_cursor(row=cursor, animate=False)
    await pilot.pause()
    return ours, plain


async def test_a_changed_cell_draws_its_row_again_and_no_other() -> None:
    """A vote changes one motion's cells: only its row is drawn again, and the screen shows
    what a plain DataTable shows after the same change (which draws every row again)."""
    app = _SideBySide()
    async with app.run_test(size=(80, 30)) as pilot:
        ours, plain = await _filled_side_by_side(app, pilot, cursor=3)
        ours_made, plain_made = _count_rows_made(ours), _count_rows_made(plain)
        key = list(ours.rows)[3]
        assert isinstance(ours, FixedWidthTable)
        ours.update_cells(
            key, {list(ours.columns)[1]: "通过：楼道照明", list(ours.columns)[2]: "38"}
        )
        ours.update_cell(list(ours.rows)[5], list(ours.columns)[2], "7")
        plain_key = list(plain.rows)[3]
        plain.update_cell(plain_key, list(plain.columns)[1], "通过：楼道照明")
        plain.update_cell(plain_key, list(plain.columns)[2], "38")
        plain.update_cell(list(plain.rows)[5], list(plain.columns)[2], "7")
        await pilot.pause()
        assert sorted(set(ours_made)) == [3, 5]  # the two changed rows, and no other
        assert len(set(plain_made)) > 20  # Textual's own table made every visible row again
        for y in range(ours.size.height):
            assert ours.render_line(y).text == plain.render_line(y).text
        assert "通过：楼道照明" in ours.render_line(4).text  # the header is line 0
        ours.scroll_end(animate=False)
        plain.scroll_end(animate=False)
        await pilot.pause()
        for y in range(ours.size.height):
            assert ours.render_line(y).text == plain.render_line(y).text


async def test_focus_coming_back_draws_no_row_again_and_a_new_theme_draws_all() -> None:
    """A form opened over the table takes the focus and gives it back: the table's look goes
    and comes back, and its rows are found as drawn before (the cursor moved meanwhile).
    A theme is a new look: every row is drawn again, in its colours."""
    app = _SideBySide()
    async with app.run_test(size=(80, 30)) as pilot:
        ours, plain = app.query_one("#ours", DataTable), app.query_one("#plain", DataTable)
        _fill(ours)
        _fill(plain)
        ours.focus()
        await pilot.pause()
        plain.focus()  # the look without the focus, drawn once
        await pilot.pause()
        ours.focus()
        ours.move_cursor(row=6, animate=False)
        await pilot.pause()
        made = _count_rows_made(ours)
        before = [ours.render_line(y).text for y in range(ours.size.height)]
        plain.focus()
        await pilot.pause()
        ours.focus()
        await pilot.pause()
        assert made == []
        assert [ours.render_line(y).text for y in range(ours.size.height)] == before
        dark = [segment.style for segment in ours.render_line(3)]
        app.theme = "textual-light"
        await pilot.pause()
        light = [segment.style for segment in ours.render_line(3)]
        assert light != dark  # drawn again in the new theme's colours
        plain.focus()
        await pilot.pause()
        assert [segment.style for segment in ours.render_line(3)] != light  # and without focus


async def test_a_changed_cell_forgets_its_row_without_reading_every_cached_line() -> None:
    """What was drawn for the changed row is found by its place, not by looking up the row of
    each of the hundreds of lines kept (for the table in each look): a vote with 500 motions
    shown spent about 1 ms there. Its lines are drawn again, and every other line kept."""
    app = _SideBySide()
    async with app.run_test(size=(80, 30)) as pilot:
        ours = app.query_one("#ours", FixedWidthTable)
        _fill(ours)
        for row in range(0, len(ROWS), 20):  # lines drawn and kept all down the table
            ours.move_cursor(row=row, animate=False)
            await pilot.pause()
        ours.move_cursor(row=3, animate=False)
        await pilot.pause()
        kept = len(ours._line_cache.keys())
        assert kept > 100
        looked_up: list[int] = []
        offsets = ours._get_offsets

        def counted(y: int) -> Any:
            looked_up.append(y)
            return offsets(y)

        ours._get_offsets = counted  # type: ignore[method-assign]
        ours.update_cell(list(ours.rows)[3], list(ours.columns)[2], "38")
        assert looked_up == []
        gone = kept - len(ours._line_cache.keys())
        assert 0 < gone < 10  # the changed row's own lines (one per look of the cursor on it)
        assert all(key[0] != 4 for key in ours._line_cache.keys())  # noqa: SIM118 (row 3)


async def test_an_arrow_key_repaints_the_rows_the_cursor_left_and_reached_and_no_other() -> None:
    """Textual's cursor keys also repaint the row under the mouse (the first row, when the
    mouse never came), to hide a hover cursor that was not shown: a third row on the
    terminal at every arrow. The lines shown stay those of a plain DataTable."""
    app = _SideBySide()
    async with app.run_test(size=(80, 30)) as pilot:
        ours, plain = await _filled_side_by_side(app, pilot, cursor=6)
        repainted: list[int] = []
        refresh = ours.refresh

        def spied(*regions: Any, **kwargs: Any) -> Any:
            repainted.extend(y for region in regions for y in range(region.y, region.bottom))
            return refresh(*regions, **kwargs)

        ours.refresh = spied  # type: ignore[method-assign]
        for key, cursor in (("up", 5), ("up", 4), ("down", 5)):
            for table in (ours, plain):
                table.focus()
                await pilot.press(key)
            await pilot.pause()
            assert ours.cursor_row == plain.cursor_row == cursor
            lines = {y - 1 for y in repainted}  # line 0 is the header
            assert lines == {cursor, cursor + (1 if key == "up" else -1)}, (key, sorted(lines))
            repainted.clear()
            for y in range(ours.size.height):
                assert ours.render_line(y).text == plain.render_line(y).text


async def test_the_mouse_moving_over_rows_repaints_all_a_plain_datatable_repaints() -> None:
    """Only a hover cursor not shown is not hidden again: each mouse move's
    `_set_hover_cursor(True)` still repaints the whole row, as Textual's does (its hover
    watcher repaints only the cells a row cursor's look covers the whole of)."""
    app = _SideBySide()
    async with app.run_test(size=(80, 30)) as pilot:
        tables = {
            "ours": app.query_one("#ours", DataTable),
            "plain": app.query_one("#plain", DataTable),
        }
        repainted: dict[str, list[tuple[int, int]]] = {name: [] for name in tables}
        for table in tables.values():
            table.cursor_type = "row"
            _fill(table)
        await pilot.pause()
        for name, table in tables.items():
            refresh = table.refresh

            def spied(*regions: Any, _name: str = name, _refresh: Any = refresh, **kw: Any) -> Any:
                repainted[_name].extend((region.y, region.width) for region in regions)
                return _refresh(*regions, **kw)

            table.refresh = spied  # type: ignore[method-assign]
        for name in tables:
            for line in (4, 6, 5):
                await pilot.hover(f"#{name}", offset=(3, line))
                await pilot.pause()
        assert set(repainted["plain"]) <= set(repainted["ours"])  # no hover look left behind
        assert any(width > 12 for _y, width in repainted["ours"])  # whole rows among them
