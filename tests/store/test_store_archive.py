"""The archive list and index: fast, one row per meeting, written at create and close only."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from meeting_tui import locations
from meeting_tui.store import Archive, StoreError, load_meeting_log, open_archive

Events = Callable[[int, int], list[dict[str, Any]]]


def test_paths_come_from_locations(archive: Archive) -> None:
    assert archive.meetings_dir == locations.meetings_directory(archive.root)
    assert archive.quarantine_dir == locations.quarantine_directory(archive.root)
    assert archive.index_path == locations.index_file(archive.root)


def test_open_archive_defaults_to_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(locations.DATA_ENV, str(tmp_path / "env"))
    assert open_archive().root == tmp_path / "env"
    assert open_archive(tmp_path / "given").root == tmp_path / "given"


def test_an_empty_archive_lists_nothing(archive: Archive) -> None:
    assert archive.list_meetings() == []


def test_create_indexes_and_list_is_newest_first(archive: Archive, row: dict[str, Any]) -> None:
    for meeting_id in ["20261127-aaaa", "20270105-bbbb", "20250101-cccc"]:
        archive.create_meeting(meeting_id, {**row, "title": meeting_id}).close()
    listed = archive.list_meetings()
    assert [r["id"] for r in listed] == ["20270105-bbbb", "20261127-aaaa", "20250101-cccc"]
    assert listed[0]["title"] == "20270105-bbbb"


def test_update_index_replaces_the_row(
    archive: Archive, meeting_id: str, row: dict[str, Any]
) -> None:
    archive.create_meeting(meeting_id, row).close()
    archive.update_index(meeting_id, {**row, "status": "closed"})
    assert archive.list_meetings()[0]["status"] == "closed"


def test_appending_events_does_not_touch_the_index(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    meeting = archive.create_meeting(meeting_id, row)
    before = archive.index_path.stat()
    meeting.append(events(1, 30))
    after = archive.index_path.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    meeting.close()


def test_two_archives_do_not_lose_each_others_rows(archive: Archive, row: dict[str, Any]) -> None:
    other = Archive(archive.root)
    archive.list_meetings()
    other.list_meetings()  # both have cached the index
    archive.create_meeting("20261127-aaaa", row).close()
    other.create_meeting("20261127-bbbb", row).close()
    assert len(Archive(archive.root).list_meetings()) == 2
    assert len(archive.list_meetings()) == 2


def test_a_meeting_file_missing_from_the_index_is_added(
    archive: Archive, meeting_id: str, row: dict[str, Any]
) -> None:
    archive.create_meeting(meeting_id, row).close()
    archive.index_path.unlink()  # as if the process died between file and index
    listed = archive.list_meetings()
    assert [(r["id"], r["title"]) for r in listed] == [(meeting_id, row["title"])]
    assert json.loads(archive.index_path.read_bytes())["meetings"]["1"]["id"] == meeting_id


def test_a_row_whose_file_is_gone_is_marked(
    archive: Archive, meeting_id: str, row: dict[str, Any]
) -> None:
    archive.create_meeting(meeting_id, row).close()
    archive.meeting_path(meeting_id).unlink()
    listed = archive.list_meetings()
    assert listed[0]["broken"] and listed[0]["missing"]


def test_an_emptied_index_is_filled_again_from_the_meeting_files(
    archive: Archive, row: dict[str, Any]
) -> None:
    archive.create_meeting("20261127-aaaa", row).close()
    archive.create_meeting("20261127-bbbb", row).close()
    archive.meeting_path("20261127-bbbb").write_bytes(b"{")
    archive.index_path.write_text('{"meetings": {}}', encoding="utf-8")
    rows = {r["id"]: r for r in archive.list_meetings()}
    assert rows["20261127-aaaa"]["title"] == row["title"]
    assert rows["20261127-bbbb"]["broken"] is True


def test_read_meeting_works_while_another_window_has_the_meeting_open(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    with archive.create_meeting(meeting_id, row, events(1, 3)) as meeting:
        meeting.append(events(4, 4))
        other = Archive(archive.root)
        assert other.read_meeting(meeting_id)[1] == events(1, 4)
        assert other.read_meeting(meeting_id)[0] == row


def test_chinese_stays_readable_in_the_meeting_file_and_index(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    with archive.create_meeting(meeting_id, row) as meeting:
        meeting.append(events(1, 1))
    raw = archive.meeting_path(meeting_id).read_bytes()
    assert "电线入地改造".encode() in raw and "李姓居民".encode() in raw
    assert "老旧小区改造".encode() in archive.index_path.read_bytes()
    assert b"\\u" not in raw


def test_load_meeting_log_is_idempotent_and_replace_keeps_the_old_copy(
    archive: Archive, row: dict[str, Any], events: Events
) -> None:
    demo = "20241127-nanyuan"
    assert load_meeting_log(archive, demo, row, events(1, 12)) is True
    assert load_meeting_log(archive, demo, row, events(1, 3)) is False
    assert len(archive.read_meeting(demo)[1]) == 12
    assert load_meeting_log(archive, demo, row, events(1, 3), replace=True) is True
    assert len(archive.read_meeting(demo)[1]) == 3
    assert len(list(archive.quarantine_dir.iterdir())) == 1
    assert [r["id"] for r in archive.list_meetings()] == [demo]


def test_replacing_a_demo_that_is_open_elsewhere_is_refused(
    archive: Archive, row: dict[str, Any], events: Events
) -> None:
    demo = "20241127-nanyuan"
    load_meeting_log(archive, demo, row, events(1, 2))
    with archive.open_meeting(demo), pytest.raises(StoreError):
        load_meeting_log(archive, demo, row, events(1, 3), replace=True)
    assert len(archive.read_meeting(demo)[1]) == 2
