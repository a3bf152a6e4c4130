"""A digit in a count field redraws the field and the preview, and lays nothing out.

Textual's Input sets its `virtual_size` (a layout reactive) on every change of
its value, as its text grows: each digit in the vote form was a layout pass of
the whole session screen. A count field's width is set by the form's grid, not
by its text, so a digit changes no widget's place.
"""

from __future__ import annotations

from screen_reading import count_layouts

from meeting_tui.tui.dialogs.count_input import CountInput


async def test_a_vote_digit_lays_out_nothing(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        field = app.screen.query_one("#f-for", CountInput)
        assert app.focused is field
        passes = count_layouts(app.screen)
        for key in ("1", "2", "backspace", "+"):
            await pilot.press(key)
            await pilot.pause()
        assert passes == []
        assert field.value == "2"  # 1, 12, 1, then + counts one more hand
        assert "赞成 2" in ui.dialog_message(app)  # the preview followed every digit


async def test_a_long_count_still_scrolls_into_view(make) -> None:
    """The field keeps its scroll size, so a count wider than the field shows its last digits."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        field = app.screen.query_one("#f-for", CountInput)
        for key in "12345":
            await pilot.press(key)
        await pilot.pause()
        assert field.value == "12345"
        assert field.virtual_size.width == field.content_width
