"""The child side of the crash-state explorer: run one store workload and record its file calls.

    python crash_record.py WORKLOAD BASE OUT [BUG]

Sets up BASE (not recorded: it stands for what was on disk before), snapshots
it, then wraps every function of `meeting_tui.store.fs` with a recorder and
runs the workload. OUT receives JSON: the snapshot, then each file operation
(create, write, fsync, rename, link, unlink, mkdir) interleaved with marks
that say what the store had acknowledged at that point (`expect`) and which
file contents must never be lost (`protect`). BUG (optional) re-creates a
known durability bug so a test can prove the explorer reports it.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import crash_owners

from meeting_tui.store import Archive, CorruptMeetingFileError, fs, load_meeting_log
from meeting_tui.store import index as index_module
from meeting_tui.store import log_files as log_files_module
from meeting_tui.store import meeting_file as meeting_file_module
from meeting_tui.store import repair as repair_module
from meeting_tui.store import storage as storage_module
from meeting_tui.store.meeting_file import backup_path

MEETING = "20261127-k3f9"
OTHER = "20261120-nany"
WORKLOADS = (
    "first_run",
    "appends",
    "reopen",
    "restore",
    "quarantine",
    "demo_replace",
    "stale_lock",
    *crash_owners.WORKLOADS,
)


def event(seq: int, note: str = "表决") -> dict[str, Any]:
    return {
        "seq": seq,
        "at": "2026-11-27T14:32:05+08:00",
        "kind": "vote_recorded",
        "payload": {"motion": seq % 12 + 1, "for": 38, "note": f"第{seq}次{note}：电线入地改造"},
    }


def log(last: int, note: str = "表决") -> list[dict[str, Any]]:
    return [event(seq, note) for seq in range(1, last + 1)]


def meeting_bytes(last: int, note: str = "表决") -> bytes:
    data = {
        "meeting": {"1": {"title": "电大家属院 板凳会", "status": "in_session"}},
        "events": {str(e["seq"]): e for e in log(last, note)},
    }
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


class Recorder:
    """Wraps `meeting_tui.store.fs`; keeps its own path → inode map to name what each fd writes."""

    def __init__(self, base: Path, snapshot: dict[str, Any]) -> None:
        self.base = base
        self.ops: list[dict[str, Any]] = []
        self.inodes: dict[str, int] = {path: ino for path, (ino, _) in snapshot["files"].items()}
        self.next_ino = max(self.inodes.values(), default=0) + 1
        self.fds: dict[int, tuple[str, int | None]] = {}  # fd -> (path, inode or None for a dir)

    def rel(self, path: fs.PathLike) -> str:
        return os.path.relpath(os.path.abspath(path), self.base)

    def install(self) -> None:
        real = {name: getattr(fs, name) for name in ("open_file", "write", "fsync", "close")}
        real |= {name: getattr(fs, name) for name in ("replace", "link", "unlink", "mkdir")}

        def open_file(path: fs.PathLike, flags: int, mode: int = 0o644) -> int:
            existed = os.path.lexists(path)
            fd: int = real["open_file"](path, flags, mode)
            rel = self.rel(path)
            if os.path.isdir(path):
                self.fds[fd] = (rel, None)
            else:
                if not existed:
                    self.inodes[rel] = self.next_ino
                    self.next_ino += 1
                    self.ops.append({"op": "create", "path": rel, "ino": self.inodes[rel]})
                self.fds[fd] = (rel, self.inodes[rel])
            return fd

        def write(fd: int, data: bytes | memoryview) -> int:
            offset = os.lseek(fd, 0, os.SEEK_CUR)
            written: int = real["write"](fd, data)
            chunk = base64.b64encode(bytes(data[:written])).decode("ascii")
            path, ino = self.fds[fd]
            self.ops.append({"op": "write", "ino": ino, "path": path, "at": offset, "data": chunk})
            return written

        def fsync(fd: int) -> None:
            real["fsync"](fd)
            path, ino = self.fds[fd]
            self.ops.append({"op": "fsync", "ino": ino, "path": path})

        def close(fd: int) -> None:
            real["close"](fd)
            self.fds.pop(fd, None)

        def replace(source: fs.PathLike, target: fs.PathLike) -> None:
            real["replace"](source, target)
            src, dst = self.rel(source), self.rel(target)
            self.inodes[dst] = self.inodes.pop(src)
            self.ops.append({"op": "rename", "path": src, "to": dst})

        def link(source: fs.PathLike, target: fs.PathLike) -> None:
            real["link"](source, target)
            src, dst = self.rel(source), self.rel(target)
            self.inodes[dst] = self.inodes[src]
            self.ops.append({"op": "link", "path": src, "to": dst})

        def unlink(path: fs.PathLike) -> None:
            real["unlink"](path)
            self.inodes.pop(self.rel(path), None)
            self.ops.append({"op": "unlink", "path": self.rel(path)})

        def mkdir(path: fs.PathLike) -> None:
            real["mkdir"](path)
            self.ops.append({"op": "mkdir", "path": self.rel(path)})

        for name, wrapper in {
            "open_file": open_file,
            "write": write,
            "fsync": fsync,
            "close": close,
            "replace": replace,
            "link": link,
            "unlink": unlink,
            "mkdir": mkdir,
        }.items():
            setattr(fs, name, wrapper)

    def expect(
        self,
        meeting_id: str,
        logs: list[list[dict[str, Any]]],
        floor: int,
        *,
        damaged_ok: bool = False,
        absent_ok: bool = False,
    ) -> None:
        """From here on the meeting must hold a prefix of one of `logs`, at least `floor` long."""
        self.ops.append(
            {
                "op": "mark",
                "expect": meeting_id,
                "logs": logs,
                "floor": floor,
                "damaged_ok": damaged_ok,
                "absent_ok": absent_ok,
            }
        )

    def protect(self, raw: bytes, keep: bool = True) -> None:
        """From here on (or, keep=False, no longer) a file with exactly `raw` must exist."""
        digest = base64.b64encode(raw).decode("ascii")
        self.ops.append({"op": "mark", "protect": digest, "keep": keep})


def snapshot(base: Path) -> dict[str, Any]:
    """Every folder and file under `base` (all durable: written before the workload began)."""
    dirs: list[str] = []
    files: dict[str, tuple[int, str]] = {}
    for folder, _subdirs, names in sorted(os.walk(base)):
        dirs.append(os.path.relpath(folder, base))
        for name in sorted(names):
            path = Path(folder) / name
            raw = base64.b64encode(path.read_bytes()).decode("ascii")
            files[os.path.relpath(path, base)] = (len(files) + 1, raw)
    return {"dirs": dirs, "files": files}


def dead_pid() -> int:
    """The pid of a process that has already exited (for a stale lock)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


