"""`d` on the follow-ups screen: the follow-up stays in its row, shown done, and only that row
is drawn again; it takes its place in the list's order when the screen is left.

Marking done at 5,000 meetings spent most of its time redrawing the table (a row
removed and another added: Textual drops every drawn line) and mounting a toast
(a widget and two layout passes). The row staying in view, shown 已落实 with its
date, is what says it is done. What must hold besides: the done is on disk, a form
opened over the list does not reorder it, `d` twice does not mark the next one,
and the list shown again is what a fresh read shows.
"""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime, timedelta, timezone
from typing import Any

from screen_reading import count_layouts, read_in
from textual import events

from meeting_tui.domain.archive_views import followup_order
from meeting_tui.tui.dialogs.form import FormDialog
from meeting_tui.tui.screens import archive_list
from meeting_tui.tui.screens.followups import FollowUpsScreen

CST = timezone(timedelta(hours=8))
LATER = datetime(2027, 4, 15, 10, 0, tzinfo=CST)


def rows_made(table: Any) -> list[int]:
    """The index of every row the table makes into renderables again from now on."""
    made: list[int] = []
    compute = table._compute_row_renderables

    def counted(row_index: int) -> Any:
        made.append(row_index)
        return compute(row_index)

    table._compute_row_renderables = counted
    return made


def row_keys(app: Any) -> list[Any]:
    return [row.key for row in app.screen.query_one("DataTable").ordered_rows]


async def test_a_done_stays_in_its_row_which_alone_is_drawn_again(make, ui, stored) -> None:
    app = make(None, clock=lambda: LATER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await read_in(pilot, app)
        screen = app.screen
        assert isinstance(screen, FollowUpsScreen)
        await pilot.press("down", "down")
        await pilot.pause()
        before, keys = ui.rows(app), row_keys(app)
        chosen = screen.selected()
        assert chosen is not None and chosen.done_on is None
        table = screen.query_one("DataTable")
        made, passes = rows_made(table), count_layouts(screen)
        await pilot.press("d")
        await pilot.pause()
        after = ui.rows(app)
        assert after[2][3] == "已落实 2027-04-15" and after[2][:3] == before[2][:3]
        assert after[:2] == before[:2] and after[3:] == before[3:]  # the others as they were
        assert row_keys(app) == keys and table.cursor_row == 2
        assert set(made) == {2}  # its row drawn again, and no other
        assert True not in passes  # no layout: nothing mounted, nothing resized
        assert app.notices.messages() == []  # no toast: its row says it
        done = screen.selected()
        assert done is not None and done.origin == chosen.origin and done.done_on == "2027-04-15"
    motion = stored(chosen.origin.meeting_id).motions[chosen.origin.motion_id]
    assert motion.followup.done_on == "2027-04-15"


async def test_the_done_row_takes_its_place_when_the_list_is_left_not_under_a_form(
    make, ui
) -> None:
    app = make(None, clock=lambda: LATER)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f")
        await read_in(pilot, app)
        screen = app.screen
        assert isinstance(screen, FollowUpsScreen)
        first = ui.rows(app)
        chosen = screen.selected()
        assert chosen is not None and chosen.done_on is None
        await pilot.press("d", "e")  # a residents' evaluation of the same follow-up, then cancel
        assert isinstance(app.screen, FormDialog)
        await pilot.press("escape")
        assert app.screen is screen
        shown = ui.rows(app)
        assert shown[0][1:3] == first[0][1:3] and shown[0][3] == "已落实 2027-04-15"
        await pilot.press("escape")  # left: the row goes where a fresh read puts it
        assert app.screen is not screen
        order = followup_order("2027-04-15")
        entries = list(screen.entries)
        assert entries == sorted(entries, key=order)
        assert entries[-1].origin == chosen.origin
        placed, keys = rows_of(screen), row_keys_of(screen)
        assert placed[-1][1:4] == [first[0][1], first[0][2], "已落实 2027-04-15"]
        assert placed[:-1] == first[1:]
        await pilot.press("f")
        await read_in(pilot, app)
        assert app.screen is screen
        assert ui.rows(app) == placed and row_keys(app) == keys  # read again, not drawn again


def row_keys_of(screen: Any) -> list[Any]:
    return [row.key for row in screen.query_one("DataTable").ordered_rows]


def rows_of(screen: Any) -> list[list[str]]:
    """The table's cells as text, of a screen that is not the one shown."""
    table = screen.query_one("DataTable")
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_d_pressed_twice_marks_the_same_follow_up_and_not_the_next(make, ui, stored) -> None:
    app = make(None, clock=lambda: LATER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await read_in(pilot, app)
        screen = app.screen
        first, second = screen.entries[0], screen.entries[1]
        assert first.done_on is None and second.done_on is None
        await pilot.press("d", "d")
        rows = ui.rows(app)
        assert rows[0][3] == "已落实 2027-04-15" and rows[1][3] != "已落实 2027-04-15"
        await pilot.press("escape")  # left: the one done row goes to its place
        assert [e.origin for e in screen.entries].count(first.origin) == 1
        assert screen.entries[-1].origin == first.origin and screen.entries[0] == second
    meeting = stored(first.origin.meeting_id)
    assert meeting.motions[first.origin.motion_id].followup.done_on == "2027-04-15"
    assert (
        stored(second.origin.meeting_id).motions[second.origin.motion_id].followup.done_on is None
    )


async def test_d_twice_records_one_done(make, stored_events) -> None:
    app = make(None, clock=lambda: LATER)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await read_in(pilot, app)
        first = app.screen.entries[0]
        before = len(stored_events(first.origin.meeting_id))
        await pilot.press("d", "d")
    kinds = [e.kind.value for e in stored_events(first.origin.meeting_id)[before:]]
    assert kinds == ["followup_done"]


async def test_leaving_while_the_list_reads_again_keeps_rows_and_entries_together(
    make, monkeypatch
) -> None:
    """`d`, a form opened and closed (the archive changed: a read begins), the list left
    before the read is in, shown again: each row is the entry `d` would mark."""
    gate = threading.Event()
    gate.set()
    real = archive_list.lists_of

    class Held:
        def __init__(self, archive: Any) -> None:
            self.inner = real(archive)

        def read(self, kind: Any) -> Any:
            gate.wait(10)
            return self.inner.read(kind)

    monkeypatch.setattr(archive_list, "lists_of", Held)
    app = make(None, clock=lambda: LATER)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f")
        await read_in(pilot, app)
        screen = app.screen
        assert isinstance(screen, FollowUpsScreen)
        await pilot.press("d", "e")
        assert isinstance(app.screen, FormDialog)
        gate.clear()  # the read after the form hangs until the list has been left
        # Keys posted as a terminal sends them: Pilot would wait for the held read.
        app.post_message(events.Key("escape", None))
        await asyncio.sleep(0.3)
        assert app.screen is screen and screen.working
        app.post_message(events.Key("escape", None))
        await asyncio.sleep(0.3)
        assert app.screen is not screen
        gate.set()
        await pilot.press("f")
        await read_in(pilot, app)
        assert app.screen is screen
        table = screen.query_one("DataTable")
        for n in range(table.row_count):
            number, _text, state = (str(c) for c in table.get_row_at(n)[1:4])
            entry = screen.entries[n]
            assert number == str(entry.number), n
            assert state.startswith("已落实") == bool(entry.done_on), n
