"""Faults on reading and odd files: one clear line (CLI: exit 2), and every file left as it was.

The faults are real OSErrors raised where the disk would raise them, on real
files in a temp folder: `Path.read_bytes`, `os.scandir` and `os.listdir`
fail with EIO or EMFILE for one path only; folders stand where files belong;
data folders are files, `/dev/null`, or names longer than the file system takes.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from meeting_tui import cli
from meeting_tui.demo import LIVE_ID
from meeting_tui.store import Archive, StoreError
from meeting_tui.store.archive_summary import summary_of
from meeting_tui.store.meeting_file import backup_path

FAULTS = [errno.EIO, errno.EMFILE]


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every path under root with its bytes (None for a folder): to prove nothing changed."""
    return {
        str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(root.rglob("*"))
    }


@contextmanager
def failing(monkeypatch: pytest.MonkeyPatch, target: Path, code: int) -> Iterator[None]:
    """Reading or listing `target` fails with `code`; everything else works."""
    real_read, real_scandir, real_listdir = Path.read_bytes, os.scandir, os.listdir

    def refuse(path: Any) -> None:
        if os.path.abspath(os.fspath(path)) == str(target):
            raise OSError(code, os.strerror(code), os.fspath(path))

    def read_bytes(self: Path) -> bytes:
        refuse(self)
        return real_read(self)

    def scandir(path: Any = ".") -> Any:
        refuse(path)
        return real_scandir(path)

    def listdir(path: Any = ".") -> list[str]:
        refuse(path)
        return real_listdir(path)

    with monkeypatch.context() as patch:
        patch.setattr(Path, "read_bytes", read_bytes)
        patch.setattr(os, "scandir", scandir)
        patch.setattr(os, "listdir", listdir)
        yield


@pytest.fixture
def filled(archive: Archive, meeting_id: str, row: dict[str, Any], events: Any) -> Archive:
    with archive.create_meeting(meeting_id, row, events(1, 3)):
        pass
    return archive


def one_line(error: BaseException) -> str:
    text = str(error)
    assert "\n" not in text and "Traceback" not in text
    return text


