"""Fixtures for the store tests: a fresh archive in a temp folder and sample events."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from meeting_tui.store import Archive

MEETING_ID = "20261127-k3f9"
ROW = {"title": "电大家属院老旧小区改造 民主协商议事会", "kind": "板凳会", "status": "in_session"}

EventFactory = Callable[..., dict[str, Any]]


def _event(seq: int, kind: str = "motion_raised", **payload: Any) -> dict[str, Any]:
    body = payload or {"text": f"第{seq}项：电线入地改造", "proposer": "李姓居民"}
    return {"seq": seq, "at": "2026-11-27T14:32:05+08:00", "kind": kind, "payload": body}


@pytest.fixture
def event() -> EventFactory:
    """`event(seq, kind=..., **payload)` builds one plain-JSON event."""
    return _event


@pytest.fixture
def events() -> Callable[[int, int], list[dict[str, Any]]]:
    """`events(first, last)` builds the events first..last inclusive."""
    return lambda first, last: [_event(seq) for seq in range(first, last + 1)]


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return Archive(tmp_path / "data")


@pytest.fixture
def meeting_id() -> str:
    return MEETING_ID


@pytest.fixture
def row() -> dict[str, Any]:
    return dict(ROW)
