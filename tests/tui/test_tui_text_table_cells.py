"""A one-line text cell drawn by TextTable is what Textual's DataTable draws through Rich.

`one_line` makes the segments of a cell of one line without Rich's layout; it
must give the same segments, styles included, for any text, width and
padding: wide characters cut at the edge, spaces past the width, an ellipsis,
an empty cell, a styled word. What it does not draw, Rich draws.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.renderables.styled import Styled
from textual.widgets import DataTable

from meeting_tui.tui.widgets.text_table import TextTable, one_line

CONSOLE = Console(width=120, color_system="truecolor")
PRE = Style(color="#e0e0e0", bgcolor="#202020") + Style.from_meta({"row": 3, "column": 1})
STYLES = st.sampled_from(
    [None, Style(bold=True), Style(color="#ff8800"), Style(bgcolor="#003300", italic=True)]
)
# Chinese, wide and zero-width characters, spaces, the ellipsis itself, ASCII
CHARS = st.sampled_from(list("第1项：楼道照明与电线改造 李姓居民待表决…abcé\u0301 　😀x"))


def rich_lines(cell: Text, width: int, padding: int, post: Style) -> Any:
    """What Textual's `DataTable._render_cell` asks Rich for, for a row one line high."""
    options = CONSOLE.options.update_dimensions(width, 1).update(no_wrap=True)
    return CONSOLE.render_lines(
        Styled(Padding(cell, (0, padding)), pre_style=PRE, post_style=post), options
    )


@settings(max_examples=400, deadline=None)
@given(
    words=st.lists(CHARS, max_size=30).map("".join),
    width=st.integers(1, 24),
    padding=st.integers(0, 2),
    overflow=st.sampled_from([None, "fold", "crop", "ellipsis"]),
    no_wrap=st.sampled_from([None, True]),
    style=STYLES,
    post=st.sampled_from([Style(), Style(bgcolor="#0000aa"), Style(reverse=True)]),
)
def test_one_line_is_what_rich_draws(
    words: str,
    width: int,
    padding: int,
    overflow: Any,
    no_wrap: bool | None,
    style: Style | None,
    post: Style,
) -> None:
    cell = Text(words, style=style or "", no_wrap=no_wrap, overflow=overflow, end="")
    drawn = one_line(cell, width, padding, PRE, post)
    if width - 2 * padding < 1:
        assert drawn is None  # no room inside the padding: Rich draws it
        return
    assert drawn is not None
    assert drawn == rich_lines(cell, width, padding, post)
    assert sum(segment.cell_length for segment in drawn[0]) == width


def test_what_one_line_leaves_to_rich() -> None:
    spans = Text("赞成")
    spans.stylize("bold", 0, 1)
    for cell in (
        spans,
        Text("两行\n文字"),
        Text("a\tb"),
        Text("居中", justify="center"),
        Text("不截", overflow="ignore"),
        Text("换行", no_wrap=False),
        Text("主题色", style="bold red"),  # a style by name: the console's theme reads it
    ):
        assert one_line(cell, 10, 0, PRE, Style()) is None, cell


class _Tables(App[None]):
    def compose(self) -> ComposeResult:
        yield TextTable(id="ours", zebra_stripes=True, cursor_type="row")


async def test_every_cell_of_a_table_is_drawn_as_textual_draws_it() -> None:
    app = _Tables()
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(TextTable)
        table.add_column("#", width=3)
        table.add_column("事项", width=14)
        table.add_column("状态", width=6)
        table.add_column("赞", width=3)
        for n in range(1, 9):
            table.add_row(
                str(n),
                Text(f"第{n}项：楼道照明与电线改造", no_wrap=True, overflow="ellipsis"),
                Text("已通过", style=Style(color="#00aa00")) if n % 2 else "待表决",
                "" if n % 3 else str(n * 7),
            )
        spanned = Text("有样式")
        spanned.stylize("bold", 0, 1)
        table.add_row("9", spanned, "两行\n文字", "")  # drawn by Rich: spans, a line break
        table.move_cursor(row=2)
        await pilot.pause()
        base = table.rich_style
        cells = 0
        for row in range(-1, table.row_count):
            for column in range(len(table.columns)):
                for cursor, hover in ((False, False), (True, False), (False, True)):
                    table._cell_render_cache.clear()
                    ours = table._render_cell(row, column, base, 8, cursor, hover)
                    table._cell_render_cache.clear()
                    theirs = DataTable._render_cell(table, row, column, base, 8, cursor, hover)
                    assert ours == theirs, (row, column, cursor, hover)
                    cells += 1
        assert cells == 10 * 4 * 3
        before = [table.render_line(y).text for y in range(table.size.height)]
        table._cell_render_cache.clear()
        table._row_render_cache.clear()
        table._line_cache.clear()
        table._styles_cache.clear()
        table.refresh()
        await pilot.pause()
        assert [table.render_line(y).text for y in range(table.size.height)] == before
        assert "第3项：楼道照…" in before[3]
