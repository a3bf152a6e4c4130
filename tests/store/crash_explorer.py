"""The crash-state explorer: record a workload in a child, rebuild every crash state, recover each.

For each state the real recovery path runs on real files in a temp folder:
`list_meetings`, then open, close and reopen of every meeting. A state passes
when nothing raises but the store's own "damaged" error where damage was
set up, each meeting holds a prefix of the events written that includes
every acknowledged one, and every protected copy (a damaged file, a
practised demo, a backup not yet due to rotate out) still exists byte for byte.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crash_owners import check_decision
from crash_states import CrashState, crash_states

from meeting_tui.store import Archive, CorruptMeetingFileError, UnknownMeetingError

CHILD = Path(__file__).with_name("crash_record.py")
SCRATCH = Path("/dev/shm") if Path("/dev/shm").is_dir() else None  # fsync is free there


@dataclass
class Report:
    workload: str
    operations: int = 0
    built: int = 0  # crash states built (point × combination)
    distinct: int = 0  # distinct disk contents among them
    recovered: int = 0  # distinct (disk, expectation) pairs checked and passed
    failures: list[str] = field(default_factory=list)


def record(workload: str, workdir: Path, bug: str = "") -> dict[str, Any]:
    """Run the workload in a child process; its recorded log."""
    out = workdir / f"{workload}.json"
    base = workdir / f"{workload}-base"
    args = [sys.executable, str(CHILD), workload, str(base), str(out)] + ([bug] if bug else [])
    done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    recorded: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return recorded


def expectations(ops: list[dict[str, Any]], point: int) -> tuple[dict[str, Any], set[str]]:
    """What must hold after a crash at `point`, counting the marks right after it (an ack)."""
    end = point
    while end < len(ops) and ops[end]["op"] == "mark":
        end += 1
    meetings: dict[str, Any] = {}
    protected: set[str] = set()
    for op in ops[:end]:
        if op["op"] != "mark":
            continue
        if "expect" in op:
            meetings[op["expect"]] = op
        elif op["keep"]:
            protected.add(op["protect"])
        else:
            protected.discard(op["protect"])
    return meetings, protected


def check_state(root: Path, meetings: dict[str, Any], protected: set[str]) -> list[str]:
    """Problems found recovering the materialised state at `root` (empty: it passed)."""
    problems: list[str] = []
    present = {hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()}
    for digest in protected:
        if hashlib.sha256(base64.b64decode(digest)).hexdigest() not in present:
            problems.append(f"a protected copy was lost ({len(base64.b64decode(digest))} bytes)")
    archive = Archive(root / "data")
    try:
        rows = {row["id"]: row for row in archive.list_meetings()}
        for meeting_id, want in meetings.items():
            if want.get("store") == "owners":
                problems += check_decision(root / "data", want)
            else:
                problems += check_meeting(archive, meeting_id, want, rows.get(meeting_id))
    except Exception:  # any traceback is a failure of the state
        problems.append(traceback.format_exc(limit=4))
    return problems


def check_meeting(
    archive: Archive, meeting_id: str, want: dict[str, Any], row: dict[str, Any] | None
) -> list[str]:
    events: list[dict[str, Any]] = []
    for attempt in ("open", "reopen"):
        try:
            meeting = archive.open_meeting(meeting_id)
        except UnknownMeetingError:
            if want["absent_ok"] and want["floor"] == 0:
                return []
            return [f"{meeting_id}: gone, with {want['floor']} acknowledged events"]
        except CorruptMeetingFileError as error:
            return [] if want["damaged_ok"] else [f"{meeting_id}: damaged: {error}"]
        got = meeting.events()
        meeting.close()
        if attempt == "reopen" and got != events:
            return [f"{meeting_id}: reopen shows {len(got)} events, the first open {len(events)}"]
        events = got
    if row is None or row.get("broken"):
        return [f"{meeting_id}: opens, but the list shows it as {row!r}"]
    if not any(events == log[: len(events)] for log in want["logs"]):
        return [f"{meeting_id}: {len(events)} events that are no prefix of what was written"]
    if len(events) < want["floor"]:
        return [f"{meeting_id}: {len(events)} events, {want['floor']} were acknowledged"]
    return []


def explore(workload: str, per_point: int, bug: str = "", every: int = 1) -> Report:
    """Build and recover the crash states of one workload; `every` > 1 keeps every n-th point."""
    report = Report(workload)
    with tempfile.TemporaryDirectory(prefix="crash-", dir=SCRATCH) as tmp:
        workdir = Path(tmp)
        recorded = record(workload, workdir, bug)
        ops = recorded["ops"]
        report.operations = sum(op["op"] != "mark" for op in ops)
        seen: set[str] = set()
        checked: dict[tuple[str, str], bool] = {}
        for state in crash_states(recorded["snapshot"], ops, per_point, seed=workload):
            if state.point % every and state.point != len(ops):
                continue
            report.built += 1
            digest = state.disk.digest()
            seen.add(digest)
            meetings, protected = expectations(ops, state.point)
            key = (digest, json.dumps([meetings, sorted(protected)], sort_keys=True))
            if key in checked:
                continue
            problems = recover(state, workdir / "state", meetings, protected)
            checked[key] = not problems
            if problems:
                report.failures.append(describe(state, ops, problems))
            else:
                report.recovered += 1
        report.distinct = len(seen)
    return report


def recover(
    state: CrashState, folder: Path, meetings: dict[str, Any], protected: set[str]
) -> list[str]:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    state.disk.materialise(folder)
    try:
        return check_state(folder, meetings, protected)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def describe(state: CrashState, ops: list[dict[str, Any]], problems: list[str]) -> str:
    """`problem — after op N (…), with what the crash dropped`."""
    last = ops[state.point - 1] if state.point else {"op": "start"}
    where = f"{last['op']} {last.get('path', '')}".strip()
    dropped = [f"{ops[i]['op']} {ops[i].get('path', '')}: {v}" for i, v in state.choices]
    dropped = [d for d in dropped if not d.endswith((": full", ": kept"))]
    return f"{'; '.join(problems)} — after op {state.point} ({where}), with {dropped or 'nothing dropped'}"
