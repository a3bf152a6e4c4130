"""A one-shot EIO, ENOSPC or EMFILE at every file call of a store workload: never a traceback,
never a lost acknowledged event, never a torn file (tests/store/fault_sweep.py)."""

from __future__ import annotations

from fault_sweep import CODES, recover, run_once, sweep


def test_a_fault_at_every_file_call_is_refused_plainly_or_absorbed() -> None:
    report = sweep()
    assert report.calls > 50  # the workload does reach the disk
    assert report.injected == report.calls * len(CODES)
    assert report.failures == []
    assert report.refused > 0 and report.completed > 0


def test_the_sweep_sees_a_lost_event(tmp_path) -> None:
    """The check itself: a meeting with fewer events than acknowledged is reported."""
    outcome, problems = run_once(0, 0)
    assert (outcome, problems) == ("completed", [])
    assert recover(tmp_path / "data", [1, 2, 3]) == ["meeting gone with 3 acknowledged"]
