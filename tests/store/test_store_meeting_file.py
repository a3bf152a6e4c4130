"""MeetingFile: one TinyDB file per meeting, append = one durable write, seq guarded."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from meeting_tui.store import (
    Archive,
    EventSequenceError,
    InvalidEventError,
    MeetingExistsError,
    UnknownMeetingError,
)
from meeting_tui.store import storage as storage_module

Events = Callable[[int, int], list[dict[str, Any]]]
EventFactory = Callable[..., dict[str, Any]]


def test_create_writes_both_tables_in_a_tinydb_file(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    with archive.create_meeting(meeting_id, row, events(1, 3)) as meeting:
        assert meeting.last_seq == 3
        assert meeting.meeting_row() == row
    data = json.loads(archive.meeting_path(meeting_id).read_text(encoding="utf-8"))
    assert data["meeting"] == {"1": row}
    assert list(data["events"]) == ["1", "2", "3"]


def test_append_then_reopen_keeps_every_event_in_order(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    with archive.create_meeting(meeting_id, row) as meeting:
        meeting.append(events(1, 1))
        meeting.append(events(2, 5))
        assert [e["seq"] for e in meeting.events()] == [1, 2, 3, 4, 5]
    with archive.open_meeting(meeting_id) as meeting:
        assert meeting.last_seq == 5
        assert meeting.events() == events(1, 5)
        meeting.append(events(6, 12))
    assert [e["seq"] for e in archive.read_meeting(meeting_id)[1]] == list(range(1, 13))


def test_a_batch_is_one_write(
    archive: Archive,
    meeting_id: str,
    row: dict[str, Any],
    events: Events,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    writes = 0
    real = storage_module.write_atomically

    def counting(path: Any, raw: bytes) -> None:
        nonlocal writes
        writes += 1
        real(path, raw)

    with archive.create_meeting(meeting_id, row) as meeting:
        monkeypatch.setattr(storage_module, "write_atomically", counting)
        meeting.append(events(1, 40))
        assert writes == 1


@pytest.mark.parametrize("seq", [1, 3, 5, 0, -1])
def test_a_seq_that_does_not_follow_is_refused(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events, seq: int
) -> None:
    with archive.create_meeting(meeting_id, row, events(1, 3)) as meeting:
        before = archive.meeting_path(meeting_id).read_bytes()
        with pytest.raises(EventSequenceError) as caught:
            meeting.append(events(seq, seq))
        assert caught.value.values["expected"] == 4
        assert archive.meeting_path(meeting_id).read_bytes() == before
        assert meeting.pending == []


def test_a_double_append_is_refused(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    with archive.create_meeting(meeting_id, row) as meeting:
        batch = events(1, 2)
        meeting.append(batch)
        with pytest.raises(EventSequenceError):
            meeting.append(batch)
        assert meeting.last_seq == 2


def test_a_gap_inside_a_batch_is_refused(
    archive: Archive, meeting_id: str, row: dict[str, Any], event: EventFactory
) -> None:
    with archive.create_meeting(meeting_id, row) as meeting:
        with pytest.raises(EventSequenceError):
            meeting.append([event(1), event(3)])
        assert meeting.last_seq == 0
        assert meeting.events() == []


@pytest.mark.parametrize(
    "bad",
    [
        {"seq": 1, "at": "x", "kind": "k"},
        {"seq": "1", "at": "x", "kind": "k", "payload": {}},
        {"seq": True, "at": "x", "kind": "k", "payload": {}},
        {"seq": 1, "at": "x", "kind": "k", "payload": {"when": object()}},
        ["seq", 1],
    ],
)
def test_malformed_events_are_refused_and_not_kept(
    archive: Archive, meeting_id: str, row: dict[str, Any], bad: Any
) -> None:
    with archive.create_meeting(meeting_id, row) as meeting:
        with pytest.raises(InvalidEventError):
            meeting.append([bad])
        assert meeting.pending == []


def test_stored_events_do_not_change_when_the_caller_mutates_its_dicts(
    archive: Archive, meeting_id: str, row: dict[str, Any], event: EventFactory
) -> None:
    with archive.create_meeting(meeting_id, row) as meeting:
        mine = event(1)
        meeting.append([mine])
        mine["payload"]["text"] = "changed"
        assert meeting.events()[0]["payload"]["text"] == "第1项：电线入地改造"


def test_meeting_row_and_extra_tables(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    with archive.create_meeting(meeting_id, row, events(1, 2)) as meeting:
        meeting.set_meeting_row({**row, "status": "closed"})
        meeting.write_table("minutes", [{"format": "md", "text": "会议纪要"}])
        with pytest.raises(ValueError):
            meeting.write_table("events", [])
    with archive.open_meeting(meeting_id) as meeting:
        assert meeting.meeting_row()["status"] == "closed"
        assert meeting.table("minutes") == [{"format": "md", "text": "会议纪要"}]
        assert meeting.last_seq == 2


def test_create_refuses_an_existing_meeting(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    archive.create_meeting(meeting_id, row, events(1, 2)).close()
    before = archive.meeting_path(meeting_id).read_bytes()
    with pytest.raises(MeetingExistsError):
        archive.create_meeting(meeting_id, row)
    assert archive.meeting_path(meeting_id).read_bytes() == before
    archive.open_meeting(meeting_id).close()  # and the lock was released


def test_create_refuses_events_not_starting_at_one(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    with pytest.raises(EventSequenceError):
        archive.create_meeting(meeting_id, row, events(2, 3))
    assert not archive.meeting_path(meeting_id).exists()


def test_opening_an_unknown_meeting_says_how_to_find_ids(archive: Archive) -> None:
    with pytest.raises(UnknownMeetingError) as caught:
        archive.open_meeting("20261127-none")
    assert "meeting-tui list" in caught.value.message("zh")
    assert "meeting-tui list" in str(caught.value)


def test_backups_rotate_and_keep_three(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    with archive.create_meeting(meeting_id, row) as meeting:
        for seq in range(1, 6):
            meeting.append(events(seq, seq))
            meeting.backup()
    baks = archive.backups(meeting_id)
    assert [p.name for p in baks] == [f"{meeting_id}.{n}.bak" for n in (1, 2, 3)]
    seqs = [max(map(int, json.loads(p.read_bytes())["events"])) for p in baks]
    assert seqs == [5, 4, 3]


def test_reopening_unchanged_does_not_push_out_older_backups(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    with archive.create_meeting(meeting_id, row, events(1, 1)) as meeting:
        meeting.backup()
        meeting.append(events(2, 2))
    for _ in range(5):
        archive.open_meeting(meeting_id).close()
    assert len(archive.backups(meeting_id)) == 2


def test_open_and_close_leave_a_backup(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    with archive.create_meeting(meeting_id, row, events(1, 2)) as meeting:
        meeting.append(events(3, 3))
    newest = archive.backups(meeting_id)[0]
    assert newest.read_bytes() == archive.meeting_path(meeting_id).read_bytes()


def test_leftover_temp_files_are_cleaned_when_opened(
    archive: Archive, meeting_id: str, row: dict[str, Any]
) -> None:
    archive.create_meeting(meeting_id, row).close()
    leftovers = [
        archive.meetings_dir / f".{meeting_id}.json.999.0.tmp",
        archive.meetings_dir / f".{meeting_id}.1.bak.999.1.tmp",
    ]
    other = archive.meetings_dir / ".20261127-zzzz.json.999.2.tmp"
    for path in [*leftovers, other]:
        path.write_bytes(b'{"half')
    archive.open_meeting(meeting_id).close()
    assert not any(path.exists() for path in leftovers)
    assert other.exists()  # another meeting's writer may still be alive


def test_the_file_is_plain_tinydb_json_after_incremental_appends(
    archive: Archive, meeting_id: str, row: dict[str, Any], events: Events
) -> None:
    with archive.create_meeting(meeting_id, row, events(1, 3)) as meeting:
        meeting.append(events(4, 4))
        meeting.write_table("minutes", [{"text": "纪要"}])
        meeting.append(events(5, 9))
        raw = meeting.path.read_bytes()
        assert raw == json.dumps(json.loads(raw), ensure_ascii=False).encode("utf-8")
        assert json.loads(raw)["events"]["9"]["seq"] == 9  # TinyDB's layout: doc id = seq
    assert archive.read_meeting(meeting_id)[1] == events(1, 9)


def test_appending_encodes_only_the_new_events(
    archive: Archive,
    meeting_id: str,
    row: dict[str, Any],
    events: Events,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from meeting_tui.store import meeting_file

    with archive.create_meeting(meeting_id, row, events(1, 500)) as meeting:
        meeting.append(events(501, 501))  # the first append encodes the log once
        sizes: list[int] = []
        real = meeting_file.encode

        def measuring(data: Any) -> bytes:
            raw = real(data)
            sizes.append(len(raw))
            return raw

        monkeypatch.setattr(meeting_file, "encode", measuring)
        meeting.append(events(502, 502))
        assert max(sizes) < 1_000
