"""Closed meetings made through the domain's commands, as a facilitator would make them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from ticking_clock import CST, ticking

from meeting_tui.domain import commands as c
from meeting_tui.domain.model import Origin
from meeting_tui.minutes.record import close_and_record
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting


def closed_meeting(
    root: Path,
    meeting_id: str,
    *,
    community: str = "南苑社区",
    day: date = date(2026, 10, 17),
    due: str = "2026-11-01",
    take_up: Origin | None = None,
    close: bool = True,
) -> dict[str, str]:
    """A meeting with a passed motion (follow-up due `due`), a rejected one and a deferred one.

    The passed motion's proposer is 李建国 with his mobile number in the text,
    so redaction has something to do. Returns the motion ids by outcome.
    """
    archive = open_archive(root)
    clock = ticking(datetime(day.year, day.month, day.day, 14, 0, tzinfo=CST))
    title = f"{community}楼道改造议事会"
    first = c.create_meeting(meeting_id, title, "bench", community=community, location="活动室",
                             facilitator="刘相文", recorder="王小红")  # fmt: skip
    live = LiveMeeting.create(archive, meeting_id, first, clock=clock)
    try:
        live.execute(c.add_items(live.state, [("楼道照明", 15, ""), ("停车位", 15, "")]))
        live.execute(c.set_headcounts(live.state, {"resident": 30}))
        live.execute(c.step_agenda(live.state, 1))
        ids: dict[str, str] = {}
        for outcome, text in (
            ("passed", "加装楼道感应灯，李建国电话13812345678"),
            ("rejected", "拆除自行车棚"),
            ("deferred", "增设充电桩"),
        ):
            live.execute(c.raise_motion(live.state, text, proposer="李建国", category="safety"))
            motion = max(live.state.motions.values(), key=lambda m: m.number).id
            ids[outcome] = motion
            if outcome == "passed":
                live.execute(c.record_vote(live.state, motion, 25, 3, 2))
                live.execute(c.assign_followup(live.state, motion, "物业张经理", due))
            elif outcome == "rejected":
                live.execute(c.record_vote(live.state, motion, 5, 20, 5))
            else:
                live.execute(c.defer(live.state, motion, "需与供电公司协商", "社区", "下次议事会"))
        if take_up is not None:
            live.execute(
                c.raise_motion(live.state, "续议：增设充电桩", origin=take_up, proposer="社区")
            )
            motion = max(live.state.motions.values(), key=lambda m: m.number).id
            live.execute(c.record_vote(live.state, motion, 28, 1, 1))
            ids["taken_up"] = motion
        if close:
            close_and_record(live)
    finally:
        live.close()
    return ids


def reopen_and_close(root: Path, meeting_id: str, reason: str = "补记一项表决") -> None:
    archive = open_archive(root)
    live = LiveMeeting.open(
        archive, meeting_id, clock=ticking(datetime(2026, 10, 18, 9, 0, tzinfo=CST))
    )
    try:
        live.execute(c.reopen_meeting(live.state, reason))
        close_and_record(live)
    finally:
        live.close()


def followup_done_and_evaluated(root: Path, meeting_id: str, motion_id: str) -> None:
    archive = open_archive(root)
    live = LiveMeeting.open(
        archive, meeting_id, clock=ticking(datetime(2026, 11, 20, 9, 0, tzinfo=CST))
    )
    try:
        live.execute(c.complete_followup(live.state, motion_id, "2026-11-20"))
        live.execute(c.evaluate_followup(live.state, motion_id, 20, 6, 2))
    finally:
        live.close()


def write_config(path: Path, **values: str) -> Path:
    """A laptop's config.toml with these keys (flat strings, as the app writes it)."""
    path.write_text("".join(f'{k} = "{v}"\n' for k, v in values.items()), encoding="utf-8")
    return path
