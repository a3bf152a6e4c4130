"""AtomicJSONStorage: atomic replace, readable Chinese, memory reads, damage never overwritten."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB
from tinydb.table import Document

from meeting_tui.store import AtomicJSONStorage, CorruptMeetingFileError, write_atomically
from meeting_tui.store import storage as storage_module
from meeting_tui.store.errors import StoreError, WriteFailedError


def test_round_trip_through_tinydb(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.table("events").insert_multiple([Document({"x": n}, doc_id=n) for n in (1, 2, 3)])
    db.close()
    again = TinyDB(path, storage=AtomicJSONStorage)
    assert [doc["x"] for doc in again.table("events").all()] == [1, 2, 3]


def test_chinese_is_written_as_readable_utf8(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    AtomicJSONStorage(path).write({"meeting": {"1": {"title": "电线入地改造 暂缓"}}})
    raw = path.read_bytes()
    assert "电线入地改造 暂缓".encode() in raw
    assert b"\\u" not in raw


def test_reads_come_from_memory_after_the_first_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.json"
    path.write_text(json.dumps({"events": {"1": {"seq": 1}}}), encoding="utf-8")
    parses = 0
    real_decode = storage_module.decode

    def counting_decode(raw: bytes, where: Path) -> Any:
        nonlocal parses
        parses += 1
        return real_decode(raw, where)

    monkeypatch.setattr(storage_module, "decode", counting_decode)
    storage = AtomicJSONStorage(path)
    for _ in range(5):
        assert storage.read() == {"events": {"1": {"seq": 1}}}
    storage.write({"events": {"1": {"seq": 1}, "2": {"seq": 2}}})
    assert storage.read() == {"events": {"1": {"seq": 1}, "2": {"seq": 2}}}
    assert parses == 1


def test_shared_storage_sees_another_writer(tmp_path: Path) -> None:
    path = tmp_path / "index.json"
    mine, theirs = AtomicJSONStorage(path, shared=True), AtomicJSONStorage(path, shared=True)
    mine.write({"meetings": {"1": {"id": "a"}}})
    assert theirs.read() == {"meetings": {"1": {"id": "a"}}}
    mine.write({"meetings": {"1": {"id": "a"}, "2": {"id": "b"}}})
    assert theirs.read() == {"meetings": {"1": {"id": "a"}, "2": {"id": "b"}}}


def test_a_missing_file_reads_as_empty(tmp_path: Path) -> None:
    assert AtomicJSONStorage(tmp_path / "none.json").read() is None


@pytest.mark.parametrize(
    "content", [b'{"events": {"1": {"seq": 1}', b"\xff\xfe garbage", b"", b"[1, 2]", b'{"a": 3}']
)
def test_a_damaged_file_is_refused_and_never_overwritten(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(content)
    storage = AtomicJSONStorage(path)
    with pytest.raises(CorruptMeetingFileError) as caught:
        storage.read()
    assert str(path) in caught.value.message("en")
    with pytest.raises(CorruptMeetingFileError):
        storage.write({"events": {}})
    assert path.read_bytes() == content


def test_read_only_storage_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    with pytest.raises(StoreError):
        AtomicJSONStorage(path, read_only=True).write({})
    assert not path.exists()


def test_replace_is_retried_on_windows_sharing_violations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage_module, "REPLACE_PAUSE_SECONDS", 0.0)
    real_replace = os.replace
    refusals = 3

    def busy_replace(src: Any, dst: Any) -> None:
        nonlocal refusals
        if refusals:
            refusals -= 1
            raise PermissionError(errno.EACCES, "sharing violation")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", busy_replace)
    write_atomically(tmp_path / "f.json", b"{}")
    assert (tmp_path / "f.json").read_bytes() == b"{}"
    assert refusals == 0


def test_replace_gives_up_after_a_bounded_number_of_tries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage_module, "REPLACE_PAUSE_SECONDS", 0.0)
    calls = 0

    def always_busy(src: Any, dst: Any) -> None:
        nonlocal calls
        calls += 1
        raise PermissionError(errno.EACCES, "sharing violation")

    (tmp_path / "f.json").write_bytes(b'{"old": {}}')
    monkeypatch.setattr(os, "replace", always_busy)
    with pytest.raises(WriteFailedError):
        write_atomically(tmp_path / "f.json", b"{}")
    assert calls == storage_module.REPLACE_ATTEMPTS
    assert (tmp_path / "f.json").read_bytes() == b'{"old": {}}'
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]  # temp file cleaned up


def test_write_fsyncs_the_file_and_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[bool] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append(os.path.isdir(f"/proc/self/fd/{fd}") if os.path.isdir("/proc") else True)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    write_atomically(tmp_path / "f.json", b"{}")
    assert len(synced) == 2
    if os.path.isdir("/proc") and os.name != "nt":
        assert synced == [False, True]  # the temp file, then the folder
