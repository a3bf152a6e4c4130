"""The minutes preview's document widget: drawn once to lines, the first screens first.

What matters to the chair: the preview shows exactly what Rich's Markdown
renderer draws for the whole document (cutting it before headings changes no
line), the first screen appears before the rest is rendered, keys scroll
meanwhile, and a new width renders the document again at that width.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from rich.markdown import Markdown
from rich.segment import Segment
from textual.app import App, ComposeResult

from meeting_tui import tui
from meeting_tui.minutes.markdown import escape, parts_at_headings
from meeting_tui.tui.guarded_app import GuardedApp
from meeting_tui.tui.widgets import rendered_lines
from meeting_tui.tui.widgets.rendered_lines import RenderedLines


def _long_minutes(motions: int = 120) -> str:
    out = ["# 会议纪要", "", "| 项目 | 内容 |", "|---|---|", "| 会议时间 | 上午九点 |", ""]
    for n in range(1, motions + 1):
        out += [f"### 事项 {n}：楼道照明", "", f"- 提出人：李{n}", f"- 表决：赞成 {n}", ""]
        out += [escape(f"# 居民原话里的井号 {n}"), ""]  # escaped: no heading, no cut
    return "\n".join(out)


def _whole(app: App[None], source: str, width: int) -> list[list[Segment]]:
    console = app.console
    options = console.options.update(width=width, height=None)
    return console.render_lines(Markdown(source), options, pad=False, new_lines=False)


def _texts(rows: list[list[Segment]]) -> list[str]:
    return ["".join(s.text for s in row).rstrip() for row in rows]


class _Page(GuardedApp):
    CSS_PATH = [str(Path(tui.__file__).parent / "app.tcss")]  # the widgets' rules, as the app has

    def compose(self) -> ComposeResult:
        yield RenderedLines(id="page")


async def until_complete(pilot, page: RenderedLines) -> None:  # type: ignore[no-untyped-def]
    for _ in range(1000):
        if page.complete:
            return
        await pilot.pause(0.02)
    raise AssertionError("the document never finished rendering")


def test_cutting_before_headings_keeps_every_block() -> None:
    source = _long_minutes(3)
    parts = parts_at_headings(source)
    assert "".join(parts) == source
    assert [p.split("\n")[0] for p in parts] == [
        "# 会议纪要",
        *(f"### 事项 {n}：楼道照明" for n in (1, 2, 3)),
    ]


async def test_the_lines_are_the_whole_documents_and_the_first_screen_comes_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rendered_lines, "SLICE_S", 0.0)  # one part a slice: seconds in all
    source = _long_minutes(300)
    app = _Page()
    async with app.run_test(size=(80, 24)) as pilot:
        page = app.query_one(RenderedLines)
        page.focus()
        page.show([partial(Markdown, p) for p in parts_at_headings(source)])
        first = [strip.text.rstrip() for strip in page.lines]
        assert not page.complete  # only the first screens, the rest after the frame
        assert 2 * page.size.height <= len(first) < len(page.parts) * 4
        await pilot.pause()  # the first frame
        await pilot.press("pagedown")  # answered while the rest is rendered
        await pilot.pause()
        assert page.scroll_offset.y == page.size.height  # one page down
        await until_complete(pilot, page)
        width = page.scrollable_content_region.width
        assert width == 80 - 2  # the scrollbar's gutter is kept from the start
        whole = _texts(_whole(app, source, width))
        assert [strip.text.rstrip() for strip in page.lines] == whole
        assert first == whole[: len(first)]
        assert page.virtual_size.height == len(whole)
        assert "# 居民原话里的井号 7" in whole  # escaped hashes stay text
        await pilot.press("end")
        await pilot.pause()
        assert page.scroll_offset.y == len(whole) - page.size.height


async def test_a_new_width_renders_the_document_again_at_that_width() -> None:
    source = _long_minutes(20)
    app = _Page()
    async with app.run_test(size=(80, 24)) as pilot:
        page = app.query_one(RenderedLines)
        page.show([partial(Markdown, p) for p in parts_at_headings(source)])
        await until_complete(pilot, page)
        await pilot.resize_terminal(50, 24)
        for _ in range(100):
            if page.size.width == 50:
                break
            await pilot.pause(0.02)
        await until_complete(pilot, page)
        width = page.scrollable_content_region.width
        assert width == 48
        assert [s.text.rstrip() for s in page.lines] == _texts(_whole(app, source, width))
        assert {s.cell_length for s in page.lines} == {48}


async def test_end_before_the_rest_is_rendered_goes_to_the_end_of_the_whole_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The background slices held back: only the keys can render the rest.
    monkeypatch.setattr(RenderedLines, "_render_more", lambda self, generation: None)
    source = _long_minutes(100)
    app = _Page()
    async with app.run_test(size=(80, 24)) as pilot:
        page = app.query_one(RenderedLines)
        page.focus()
        page.show([partial(Markdown, p) for p in parts_at_headings(source)])
        await pilot.pause()
        assert not page.complete and len(page.lines) < 100
        await pilot.press("pagedown", "pagedown", "pagedown")  # past what the first step drew
        await pilot.pause()
        assert page.scroll_offset.y == 3 * page.size.height
        await pilot.press("end")  # renders what is left first
        await pilot.pause()
        assert page.complete
        whole = _texts(_whole(app, source, page.scrollable_content_region.width))
        assert [s.text.rstrip() for s in page.lines] == whole
        assert page.scroll_offset.y == len(whole) - page.size.height


def _timeline(rows: int = 700) -> str:
    """A document ending in one long table, as the minutes' 会议过程 does: Chinese (double-width)
    cells of uneven length, so the columns are sized by the widest rows, not the first ones."""
    out = ["# 会议纪要", "", "- 主持人：王主任", "", "## 附件：会议过程", ""]
    out += ["| 时间 | 经过 |", "|---|---|"]
    for n in range(rows):
        said = "居民发言，提到楼道照明与电线改造" * (1 + n % 5)
        out.append(f"| {9 + n // 60:02d}:{n % 60:02d} | {escape(f'{n} 号：{said}')} |")
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("columns", [80, 120])
async def test_a_long_table_is_drawn_in_blocks_of_rows_line_for_line_as_the_whole(
    monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    source = _timeline()
    steps: list[int] = []  # lines each step added
    step = RenderedLines._step

    def counted(self: RenderedLines) -> None:
        before = len(self.lines)
        step(self)
        steps.append(len(self.lines) - before)

    monkeypatch.setattr(RenderedLines, "_step", counted)
    app = _Page()
    async with app.run_test(size=(columns, 24)) as pilot:
        page = app.query_one(RenderedLines)
        page.show([partial(Markdown, p) for p in parts_at_headings(source)])
        await until_complete(pilot, page)
        whole = _whole(app, source, page.scrollable_content_region.width)
        assert len(whole) > 700  # the table is one part: cut only by the steps
        assert [s.text.rstrip() for s in page.lines] == _texts(whole)
        assert [s.cell_length for s in page.lines] == [columns - 2] * len(whole)
        # a blank between parts and at most BLOCK_ROWS of a part's lines a step
        assert max(steps) <= rendered_lines.BLOCK_ROWS + 1
        assert len(steps) >= len(whole) / (rendered_lines.BLOCK_ROWS + 1)


def test_a_themed_part_line_by_line_has_the_styles_of_the_whole_and_lends_none() -> None:
    from rich.console import Console
    from rich.style import Style
    from rich.theme import Theme

    from meeting_tui.tui.themes import Themed

    console = Console(width=60, force_terminal=True, color_system="truecolor")
    options = console.options.update(width=60, height=None)
    theme = Theme({"markdown.table.border": "red", "markdown.h2": "bold green"})
    part = parts_at_headings(_timeline(30))[1]
    whole = console.render_lines(Themed(Markdown(part), theme), options, pad=False)
    lines, between = [], []
    for line in Themed(Markdown(part), theme).lines(console, options):
        lines.append(line)  # anything drawn between two lines keeps the console's own styles
        between.append(console.get_style("markdown.h2"))
    assert lines == whole
    assert Style.parse("bold green") not in between
    assert any(s.style and s.style.color and s.style.color.name == "red" for s in whole[3])


async def test_the_collector_waits_for_the_slices_and_runs_again_after_them_or_a_close() -> None:
    import gc

    assert gc.isenabled()
    source = _timeline(300)
    app = _Page()
    async with app.run_test(size=(80, 24)) as pilot:
        page = app.query_one(RenderedLines)
        page.show([partial(Markdown, p) for p in parts_at_headings(source)])
        assert not page.complete and not gc.isenabled()  # paused while the rest is drawn
        await until_complete(pilot, page)
        assert gc.isenabled()
        page.show([partial(Markdown, p) for p in parts_at_headings(source)])
        assert not gc.isenabled()
        await page.remove()  # closed before the slices are done: never left off
        assert gc.isenabled()
