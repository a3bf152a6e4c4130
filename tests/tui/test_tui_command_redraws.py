"""A command redraws what it changed: no layout pass of the whole screen for `]` or a vote.

A layout pass (`Screen._refresh_layout`) arranges every widget again and draws
the whole screen; with 500 motions shown it was most of `]`'s time. The bottom
strip asked for one on every command, although `]` and most votes change
nothing in it. The in-session demo: motion 2 raised on item 3 of 8.
"""

from __future__ import annotations

from screen_reading import count_layouts, fill_deferral

from meeting_tui.tui.widgets.status_strip import StatusStrip


async def test_next_item_lays_nothing_out_again(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        strip_before = ui.strip(app)
        passes = count_layouts(app.screen)
        await pilot.press("]")
        await pilot.pause()
        assert passes == []
        assert "议题 4/8" in ui.text_of(app.screen.query_one("#agenda-strip"))
        assert ui.strip(app) == strip_before


async def test_the_strip_changes_when_its_counts_change(make, ui) -> None:
    """A deferral adds one to 暂缓事项: the strip says so (one line, so no layout pass for it)."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "暂缓事项 0" in ui.strip(app)
        await pilot.press("d")
        await fill_deferral(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert "暂缓事项 1" in ui.strip(app)
        strip = app.screen.query_one(StatusStrip)
        await pilot.press("b")  # the lists open: more lines, laid out again
        await pilot.pause()
        assert "情况不清" in ui.strip(app)
        assert strip.size.height > 1
