"""The owners' screen: room number, one key, saved; live tally; withdraw; close; 80×24."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from owners_cases import T0
from textual.geometry import Region

from meeting_tui.domain.checkpoint import Checkpoint
from meeting_tui.domain.owners import decision as d
from meeting_tui.domain.owners.roster_csv import parse_roster
from meeting_tui.domain.owners.rules import Counts
from meeting_tui.domain.owners.tally import tally
from meeting_tui.store.owners import DecisionArchive, LiveDecision
from meeting_tui.tui.screens.owners import OwnersScreen
from meeting_tui.tui.screens.owners_list import OwnersListScreen
from meeting_tui.tui.widgets.owners_roster import RosterWindow
from meeting_tui.tui.widgets.owners_tally import BuildingProgressPanel, OwnersTally

ROSTER = "楼号,单元,房号,业主,登记面积,业主标识\n3,2,501,张建国,89.50,A\n3,2,502,张建国,90.00,A\n1,1,101,李红,100.00,\n"
ID = "20261121-kxdj"


def make_decision(root: Path, candidates: tuple[str, ...] = ()) -> None:
    live = LiveDecision.create(
        DecisionArchive(root),
        d.create_decision(ID, "物业选聘", "", "ordinary", candidates),
        lambda: T0,
    )
    live.execute(d.import_roster(live.state, parse_roster(ROSTER.encode()), "清册.csv"))
    live.close()


async def open_owners(pilot: Any) -> OwnersScreen:
    await pilot.press("o")
    await pilot.pause()
    assert isinstance(pilot.app.screen, OwnersListScreen)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*"崔辉", "enter")  # the collector, asked on opening
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, OwnersScreen)
    return screen


async def test_a_room_and_one_key_record_an_answer_on_disk(make: Any, data_dir: Path) -> None:
    make_decision(data_dir)
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_owners(pilot)
        await pilot.press(*"3-2-501", "enter")
        assert "张建国" in str(screen.query_one("#unit").render())
        await pilot.press("1")
        await pilot.pause()
        assert "已保存" in str(screen.query_one("#unit").render())
        assert screen.focused is screen.query_one("#room")
        await pilot.press(*"1 1 101", "enter", "2")
        await pilot.pause()
        shown = app.export_screenshot()
        assert "赞成" in shown and "各楼入户比例" in shown
    state = DecisionArchive(data_dir).read(ID)
    assert {u: b.answer for u, b in state.current.items()} == {"3-2-501": "yes", "1-1-101": "no"}
    assert state.current["3-2-501"].collector == "崔辉"
    assert state.current["3-2-501"].method is d.BallotMethod.VISIT
    DecisionArchive(data_dir).open(ID).close()  # the screen released the lock


async def test_unknown_room_is_said_and_nothing_is_recorded(make: Any, data_dir: Path) -> None:
    make_decision(data_dir)
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_owners(pilot)
        await pilot.press(*"9-9-909", "enter", "1")
        await pilot.pause()
        assert "9-9-909" in str(screen.query_one("#unit").render())
        assert screen.query_one("#unit").has_class("-error")
    assert DecisionArchive(data_dir).read(ID).history == ()


async def test_a_correction_withdrawal_and_close_from_the_screen(make: Any, data_dir: Path) -> None:
    make_decision(data_dir, ("甲物业", "乙物业"))
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_owners(pilot)
        for keys in ("3-2-501", "1-1-101"):
            await pilot.press(*keys, "enter", "1")
        await pilot.press(
            *"3-2-501", "enter", "2"
        )  # correction: both of 张建国's units? only one answered
        await pilot.press(*"1-1-101", "enter", "w")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "已撤回" in str(screen.query_one("#unit").render())
        await pilot.press("f2")  # written ballots from now on
        await pilot.press(*"3-2-502", "enter", "2")
        await pilot.press("f5", "y")
        await pilot.pause()
        assert screen.state.closed
        (result,) = DecisionArchive(data_dir).read_results(ID)  # the close sealed the record
        digest = Checkpoint.from_json(result["checkpoint"]).digest
        assert any(digest in m for m in app.notices.messages())
    state = DecisionArchive(data_dir).read(ID)
    assert [(b.unit, b.answer) for b in state.history] == [
        ("3-2-501", "1"),
        ("1-1-101", "1"),
        ("3-2-501", "2"),
        ("3-2-502", "2"),
    ]
    assert state.history[1].withdrawn_at is not None
    assert state.current["3-2-502"].method is d.BallotMethod.WRITTEN
    assert tally(state).counts("2") == Counts(17950, 1)
    assert state.closed and state.outcome is not None


async def test_the_roster_follows_the_room_entered_and_scrolls(make: Any, data_dir: Path) -> None:
    from meeting_tui.tui.widgets.owners_roster import RosterWindow

    make_decision(data_dir)
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_owners(pilot)
        roster = screen.query_one(RosterWindow)
        await pilot.press(*"1-1-101", "enter")
        assert roster.index == 2
        assert "1-1-101" in str(roster.render())
        await pilot.press("escape", "tab", "up")
        assert screen.focused is roster and roster.index == 1
        await pilot.press("home")
        assert roster.index == 0


async def test_f6_writes_the_announcement_and_the_record(make: Any, data_dir: Path) -> None:
    make_decision(data_dir)
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_owners(pilot)
        await pilot.press(*"3-2-501", "enter", "1", "f6")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("已写入" in m for m in app.notices.messages())
        await pilot.press("f6")  # a second export never overwrites the first
        await app.workers.wait_for_complete()
        await pilot.pause()
    folder = data_dir / "exports" / ID
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "物业选聘_表决结果公告-2.html",
        "物业选聘_表决结果公告.html",
        "物业选聘_表决记录-2.csv",
        "物业选聘_表决记录-2.docx",
        "物业选聘_表决记录.csv",
        "物业选聘_表决记录.docx",
    ]
    page = (folder / "物业选聘_表决结果公告.html").read_text(encoding="utf-8")
    assert "张建国" not in page and "3-2-501" not in page and "崔辉" not in page
    record = (folder / "物业选聘_表决记录.csv").read_text(encoding="utf-8-sig")
    assert "张建国" in record and "崔辉" in record


async def _painted(pilot: Any, screen: OwnersScreen) -> list[str]:
    """The tally, building and roster panels as last painted (clean lines are not rendered again)."""
    await pilot.pause()
    lines = []
    panels = (OwnersTally, BuildingProgressPanel, RosterWindow)
    for panel in (screen.query_one(kind) for kind in panels):
        region = Region(0, 0, *panel.outer_size)
        lines += [strip.text for strip in panel.render_lines(region)]
    return lines


async def test_redrawing_only_changed_lines_shows_what_a_full_redraw_shows(
    make: Any, data_dir: Path
) -> None:
    """After answers, a correction and a withdrawal, the panels as painted line by line
    equal the same panels painted afresh by a new session on the same file (the roster
    window centred on the same unit)."""
    make_decision(data_dir, ("甲物业", "乙物业"))
    app = make(None)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_owners(pilot)
        first = await _painted(pilot, screen)
        for keys, answer in (("3-2-501", "1"), ("1-1-101", "2"), ("3-2-501", "2")):
            await pilot.press(*keys, "enter", answer)
        await pilot.press(*"1-1-101", "enter", "w")
        await pilot.pause()
        await pilot.press("enter")
        after = await _painted(pilot, screen)
    assert after != first
    again = make(None)
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await open_owners(pilot)
        await pilot.press(*"1-1-101", "enter")  # the roster window centred on the same unit
        fresh = await _painted(pilot, screen)
    assert after == fresh
