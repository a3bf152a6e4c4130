"""Slow work off the UI thread: the archive lists read in a worker, the minutes of a close are
built in one; every write of the meeting file stays on the UI thread, the close first.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from screen_reading import read_in, spy_threads

from meeting_tui.demo import CLOSED_ID, LIVE_ID
from meeting_tui.domain import MeetingStatus
from meeting_tui.minutes import record
from meeting_tui.store import fs, open_archive
from meeting_tui.store.archive_summary import ArchiveSummary
from meeting_tui.store.record_tables import read_minutes_table
from meeting_tui.tui.screens.archive_list import PAGE, ArchiveListScreen
from meeting_tui.tui.screens.backlog import BacklogScreen
from meeting_tui.tui.screens.followups import FollowUpsScreen
from meeting_tui.tui.screens.minutes_preview import MinutesPreviewScreen

CST = timezone(timedelta(hours=8))


async def test_the_backlog_is_read_in_a_worker_and_shown_when_its_message_arrives(
    make, ui, monkeypatch
) -> None:
    reads = spy_threads(monkeypatch, ArchiveSummary, "read")
    loaded: list[ArchiveListScreen.Loaded] = []

    def hook(message: Any) -> None:
        if isinstance(message, ArchiveListScreen.Loaded):
            loaded.append(message)

    app = make(None)
    async with app.run_test(size=(120, 30), message_hook=hook) as pilot:
        await pilot.press("b")
        assert isinstance(app.screen, BacklogScreen)
        assert app.screen.query_one("#loading").display is False
        assert len(ui.rows(app)) == 3
        await pilot.press("escape", "f")
        assert isinstance(app.screen, FollowUpsScreen) and ui.rows(app)
    messages = list({id(m): m for m in loaded}.values())  # the hook sees each at every dispatch
    assert [len(m.entries) for m in messages] == [3, 8]
    assert reads and all(name != threading.main_thread().name for name in reads)


async def test_a_long_list_is_added_a_page_at_a_time_as_the_cursor_reaches_its_end(
    make, ui, data_dir: Path
) -> None:
    meetings = data_dir / "meetings"
    text = (meetings / f"{CLOSED_ID}.json").read_text(encoding="utf-8")
    for n in range(80):  # 80 copies of the closed meeting: 3 deferrals each
        copy = f"202609{1 + n % 28:02d}-c{n:03d}"
        (meetings / f"{copy}.json").write_text(text.replace(CLOSED_ID, copy), encoding="utf-8")
    app = make(None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("b")
        table = app.screen.query_one("DataTable")
        assert len(app.screen.entries) == 243 and table.row_count == PAGE
        await pilot.press("ctrl+end")
        assert table.row_count == 243
        await pilot.press("ctrl+end")
        assert table.cursor_row == 242
        assert ui.rows(app)[-1][2] == ui.rows(app)[-4][2]  # every meeting's same three items


async def test_closing_stores_the_close_first_and_every_write_on_the_ui_thread(
    make, monkeypatch, data_dir: Path
) -> None:
    path = open_archive(data_dir).meeting_path(LIVE_ID)
    composed = spy_threads(monkeypatch, record, "sealed_minutes")
    writes: list[tuple[str, dict[str, Any]]] = []
    real_replace = fs.replace

    def replace(source: Any, target: Any) -> None:
        if Path(target) == path:
            on_disk = json.loads(Path(source).read_text(encoding="utf-8"))
            writes.append((threading.current_thread().name, on_disk))
        real_replace(source, target)

    monkeypatch.setattr(fs, "replace", replace)
    app = make(LIVE_ID)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("x", "y")
        assert isinstance(app.screen, MinutesPreviewScreen)
        assert app.live.state.status is MeetingStatus.CLOSED
        assert "会议已结束，纪要已保存（第 1 版）" in app.notices.messages()
    assert composed and composed[0] != threading.main_thread().name
    assert {name for name, _ in writes} == {threading.main_thread().name}
    first_minutes = next(n for n, (_, data) in enumerate(writes) if data.get("minutes"))
    last_kinds = [
        [event["kind"] for event in data["events"].values()][-1]
        for _, data in writes[:first_minutes]
    ]
    assert "meeting_closed" in last_kinds  # the close was on disk before the minutes


async def test_a_pick_and_a_done_change_their_row_in_place_as_a_fresh_read_shows_it(
    make, draft, ui
) -> None:
    later = datetime(2027, 4, 15, 10, 0, tzinfo=CST)
    app = make(draft, clock=lambda: later)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("b")
        await pilot.press("down", "enter")
        picked = ui.rows(app)
        assert picked[1][3].startswith("已列入议程")
        await pilot.press("escape", "b")
        await read_in(pilot, app)
        assert ui.rows(app) == picked
        await pilot.press("escape", "f")
        before = ui.rows(app)
        await pilot.press("d")
        shown = ui.rows(app)
        assert shown[0][3] == "已落实 2027-04-15" and shown[1:] == before[1:]  # in its row
        await pilot.press("escape")  # left: the row goes to its place, the end
        assert app.screen_stack[-1] is not app.get_screen("archive-list.FollowUpsScreen")
        await pilot.press("f")
        done = ui.rows(app)
        assert done[-1][3] == "已落实 2027-04-15" and done[-1][:3] == before[0][:3]
        assert done[:-1] == before[1:]
        await pilot.press("escape", "f")
        await read_in(pilot, app)
        assert ui.rows(app) == done


async def test_a_read_that_fails_in_its_worker_is_named_and_never_leaves_the_list_loading(
    make, ui, monkeypatch
) -> None:
    def broken(self: ArchiveSummary) -> Any:
        raise TypeError("Object of type RuleOutcome is not JSON serializable")

    monkeypatch.setattr(ArchiveSummary, "read", broken)
    app = make(None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("b")
        screen = app.screen
        assert isinstance(screen, BacklogScreen) and screen.working is False
        assert screen.query_one("#loading").display is False
        problems = str(screen.query_one("#problems").render())
        assert "读取存档" in problems and "RuleOutcome" in problems
        await pilot.press("escape")
        assert not isinstance(app.screen, BacklogScreen)


async def test_leaving_or_reopening_before_the_minutes_worker_is_back_loses_no_version(
    make, monkeypatch, data_dir: Path
) -> None:
    """The worker is held; the chair reopens and leaves meanwhile: each close has its version."""
    import asyncio

    from meeting_tui.domain import commands as c
    from meeting_tui.tui.screens.session import SessionScreen
    from meeting_tui.tui.screens.start import StartScreen

    gate = threading.Event()
    real = record.sealed_minutes

    def held(made_from: Any) -> Any:
        if threading.current_thread() is not threading.main_thread():
            gate.wait(10)
        return real(made_from)

    monkeypatch.setattr(record, "sealed_minutes", held)
    app = make(LIVE_ID)
    async with app.run_test(size=(100, 30)):
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen._close_confirmed(True)  # the worker now waits at the gate
        screen.run_command(lambda s: c.reopen_meeting(s, "补充一项"))  # settles version 1
        screen._close_confirmed(True)
        app.back_to_start()  # leaves: settles version 2
        gate.set()
        for _ in range(500):
            if not any(w.is_running for w in app.workers):
                break
            await asyncio.sleep(0.01)
        assert isinstance(app.screen, StartScreen)
    docs = read_minutes_table(open_archive(data_dir), LIVE_ID)
    assert [d["version"] for d in docs] == [1, 2]
    assert docs[0]["closed_seq"] < docs[1]["closed_seq"]


async def test_a_done_that_leaves_a_long_page_changes_only_its_row_as_a_fresh_read_shows_it(
    make, ui, data_dir: Path
) -> None:
    meetings = data_dir / "meetings"
    text = (meetings / f"{CLOSED_ID}.json").read_text(encoding="utf-8")
    for n in range(60):  # 60 copies of the closed meeting: its follow-ups, 60 times over
        copy = f"202609{1 + n % 28:02d}-c{n:03d}"
        (meetings / f"{copy}.json").write_text(text.replace(CLOSED_ID, copy), encoding="utf-8")
    later = datetime(2027, 4, 15, 10, 0, tzinfo=CST)
    app = make(None, clock=lambda: later)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f")
        screen = app.screen
        table = screen.query_one("DataTable")
        assert len(screen.entries) > PAGE and table.row_count == PAGE
        await pilot.press("down", "down")
        first = ui.rows(app)
        chosen = screen.selected()
        assert chosen is not None and chosen.done_on is None
        keys = [row.key for row in table.ordered_rows]
        await pilot.press("d")
        shown = ui.rows(app)
        assert [row.key for row in table.ordered_rows] == keys  # every row kept
        assert shown[2][3] == "已落实 2027-04-15"
        assert shown[:2] == first[:2] and shown[3:] == first[3:]  # the others as they were
        await pilot.press("escape")  # left: the row leaves the page
        await pilot.press("f")
        assert app.screen is screen
        done = ui.rows(app)
        assert table.row_count == PAGE and table.cursor_row == 2
        assert done[:2] == first[:2] and done[2:-1] == first[3:]  # the row left the page
        await pilot.press("escape", "f")
        await read_in(pilot, app)
        assert ui.rows(app) == done  # what a fresh read shows
        assert any(
            e.origin == chosen.origin and e.done_on == "2027-04-15" for e in app.screen.entries
        )


async def test_a_list_made_from_the_summary_is_kept_for_the_next_open_of_a_still_archive(
    make, data_dir: Path, monkeypatch
) -> None:
    import asyncio
    import os

    from meeting_tui.store.archive_lists import FOLLOWUPS, KeptLists
    from meeting_tui.tui.screens import archive_list

    archive = open_archive(data_dir)
    for path in (archive.meetings_dir, archive.index_path):  # last written yesterday
        then = os.stat(path).st_mtime_ns - 86_400 * 10**9
        os.utime(path, ns=(then, then))
    monkeypatch.setattr(archive_list, "KEEP_AFTER_SECONDS", 0.0)
    kept = data_dir / "summaries" / "followups.lines"
    app = make(None)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f")
        shown = list(app.screen.entries)
        for _ in range(200):
            if kept.exists():
                break
            await asyncio.sleep(0.02)
    read = KeptLists(open_archive(data_dir)).read(FOLLOWUPS)
    assert read.lines is not None  # from the file the screen kept
    assert list(read.entries) == shown and len(shown) == 8
