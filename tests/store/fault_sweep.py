"""One-shot faults at every file call of a store workload: refused plainly, recovered fully.

A workload (create, appends, close, reopen, append, close, list, restore)
is run once to count its calls into `meeting_tui.store.fs`; then once per
call and per error code, with that one call failing. Each run must end in
success or in a `StoreError` whose message is one line (never another
exception); then, with the disk healthy again, the archive must list, open,
close and reopen every meeting, holding a prefix of the written events with
every acknowledged one, and no meeting file or backup may be torn.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meeting_tui.store import Archive, StoreError, fs
from meeting_tui.store.lock import release_all

MEETING = "20261127-k3f9"
CODES = {"EIO": errno.EIO, "ENOSPC": errno.ENOSPC, "EMFILE": errno.EMFILE}
CALLS = (
    "open_file",
    "write",
    "fsync",
    "close",
    "replace",
    "link",
    "unlink",
    "mkdir",
    "read_bytes",
    "list_names",
    "list_entries",
)
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") else None


def event(seq: int) -> dict[str, Any]:
    payload = {"motion": seq, "for": 38, "note": f"第{seq}次表决"}
    return {
        "seq": seq,
        "at": "2026-11-27T14:32:05+08:00",
        "kind": "vote_recorded",
        "payload": payload,
    }


@dataclass
class SweepReport:
    calls: int = 0  # file calls in one fault-free run
    injected: int = 0
    refused: int = 0  # ended in a one-line StoreError
    completed: int = 0  # the fault was absorbed (e.g. a backup or the index could wait)
    failures: list[str] = field(default_factory=list)


def workload(root: Path, acked: list[int]) -> None:
    """What a facilitator's evening does to the store; `acked` grows with each acknowledged seq."""
    archive = Archive(root)
    meeting = archive.create_meeting(
        MEETING, {"title": "板凳会", "status": "in_session"}, [event(1)]
    )
    acked.append(1)
    for seq in (2, 3):
        meeting.append([event(seq)])
        acked.append(seq)
    meeting.close()
    meeting = archive.open_meeting(MEETING)
    meeting.append([event(4)])
    acked.append(4)
    meeting.close()
    archive.list_meetings()
    archive.restore_backup(MEETING)  # back to the copy made at the last open (3 events)
    acked.clear()
    acked.extend((1, 2, 3))


class Faults:
    """Counts calls into `fs`; with `fail_at`, that one call raises `code` instead."""

    def __init__(self, fail_at: int = 0, code: int = 0) -> None:
        self.count, self.fail_at, self.code = 0, fail_at, code
        self.real = {name: getattr(fs, name) for name in CALLS}

    def __enter__(self) -> Faults:
        for name in CALLS:
            setattr(fs, name, self._wrap(name))
        return self

    def __exit__(self, *exc: object) -> None:
        for name, real in self.real.items():
            setattr(fs, name, real)

    def _wrap(self, name: str) -> Callable[..., Any]:
        real = self.real[name]

        def call(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            if self.count == self.fail_at:
                raise OSError(self.code, os.strerror(self.code), str(args[0]) if args else None)
            return real(*args, **kwargs)

        return call


def recover(root: Path, acked: list[int]) -> list[str]:
    """Problems left behind once the disk is healthy again (empty: none)."""
    problems = []
    for path in list(root.rglob("*.json")) + list(root.rglob("*.bak")):
        if path.name.startswith(".") or "quarantine" in path.parts:
            continue
        try:
            json.loads(path.read_bytes())
        except ValueError:
            problems.append(f"{path.name} is torn")
    archive = Archive(root)
    archive.list_meetings()
    if not archive.meeting_path(MEETING).exists():
        return problems + ([f"meeting gone with {len(acked)} acknowledged"] if acked else [])
    seen: list[Any] = []
    for _ in range(2):
        meeting = archive.open_meeting(MEETING)
        seen.append(meeting.events())
        meeting.close()
    if seen[0] != seen[1]:
        problems.append("reopen differs")
    events = seen[0]
    if events != [event(seq) for seq in range(1, len(events) + 1)]:
        problems.append("events are not a prefix of those written")
    if len(events) < len(acked):
        problems.append(f"{len(events)} events, {len(acked)} acknowledged")
    return problems


def run_once(fail_at: int, code: int) -> tuple[str, list[str]]:
    """('refused' | 'completed', problems) for one injected fault."""
    with tempfile.TemporaryDirectory(prefix="faults-", dir=SCRATCH) as tmp:
        root = Path(tmp) / "data"
        acked: list[int] = []
        outcome, problems = "completed", []
        with Faults(fail_at, code):
            try:
                workload(root, acked)
            except StoreError as error:
                outcome = "refused"
                if "\n" in str(error) or not str(error).strip():
                    problems.append(f"message not one line: {error!r}")
            except Exception:
                problems.append(traceback.format_exc(limit=3))
        release_all()  # the window is closed after the message: its locks go
        try:
            problems += recover(root, acked)
        except Exception:
            problems.append("recovery: " + traceback.format_exc(limit=3))
        return outcome, problems


def sweep(codes: dict[str, int] = CODES, every: int = 1) -> SweepReport:
    report = SweepReport()
    with tempfile.TemporaryDirectory(prefix="faults-", dir=SCRATCH) as tmp, Faults() as counter:
        workload(Path(tmp) / "data", [])
        report.calls = counter.count
    release_all()
    for fail_at in range(1, report.calls + 1, every):
        for name, code in codes.items():
            outcome, problems = run_once(fail_at, code)
            report.injected += 1
            if problems:
                report.failures.append(f"{name} at call {fail_at}: " + "; ".join(problems))
            elif outcome == "refused":
                report.refused += 1
            else:
                report.completed += 1
    return report
