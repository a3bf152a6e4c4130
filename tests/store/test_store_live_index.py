"""The archive row tells the truth without a write per vote, and index trouble is said plainly.

Counts are refreshed when a meeting is opened, left or closed; a refused
index write after the events are on disk is "saved, list not refreshed"
and repaired at the next chance; a rebuilt index is announced once.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from meeting_tui.demo import LIVE_ID
from meeting_tui.domain import commands as c
from meeting_tui.store import Archive, open_archive
from meeting_tui.store.live import LiveMeeting


def listed(root: Path) -> dict[str, Any]:
    (row,) = [r for r in Archive(root).list_meetings() if r["id"] == LIVE_ID]
    return row


def test_votes_do_not_write_the_index_but_leaving_makes_the_counts_true(data_dir: Path) -> None:
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID)
    motions = len(live.state.motions)
    index = data_dir / "index.json"
    written = index.read_bytes()
    live.execute(c.raise_motion(live.state, "新建自行车棚", proposer="王姓居民"))
    live.execute(c.raise_motion(live.state, "路面铺设", proposer="居民"))
    assert index.read_bytes() == written  # no index write per event
    live.close()
    assert listed(data_dir)["motions"] == motions + 2


def test_opening_a_meeting_repairs_a_stale_row(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    true_count = listed(data_dir)["motions"]
    archive.update_index(LIVE_ID, {**listed(data_dir), "motions": 0})
    LiveMeeting.open(archive, LIVE_ID).close()
    assert listed(data_dir)["motions"] == true_count


def test_a_refused_index_write_after_a_durable_append_is_saved_not_kept_in_memory(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID)
    real_open = os.open

    def full_for_the_index(path: Any, flags: int, *args: Any) -> int:
        if Path(path).name.startswith(".index.json."):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real_open(path, flags, *args)

    with monkeypatch.context() as patch:
        patch.setattr(os, "open", full_for_the_index)
        events = live.execute(c.edit_meeting(live.state, title="南苑社区 板凳会（续）"))
    assert events and not live.pending
    (notice,) = live.take_notices()
    assert "已保存" in notice.message() and "内存" not in notice.message()
    assert "Saved" in notice.message("en")
    assert live.take_notices() == []  # said once
    assert listed(data_dir)["title"] != "南苑社区 板凳会（续）"  # the list was not refreshed
    live.close()  # the next chance: leaving the meeting
    assert listed(data_dir)["title"] == "南苑社区 板凳会（续）"
    stored = open_archive(data_dir).read_meeting(LIVE_ID)[1]
    assert stored[-1]["seq"] == events[-1].seq


def test_a_garbage_index_is_rebuilt_and_said_once(data_dir: Path) -> None:
    (data_dir / "index.json").write_bytes(b"\x00garbage")
    archive = Archive(data_dir)
    assert len(archive.list_meetings()) == 2
    (notice,) = archive.take_notices()
    assert "index.json" in notice.message() and "quarantine" in notice.message()
    archive.list_meetings()
    assert archive.take_notices() == []
    assert list((data_dir / "quarantine").glob("index-*.json"))


def test_a_missing_index_is_rebuilt_and_said_once(data_dir: Path) -> None:
    (data_dir / "index.json").unlink()
    archive = Archive(data_dir)
    assert len(archive.list_meetings()) == 2
    (notice,) = archive.take_notices()
    assert "2" in notice.message()
    archive.list_meetings()
    assert Archive(data_dir).list_meetings() and archive.take_notices() == []
