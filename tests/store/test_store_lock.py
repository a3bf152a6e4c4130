"""One window per meeting: a clear refusal while it is open, takeover when its owner died."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from meeting_tui.store import Archive, MeetingLockedError
from meeting_tui.store.lock import FileLock, process_alive

CHILD = Path(__file__).with_name("store_child.py")


@pytest.fixture
def stored(archive: Archive, meeting_id: str, row: dict[str, Any]) -> str:
    archive.create_meeting(meeting_id, row).close()
    return meeting_id


@pytest.fixture
def holder(archive: Archive, stored: str) -> Iterator[subprocess.Popen[str]]:
    """Another process with the meeting open."""
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), "hold", str(archive.root), stored],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "open"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def write_lock(path: Path, pid: int, host: str | None = None, since: str | None = None) -> None:
    owner = {
        "pid": pid,
        "host": host or socket.gethostname(),
        "since": since or "2026-11-27T14:00:00+08:00",
        "token": "someone-else",
    }
    path.write_text(json.dumps(owner), encoding="utf-8")


def test_a_second_process_is_told_the_meeting_is_open_elsewhere(
    archive: Archive, stored: str, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(MeetingLockedError) as caught:
        archive.open_meeting(stored)
    zh, en = caught.value.message("zh"), caught.value.message("en")
    assert "已在另一个窗口中打开" in zh and str(holder.pid) in zh
    assert en.startswith("This meeting is open in another window")
    assert "close it there" in en and ".lock" in en
    assert caught.value.values["pid"] == holder.pid
    holder.communicate("")  # the other window closes the meeting
    assert holder.returncode == 0
    assert not archive.meeting_path(stored).with_suffix(".lock").exists()
    archive.open_meeting(stored).close()


def test_the_same_process_cannot_open_a_meeting_twice(archive: Archive, stored: str) -> None:
    first = archive.open_meeting(stored)
    with pytest.raises(MeetingLockedError):
        Archive(archive.root).open_meeting(stored)
    first.close()
    archive.open_meeting(stored).close()


def test_a_lock_left_by_a_dead_process_is_taken_over(archive: Archive, stored: str) -> None:
    lock = archive.meeting_path(stored).with_suffix(".lock")
    write_lock(lock, dead_pid())
    with archive.open_meeting(stored) as meeting:
        assert json.loads(lock.read_text())["pid"] == os.getpid()
        meeting.append([])
    assert not lock.exists()
    assert [p.name for p in archive.meetings_dir.glob("*.stale-*")] == []


@pytest.mark.skipif(not Path("/proc/1/stat").exists(), reason="process start times come from /proc")
def test_a_lock_whose_pid_was_reused_after_a_reboot_is_stale(archive: Archive, stored: str) -> None:
    lock = archive.meeting_path(stored).with_suffix(".lock")
    write_lock(lock, 1, since="2001-01-01T00:00:00+00:00")  # pid 1 started after 2001
    archive.open_meeting(stored).close()


def test_a_live_owner_on_this_host_keeps_its_lock(archive: Archive, stored: str) -> None:
    lock = archive.meeting_path(stored).with_suffix(".lock")
    write_lock(lock, os.getppid(), since="2999-01-01T00:00:00+00:00")
    with pytest.raises(MeetingLockedError):
        archive.open_meeting(stored)
    assert lock.exists()


def test_a_lock_from_another_machine_is_respected(archive: Archive, stored: str) -> None:
    lock = archive.meeting_path(stored).with_suffix(".lock")
    write_lock(lock, dead_pid(), host="another-laptop")
    with pytest.raises(MeetingLockedError) as caught:
        archive.open_meeting(stored)
    assert "another-laptop" in str(caught.value)


def test_an_empty_lock_file_is_stale_only_after_a_grace_period(
    archive: Archive, stored: str
) -> None:
    lock = archive.meeting_path(stored).with_suffix(".lock")
    lock.write_bytes(b"")
    with pytest.raises(MeetingLockedError):
        archive.open_meeting(stored)
    old = time.time() - 60
    os.utime(lock, (old, old))
    archive.open_meeting(stored).close()


def test_release_never_removes_a_lock_taken_over_by_someone_else(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    lock = FileLock(path, lambda owner: MeetingLockedError("store.meeting.locked"))
    lock.acquire()
    write_lock(path, 4242)  # someone took it over meanwhile
    lock.release()
    assert path.exists()


def test_process_alive() -> None:
    assert process_alive(os.getpid())
    assert not process_alive(dead_pid())
    assert not process_alive(0)


def test_a_killed_holder_leaves_a_lock_that_is_taken_over(
    archive: Archive, stored: str, holder: subprocess.Popen[str]
) -> None:
    holder.kill()
    holder.wait()
    assert archive.meeting_path(stored).with_suffix(".lock").exists()
    archive.open_meeting(stored).close()


def test_a_lock_never_exists_without_its_owner_in_it(
    archive: Archive, meeting_id: str, row: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kill at any file call of taking the lock leaves no lock, or one naming its owner.

    (An empty lock looks like one being written and makes the next window wait.)
    """
    from meeting_tui.store import fs
    from meeting_tui.store.lock import read_owner

    archive.create_meeting(meeting_id, row).close()
    lock = archive.meeting_path(meeting_id).with_suffix(".lock")
    seen: list[bool] = []
    for name in ("open_file", "write", "close", "link", "unlink"):
        real = getattr(fs, name)

        def watched(*args: Any, _real: Any = real, **kwargs: Any) -> Any:
            result = _real(*args, **kwargs)
            seen.append(not os.path.lexists(lock) or read_owner(lock) is not None)
            return result

        monkeypatch.setattr(fs, name, watched)
    archive.open_meeting(meeting_id).close()
    assert seen and all(seen)


def test_without_hard_links_the_lock_is_created_in_place(
    archive: Archive, meeting_id: str, row: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from meeting_tui.store import fs
    from meeting_tui.store.lock import read_owner

    def no_links(source: Any, target: Any) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    archive.create_meeting(meeting_id, row).close()
    monkeypatch.setattr(fs, "link", no_links)
    meeting = archive.open_meeting(meeting_id)
    lock = meeting.path.with_suffix(".lock")
    owner = read_owner(lock)
    assert owner is not None and owner.pid == os.getpid()
    assert sorted(p.name for p in lock.parent.iterdir() if p.name.endswith(".tmp")) == []
    with pytest.raises(MeetingLockedError):
        Archive(archive.root).open_meeting(meeting_id)  # still exclusive
    meeting.close()
    assert not lock.exists()