# -- workloads: setup(base) writes what was durable before; run(archive, rec) is recorded ----


def run_first_run(archive: Archive, rec: Recorder) -> None:
    rec.expect(MEETING, [log(4)], 0, absent_ok=True)
    meeting = archive.create_meeting(MEETING, {"title": "电大家属院 板凳会"}, log(2))
    rec.expect(MEETING, [log(4)], 2)
    for seq in (3, 4):
        meeting.append([event(seq)])
        rec.expect(MEETING, [log(4)], seq)
    meeting.close()


def setup_appends(base: Path) -> None:
    archive = Archive(base / "data")
    archive.create_meeting(OTHER, {"title": "上周的圆桌会", "status": "closed"}, log(3)).close()


def run_appends(archive: Archive, rec: Recorder) -> None:
    rec.expect(OTHER, [log(3)], 3)
    rec.expect(MEETING, [log(6)], 0, absent_ok=True)
    meeting = archive.create_meeting(MEETING, {"title": "新会议"}, log(1))
    for seq in range(2, 7):
        rec.expect(MEETING, [log(6)], seq - 1)
        meeting.append([event(seq)])
        rec.expect(MEETING, [log(6)], seq)
    meeting.set_meeting_row({"title": "新会议", "status": "closed", "motions": 6})
    archive.update_index(MEETING, {"title": "新会议", "status": "closed", "motions": 6})
    meeting.close()


def setup_reopen(base: Path) -> None:
    meetings = base / "data" / "meetings"
    meetings.mkdir(parents=True)
    path = meetings / f"{MEETING}.json"
    path.write_bytes(meeting_bytes(5))
    for generation, last in ((1, 3), (2, 2), (3, 1)):
        backup_path(path, generation).write_bytes(meeting_bytes(last))


def run_reopen(archive: Archive, rec: Recorder) -> None:
    for last in (5, 3, 2):
        rec.protect(meeting_bytes(last))  # the file and the .1/.2 backups; .3 may rotate out
    rec.expect(MEETING, [log(8)], 5)
    meeting = archive.open_meeting(MEETING)
    rec.protect(meeting_bytes(2), keep=False)  # the close's rotation pushes it out
    for seq in range(6, 9):
        meeting.append([event(seq)])
        rec.expect(MEETING, [log(8)], seq)
    meeting.close()


