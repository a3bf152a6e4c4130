"""Crash states, injected faults and kill drills of the store, written to docs/reliability.md.

Run by `make bench` (tests/bench/run_all.py) or alone: `python tests/bench/reliability.py`.
Every figure comes from this one run; the checks themselves live in tests/store
(crash_explorer.py, fault_sweep.py, test_store_crash.py), where a small run of each
is part of `make test`.
"""

from __future__ import annotations

import importlib.util
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

STORE_TESTS = Path(__file__).resolve().parents[1] / "store"
OWNERS_TESTS = Path(__file__).resolve().parents[1] / "owners"
DOC = Path(__file__).resolve().parents[2] / "docs" / "reliability.md"
sys.path.insert(0, str(STORE_TESTS))

from crash_explorer import explore  # noqa: E402
from crash_record import WORKLOADS  # noqa: E402
from fault_sweep import sweep  # noqa: E402

FULL_PER_POINT = 1024  # combinations per crash point before sampling
KILL_ROUNDS = 500
OWNERS_KILL_ROUNDS = 300
PLANTED = [
    ("no-folder-fsync", "first_run"),
    ("no-folder-fsync", "restore"),
    ("no-folder-fsync", "demo_replace"),
    ("no-rotation-fsync", "reopen"),
    ("no-journal-folder-fsync", "owners_answers"),
]


def _kill_drill(rounds: int) -> tuple[int, float]:
    spec = importlib.util.spec_from_file_location(
        "store_crash", STORE_TESTS / "test_store_crash.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kill-drill-") as tmp:
        acknowledged = int(module.run_crash_rounds(Path(tmp), rounds=rounds, seed=int(time.time())))
        module.reopen_all(Path(tmp))
    return acknowledged, time.perf_counter() - started


