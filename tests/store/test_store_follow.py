"""Following a meeting without its lock: a stat says when to read, a damaged file is only reported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from meeting_tui.store import Archive, CorruptMeetingFileError
from meeting_tui.store.follow import MeetingFollower, read_emphasis, write_emphasis

Events = Callable[[int, int], list[dict[str, Any]]]


def files(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.stat().st_mtime_ns, p.stat().st_size) for p in root.rglob("*")
    }


def test_a_damaged_file_read_without_reporting_is_neither_copied_nor_marked(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    archive.create_meeting(meeting_id, row, events(1, 2)).close()
    archive.list_meetings()  # the index exists, so a mark would change it
    archive.meeting_path(meeting_id).write_bytes(b'{"meeting": {"1": {"ti')
    before = files(archive.root)
    with pytest.raises(CorruptMeetingFileError):
        archive.read_meeting(meeting_id, report_damage=False)
    assert files(archive.root) == before
    assert not archive.quarantine_dir.exists()
    with pytest.raises(CorruptMeetingFileError):  # the default still reports it
        archive.read_meeting(meeting_id)
    assert len(list(archive.quarantine_dir.iterdir())) == 1


def test_the_follower_reads_again_only_after_a_change(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    archive.create_meeting(meeting_id, row, events(1, 2)).close()
    follower = MeetingFollower(archive, meeting_id)
    assert follower.changed()  # the first look
    assert not follower.changed()
    with archive.open_meeting(meeting_id) as meeting:
        meeting.append(events(3, 3))
    assert follower.changed()
    assert len(follower.read_events()) == 3
    assert not follower.changed()
    write_emphasis(archive, meeting_id, "results")
    assert follower.changed()
    assert follower.read_emphasis() == "results"
    path = archive.meeting_path(meeting_id)
    path.rename(path.with_suffix(".aside"))
    assert follower.changed()  # gone: said once, not on every look
    assert not follower.changed()


def test_the_emphasis_defaults_when_unset_unreadable_or_unknown(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    archive.create_meeting(meeting_id, row, events(1, 2)).close()
    assert read_emphasis(archive, meeting_id) == "motion"
    state = archive.meeting_path(meeting_id).with_name(f"{meeting_id}.present.json")
    for raw in (b"{not json", b'["agenda"]', b'{"emphasis": "fireworks"}'):
        state.write_bytes(raw)
        assert read_emphasis(archive, meeting_id) == "motion"
    with pytest.raises(ValueError):
        write_emphasis(archive, meeting_id, "fireworks")
    write_emphasis(archive, meeting_id, "agenda")
    assert read_emphasis(archive, meeting_id) == "agenda"
    assert [r["id"] for r in archive.list_meetings()] == [meeting_id]  # not taken for a meeting
