"""Shared helpers for the domain tests: a meeting driven by commands with an explicit clock."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from meeting_tui.domain import commands as c
from meeting_tui.domain.events import Draft
from meeting_tui.domain.log import MeetingLog
from meeting_tui.domain.model import MeetingState

CST = timezone(timedelta(hours=8))
START = datetime(2026, 10, 17, 14, 30, tzinfo=CST)


class Session:
    """A MeetingLog moved forward by commands, `seconds` after the previous step."""

    def __init__(self, start: datetime = START) -> None:
        self.log = MeetingLog()
        self.now = start

    @property
    def state(self) -> MeetingState:
        return self.log.state

    def commit(self, drafts: Sequence[Draft], seconds: float = 60) -> MeetingState:
        self.now += timedelta(seconds=seconds)
        return self.log.commit(self.log.prepare(drafts, self.now))

    def do(
        self, command: Callable[..., list[Draft]], *args: Any, seconds: float = 60, **kw: Any
    ) -> MeetingState:
        """Run `command(state, *args, **kw)` and commit what it returns."""
        return self.commit(command(self.state, *args, **kw), seconds)


def new_session(
    meeting_id: str = "m-test",
    title: str = "测试议事会",
    items: Sequence[str] = ("电线改造", "大门与单元门", "其他建议"),
    residents: int | None = 40,
    start: datetime = START,
    **fields: Any,
) -> Session:
    """A draft meeting with an agenda and residents present (not started yet)."""
    s = Session(start)
    s.commit(c.create_meeting(meeting_id, title, "bench", **fields), 0)
    if items:
        s.do(c.add_items, [(t, 10, "") for t in items], seconds=0)
    if residents is not None:
        s.do(c.set_attendance, "resident", residents, seconds=0)
    return s


@pytest.fixture
def session() -> Session:
    return new_session()


@pytest.fixture
def make_session() -> Callable[..., Session]:
    return new_session
