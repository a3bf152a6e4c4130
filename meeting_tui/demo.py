"""The 南苑 demo: the meeting of DESIGN §2, told step by step through the domain's commands.

Two logs ship in `data/demo/`: the whole meeting, closed, and an in-session copy
that stops after the first item was decided, for trying every key. Both are
written by `python -m meeting_tui.demo` from the script below, and a test
checks that the shipped files are what the script gives. Loaded for trying
out (`meeting-tui demo`, `d` on the start screen), the in-session copy is
dated that day, so its clock reads minutes, not weeks, and no item is over time.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from meeting_tui import locations
from meeting_tui.domain import commands as c
from meeting_tui.domain.events import Draft, Event, events_from_json
from meeting_tui.domain.log import MeetingLog
from meeting_tui.domain.model import MeetingState
from meeting_tui.store.archive import Archive
from meeting_tui.store.live import LiveMeeting

CST = timezone(timedelta(hours=8))
CLOSED_ID = "20261017-nany"
LIVE_ID = "20261121-demo"
LIVE_SHOWN_AT = datetime(2026, 11, 21, 9, 50, tzinfo=CST)
"""The moment the in-session copy's story is meant to be looked at: its last step is minutes before."""

AGENDA: list[tuple[str, int, str]] = [
    ("开场说明", 5, "介绍改造项目、施工方和议事规则"),
    ("电线改造", 15, "楼道和院内电线老化"),
    ("大门与单元门", 20, "大门位置、单元门样式和更换"),
    ("保温与防水", 10, ""),
    ("绿化与外墙", 20, ""),
    ("自行车棚与路面", 20, ""),
    ("其他建议", 20, "居民自由提出"),
    ("总结", 5, "宣读表决结果和暂缓事项"),
]


class ScriptedMeeting:
    """Runs commands against a MeetingLog with a clock that moves as the meeting does.

    The demo is told with it, and so are the tests and benchmarks that need a
    whole meeting without a store.
    """

    def __init__(self, start: datetime) -> None:
        self.log = MeetingLog()
        self.now = start

    @property
    def state(self) -> MeetingState:
        return self.log.state

    def __call__(self, drafts: Sequence[Draft], minutes: float = 1) -> None:
        self.now += timedelta(minutes=minutes)
        self.log.commit(self.log.prepare(drafts, self.now))

    def last_motion(self) -> str:
        return max(self.log.state.motions.values(), key=lambda m: m.number).id

    def raise_(self, text: str, minutes: float = 2, **fields: Any) -> str:
        self(c.raise_motion(self.log.state, text, **fields), minutes)
        return self.last_motion()


def _opening(meeting_id: str, start: datetime) -> ScriptedMeeting:
    run = ScriptedMeeting(start - timedelta(days=3))
    s = run.log
    run(
        c.create_meeting(
            meeting_id,
            "电大家属院老旧小区改造 民主协商议事会",
            "bench",
            community="南苑社区",
            location="电大家属院西门旁空地",
            planned_start=start.isoformat(timespec="minutes"),
            planned_end=(start + timedelta(hours=2)).isoformat(timespec="minutes"),
            facilitator="居委会刘主任",
            recorder="社区工作人员小王",
            default_rule="simple_majority",
            voting_parties=["resident"],
        ),
        0,
    )
    run(c.add_items(s.state, AGENDA), 5)
    run.now = start - timedelta(minutes=1)
    run(
        c.set_headcounts(s.state, {"resident": 38, "staff": 3, "property": 1, "contractor": 2}),
        0,
    )
    run(c.step_agenda(s.state, 1), 1)  # 开场说明
    run(c.step_agenda(s.state, 1), 6)  # 电线改造
    m = run.raise_(
        "电线入地改造：楼内外老化电线全部像新小区一样入地",
        proposer="李姓居民",
        category="safety",
        note="电线表皮腐蚀老化，容易触电",
    )
    run(c.acclaim(s.state, m), 3)
    run(c.assign_followup(s.state, m, "施工方", "2027-05-31"), 1)
    return run


