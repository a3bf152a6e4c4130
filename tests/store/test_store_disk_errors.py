"""Full disk, read-only folder, no permission: a clear error, events kept pending, file valid.

The tests run as root, where chmod does not stop a write, so the refusals
are injected at the system calls the store makes on the real temp folder:
creating the temp file (EROFS, EACCES), syncing it (ENOSPC: where delayed
allocation reports a full disk) and renaming it.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from meeting_tui.store import Archive, DiskFullError, WriteFailedError

Events = Callable[[int, int], list[dict[str, Any]]]


@contextmanager
def refusing(monkeypatch: pytest.MonkeyPatch, call: str, code: int) -> Iterator[None]:
    """Make one system call fail with `code` for the store's temp files only."""
    real = getattr(os, call)

    def failing(*args: Any, **kwargs: Any) -> Any:
        name = str(args[0]) if args else ""
        if call == "fsync" or (name.endswith(".tmp") and ".lock." not in name):
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(os, call, failing)
        yield


CASES = [
    ("fsync", errno.ENOSPC, DiskFullError),
    ("replace", errno.ENOSPC, DiskFullError),
    ("open", errno.EDQUOT, DiskFullError),
    ("open", errno.EROFS, WriteFailedError),
    ("open", errno.EACCES, WriteFailedError),
    ("replace", errno.EIO, WriteFailedError),
]


@pytest.mark.parametrize(("call", "code", "error"), CASES)
def test_refused_append_is_kept_pending_and_retried(
    archive: Archive,
    meeting_id: str,
    row: dict[str, Any],
    events: Events,
    monkeypatch: pytest.MonkeyPatch,
    call: str,
    code: int,
    error: type[WriteFailedError],
) -> None:
    meeting = archive.create_meeting(meeting_id, row, events(1, 3))
    path = archive.meeting_path(meeting_id)
    before = path.read_bytes()
    with refusing(monkeypatch, call, code):
        with pytest.raises(error) as caught:
            meeting.append(events(4, 5))
        assert caught.value.errno == code
        assert meeting.pending == events(4, 5)
        assert meeting.last_seq == 3
        assert meeting.next_seq == 6
        # the next event joins the queue in order; the retry still fails
        with pytest.raises(error):
            meeting.append(events(6, 6))
        with pytest.raises(error):
            meeting.retry_pending()
        with pytest.raises(error):
            meeting.close()  # refuses to drop unsaved events
        assert path.read_bytes() == before  # the previous valid version
        assert not [p for p in archive.meetings_dir.iterdir() if p.name.endswith(".tmp")]
        assert meeting.events() == events(1, 3)
    meeting.retry_pending()
    assert meeting.pending == []
    assert meeting.last_seq == 6
    meeting.close()
    stored = json.loads(path.read_bytes())["events"]
    assert [stored[k] for k in sorted(stored, key=int)] == events(1, 6)


def test_the_message_names_the_folder_the_fix_and_that_the_change_is_kept(
    archive: Archive,
    meeting_id: str,
    row: dict[str, Any],
    events: Events,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    meeting = archive.create_meeting(meeting_id, row)
    with refusing(monkeypatch, "fsync", errno.ENOSPC), pytest.raises(DiskFullError) as full:
        meeting.append(events(1, 1))
    with refusing(monkeypatch, "open", errno.EROFS), pytest.raises(WriteFailedError) as ro:
        meeting.append(events(2, 2))
    folder = str(archive.meetings_dir)
    zh, en = full.value.message("zh"), full.value.message("en")
    assert folder in zh and "释放" in zh and "保留" in zh
    assert folder in en and "Free some disk space" in en and "kept" in en
    zh, en = ro.value.message("zh"), ro.value.message("en")
    assert folder in zh and "只读" in zh and "权限" in zh
    assert folder in en and "read-only" in en and "kept in memory" in en
    meeting.retry_pending()
    meeting.close()


def test_open_still_works_when_the_backup_cannot_be_written(
    archive: Archive,
    meeting_id: str,
    row: dict[str, Any],
    events: Events,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    archive.create_meeting(meeting_id, row, events(1, 2)).close()
    with refusing(monkeypatch, "open", errno.EROFS):
        meeting = archive.open_meeting(meeting_id)
        assert meeting.last_seq == 2
        meeting.close()  # the close backup fails quietly too


def test_create_on_a_full_disk_leaves_nothing_and_frees_the_lock(
    archive: Archive,
    meeting_id: str,
    row: dict[str, Any],
    events: Events,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with refusing(monkeypatch, "fsync", errno.ENOSPC), pytest.raises(DiskFullError):
        archive.create_meeting(meeting_id, row, events(1, 2))
    assert not archive.meeting_path(meeting_id).exists()
    archive.create_meeting(meeting_id, row, events(1, 2)).close()


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_opening_in_a_read_only_folder_says_so_instead_of_crashing(
    archive: Archive,
    meeting_id: str,
    row: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    code: int,
) -> None:
    archive.create_meeting(meeting_id, row).close()
    real = os.open

    def no_lock(path: Any, *args: Any, **kwargs: Any) -> int:
        if ".lock" in str(path):  # the lock file, and the filled temp linked to it
            raise OSError(code, os.strerror(code))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_lock)
    with pytest.raises(WriteFailedError) as caught:
        archive.open_meeting(meeting_id)
    assert str(archive.meetings_dir) in str(caught.value)
    monkeypatch.undo()
    assert archive.read_meeting(meeting_id)[1] == []  # reading still works
