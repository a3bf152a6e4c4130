"""A key in the session screen is answered in one frame that repaints only what changed.

Measured in a pty (tests/bench/bench_tui.py), "frame complete" runs to the last
byte before 40 ms of silence: a key answered in two frames is counted to the end
of the second, which Textual paints no sooner than the next tick of its 60 Hz
update timer. An arrow key in the motion table used to send the whole screen
(the screen's `selected` reactive repainted every widget on it), then the vote
panel again a frame later (it followed the table by message); a vote digit sent
the field, then the preview line under it a frame later (`Input.Changed`).

The frames are read where Textual hands them to the terminal (`App._display`):
a `ChopsUpdate` names the lines it repaints; a `LayoutUpdate` is the whole screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from screen_reading import fill_deferral, settle
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.app import App
from textual.geometry import Offset
from textual.screen import Screen
from textual.selection import Selection

from meeting_tui.demo import LIVE_ID
from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.widgets.agenda_pane import AgendaPane
from meeting_tui.tui.widgets.header_bar import HeaderBar
from meeting_tui.tui.widgets.motion_table import MotionTable
from meeting_tui.tui.widgets.vote_panel import VotePanel


class Frames:
    """The frames the app paints within `with Frames(app)` (headless: made but not written)."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.painted: list[object] = []

    def __enter__(self) -> Frames:
        display = self.app._display

        def record(screen: Screen[Any], renderable: object) -> None:
            if renderable is not None:
                self.painted.append(renderable)
            display(screen, renderable)

        self.app._display = record  # type: ignore[method-assign]
        return self

    def __exit__(self, *_exc: object) -> None:
        del self.app._display  # the App's own method again

    def lines(self, frame: object) -> set[int]:
        """The screen lines a frame repaints (every line for a whole-screen frame)."""
        if isinstance(frame, LayoutUpdate):
            return set(range(frame.region.y, frame.region.bottom))
        assert isinstance(frame, ChopsUpdate)
        return {y for y, _, _ in frame.spans}


def rows_of(app: App[Any], widget: type[Any]) -> set[int]:
    region = app.screen.query_one(widget).region
    return set(range(region.y, region.bottom))


async def test_an_arrow_key_paints_the_table_and_the_vote_panel_in_one_frame(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")  # all motions: two rows, the raised one (2) selected
        await settle(pilot)
        header = rows_of(app, HeaderBar)
        for key, number in (("up", "#1"), ("down", "#2"), ("up", "#1")):
            with Frames(app) as frames:
                await pilot.press(key)
                await settle(pilot)
            assert ui.vote_panel(app).startswith(number)
            assert len(frames.painted) == 1, [type(f).__name__ for f in frames.painted]
            painted = frames.lines(frames.painted[0])
            assert not isinstance(frames.painted[0], LayoutUpdate)  # not the whole screen
            assert painted & rows_of(app, MotionTable)
            panel = rows_of(app, VotePanel)
            # The panel's rows that changed, not its border nor the blank rows under its text.
            assert 0 < len(painted & panel) < len(panel) - 2
            assert not painted & header


async def test_a_vote_digit_paints_the_field_and_its_preview_in_one_frame(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await settle(pilot)
        for key, preview in (("1", "赞成 1"), ("2", "赞成 12"), ("backspace", "赞成 1")):
            with Frames(app) as frames:
                await pilot.press(key)
                await settle(pilot)
            assert preview in ui.dialog_message(app)
            assert len(frames.painted) == 1, [type(f).__name__ for f in frames.painted]
            assert not isinstance(frames.painted[0], LayoutUpdate)


def raise_motions(data_dir: Path, clock: Callable[[], datetime], count: int) -> None:
    """`count` more motions in the in-session demo: with `l` the table scrolls (its scrollbars)."""
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID, clock)
    try:
        for n in range(count):
            live.execute(c.raise_motion(live.state, f"加装楼道扶手 {n + 1}号楼", proposer="王阿姨"))
    finally:
        live.close()


async def confirm_and_count_frames(pilot: Any) -> list[object]:
    app = pilot.app
    with Frames(app) as frames:
        await pilot.press("enter")
        await settle(pilot)
    return frames.painted


async def test_enter_in_a_filled_vote_form_is_answered_in_one_frame(
    make, ui, data_dir, clock
) -> None:
    """The form hidden, the focus back on the table, the vote in its row and the panel: one frame.

    The form's `display` going off was painted at once (its layout pass); the
    panes the command changed, the field and the table restyled for the focus
    (the table's scrollbars with it) a frame later, 16 ms or more after.
    """
    raise_motions(data_dir, clock, 30)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "v", "escape")  # the form is mounted on its first use
        await settle(pilot)
        table = app.screen.query_one(MotionTable)
        assert table.show_vertical_scrollbar
        await pilot.press("v", "1", "tab", "2", "tab", "3")
        await settle(pilot)
        painted = await confirm_and_count_frames(pilot)
        assert ui.session_shown(app)
        assert app.focused is table
        assert "赞成   1" in ui.vote_panel(app)
        assert len(painted) == 1, [type(f).__name__ for f in painted]
        assert not isinstance(painted[0], LayoutUpdate)  # not the whole screen
        lines = Frames(app).lines(painted[0])
        assert lines & rows_of(app, MotionTable) and lines & rows_of(app, VotePanel)


