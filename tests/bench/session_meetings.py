"""The meetings and archives the TUI benchmarks open, built through the domain's commands.

Not a benchmark itself (no `bench_` prefix). Everything is built once per
`make bench` run into one temp folder (`Fixtures`), then reused by every
measure of that run:

- `live500`: a meeting in session of 500 motions (50 items of 10), all raised and
  undecided, so a vote or a deferral can land on any of them;
- `closed200`: bench_minutes' closed 200-motion meeting (votes, recounts,
  follow-ups, deferrals, answers), for the minutes preview, `publish` and `export`;
- `archive10` / `archive5000`: that many closed 10-motion meetings (2 deferrals and
  6 follow-ups each). One log is built through the commands and written under each
  id; the archive index is then rebuilt by the store, as after a restore.
"""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from meeting_tui.domain import commands as c
from meeting_tui.domain.events import Draft, Event
from meeting_tui.domain.log import MeetingLog
from meeting_tui.store.archive import Archive
from meeting_tui.store.live import LiveMeeting

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_minutes import CST, HEADCOUNT, long_meeting

LIVE_ID, CLOSED_ID, TEMPLATE_ID = "20261201-l500", "20261127-long", "20261127-long"
LIVE_MOTIONS, LIVE_PER_ITEM = 500, 10


def live_meeting(motions: int = LIVE_MOTIONS) -> list[Event]:
    """In session since ten minutes ago, on item 1; every motion raised, none decided."""
    log, now = MeetingLog(), datetime.now(CST) - timedelta(minutes=10)

    def run(drafts: list[Draft]) -> None:
        nonlocal now
        now += timedelta(milliseconds=500)
        log.commit(log.prepare(drafts, now))

    run(c.create_meeting(LIVE_ID, "全年议题汇总 议事会（进行中）", "council", community="南苑社区",
                         location="社区活动中心", facilitator="居委会刘主任"))  # fmt: skip
    items = motions // LIVE_PER_ITEM
    run(c.add_items(log.state, [(f"第{n}组议题", 600, "") for n in range(1, items + 1)]))
    run(c.set_headcounts(log.state, HEADCOUNT))
    run(c.step_agenda(log.state, 1))
    for n in range(motions):
        item = log.state.items[n // LIVE_PER_ITEM].id
        run(c.raise_motion(log.state, f"第{n + 1}项：楼道照明与电线改造，涉及{n % 7 + 1}号楼",
                           proposer="李姓居民", item_id=item))  # fmt: skip
    return log.events


@dataclass(frozen=True)
class Fixtures:
    live500: Path  # data folders
    closed200: Path
    archive10: Path
    archive5000: Path


def build(root: Path) -> Fixtures:
    live, closed = root / "live500", root / "closed200"
    LiveMeeting.install(Archive(live), LIVE_ID, live_meeting())
    LiveMeeting.install(Archive(closed), CLOSED_ID, long_meeting())
    template = root / "template"
    LiveMeeting.install(Archive(template), TEMPLATE_ID, long_meeting(10))
    text = (template / "meetings" / f"{TEMPLATE_ID}.json").read_text(encoding="utf-8")
    template_row = Archive(template).read_meeting(TEMPLATE_ID)[0]
    archives = []
    for count in (10, 5_000):
        folder = root / f"archive{count}"
        (folder / "meetings").mkdir(parents=True)
        index: dict[str, dict[str, object]] = {}
        for n in range(count):
            meeting_id = f"2020{1 + n // 28 % 12:02d}{1 + n % 28:02d}-a{n:04d}"
            (folder / "meetings" / f"{meeting_id}.json").write_text(
                text.replace(TEMPLATE_ID, meeting_id), encoding="utf-8"
            )
            index[str(n + 1)] = {**template_row, "id": meeting_id}
        # The index as the archive keeps it (a TinyDB table `meetings`), written once.
        Archive(folder).index_path.write_text(
            json.dumps({"meetings": index}, ensure_ascii=False), encoding="utf-8"
        )
        archives.append(folder)
    shutil.rmtree(template)
    return Fixtures(live, closed, archives[0], archives[1])