@pytest.mark.parametrize("code", FAULTS)
def test_a_fault_reading_the_index_is_one_line_and_changes_nothing(
    filled: Archive, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    before = snapshot(filled.root)
    fresh = Archive(filled.root)
    with failing(monkeypatch, fresh.index_path, code), pytest.raises(StoreError) as caught:
        fresh.list_meetings()
    assert "index.json" in one_line(caught.value)
    assert snapshot(filled.root) == before


@pytest.mark.parametrize("code", FAULTS)
def test_a_fault_listing_the_meetings_folder_is_one_line_and_changes_nothing(
    filled: Archive, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    before = snapshot(filled.root)
    with failing(monkeypatch, filled.meetings_dir, code), pytest.raises(StoreError) as caught:
        Archive(filled.root).list_meetings()
    assert "meetings" in one_line(caught.value)
    assert snapshot(filled.root) == before


@pytest.mark.parametrize("code", FAULTS)
def test_a_fault_reading_a_meeting_file_is_not_taken_for_damage(
    filled: Archive, meeting_id: str, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    before = snapshot(filled.root)
    path = filled.meeting_path(meeting_id)
    with failing(monkeypatch, path, code):
        with pytest.raises(StoreError) as caught:
            filled.open_meeting(meeting_id)
        assert str(path) in one_line(caught.value)
        with pytest.raises(StoreError):
            filled.read_meeting(meeting_id)
    assert snapshot(filled.root) == before  # no quarantine copy, no "broken" mark, no lock left
    filled.open_meeting(meeting_id).close()  # the lock was released


@pytest.mark.parametrize("code", FAULTS)
def test_a_fault_sweeping_leftover_temps_does_not_stop_the_open(
    filled: Archive, meeting_id: str, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    leftover = filled.meetings_dir / f".{meeting_id}.json.999999.0.tmp"
    leftover.write_bytes(b'{"half')
    with failing(monkeypatch, filled.meetings_dir, code):
        meeting = filled.open_meeting(meeting_id)
    assert len(meeting.events()) == 3
    meeting.close()
    assert leftover.exists()  # left as it was: the sweep is housekeeping


def test_leftover_temps_quarantine_temps_and_stale_lock_asides_are_swept_at_open(
    filled: Archive, meeting_id: str
) -> None:
    filled.quarantine_dir.mkdir()
    leftovers = [
        filled.meetings_dir / f".{meeting_id}.json.999999.0.tmp",
        filled.meetings_dir / f".{meeting_id}.1.bak.999999.3.tmp",
        filled.quarantine_dir / f".{meeting_id}-20261127T143000.json.999999.1.tmp",
        filled.meetings_dir / f"{meeting_id}.lock.stale-999999-0123456789abcdef",
    ]
    for path in leftovers:
        path.write_bytes(b"{}")
    other = filled.meetings_dir / ".20261120-nany.json.999999.0.tmp"
    other.write_bytes(b"{}")
    filled.open_meeting(meeting_id).close()
    assert [p.name for p in leftovers if p.exists()] == []
    assert other.exists()  # another meeting's leftovers wait for that meeting's open


def test_a_folder_where_the_index_should_be_is_one_line(filled: Archive) -> None:
    filled.index_path.unlink()
    filled.index_path.mkdir()
    before = snapshot(filled.root)
    with pytest.raises(StoreError) as caught:
        Archive(filled.root).list_meetings()
    assert "index.json" in one_line(caught.value)
    assert snapshot(filled.root) == before


def test_a_folder_where_a_meeting_file_should_be_is_a_marked_row(archive: Archive) -> None:
    archive.meetings_dir.mkdir(parents=True)
    odd = archive.meeting_path("20261127-dirx")
    odd.mkdir()
    before = snapshot(archive.root)
    rows = archive.list_meetings()
    assert [(r["id"], r.get("broken")) for r in rows] == [("20261127-dirx", True)]
    with pytest.raises(StoreError) as caught:
        archive.open_meeting("20261127-dirx")
    assert str(odd) in one_line(caught.value)
    assert odd.is_dir()
    assert {k for k in snapshot(archive.root) if "quarantine" in k} == set()
    assert {k: v for k, v in snapshot(archive.root).items() if k in before} == before


def test_a_corrupt_meeting_listed_in_session_is_listed_as_damaged(
    filled: Archive, meeting_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    filled.meeting_path(meeting_id).write_bytes(b'{"meeting": {"1": {"ti')
    (row,) = Archive(filled.root).list_meetings()
    assert row["status"] == "in_session" and row["broken"] is True
    assert cli.main(["--data-dir", str(filled.root), "--lang", "en", "list"]) == 0
    line = capsys.readouterr().out.strip()
    assert "damaged" in line and "in_session" not in line


def test_the_backlog_names_a_meeting_it_cannot_read_and_how_to_restore_it(
    filled: Archive, meeting_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = filled.meeting_path(meeting_id)
    backup_path(path, 1).write_bytes(path.read_bytes())
    path.write_bytes(b"not json")
    summaries, problems = summary_of(Archive(filled.root)).read()
    assert meeting_id not in {s.meeting_id for s in summaries} and len(problems) == 1
    assert meeting_id in problems[0].message("en") and "ctrl+r" in problems[0].message("en")
    assert cli.main(["--data-dir", str(filled.root), "--lang", "en", "backlog"]) == 0
    err = capsys.readouterr().err
    assert meeting_id in err and "restore" in err


@pytest.mark.parametrize("verb", [["list"], ["new", "--title", "测试"], ["backlog"]])
@pytest.mark.parametrize("kind", ["file", "devnull", "under_file", "too_long"])
def test_odd_data_folders_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, verb: list[str]
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("居民名单", encoding="utf-8")
    folder = {
        "file": a_file,
        "devnull": Path("/dev/null"),
        "under_file": a_file / "data",
        "too_long": tmp_path / ("会" * 100),  # 300 bytes in UTF-8: over NAME_MAX
    }[kind]
    assert cli.main(["--data-dir", str(folder), *verb]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "内存" not in err  # nothing is "kept in memory" by a verb that has ended
    assert a_file.read_text(encoding="utf-8") == "居民名单"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_too_long_out_name_is_one_line_and_exit_2(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / ("纪要" * 60 + ".md")
    args = ["--data-dir", str(data_dir), "export", LIVE_ID, "--format", "md"]
    assert cli.main([*args, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("code", [errno.EROFS, errno.ENOSPC])
@pytest.mark.parametrize("verb", ["new", "open"])
def test_new_and_open_on_a_refusing_folder_do_not_claim_a_change_is_kept(
    filled: Archive,
    meeting_id: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    code: int,
    verb: str,
) -> None:
    """The tests run as root, where chmod does not stop a write: the refusal is injected."""
    before = snapshot(filled.root)
    real_open = os.open

    def refusing_open(path: Any, flags: int, *args: Any) -> int:
        if flags & os.O_CREAT and str(path).startswith(str(filled.root)):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refusing_open)
    args = ["new", "--title", "测试"] if verb == "new" else ["open", meeting_id]
    assert cli.main(["--data-dir", str(filled.root), "--lang", "en", *args]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "kept in memory" not in err and "nothing was done" in err
    assert snapshot(filled.root) == before


REAL_EMFILE = """
import os, resource, sys
from meeting_tui import cli
root = sys.argv[1]
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))
held = []
try:
    while True:
        held.append(os.open(os.devnull, os.O_RDONLY))
except OSError:
    pass
# every descriptor is taken: the first read of the archive meets a real EMFILE
sys.exit(cli.main(["--data-dir", root, "--lang", "en", sys.argv[2]]))
"""


@pytest.mark.parametrize("verb", ["list", "backlog"])
def test_a_real_emfile_from_the_resource_limit_is_one_line_and_exit_2(
    data_dir: Path, verb: str
) -> None:
    import subprocess
    import sys

    before = snapshot(data_dir)
    done = subprocess.run(
        [sys.executable, "-c", REAL_EMFILE, str(data_dir), verb],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert "too many files" in done.stderr
    assert snapshot(data_dir) == before


@pytest.mark.parametrize("code", FAULTS)
def test_a_fault_reading_the_index_does_not_undo_a_created_meeting(
    filled: Archive, monkeypatch: pytest.MonkeyPatch, row: dict[str, Any], events: Any, code: int
) -> None:
    """The meeting file is written: the create succeeds, its lock is its own, the list catches up."""
    fresh = Archive(filled.root)
    with failing(monkeypatch, fresh.index_path, code):
        meeting = fresh.create_meeting("20261128-new2", row, events(1, 2))
    meeting.append(events(3, 3))
    meeting.close()
    assert "20261128-new2" in {r["id"] for r in fresh.list_meetings()}
    (notice,) = fresh.take_notices()
    assert "index.json" in notice.message()


@pytest.mark.parametrize("code", FAULTS)
@pytest.mark.parametrize("where", ["index", "meetings", "meeting_file"])
def test_read_faults_reach_the_command_line_as_one_line_and_exit_2(
    filled: Archive,
    meeting_id: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    code: int,
    where: str,
) -> None:
    target = {
        "index": filled.index_path,
        "meetings": filled.meetings_dir,
        "meeting_file": filled.meeting_path(meeting_id),
    }[where]
    verb = ["open", meeting_id] if where == "meeting_file" else ["list"]
    before = snapshot(filled.root)
    with failing(monkeypatch, target, code):
        assert cli.main(["--data-dir", str(filled.root), "--lang", "en", *verb]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and str(target) in err
    assert snapshot(filled.root) == before