def _rest_of_meeting(run: ScriptedMeeting) -> None:
    s = run.log
    run(c.step_agenda(s.state, 1), 2)  # 大门与单元门
    gate = run.raise_(
        "重新商议小区大门位置（现大门把小区和学校隔开）", proposer="居民", category="governance"
    )
    run(c.set_attendance(s.state, "resident", 40), 2)  # two late arrivals
    run(c.record_vote(s.state, gate, 14, 20, 6), 4)
    run(c.defer(s.state, gate, "涉及学校和街道，需三方协调后再议", "社区工作人员", "下次议事会"), 1)
    door = run.raise_("更换单元门，统一样式并加装门禁", proposer="张姓居民", category="safety")
    run(c.record_vote(s.state, door, 31, 5, 4), 3)
    run(c.assign_followup(s.state, door, "施工方", "2027-03-31"), 1)
    run(c.step_agenda(s.state, 1), 3)  # 保温与防水
    roof = run.raise_(
        "重新做保温层和防水层",
        proposer="居民",
        category="environment",
        note="保温层和防水层早已老化失去保温作用",
    )
    run(c.respond(s.state, roof, "前期已经考虑，会重新做保温层和防水层并加固", "施工方负责人"), 2)
    run(c.mark_answered(s.state, roof), 1)
    run(c.step_agenda(s.state, 1), 4)  # 绿化与外墙
    green = run.raise_("补种绿化，恢复楼间绿地", proposer="居民", category="environment")
    run(c.record_vote(s.state, green, 33, 3, 4), 3)
    run(c.assign_followup(s.state, green, "施工方", "2027-06-30"), 1)
    wall = run.raise_("外墙粉刷，颜色与周边小区协调", proposer="王姓居民", category="environment")
    run(c.record_vote(s.state, wall, 27, 9, 4), 3)
    run(c.assign_followup(s.state, wall, "施工方", "2027-06-30"), 1)
    run(c.step_agenda(s.state, 1), 5)  # 自行车棚与路面
    shed = run.raise_(
        "新建自行车棚（带电动车充电）", proposer="居民", category="safety", cost=85000
    )
    run(c.record_vote(s.state, shed, 26, 10, 4), 4)
    run(c.assign_followup(s.state, shed, "施工方", "2027-04-30"), 1)
    road = run.raise_(
        "院内路面重新铺设",
        proposer="居民",
        category="environment",
        cost=180000,
        note="费用超过 10 万元，列入改造项目资金",
    )
    run(c.record_vote(s.state, road, 37, 0, 3), 3)
    run(c.assign_followup(s.state, road, "施工方", "2027-05-31"), 1)
    run(c.step_agenda(s.state, 1), 4)  # 其他建议
    charge = run.raise_("增设电动车集中充电桩", proposer="居民", category="safety")
    run(c.defer(s.state, charge, "需先核实院内用电容量", "社区工作人员", "2026-12-15"), 3)
    light = run.raise_("楼道灯更换为声控灯", proposer="赵姓居民", category="safety")
    run(c.record_vote(s.state, light, 36, 1, 3), 3)
    run(c.assign_followup(s.state, light, "施工方", "2027-01-31"), 1)
    gym = run.raise_("在西门空地增设健身器材", proposer="居民", category="culture")
    run(c.record_vote(s.state, gym, 15, 19, 6), 3)
    run(c.note_motion(s.state, gym, "空地需留作消防通道，多数居民不赞成"), 1)
    trash = run.raise_("调整垃圾分类亭位置，远离单元门口", proposer="居民", category="environment")
    run(c.record_vote(s.state, trash, 18, 16, 6), 3)
    run(c.undo(s.state), 1)  # the recorder typed the tally wrong: undo, then the recount
    run(c.record_vote(s.state, trash, 16, 18, 6), 1)
    run(
        c.defer(
            s.state, trash, "意见接近，待物业提出两个备选位置后再议", "社区工作人员", "下次议事会"
        ),
        1,
    )
    run(c.step_agenda(s.state, 1), 3)  # 总结
    run(c.close_meeting(s.state), 6)


def closed_log() -> list[Event]:
    run = _opening(CLOSED_ID, datetime(2026, 10, 17, 14, 30, tzinfo=CST))
    _rest_of_meeting(run)
    return run.log.events


def live_log() -> list[Event]:
    run = _opening(LIVE_ID, datetime(2026, 11, 21, 9, 30, tzinfo=CST))
    s = run.log
    run(c.step_agenda(s.state, 1), 2)  # 大门与单元门: ready for the next motion
    run.raise_(
        "重新商议小区大门位置（现大门把小区和学校隔开）", proposer="居民", category="governance"
    )
    return run.log.events


def demo_files() -> dict[str, Path]:
    folder = locations.bundled_data_directory() / "demo"
    return {CLOSED_ID: folder / "nanyuan_closed.json", LIVE_ID: folder / "nanyuan_live.json"}


def load_demo_logs() -> dict[str, list[Event]]:
    """The shipped demo logs, by meeting id."""
    return {
        meeting_id: events_from_json(json.loads(path.read_text(encoding="utf-8")))
        for meeting_id, path in demo_files().items()
    }


def install_demo(archive: Archive, now: datetime | None = None) -> list[str]:
    """Put both demo meetings into `archive` unless already there; the ids written.

    With `now`, the in-session copy is dated so that `now` is its LIVE_SHOWN_AT;
    a copy already in the archive is the facilitator's practice and is left as it is.
    """
    logs = load_demo_logs()
    if now is not None:
        logs[LIVE_ID] = dated(logs[LIVE_ID], now)
    return [
        meeting_id
        for meeting_id, events in logs.items()
        if LiveMeeting.install(archive, meeting_id, events)
    ]


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?P<seconds>:\d{2})?([+-]\d{2}:\d{2})?")


def dated(events: Sequence[Event], now: datetime) -> list[Event]:
    """The same log moved in time so that LIVE_SHOWN_AT falls on `now` (in `now`'s time zone).

    Event times and the times and dates in payloads (planned start and end, due
    dates) move together, so durations, the order of events and the story stay.
    """
    delta = now - LIVE_SHOWN_AT
    days = now.date() - LIVE_SHOWN_AT.date()

    def move(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: move(v) for key, v in value.items()}
        if isinstance(value, list):
            return [move(v) for v in value]
        if not isinstance(value, str):
            return value
        if found := _DATETIME.fullmatch(value):
            spec = "seconds" if found["seconds"] else "minutes"
            moved = (datetime.fromisoformat(value) + delta).astimezone(now.tzinfo)
            return moved.isoformat(timespec=spec)
        if _DATE.fullmatch(value):
            return (datetime.fromisoformat(value).date() + days).isoformat()
        return value

    return [Event(e.seq, move(e.at), e.kind, move(e.payload)) for e in events]


def dump(events: Sequence[Event]) -> str:
    return json.dumps([e.to_json() for e in events], ensure_ascii=False, indent=1) + "\n"


def main(argv: Sequence[str] = ()) -> int:
    """Rewrite `data/demo/*.json` from the script (`python -m meeting_tui.demo`)."""
    logs = {CLOSED_ID: closed_log(), LIVE_ID: live_log()}
    for meeting_id, path in demo_files().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(logs[meeting_id]), encoding="utf-8")
        print(f"wrote {path} ({len(logs[meeting_id])} events)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
