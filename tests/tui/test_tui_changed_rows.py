"""A pane of changed rows renders a text it showed a moment ago from the rows it kept.

The chair's arrows go back and forth over the same motions: the vote panel of the
motion left a moment ago is drawn again from its kept rows, exactly as before, and
a text that changed (a vote recorded) renders anew (as does a new size or look:
`_rows_for`).
"""

from __future__ import annotations

from typing import Any

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.visual import Visual

from meeting_tui.tui.widgets.changed_rows import KEPT, ChangedRows


class _Pane(ChangedRows):
    DEFAULT_CSS = "_Pane { height: 10; }"

    def show(self, text: Text) -> None:
        self._draw(text)


class _PaneApp(App[None]):
    def compose(self) -> ComposeResult:
        yield _Pane()


def _panel(n: int, votes: int = 0) -> Text:
    text = Text()
    text.append(f"#{n} 待表决\n", style="bold")
    text.append(f"第{n}项：楼道照明与电线改造，涉及{n}号楼的住户和商铺 赞成 {votes}\n")
    return text


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    made: list[int] = []
    to_strips = Visual.to_strips

    def counted(widget: Any, visual: Any, width: int, *args: Any) -> Any:
        made.append(width)
        return to_strips(widget, visual, width, *args)

    monkeypatch.setattr(Visual, "to_strips", staticmethod(counted))
    return made


def _lines(pane: ChangedRows) -> list[str]:
    return [pane.render_line(y).text for y in range(pane.size.height)]


async def test_a_text_shown_again_is_drawn_from_its_kept_rows(renders: list[int]) -> None:
    app = _PaneApp()
    async with app.run_test(size=(40, 12)) as pilot:
        pane = app.query_one(_Pane)
        pane.show(_panel(4))
        await pilot.pause()
        first = _lines(pane)
        pane.show(_panel(5))
        await pilot.pause()
        assert _lines(pane) != first
        renders.clear()
        pane.show(_panel(4))
        await pilot.pause()
        assert renders == [] and _lines(pane) == first
        pane.show(_panel(4, votes=38))  # the same motion after a vote: its rows anew
        await pilot.pause()
        assert renders and "38" in "".join(_lines(pane))


async def test_only_the_last_texts_are_kept(renders: list[int]) -> None:
    app = _PaneApp()
    async with app.run_test(size=(40, 12)) as pilot:
        pane = app.query_one(_Pane)
        for n in range(KEPT + 1):
            pane.show(_panel(n))
            await pilot.pause()
        renders.clear()
        pane.show(_panel(KEPT))  # the newest and the one before: kept
        pane.show(_panel(1))
        await pilot.pause()
        assert renders == []
        pane.show(_panel(0))  # the oldest of KEPT + 1: gone
        await pilot.pause()
        assert renders == [40]


async def test_a_text_that_differs_only_in_its_own_style_is_rendered_anew(
    renders: list[int],
) -> None:
    """Rich's `Text.__eq__` compares characters and spans only: the text's own style,
    justification, overflow and wrapping are part of what the kept rows were made for."""
    app = _PaneApp()
    async with app.run_test(size=(40, 12)) as pilot:
        pane = app.query_one(_Pane)
        pane.show(Text("#4 待表决"))
        await pilot.pause()
        renders.clear()
        pane.show(Text("#4 待表决", style="bold"))
        pane.show(Text("#4 待表决", justify="right"))
        await pilot.pause()
        assert len(renders) == 2
        assert pane.render_line(0).text.endswith("#4 待表决")
