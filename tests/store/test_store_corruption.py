"""A file that does not parse: never overwritten, copied aside, a backup restores it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from meeting_tui.store import Archive, CorruptMeetingFileError, StoreError

Events = Callable[[int, int], list[dict[str, Any]]]
TORN = b'{"meeting": {"1": {"title": "\xe7\x94\xb5\xe7\xba\xbf"}}, "events": {"1": {"se'


@pytest.fixture
def damaged(archive: Archive, meeting_id: str, row: dict[str, Any], events: Events) -> str:
    """A meeting with two good backups (3 and 2 events), whose file then got torn."""
    archive.create_meeting(meeting_id, row, events(1, 2)).close()
    with archive.open_meeting(meeting_id) as meeting:
        meeting.append(events(3, 3))
    archive.meeting_path(meeting_id).write_bytes(TORN)
    return meeting_id


def test_open_quarantines_and_names_the_file_the_copy_and_the_backup(
    archive: Archive, damaged: str
) -> None:
    path = archive.meeting_path(damaged)
    with pytest.raises(CorruptMeetingFileError) as caught:
        archive.open_meeting(damaged)
    assert path.read_bytes() == TORN  # never overwritten
    copies = list(archive.quarantine_dir.iterdir())
    assert len(copies) == 1 and copies[0].name.startswith(f"{damaged}-")
    assert copies[0].read_bytes() == TORN
    backup = archive.backups(damaged)[0]
    for lang in ("zh", "en"):
        text = caught.value.message(lang)
        assert str(path) in text and str(copies[0]) in text and str(backup) in text
    assert "恢复" in caught.value.message("zh")
    assert "restored" in caught.value.message("en")
    assert not path.with_suffix(".lock").exists()  # the failed open released its lock


def test_repeated_opens_do_not_pile_up_copies(archive: Archive, damaged: str) -> None:
    for _ in range(3):
        with pytest.raises(CorruptMeetingFileError):
            archive.open_meeting(damaged)
    assert len(list(archive.quarantine_dir.iterdir())) == 1


def test_reading_a_damaged_meeting_is_refused_the_same_way(archive: Archive, damaged: str) -> None:
    with pytest.raises(CorruptMeetingFileError):
        archive.read_meeting(damaged)
    assert archive.meeting_path(damaged).read_bytes() == TORN


def test_the_archive_list_still_opens_and_marks_the_broken_meeting(
    archive: Archive, damaged: str, row: dict[str, Any]
) -> None:
    archive.create_meeting("20261128-good", row).close()
    with pytest.raises(CorruptMeetingFileError):
        archive.open_meeting(damaged)
    listed = {r["id"]: r for r in Archive(archive.root).list_meetings()}
    assert listed[damaged]["broken"] is True
    assert listed[damaged]["title"] == row["title"]
    assert not listed["20261128-good"].get("broken")


def test_restore_backup_brings_back_the_last_good_copy(
    archive: Archive, damaged: str, events: Events, row: dict[str, Any]
) -> None:
    with pytest.raises(CorruptMeetingFileError):
        archive.open_meeting(damaged)
    used = archive.restore_backup(damaged)
    assert used == archive.backups(damaged)[0]
    with archive.open_meeting(damaged) as meeting:
        assert meeting.events() == events(1, 3)
        meeting.append(events(4, 4))
    assert not {r["id"]: r for r in archive.list_meetings()}[damaged].get("broken")
    assert any(p.read_bytes() == TORN for p in archive.quarantine_dir.iterdir())


def test_restoring_over_a_good_file_keeps_that_file_in_quarantine(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    archive.create_meeting(meeting_id, row, events(1, 1)).close()
    edited = {"meeting": {"1": row}, "events": {"1": events(1, 1)[0], "2": events(2, 2)[0]}}
    archive.meeting_path(meeting_id).write_text(json.dumps(edited), encoding="utf-8")
    current = archive.meeting_path(meeting_id).read_bytes()
    archive.restore_backup(meeting_id)
    assert len(archive.read_meeting(meeting_id)[1]) == 1
    assert any(p.read_bytes() == current for p in archive.quarantine_dir.iterdir())


def test_a_damaged_backup_is_skipped(archive: Archive, damaged: str, events: Events) -> None:
    newest, *older = archive.backups(damaged)
    assert older, "the fixture leaves two backups"
    newest.write_bytes(b"{broken")
    assert archive.restore_backup(damaged) == older[0]
    assert archive.read_meeting(damaged)[1] == events(1, 2)


def test_no_backup_says_so(archive: Archive, meeting_id: str, row: dict[str, Any]) -> None:
    archive.create_meeting(meeting_id, row).close()
    for bak in archive.backups(meeting_id):
        bak.unlink()
    archive.meeting_path(meeting_id).write_bytes(b"\x00\x00\x00")
    with pytest.raises(CorruptMeetingFileError) as caught:
        archive.open_meeting(meeting_id)
    assert caught.value.key == "store.file.corrupt_no_backup"
    with pytest.raises(StoreError) as none:
        archive.restore_backup(meeting_id)
    assert none.value.key == "store.backup.none"


def test_an_events_table_keyed_wrongly_counts_as_damaged(
    archive: Archive, meeting_id: str, row: dict[str, Any]
) -> None:
    archive.create_meeting(meeting_id, row).close()
    bad = {"meeting": {"1": row}, "events": {"1": {"seq": 7, "payload": {}}}}
    archive.meeting_path(meeting_id).write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(CorruptMeetingFileError):
        archive.open_meeting(meeting_id)


def test_a_damaged_index_is_set_aside_and_rebuilt(
    archive: Archive, meeting_id: str, row: dict[str, Any]
) -> None:
    archive.create_meeting(meeting_id, row).close()
    archive.index_path.write_bytes(b'{"meetings": {"1": {"id": ')
    listed = Archive(archive.root).list_meetings()
    assert [r["id"] for r in listed] == [meeting_id]
    assert listed[0]["title"] == row["title"]
    assert any(p.name.startswith("index-") for p in archive.quarantine_dir.iterdir())
    json.loads(archive.index_path.read_bytes())  # the new index parses
