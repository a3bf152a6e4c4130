"""Opening and confirming the vote or deferral form redraws what changed, never the whole screen.

Textual's `Screen.focused` is a repainting reactive: each focus change (twice a
form, to its first field and back to the table) drew all 24 lines again, on top
of the lines the form covered and the widgets restyled for the focus (the first
opening, which mounts the form, is not what is measured). The session
screen declares it without the repaint (session.py). What is drawn is read from
the compositor's dirty regions as each frame is rendered.
"""

from __future__ import annotations

from typing import Any

from screen_reading import fill_deferral
from textual.geometry import Region


def record_repaints(screen: Any) -> list[list[Region]]:
    """The regions of every frame `screen` renders from now on."""
    frames: list[list[Region]] = []
    compositor = screen._compositor
    original = compositor.render_update

    def recorded(*args: Any, **kwargs: Any) -> Any:
        frames.append(sorted(compositor._dirty_regions))
        return original(*args, **kwargs)

    compositor.render_update = recorded
    return frames


def whole_screen_frames(frames: list[list[Region]], screen: Any) -> list[list[Region]]:
    whole = screen.size.region
    return [f for f in frames if any(region.contains_region(whole) for region in f)]


async def test_a_vote_opened_and_confirmed_redraws_no_whole_screen(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "escape")  # the form is mounted on its first use
        await pilot.pause()
        screen = app.screen
        frames = record_repaints(screen)
        await pilot.press("v")
        await pilot.pause()
        assert frames, "the form was drawn"
        assert whole_screen_frames(frames, screen) == []
        await pilot.press("1", "tab", "2", "tab", "3")
        await pilot.pause()
        frames.clear()
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is screen.query_one("#motions")
        assert "赞成 1" in ui.text_of(screen.query_one("#vote"))
        assert frames, "the vote was drawn"
        assert whole_screen_frames(frames, screen) == []


async def test_a_deferral_confirmed_redraws_no_whole_screen(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await fill_deferral(pilot)
        await pilot.pause()
        screen = app.screen
        frames = record_repaints(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert "暂缓事项 1" in ui.strip(app)
        assert frames
        assert whole_screen_frames(frames, screen) == []
