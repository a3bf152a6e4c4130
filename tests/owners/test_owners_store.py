"""A decision on disk: every answer durable before it shows, reopened across sessions, locked."""

from __future__ import annotations

from pathlib import Path

import pytest
from owners_cases import T0, make_roster

from meeting_tui.domain.owners import decision as d
from meeting_tui.domain.owners.rules import Counts
from meeting_tui.domain.owners.tally import tally
from meeting_tui.store.errors import CorruptMeetingFileError, StoreError
from meeting_tui.store.owners import DecisionArchive, LiveDecision

ROSTER = make_roster([("1", "1", "101", 9000, "a"), ("1", "1", "102", 8000, "b")])


def new_decision(root: Path) -> LiveDecision:
    archive = DecisionArchive(root)
    live = LiveDecision.create(
        archive, d.create_decision("20261121-kxdj", "物业选聘", "", "ordinary"), lambda: T0
    )
    live.execute(d.import_roster(live.state, ROSTER, "清册.csv"))
    return live


def test_answers_survive_closing_and_reopening(tmp_path: Path) -> None:
    live = new_decision(tmp_path)
    live.record("1-1-101", "1", "visit", "崔辉")
    live.close()
    again = LiveDecision.open(DecisionArchive(tmp_path), "20261121-kxdj", lambda: T0)
    assert tally(again.state).counts("yes") == Counts(9000, 1)
    again.record("1-1-101", "2", "written", "李娜")
    again.close()
    state = DecisionArchive(tmp_path).read("20261121-kxdj")
    assert [b.answer for b in state.history] == ["yes", "no"]
    raw = (tmp_path / "owners" / "20261121-kxdj.json").read_text(encoding="utf-8")
    assert "崔辉" in raw  # UTF-8, readable


def test_a_second_window_is_refused_while_one_has_it_open(tmp_path: Path) -> None:
    live = new_decision(tmp_path)
    with pytest.raises(StoreError) as caught:
        DecisionArchive(tmp_path).open("20261121-kxdj")
    assert "另一个窗口" in caught.value.message("zh")
    live.close()
    DecisionArchive(tmp_path).open("20261121-kxdj").close()


def test_the_list_shows_progress_without_opening(tmp_path: Path) -> None:
    live = new_decision(tmp_path)
    live.record("1-1-102", "3", "visit", "崔辉")
    rows = DecisionArchive(tmp_path).list()
    assert rows == [
        {
            "id": "20261121-kxdj",
            "title": "物业选聘",
            "kind": "ordinary",
            "units": 2,
            "answered": 1,
            "closed": False,
        }
    ]
    live.close()


def test_a_damaged_file_is_quarantined_not_overwritten(tmp_path: Path) -> None:
    new_decision(tmp_path).close()
    path = tmp_path / "owners" / "20261121-kxdj.json"
    path.write_bytes(b"{broken")
    with pytest.raises(CorruptMeetingFileError):
        DecisionArchive(tmp_path).open("20261121-kxdj")
    assert path.read_bytes() == b"{broken"
    assert list((tmp_path / "quarantine").glob("20261121-kxdj-*.json"))
    assert DecisionArchive(tmp_path).list() == [{"id": "20261121-kxdj", "broken": True}]


def test_an_unknown_id_names_the_list_verb(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        DecisionArchive(tmp_path).open("20261121-zzzz")
    assert "owners list" in caught.value.message("zh")


def test_an_answer_the_disk_refused_is_kept_and_written_before_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from meeting_tui.store.errors import DiskFullError

    live = new_decision(tmp_path)
    real = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(DiskFullError):
        live.record("1-1-101", "1", "visit", "崔辉")
    assert "1-1-101" not in live.state.current  # not shown as recorded
    with pytest.raises(DiskFullError):
        live.record("1-1-102", "2", "visit", "崔辉")  # still full: refused, the first still kept
    monkeypatch.setattr(os, "fsync", real)
    live.record("1-1-102", "2", "visit", "崔辉")
    assert {u: b.answer for u, b in live.state.current.items()} == {
        "1-1-101": "yes",
        "1-1-102": "no",
    }
    live.close()
    stored = DecisionArchive(tmp_path).read("20261121-kxdj")
    assert [b.unit for b in stored.history] == ["1-1-101", "1-1-102"]


def test_the_live_tally_moved_per_answer_equals_a_recount(tmp_path: Path) -> None:
    """What the screen shows after each answer, correction, withdrawal and reopen."""
    live = new_decision(tmp_path)
    steps = [
        lambda: live.record("1-1-101", "1", "visit", "崔辉"),
        lambda: live.record("1-1-102", "2", "visit", "崔辉"),
        lambda: live.record("1-1-101", "3", "written", "李娜"),
        lambda: live.withdraw("1-1-102", "写错了房号", "崔辉"),
        lambda: live.close_count(),
        lambda: live.reopen_count("补录"),
        lambda: live.record("1-1-102", "1", "visit", "崔辉"),
    ]
    for step in steps:
        step()
        assert live.tally() == tally(live.state)
    assert live.tally().counts("yes") == Counts(8000, 1)
    live.close()
    again = LiveDecision.open(DecisionArchive(tmp_path), "20261121-kxdj", lambda: T0)
    assert again.tally() == tally(again.state)
    again.close()


def test_the_screen_reads_results_and_the_data_folder_through_the_live_decision(
    tmp_path: Path,
) -> None:
    from meeting_tui.minutes.owners_checkpoints import close_and_seal

    live = new_decision(tmp_path)
    try:
        assert live.data_root == tmp_path
        assert live.results() == []
        live.record("1-1-101", "1", "visit", "崔辉")
        close_and_seal(live)
        (result,) = live.results()
        assert result == DecisionArchive(tmp_path).read_results("20261121-kxdj")[0]
    finally:
        live.close()


def test_a_decision_the_disk_cannot_read_is_one_line_and_listed_as_damaged(
    tmp_path: Path,
) -> None:
    """A folder where the decision file belongs (EISDIR): as a meeting's, never a traceback."""
    new_decision(tmp_path).close()
    path = tmp_path / "owners" / "20261121-kxdj.json"
    path.unlink()
    path.mkdir()
    for action in (
        lambda: DecisionArchive(tmp_path).read("20261121-kxdj"),
        lambda: DecisionArchive(tmp_path).open("20261121-kxdj"),
    ):
        with pytest.raises(StoreError) as caught:
            action()
        assert str(path) in caught.value.message("en")
    assert DecisionArchive(tmp_path).list() == [{"id": "20261121-kxdj", "broken": True}]
    assert path.is_dir()  # left as it is


def test_opening_sweeps_what_a_killed_window_left_as_a_meeting_does(tmp_path: Path) -> None:
    """Temp files, a lock set aside mid take-over, a quarantine copy half made: all by dead pids."""
    import subprocess
    import sys

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # its pid names a process that has exited
    new_decision(tmp_path).close()
    folder, pid = tmp_path / "owners", gone.pid
    leftovers = [
        folder / f".20261121-kxdj.json.{pid}.3.tmp",
        folder / f"20261121-kxdj.lock.stale-{pid}-0a1b",
        tmp_path / "quarantine" / f".20261121-kxdj-20261121T190000.json.{pid}.0.tmp",
    ]
    for path in leftovers:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"{")
    DecisionArchive(tmp_path).open("20261121-kxdj").close()
    assert [p.name for p in leftovers if p.exists()] == []
