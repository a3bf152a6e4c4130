"""The motion table changes the rows that changed, and keeps the others as they are.

Rebuilding every row on every command made a vote with 500 motions shown take
a quarter of a second; a command changes one motion, so one row changes (the
table is laid out again only when a column's width must change). The
in-session demo shows motions 1 (passed) and 2 (raised, selected) with `l`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from textual.widgets import DataTable

from meeting_tui.demo import LIVE_ID
from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.dialogs.confirm import ConfirmDialog
from meeting_tui.tui.widgets.motion_table import MotionTable


async def raise_motion(pilot: Any, ui: Any, text: str) -> None:
    await pilot.press("n")
    await ui.type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


async def test_a_new_motion_is_added_at_the_end_of_the_rows_shown(make, ui) -> None:
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        table = app.screen.query_one(DataTable)
        keys_before, rows_before = list(table.rows), ui.rows(app)
        await raise_motion(pilot, ui, "修路灯")
        assert [r[1] for r in ui.rows(app)] == [r[1] for r in rows_before] + ["修路灯"]
        # The same rows (the same keys, not equal new ones): nothing was cleared and re-added.
        assert all(a is b for a, b in zip(list(table.rows)[:2], keys_before, strict=True))
        assert table.cursor_row == 2  # the new motion is selected


async def test_a_vote_changes_its_row_and_keeps_the_others(make, ui) -> None:
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        await raise_motion(pilot, ui, "修路灯")  # motion 3, selected; motion 2 stays raised
        table = app.screen.query_one(DataTable)
        keys_before, rows_before = list(table.rows), ui.rows(app)
        assert [r[3] for r in rows_before] == ["通过", "待表决", "待表决"]
        await pilot.press("y")  # motion 3 passed without objection, after a confirmation
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert [r[3] for r in ui.rows(app)] == ["通过", "待表决", "通过"]
        assert ui.rows(app)[:2] == rows_before[:2]
        assert ui.rows(app)[2][4] != rows_before[2][4]  # its count of votes for is shown
        assert all(a is b for a, b in zip(list(table.rows), keys_before, strict=True))
        assert table.cursor_row == 2  # the voted motion stays selected


async def test_only_the_changed_motions_cells_are_made_again(make, ui) -> None:
    """An unchanged motion's row is the one made before (no new Text cells for 500 motions on
    every command); a vote makes its motion's row again, a theme change every coloured one."""
    from meeting_tui.tui.widgets.motion_table import MotionTable

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        await raise_motion(pilot, ui, "修路灯")  # motion 3, selected
        table = app.screen.query_one(MotionTable)
        ids = [str(key.value) for key in table.rows]  # motions 1, 2, 3 as shown
        before = dict(table._rows)
        await pilot.press("y")
        await pilot.press("enter")
        await pilot.pause()
        after = dict(table._rows)
        assert [after[i] is before[i] for i in ids] == [True, True, False]
        assert after[ids[2]].cells[3].plain == "通过"
        assert [r[3] for r in ui.rows(app)] == ["通过", "待表决", "通过"]
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        restyled = dict(table._rows)
        # 通过 takes the theme's colour; 待表决 (raised) is plain text, the same in every theme.
        assert [restyled[i] is after[i] for i in ids] == [False, True, False]
        passed = table.get_component_rich_style("motion-table--passed", partial=True)
        assert table.get_row(ids[0])[3].style == passed  # the new theme's colour is shown


def more_motions(data_dir: Path, clock: Callable[[], datetime], count: int, present: int) -> None:
    """`count` more motions in the in-session demo, and `present` residents who may vote."""
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID, clock)
    try:
        live.execute(c.set_attendance(live.state, "resident", present))
        for n in range(count):
            live.execute(c.raise_motion(live.state, f"加装楼道扶手 {n + 1}号楼", proposer="王阿姨"))
    finally:
        live.close()


@contextmanager
def rows_made(table: Any) -> Iterator[list[str]]:
    """The motions whose row the table looks at (made, or taken as made) within the block."""
    looked: list[str] = []
    row = table._row

    def counted(m: Any, *args: Any) -> Any:
        looked.append(m.id)
        return row(m, *args)

    table._row = counted
    try:
        yield looked
    finally:
        del table._row


def as_drawn_whole(table: Any) -> list[list[str]]:
    """The rows a table that had never drawn this state shows (every row compared)."""
    table._drawn_state = None
    state, show_all, selected = table._asked
    table.show(state, show_all, selected)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


@asynccontextmanager
async def all_motions_shown(
    make: Any, data_dir: Path, clock: Callable[[], datetime], count: int, present: int
) -> AsyncIterator[tuple[Any, Any, MotionTable]]:
    """The in-session demo with `count` more motions, all shown (`l`): the app, pilot, table."""
    more_motions(data_dir, clock, count, present)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        yield app, pilot, app.screen.query_one(MotionTable)


async def vote(pilot: Any, *counts: str) -> None:
    await pilot.press("v")
    await pilot.pause()
    for n, count in enumerate(counts):
        await pilot.press(*(["tab"] if n else []), *count)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def test_a_vote_looks_at_its_own_motions_row_and_no_other(make, ui, data_dir, clock) -> None:
    async with all_motions_shown(make, data_dir, clock, 60, 40) as shown_now:
        app, pilot, table = shown_now
        selected = table.selected_id
        with rows_made(table) as looked:
            await vote(pilot, "1", "2", "3")
        assert looked == [selected]  # before: every one of the 62 motions
        shown = ui.rows(app)
        assert shown[table.cursor_row][4:] == ["1", "2", "3"]
        assert shown == as_drawn_whole(table)


async def test_an_undo_draws_the_refolded_meeting(make, ui, data_dir, clock) -> None:
    """An undo folds the meeting into a new state: every row is compared again."""
    async with all_motions_shown(make, data_dir, clock, 5, 40) as shown_now:
        app, pilot, table = shown_now
        before = ui.rows(app)
        await vote(pilot, "1", "2", "3")
        assert ui.rows(app) != before
        with rows_made(table) as looked:
            await pilot.press("u")
            await pilot.pause()
            if isinstance(app.screen, ConfirmDialog):
                await pilot.press("enter")
                await pilot.pause()
        assert len(looked) == table.row_count
        assert ui.rows(app) == before


async def test_a_count_that_resizes_its_column_lays_out_every_row(
    make, ui, data_dir, clock
) -> None:
    """A count wider than the column widens it; the recount that takes it away narrows it."""
    async with all_motions_shown(make, data_dir, clock, 5, 150) as shown_now:
        app, pilot, table = shown_now
        before = table._widths_shown["for"]
        await vote(pilot, "120", "2", "3")
        assert table._widths_shown["for"] == before + 1 == len("120") + 1
        shown = ui.rows(app)
        assert shown[table.cursor_row][4:] == ["120", "2", "3"]
        assert shown == as_drawn_whole(table)
        await pilot.press("v")  # a decided motion: a recount, after a confirmation
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await pilot.pause()
        for n, count in enumerate(("1", "2", "3")):
            await pilot.press(*(["tab"] if n else []), "ctrl+a", *count)
        await pilot.press("enter")
        await pilot.pause()
        assert ui.rows(app)[table.cursor_row][4:] == ["1", "2", "3"]
        assert table._widths_shown["for"] == before
        assert ui.rows(app) == as_drawn_whole(table)
