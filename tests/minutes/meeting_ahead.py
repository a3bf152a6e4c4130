"""A meeting set up ahead of time, with a roster: what the sign-in sheet and the notice print from.

A module of its own (not conftest) so the printing and golden tests can
build the same meeting at module scope.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from meeting_tui.demo import ScriptedMeeting
from meeting_tui.domain import commands as c

CST = timezone(timedelta(hours=8))

ROSTER_PARTIES = ["resident"] * 34 + ["staff"] * 3 + ["property", "contractor", "unit"]
SURNAMES, GIVEN = "李王张刘陈杨赵黄周吴", ("建国", "小明", "秀英", "海燕", "志强", "桂兰", "欧阳明")


def roster_script(people: int = 40) -> ScriptedMeeting:
    """A meeting set up days ahead: planned 19:00–21:00, `people` residents signed up by name."""
    run = ScriptedMeeting(datetime(2026, 11, 27, 9, 0, tzinfo=CST))
    run(
        c.create_meeting(
            "20261130-sign", "幸福里楼道改造 居民议事会", "council", community="幸福里社区",
            location="三号楼前", facilitator="居委会刘主任",
            planned_start="2026-11-30T19:00+08:00", planned_end="2026-11-30T21:00+08:00",
        ),
        0,
    )  # fmt: skip
    run(c.add_items(run.state, [("开场说明", 5, ""), ("楼道改造", 40, "施工方说明方案")]), 0)
    for n in range(people):
        name = SURNAMES[n % 10] + GIVEN[n % 7]
        party = ROSTER_PARTIES[n % len(ROSTER_PARTIES)]
        run(c.add_attendee(run.state, name, party, f"{n % 6 + 1}号楼{n % 3 + 1}单元"), 0)
    return run