async def test_enter_in_a_filled_deferral_form_is_answered_in_one_frame(
    make, ui, data_dir, clock
) -> None:
    raise_motions(data_dir, clock, 30)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "d")
        await fill_deferral(pilot)
        await settle(pilot)
        painted = await confirm_and_count_frames(pilot)
        assert ui.session_shown(app)
        assert app.focused is app.screen.query_one(MotionTable)
        assert "暂缓事项 1" in ui.strip(app)
        assert len(painted) == 1, [type(f).__name__ for f in painted]
        assert not isinstance(painted[0], LayoutUpdate)


async def test_the_clock_repaints_the_agenda_panes_changed_row_only(make) -> None:
    """At 120×40 the agenda pane (26×37) was painted whole each second for one time line."""
    now = [datetime(2026, 11, 21, 9, 50, tzinfo=timezone(timedelta(hours=8)))]
    app = make(clock=lambda: now[0])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = rows_of(app, AgendaPane)
        for _ in range(3):
            now[0] += timedelta(seconds=1)
            with Frames(app) as frames:
                app.screen.tick()
                await settle(pilot)
            painted = set().union(*(frames.lines(f) for f in frames.painted))
            assert len(painted & pane) == 1  # the active item's time, 06:01/20:00 and on


async def test_a_mouse_selection_in_the_agenda_pane_is_drawn(make) -> None:
    """The pane draws its rows from what it rendered last: a selection is part of that look."""
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(AgendaPane)
        plain = pane.render_line(0)
        selection = Selection.from_offsets(Offset(0, 0), Offset(6, 0))
        app.screen.selections = {pane: selection}
        pane.selection_updated(selection)
        await settle(pilot)
        selected = pane.render_line(0)
        assert selected != plain  # the selected cells are highlighted
        pane._rows_for = None  # drawn from scratch: the same
        assert pane.render_line(0) == selected


async def test_a_deferral_is_shown_before_its_archive_summary_is_written(
    make, ui, data_dir
) -> None:
    """The month's summary (the backlog's) is rewritten and fsynced after the frame, not before."""
    from meeting_tui.store.archive_summary import ArchiveSummary

    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await fill_deferral(pilot)
        await settle(pilot)
        kept_at: list[int] = []
        keep = ArchiveSummary.keep
        with Frames(app) as frames:

            def counted(self: ArchiveSummary, fresh: Any) -> None:
                kept_at.append(len(frames.painted))
                keep(self, fresh)

            ArchiveSummary.keep = counted  # type: ignore[method-assign]
            try:
                await pilot.press("enter")
                await settle(pilot)
            finally:
                ArchiveSummary.keep = keep  # type: ignore[method-assign]
        assert "暂缓事项 1" in ui.strip(app)
        assert kept_at == [1], kept_at  # once, after the one frame of the Enter
    summary = (data_dir / "summaries").glob("*.json")
    assert any("情况不清" in path.read_text(encoding="utf-8") for path in summary)
