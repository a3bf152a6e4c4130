"""The meeting service's own operations for the minutes: what screens read, and the close.

Screens read the events and saved minutes through `LiveMeeting` and close
through `close_and_record`; these check what reaches the file, on real
files in a temp folder.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meeting_tui.demo import LIVE_ID
from meeting_tui.domain.events import EventKind
from meeting_tui.minutes.record import saved_versions, sealed_minutes
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.store.record_tables import MINUTES_TABLE, SALT_TABLE, read_minutes_table


def _tables_on_disk(data_dir: Path) -> dict[str, object]:
    path = data_dir / "meetings" / f"{LIVE_ID}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_minutes_are_refused_before_the_close_and_nothing_is_written(data_dir: Path) -> None:
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID)
    try:
        with pytest.raises(ValueError, match="closed"):
            live.record_minutes(sealed_minutes)
        assert live.saved_minutes() == []
        assert live.salt() is None  # no salt made for a close that did not happen
    finally:
        live.close()
    on_disk = _tables_on_disk(data_dir)
    assert not on_disk.get(MINUTES_TABLE)
    assert not on_disk.get(SALT_TABLE)


def test_close_and_record_stores_the_close_then_one_version_with_its_checkpoint(
    data_dir: Path,
) -> None:
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID)
    try:
        before = len(live.events)
        assert live.close_and_record(sealed_minutes) == 1
        assert len(live.events) > before
        assert live.events[-1].kind is EventKind.MEETING_CLOSED
        closed = len(live.events)
        assert [e["seq"] for e in live.stored_events()] == [e.seq for e in live.events]
        (saved,) = saved_versions(live.saved_minutes())
        assert saved.closed_seq == live.events[-1].seq
        salt = live.salt()
        assert salt is not None and len(salt) == 64
    finally:
        live.close()
    # Read back without the lock, as the verbs do: the same version is on disk.
    (doc,) = read_minutes_table(open_archive(data_dir), LIVE_ID)
    assert doc["version"] == 1
    assert doc["checkpoint"]["size"] == closed


def test_owed_minutes_are_settled_before_a_reopen_and_a_late_worker_result_is_dropped(
    data_dir: Path,
) -> None:
    """Close, reopen, close while the first minutes are still being made: versions 1 and 2 in order."""
    from meeting_tui.domain import commands as c

    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID)
    try:
        live.execute(c.close_meeting(live.state))
        first = live.owe_minutes(sealed_minutes)
        late = sealed_minutes(first)  # what a slow worker would bring back
        live.execute(c.reopen_meeting(live.state, "补充一项"))  # settles version 1 first
        assert [v.version for v in saved_versions(live.saved_minutes())] == [1]
        live.execute(c.close_meeting(live.state))
        second = live.owe_minutes(sealed_minutes)
        assert live.pay_minutes(first, late) is None  # settled already: not stored again
        assert live.pay_minutes(second, sealed_minutes(second)) == 2
        versions = saved_versions(live.saved_minutes())
        assert [v.version for v in versions] == [1, 2]
        assert versions[0].closed_seq < versions[1].closed_seq
        assert live.events[-1].kind is EventKind.MEETING_CLOSED
    finally:
        live.close()


def test_minutes_owed_when_the_meeting_is_left_are_stored_at_leave(data_dir: Path) -> None:
    from meeting_tui.domain import commands as c

    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID)
    live.execute(c.close_meeting(live.state))
    record = live.owe_minutes(sealed_minutes)
    live.close()  # left before the worker's result came back
    (doc,) = read_minutes_table(open_archive(data_dir), LIVE_ID)
    assert doc["version"] == 1 and doc["closed_seq"] == record.events[-1].seq
    assert live.pay_minutes(record, sealed_minutes(record)) is None  # the file is closed


def test_a_closed_meeting_file_refuses_writes(data_dir: Path) -> None:
    from meeting_tui.store import StoreError

    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID)
    live.close()
    other = LiveMeeting.open(open_archive(data_dir), LIVE_ID)  # this window holds the lock now
    try:
        with pytest.raises(StoreError):
            live.file.write_table(MINUTES_TABLE, [{"version": 1}])
        assert (
            other.saved_minutes() == []
            and read_minutes_table(open_archive(data_dir), LIVE_ID) == []
        )
    finally:
        other.close()