DAMAGED = b'{"meeting": {"1": {"title": "\xe7\x94\xb5\xe5\xa4\xa7"}}, "events": {"1": {"se'


def setup_damaged(base: Path) -> None:
    meetings = base / "data" / "meetings"
    meetings.mkdir(parents=True)
    path = meetings / f"{MEETING}.json"
    path.write_bytes(DAMAGED)
    backup_path(path, 1).write_bytes(meeting_bytes(5))


def run_restore(archive: Archive, rec: Recorder) -> None:
    rec.protect(DAMAGED)
    rec.protect(meeting_bytes(5))
    rec.expect(MEETING, [log(5)], 0, damaged_ok=True)
    archive.restore_backup(MEETING)
    rec.expect(MEETING, [log(5)], 5)


def run_quarantine(archive: Archive, rec: Recorder) -> None:
    rec.protect(DAMAGED)
    rec.expect(MEETING, [[]], 0, damaged_ok=True)
    with contextlib.suppress(CorruptMeetingFileError):
        archive.open_meeting(MEETING)
    archive.list_meetings()


def setup_demo(base: Path) -> None:
    meetings = base / "data" / "meetings"
    meetings.mkdir(parents=True)
    (meetings / f"{MEETING}.json").write_bytes(meeting_bytes(6, "练习"))


def run_demo_replace(archive: Archive, rec: Recorder) -> None:
    rec.protect(meeting_bytes(6, "练习"))  # the practised demo is set aside, never destroyed
    rec.expect(MEETING, [log(6, "练习"), log(4)], 0, absent_ok=True)
    load_meeting_log(archive, MEETING, {"title": "演示"}, log(4), replace=True)
    rec.expect(MEETING, [log(4)], 4)


def setup_stale_lock(base: Path) -> None:
    setup_demo(base)
    (base / "data" / "meetings" / f"{MEETING}.json").write_bytes(meeting_bytes(3))
    owner = {"pid": dead_pid(), "host": os.uname().nodename, "since": "2026-11-27T14:00:00+08:00"}
    (base / "data" / "meetings" / f"{MEETING}.lock").write_text(json.dumps(owner))


def run_stale_lock(archive: Archive, rec: Recorder) -> None:
    rec.expect(MEETING, [log(5)], 3)
    meeting = archive.open_meeting(MEETING)
    for seq in (4, 5):
        meeting.append([event(seq)])
        rec.expect(MEETING, [log(5)], seq)
    meeting.close()


SETUPS: dict[str, Callable[[Path], None]] = {
    "first_run": lambda base: None,
    "appends": setup_appends,
    "reopen": setup_reopen,
    "restore": setup_damaged,
    "quarantine": setup_damaged,
    "demo_replace": setup_demo,
    "stale_lock": setup_stale_lock,
}
RUNS: dict[str, Callable[[Archive, Recorder], None]] = {
    "first_run": run_first_run,
    "appends": run_appends,
    "reopen": run_reopen,
    "restore": run_restore,
    "quarantine": run_quarantine,
    "demo_replace": run_demo_replace,
    "stale_lock": run_stale_lock,
}


def plant_bug(bug: str) -> None:
    """Put a known durability bug back, to prove the explorer finds it."""
    if bug == "no-folder-fsync":  # new folders made without fsyncing their parent

        def make_folders(folder: Path) -> None:
            for new in reversed([folder, *folder.parents]):
                if not new.is_dir():
                    fs.mkdir(new)

        for module in (storage_module, repair_module, index_module, log_files_module):
            module.make_folders = make_folders  # type: ignore[attr-defined]
    elif bug == "no-rotation-fsync":  # backup renames without an fsync between them
        meeting_file_module.fsync_folder = lambda folder: None  # type: ignore[assignment]
    elif bug and not crash_owners.plant_bug(bug):
        raise SystemExit(f"unknown bug {bug!r}")


def main() -> None:
    workload, base_arg, out = sys.argv[1:4]
    bug = sys.argv[4] if len(sys.argv) > 4 else ""
    base = Path(base_arg)
    base.mkdir(parents=True, exist_ok=True)
    (crash_owners.SETUPS.get(workload) or SETUPS[workload])(base)
    snap = snapshot(base)
    plant_bug(bug)
    rec = Recorder(base, snap)
    rec.install()
    if workload in crash_owners.RUNS:
        crash_owners.RUNS[workload](base / "data", rec)
    else:
        RUNS[workload](Archive(base / "data"), rec)
    Path(out).write_text(json.dumps({"snapshot": snap, "ops": rec.ops}), encoding="utf-8")


if __name__ == "__main__":
    main()
