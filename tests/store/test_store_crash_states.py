"""The crash-state explorer: every state a power cut may leave recovers, and it sees planted bugs.

A small run here (a few combinations per crash point); the full run is
`make bench` (tests/bench/reliability.py), whose figures are in docs/reliability.md.
"""

from __future__ import annotations

import pytest
from crash_explorer import explore
from crash_record import WORKLOADS


@pytest.mark.parametrize("workload", WORKLOADS)
def test_every_crash_state_of_the_workload_recovers(workload: str) -> None:
    report = explore(workload, per_point=4)
    assert report.built > report.operations  # more than one state per crash point
    assert report.recovered > 0
    assert report.failures == []


def test_the_explorer_reports_new_folders_whose_parent_is_not_fsynced() -> None:
    """The child puts back `mkdir` without the parent's fsync: a fresh data folder can vanish."""
    report = explore("first_run", per_point=4, bug="no-folder-fsync")
    assert report.failures
    assert any("gone, with" in failure for failure in report.failures)
    restore = explore("restore", per_point=4, bug="no-folder-fsync")
    assert any("protected copy was lost" in failure for failure in restore.failures)


def test_the_explorer_reports_a_backup_rotation_without_fsync_between_renames() -> None:
    report = explore("reopen", per_point=8, bug="no-rotation-fsync")
    assert any("protected copy was lost" in failure for failure in report.failures)


def test_the_explorer_reports_a_journal_whose_name_is_not_made_durable() -> None:
    """Answers acknowledged in a journal whose folder entry a power cut may drop."""
    report = explore("owners_answers", per_point=4, bug="no-journal-folder-fsync")
    assert any("were acknowledged" in failure for failure in report.failures)


@pytest.mark.slow
def test_the_full_run_recovers_over_a_thousand_distinct_states() -> None:
    """The figures of docs/reliability.md, asserted (`make bench` writes the document)."""
    reports = [explore(workload, per_point=1024) for workload in WORKLOADS]
    assert sum(r.distinct for r in reports) >= 1000
    assert [f for r in reports for f in r.failures] == []
