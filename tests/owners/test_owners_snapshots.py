"""Snapshots of the owners' decision list and screen at 80×24 and 120×40.

The decision is built from fixed commands at a fixed time; the room input
has its cursor blink off. Regenerate with `pytest tests/owners
--snapshot-update` and look at the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from owners_cases import T0
from textual.widgets import Input

from meeting_tui.domain.owners import decision as d
from meeting_tui.domain.owners.roster_csv import parse_roster
from meeting_tui.store.owners import DecisionArchive, LiveDecision

SIZES = [(80, 24), (120, 40)]
ID = "20261121-kxdj"
FIRMS = (
    "宁夏安居物业",
    "银川嘉和物业",
    "金凤区恒泰物业",
    "凯旋物业服务",
    "中房物业",
    "宏洋物业",
    "绿城服务",
)


@pytest.fixture
def decision(data_dir: Path) -> str:
    """Six buildings of eight units, seven firms, a few answers in."""
    lines = ["楼号,单元,房号,业主,登记面积,业主标识"]
    for building in range(1, 7):
        for floor in range(1, 5):
            for door in (1, 2):
                area = f"{80 + building * 3 + door * 7}.{floor * 11:02d}"
                lines.append(f"{building},1,{floor}0{door},业主{building}{floor}{door},{area},")
    live = LiveDecision.create(
        DecisionArchive(data_dir),
        d.create_decision(ID, "凯旋帝景小区物业选聘", "", "ordinary", FIRMS, "宁安社区"),
        lambda: T0,
    )
    live.execute(d.import_roster(live.state, parse_roster("\n".join(lines).encode()), "清册.csv"))
    for unit, answer in (("1-1-101", "4"), ("1-1-102", "4"), ("2-1-201", "1"), ("3-1-302", "0")):
        live.record(unit, answer, "visit", "崔辉")
    live.close()
    return ID


async def open_decision(pilot: Any) -> None:
    await pilot.press("o", "enter")
    await pilot.pause()
    await pilot.press(*"崔辉", "enter")
    await pilot.press(*"4-1-202", "enter")
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_owners_list(make: Any, decision: str, snap_compare: Any, size: tuple[int, int]) -> None:
    async def open_list(pilot: Any) -> None:
        await pilot.press("o")

    assert snap_compare(make(None), terminal_size=size, run_before=open_list)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_owners_screen(make: Any, decision: str, snap_compare: Any, size: tuple[int, int]) -> None:
    assert snap_compare(make(None), terminal_size=size, run_before=open_decision)