def crash_section() -> tuple[str, int, int]:
    lines = [
        "## Crash states (power cut)",
        "",
        "`tests/store/crash_explorer.py`, after ALICE (OSDI 2014): each workload runs in a child "
        "process that records every call into `meeting_tui.store.fs` (create, write, fsync, "
        "rename, link, unlink, mkdir). From that log every state a POSIX file system may leave "
        "is built: each prefix of the operations, with un-fsynced file data missing, short or "
        "torn and un-fsynced folder operations kept or dropped, in every combination up to "
        f"{FULL_PER_POINT} per crash point (a fixed sample beyond). Each state is written to a "
        "temp folder and recovered through the real path: `list_meetings`, open, close, reopen "
        "(an owners' decision, `owners_*`: `DecisionArchive` open with its answers' journal "
        "taken in, close, reopen, list). "
        "It passes when nothing raises but the store's own damage error where damage was set "
        "up, every meeting holds a prefix of the events written including every acknowledged "
        "one, and every protected copy (a damaged file, a practised demo, a backup not due to "
        "rotate out) still exists byte for byte.",
        "",
        "| workload | file operations | states built | distinct disk states "
        "| checks recovered | failing |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    totals = [0, 0, 0, 0, 0]
    for workload in WORKLOADS:
        r = explore(workload, FULL_PER_POINT)
        row = [r.operations, r.built, r.distinct, r.recovered, len(r.failures)]
        totals = [t + v for t, v in zip(totals, row, strict=True)]
        lines.append(f"| {workload} | " + " | ".join(f"{v:,}" for v in row) + " |")
    lines.append("| **all** | " + " | ".join(f"**{v:,}**" for v in totals) + " |")
    lines += [
        "",
        "A check is one (disk state, what had been acknowledged) pair: the same disk can follow "
        "two points of the log with different acknowledgements, and is checked against each.",
        "",
        "The explorer finds the bugs it is meant to find. With a known bug put back in the child "
        "(tests/store/crash_record.py `plant_bug`):",
        "",
        "| bug put back | workload | distinct states | failing checks | first failure |",
        "|---|---|---:|---:|---|",
    ]
    for bug, workload in PLANTED:
        r = explore(workload, FULL_PER_POINT, bug=bug)
        first = r.failures[0].split(" — ")[0][:90].replace("|", "/") if r.failures else "—"
        lines.append(f"| {bug} | {workload} | {r.distinct:,} | {len(r.failures):,} | {first} |")
    return "\n".join(lines), totals[2], totals[4]


def fault_section() -> str:
    r = sweep()
    return "\n".join(
        [
            "## Injected faults (one-shot EIO, ENOSPC, EMFILE)",
            "",
            "`tests/store/fault_sweep.py`: a workload (create, appends, close, reopen, append, close, "
            f"list, restore a backup) makes {r.calls} file calls; it is run once per call and per "
            "error code with exactly that call failing. Each run must end in success or in a "
            "one-line `StoreError`; then, on a healthy disk, every meeting lists, opens and reopens "
            "with every acknowledged event and no meeting file or backup is torn.",
            "",
            "| faults injected | refused with one line | absorbed (the step could wait) "
            "| failing |",
            "|---:|---:|---:|---:|",
            f"| {r.injected:,} | {r.refused:,} | {r.completed:,} | {len(r.failures)} |",
            "",
            "Read faults at named places (index.json, meetings/, a meeting file, the sweep of "
            "leftovers; a folder where a file belongs; `--data-dir` a file, `/dev/null` or too "
            "long; a too-long `--out`) each have their own test on real files in "
            "tests/store/test_store_read_faults.py.",
        ]
    )


def kill_section() -> str:
    acknowledged, seconds = _kill_drill(KILL_ROUNDS)
    return "\n".join(
        [
            "## Kill drill (SIGKILL mid-append)",
            "",
            "`tests/store/test_store_crash.py`: a child appends one event at a time and prints "
            "each seq once `append` returned; the parent kills it with SIGKILL at a random moment, "
            "checks the file with plain `json` (every acknowledged event, in order, at most one "
            "more), and the next child takes over the dead one's lock.",
            "",
            "| rounds | events acknowledged | acknowledged events lost | took |",
            "|---:|---:|---:|---:|",
            f"| {KILL_ROUNDS} | {acknowledged:,} | 0 | {seconds:.0f} s |",
        ]
    )


def _owners_kill_drill(rounds: int) -> tuple[int, float]:
    spec = importlib.util.spec_from_file_location(
        "owners_kill", OWNERS_TESTS / "test_owners_kill.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="owners-kill-") as tmp:
        acknowledged = int(module.run_kill_rounds(Path(tmp), rounds=rounds, seed=int(time.time())))
        module.reopen_and_count(Path(tmp))
    return acknowledged, time.perf_counter() - started


def owners_kill_section() -> str:
    acknowledged, seconds = _owners_kill_drill(OWNERS_KILL_ROUNDS)
    return "\n".join(
        [
            "## Kill drill of the owners' answers' journal (SIGKILL mid-answer)",
            "",
            "`tests/owners/test_owners_kill.py`: a child records one answer at a time (a line "
            "appended to `owners/<id>.journal` and fsynced) and prints each seq once `record` "
            "returned; the parent kills it with SIGKILL at a random moment, reads the file and "
            "each journal line but a torn last one with plain `json`, and checks the decision "
            "holds every acknowledged answer in order and at most one more; the next child "
            "takes the lock over and takes the journal in.",
            "",
            "| rounds | answers acknowledged | acknowledged answers lost | took |",
            "|---:|---:|---:|---:|",
            f"| {OWNERS_KILL_ROUNDS} | {acknowledged:,} | 0 | {seconds:.0f} s |",
        ]
    )


def main() -> str:
    started = time.perf_counter()
    crash, distinct, failing = crash_section()
    body = [crash, fault_section(), kill_section(), owners_kill_section()]
    header = [
        "# Reliability",
        "",
        "Written by `make bench` (tests/bench/reliability.py); do not edit by hand.",
        "",
        f"Machine: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"run {time.strftime('%Y-%m-%d %H:%M')}, took {time.perf_counter() - started:.0f} s.",
        "",
        f"Summary: {distinct:,} distinct crash states across {len(WORKLOADS)} workloads, "
        f"{failing} failing; every injected fault refused in one line or absorbed; "
        f"{KILL_ROUNDS} SIGKILL rounds without a lost acknowledged event, {OWNERS_KILL_ROUNDS} "
        "more on the owners' answers' journal without a lost acknowledged answer.",
        "",
    ]
    return "\n".join(header) + "\n" + "\n\n".join(body) + "\n"


def write(text: str, doc: Path = DOC) -> None:
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write(main())
    print(f"wrote {DOC}", file=sys.stderr)
