"""Kill -9 while answers are being recorded: every acknowledged answer survives.

A child records one answer at a time (each one a line of the journal,
fsynced) and prints its seq only after `record` returned; the parent kills it
at a random moment. Then, without the store's writer: the decision file
parses as JSON, every journal line but a torn last one parses, and the
decision read through the lock-free reader holds events 1..n, n covering
every acknowledged answer and at most one more. The next child takes the dead
one's lock over, takes the journal in, and carries on.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from meeting_tui.domain.owners import decision as d
from meeting_tui.domain.owners.tally import tally
from meeting_tui.store.owners import DecisionArchive

CHILD = Path(__file__).with_name("owners_child.py")
DECISION = "20261121-kill"


def kill_one_child(root: Path, rng: random.Random) -> tuple[int, list[int]]:
    """Run a child, SIGKILL it at a random moment; (its starting seq, the seqs it acknowledged)."""
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(root)],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            cwd=CHILD.parent,
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.06))
        proc.kill()
        out = proc.stdout.read()
        proc.stdout.close()
        proc.wait()
        errors.seek(0)
        assert proc.returncode == -9, errors.read().decode()
        assert first.startswith("ready"), errors.read().decode()
    return int(first.split()[1]), [int(line) for line in out.splitlines() if line.isdigit()]


def check_files(root: Path) -> None:
    """Read as plain JSON: the file whole, each journal line whole but a torn last one."""
    folder = root / "owners"
    json.loads((folder / f"{DECISION}.json").read_bytes())
    journal = folder / f"{DECISION}.journal"
    if journal.exists():
        for line in journal.read_bytes().split(b"\n")[:-1]:
            json.loads(line)


def run_kill_rounds(root: Path, rounds: int, seed: int) -> int:
    rng = random.Random(seed)
    total = on_disk = 0
    for _ in range(rounds):
        start, acked = kill_one_child(root, rng)
        assert start == on_disk or on_disk == 0  # resumed right after what was on disk
        if acked:
            assert acked == list(range(start + 1, acked[-1] + 1))
        check_files(root)
        events = DecisionArchive(root).read_events(DECISION)
        assert [e.seq for e in events] == list(range(1, len(events) + 1))
        floor = max([start, *acked])
        assert floor <= len(events) <= floor + 1, (floor, len(events))
        on_disk = len(events)
        total += len(acked)
    return total


def reopen_and_count(root: Path) -> None:
    archive = DecisionArchive(root)
    state = archive.read(DECISION)
    assert tally(state) == tally(d.fold(archive.read_events(DECISION)))
    archive.open(DECISION).close()  # the stale lock taken over, the journal taken in
    folder = root / "owners"
    assert not list(folder.glob("*.journal")) and not list(folder.glob("*.lock"))
    assert not list(folder.glob(".*.tmp"))


def test_sigkill_never_loses_an_acknowledged_answer(tmp_path: Path) -> None:
    acknowledged = run_kill_rounds(tmp_path, rounds=20, seed=20261121)
    assert acknowledged > 20  # the kills landed while answers were being written
    reopen_and_count(tmp_path)


@pytest.mark.slow
def test_sigkill_300_rounds(tmp_path: Path) -> None:
    acknowledged = run_kill_rounds(tmp_path, rounds=300, seed=int(time.time()))
    assert acknowledged > 300
    reopen_and_count(tmp_path)
