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
