"""Answers go to an append-only journal: a few hundred bytes each, and every crash recovers.

Real files in a temp folder throughout: the states a crash leaves (a torn last
line, a journal left beside a compacted file) are written as a power cut or a
kill -9 would leave them, then the decision is opened the ordinary way.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from owners_cases import T0, make_roster

from meeting_tui.domain.owners import decision as d
from meeting_tui.domain.owners.rules import Counts
from meeting_tui.domain.owners.tally import tally
from meeting_tui.store import journal as journal_module
from meeting_tui.store.errors import CorruptMeetingFileError
from meeting_tui.store.owners import DecisionArchive, LiveDecision

ID = "20261121-kxdj"
UNITS = [
    ("1", "1", f"{f}0{door}", 9000 + f * 10 + door, f"o{f}{door}")
    for f in range(1, 31)
    for door in (1, 2)
]
ROSTER = make_roster(UNITS)
ROOMS = [f"1-1-{f}0{door}" for f in range(1, 31) for door in (1, 2)]


def new_decision(root: Path) -> LiveDecision:
    live = LiveDecision.create(
        DecisionArchive(root), d.create_decision(ID, "物业选聘", "", "ordinary"), lambda: T0
    )
    live.execute(d.import_roster(live.state, ROSTER, "清册.csv"))
    return live


def reopen(root: Path) -> LiveDecision:
    return LiveDecision.open(DecisionArchive(root), ID, lambda: T0)


def files(root: Path) -> tuple[Path, Path]:
    return root / "owners" / f"{ID}.json", root / "owners" / f"{ID}.journal"


def test_an_answer_appends_one_line_and_leaves_the_decision_file_alone(tmp_path: Path) -> None:
    live = new_decision(tmp_path)
    main, journal = files(tmp_path)
    live.close()  # the roster is in the TinyDB file now
    live = reopen(tmp_path)
    before, stat = main.read_bytes(), main.stat()
    sizes = []
    for room in ROOMS[:5]:
        live.record(room, "1", "visit", "崔辉")
        sizes.append(journal.stat().st_size)
    assert main.read_bytes() == before and main.stat().st_ino == stat.st_ino
    steps = [b - a for a, b in zip([0, *sizes], sizes, strict=False)]
    assert all(0 < step < 400 for step in steps), steps  # the answer, not the 60-unit file
    assert len(before) > 20 * max(steps)
    lines = journal.read_bytes().decode("utf-8").splitlines()
    assert [json.loads(line)[0]["payload"]["unit"] for line in lines] == ROOMS[:5]
    live.close()


def test_the_close_takes_the_journal_into_the_tinydb_file(tmp_path: Path) -> None:
    live = new_decision(tmp_path)
    for room in ROOMS[:3]:
        live.record(room, "2", "written", "李娜")
    live.close()
    main, journal = files(tmp_path)
    assert not journal.exists()
    stored = json.loads(main.read_bytes())["events"]
    assert [stored[k]["payload"].get("unit") for k in sorted(stored, key=int)][-3:] == ROOMS[:3]


def test_a_reader_without_the_lock_sees_the_journaled_answers(tmp_path: Path) -> None:
    live = new_decision(tmp_path)
    live.record(ROOMS[0], "1", "visit", "崔辉")
    live.record(ROOMS[1], "2", "visit", "崔辉")
    archive = DecisionArchive(tmp_path)
    assert tally(archive.read(ID)) == live.tally()
    assert archive.list()[0]["answered"] == 2
    live.close()


@pytest.mark.parametrize("tail", ["short", "zeros"])
def test_a_torn_last_line_is_dropped_and_every_acknowledged_answer_kept(
    tmp_path: Path, tail: str
) -> None:
    live = new_decision(tmp_path)
    for room in ROOMS[:4]:
        live.record(room, "1", "visit", "崔辉")
    _main, journal = files(tmp_path)
    whole = journal.read_bytes()
    live.record(ROOMS[4], "2", "visit", "崔辉")
    last = journal.read_bytes()[len(whole) :]
    live.file._drop_fd()  # the process dies here: no close, no compaction
    live.file._lock.release()
    half = len(last) // 2
    torn = last[:half] if tail == "short" else last[:half] + bytes(len(last) - half)
    journal.write_bytes(whole + torn)  # the power cut kept half of the unacknowledged line
    again = reopen(tmp_path)
    assert {u: b.answer for u, b in again.state.current.items()} == dict.fromkeys(ROOMS[:4], "yes")
    assert not journal.exists()  # taken in at the open: the torn line is gone with it
    again.record(ROOMS[4], "3", "visit", "崔辉")
    again.close()
    third = reopen(tmp_path)
    assert third.state.current[ROOMS[4]].answer == "abstain"
    assert third.tally() == tally(third.state)
    third.close()


def test_a_crash_between_compaction_and_unlink_folds_nothing_twice(tmp_path: Path) -> None:
    live = new_decision(tmp_path)
    for room in ROOMS[:3]:
        live.record(room, "1", "visit", "崔辉")
    _main, journal = files(tmp_path)
    left = journal.read_bytes()
    live.close()  # the rewrite is on disk …
    journal.write_bytes(left)  # … and the unlink was lost
    again = reopen(tmp_path)
    assert [b.unit for b in again.state.history] == ROOMS[:3]
    assert tally(again.state).counts("yes").heads == 3
    again.record(ROOMS[3], "2", "visit", "崔辉")
    again.close()
    assert [b.unit for b in DecisionArchive(tmp_path).read(ID).history] == ROOMS[:4]
    assert not journal.exists()


def test_a_crash_mid_compaction_keeps_the_old_file_and_the_journal(tmp_path: Path) -> None:
    live = new_decision(tmp_path)
    main, journal = files(tmp_path)
    old = main.read_bytes()
    for room in ROOMS[:3]:
        live.record(room, "1", "visit", "崔辉")
    left = journal.read_bytes()
    live.close()
    main.write_bytes(old)  # the rename never reached the disk: the old file, the whole journal
    journal.write_bytes(left)
    (main.parent / f".{main.name}.999.0.tmp").write_bytes(b'{"meeting": {"1"')  # its temp
    again = reopen(tmp_path)
    assert [b.unit for b in again.state.history] == ROOMS[:3]
    again.close()
    assert not list(main.parent.glob("*.tmp"))


def test_a_damaged_line_before_the_last_is_refused_and_nothing_is_deleted(
    tmp_path: Path,
) -> None:
    live = new_decision(tmp_path)
    for room in ROOMS[:3]:
        live.record(room, "1", "visit", "崔辉")
    live.file._drop_fd()
    live.file._lock.release()
    main, journal = files(tmp_path)
    lines = journal.read_bytes().split(b"\n")
    lines[1] = b'[{"seq": "x"}]'
    damaged = b"\n".join(lines)
    journal.write_bytes(damaged)
    with pytest.raises(CorruptMeetingFileError) as caught:
        DecisionArchive(tmp_path).open(ID)
    message = caught.value.message("zh")
    assert str(journal) in message and "第 2 行" in message
    assert journal.read_bytes() == damaged and main.exists()
    assert DecisionArchive(tmp_path).list() == [{"id": ID, "broken": True}]


def test_a_journal_that_does_not_follow_the_file_is_refused(tmp_path: Path) -> None:
    live = new_decision(tmp_path)
    live.record(ROOMS[0], "1", "visit", "崔辉")
    live.record(ROOMS[1], "1", "visit", "崔辉")
    live.file._drop_fd()
    live.file._lock.release()
    _main, journal = files(tmp_path)
    journal.write_bytes(journal.read_bytes().split(b"\n", 1)[1])  # the first answer's line lost
    with pytest.raises(CorruptMeetingFileError) as caught:
        DecisionArchive(tmp_path).open(ID)
    assert "where" in caught.value.message("en")


def test_the_journal_is_compacted_at_its_threshold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal_module, "COMPACT_AFTER", 4)
    new_decision(tmp_path).close()
    live = reopen(tmp_path)
    main, journal = files(tmp_path)
    for room in ROOMS[:4]:
        live.record(room, "1", "visit", "崔辉")
    assert len(journal.read_bytes().splitlines()) == 4
    live.record(ROOMS[4], "2", "visit", "崔辉")  # the fifth is a whole rewrite
    assert not journal.exists()
    assert len(json.loads(main.read_bytes())["events"]) == len(live.events)
    live.record(ROOMS[5], "2", "visit", "崔辉")  # and a fresh journal starts
    assert len(journal.read_bytes().splitlines()) == 1
    live.close()
    assert tally(DecisionArchive(tmp_path).read(ID)).counts("no") == Counts(
        sum(u[3] for u in UNITS[4:6]), 2
    )


def test_after_a_failed_journal_write_the_next_answer_rewrites_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from meeting_tui.store.errors import DiskFullError

    live = new_decision(tmp_path)
    live.record(ROOMS[0], "1", "visit", "崔辉")
    real = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(DiskFullError):
        live.record(ROOMS[1], "2", "visit", "崔辉")
    monkeypatch.setattr(os, "fsync", real)
    main, journal = files(tmp_path)
    half_known = journal.read_bytes()
    live.record(ROOMS[2], "3", "visit", "崔辉")
    # the refused answer went into a whole rewrite, never after the line whose fsync failed …
    stored = json.loads(main.read_bytes())["events"]
    units = [stored[k]["payload"].get("unit") for k in sorted(stored, key=int)]
    assert units[-2:] == ROOMS[:2]
    # … and the next one into a fresh journal
    lines = journal.read_bytes().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])[0]["payload"]["unit"] == ROOMS[2]
    assert not journal.read_bytes().startswith(half_known)
    live.close()
    assert [b.unit for b in DecisionArchive(tmp_path).read(ID).history] == ROOMS[:3]


def test_a_journal_the_disk_cannot_read_is_one_line_naming_it(tmp_path: Path) -> None:
    from meeting_tui.store.errors import StoreError

    new_decision(tmp_path).close()
    _main, journal = files(tmp_path)
    journal.mkdir()  # EISDIR where the journal belongs
    for action in (
        lambda: DecisionArchive(tmp_path).open(ID),
        lambda: DecisionArchive(tmp_path).read(ID),
    ):
        with pytest.raises(StoreError) as caught:
            action()
        assert str(journal) in caught.value.message("en")
    assert journal.is_dir()


def test_the_record_digest_verifies_while_newer_answers_wait_in_the_journal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The seal's rewrite holds every event it covers; answers after a reopen do not disturb it."""
    import re

    from meeting_tui.cli import main
    from meeting_tui.domain.owners.digest import owners_digest_line
    from meeting_tui.minutes.owners_checkpoints import close_and_seal
    from meeting_tui.store.owners import RESULTS_TABLE

    live = new_decision(tmp_path)
    for room in ROOMS[:4]:
        live.record(room, "1", "visit", "崔辉")
    close_and_seal(live)
    line = owners_digest_line(live.state, live.file.table(RESULTS_TABLE))
    digest = re.search(r"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){3}", line).group(0)  # type: ignore[union-attr]
    live.reopen_count("补录")
    live.record(ROOMS[4], "2", "written", "李娜")
    _main, journal = files(tmp_path)
    assert journal.exists()  # the decision is open in this window, the answer only journaled
    status = main(["--data-dir", str(tmp_path), "owners", "verify", ID, "--digest", digest])
    out = capsys.readouterr().out
    assert status == 0 and out.startswith("一致"), out
    live.close()
    status = main(["--data-dir", str(tmp_path), "owners", "verify", ID, "--digest", digest])
    assert status == 0, capsys.readouterr()
