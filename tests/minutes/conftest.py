"""Fixtures for the minutes tests: the 南苑 demo, and a meeting full of personal data and markup.

The "hostile" meeting is what a real one can hold: full names, a phone and
an ID number read out and typed into the notes, a motion typed as HTML, a
recount, a deferral, a motion left without a vote and a withdrawal.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from meeting_ahead import roster_script

from meeting_tui.demo import CLOSED_ID, ScriptedMeeting, closed_log
from meeting_tui.domain import commands as c
from meeting_tui.domain.events import Event
from meeting_tui.domain.fold import fold
from meeting_tui.domain.model import MeetingState
from meeting_tui.minutes import Minutes

CST = timezone(timedelta(hours=8))
START = datetime(2026, 11, 27, 14, 32, tzinfo=CST)

PHONE = "13812345678"
ID_NUMBER = "110101199003071234"
SCRIPT = "<script>alert(1)</script>"
FULL_NAMES = ("刘建国", "王小明", "李建华", "张伟", "赵大强", "孙丽娟")


class Script(ScriptedMeeting):
    """The demo's script runner, starting at this file's START; motions raised a minute apart."""

    def __init__(self, start: datetime = START) -> None:
        super().__init__(start)

    def raise_(self, text: str, minutes: float = 1, **fields: Any) -> str:
        return super().raise_(text, minutes, **fields)


def hostile_script(lang: str = "zh", note: str = "") -> Script:
    """An in-session meeting holding names, numbers and markup (see the module docstring)."""
    run = Script()
    run(
        c.create_meeting(
            "20261127-host",
            "幸福里 <b>议事会</b> & 圆桌会",
            "roundtable",
            community="幸福里社区",
            location="活动室",
            facilitator="刘建国",
            recorder="王小明",
            lang=lang,
        ),
        0,
    )
    run(c.add_items(run.state, [("楼道改造", 20, ""), ("其他", 10, "")]), 0)
    run(c.set_headcounts(run.state, {"resident": 30, "staff": 2}), 0)
    run(c.add_attendee(run.state, "孙丽娟", "resident", "3号楼"), 0)
    run(c.step_agenda(run.state, 1))
    script = run.raise_(
        SCRIPT,
        proposer="李建华",
        note=note or f"李建华说：有事打 {PHONE}，身份证 {ID_NUMBER}",
    )
    run(c.record_vote(run.state, script, 10, 15, 5))
    run(c.defer(run.state, script, "需核实，联系赵大强", "社区工作人员", "2026-12-20"))
    named = run.raise_("加装楼道扶手", proposer="张伟", show_proposer_name=True)
    run(c.record_vote(run.state, named, 20, 5, 5))
    run(c.record_vote(run.state, named, 22, 4, 4, recount=True))
    run(c.assign_followup(run.state, named, "赵大强", "2027-02-28"))
    run(c.respond(run.state, named, "物业同意配合", "赵大强"))
    run(c.step_agenda(run.state, 1))
    run.raise_("更换路灯", proposer="孙丽娟")
    gone = run.raise_("取消停车收费", proposer="居民")
    run(c.withdraw(run.state, gone, "提议人撤回"))
    return run


@pytest.fixture
def nanyuan_events() -> list[Event]:
    return closed_log()


@pytest.fixture
def nanyuan_state(nanyuan_events: list[Event]) -> MeetingState:
    return fold(nanyuan_events)


@pytest.fixture
def nanyuan(nanyuan_state: MeetingState, nanyuan_events: list[Event]) -> Minutes:
    return Minutes.build(nanyuan_state, nanyuan_events)


@pytest.fixture
def hostile() -> Script:
    return hostile_script()


@pytest.fixture
def closed_id() -> str:
    return CLOSED_ID


class Hostile:
    """The hostile meeting's ingredients, for tests (a fixture, so no test imports conftest)."""

    PHONE = PHONE
    ID_NUMBER = ID_NUMBER
    SCRIPT = SCRIPT
    FULL_NAMES = FULL_NAMES
    script = staticmethod(hostile_script)


@pytest.fixture
def bad() -> type[Hostile]:
    return Hostile


@pytest.fixture
def roster() -> ScriptedMeeting:
    return roster_script()
