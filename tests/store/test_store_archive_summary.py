"""The kept archive summary: read instead of every log, and rebuilt whenever it cannot be trusted.

Every test works on real files in a temp folder: the demo archive, the
`summaries/<YYYYMM>.json` files the store writes, and a child process killed
between the meeting write and the summary write.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from archive_oracle import load_states

from meeting_tui.demo import CLOSED_ID, LIVE_ID, install_demo
from meeting_tui.domain import MotionState
from meeting_tui.domain import commands as c
from meeting_tui.domain.archive_views import backlog, backlog_of, followups, followups_of
from meeting_tui.store import open_archive
from meeting_tui.store.archive import Archive
from meeting_tui.store.archive_summary import ArchiveSummary, built_from, month_of
from meeting_tui.store.live import LiveMeeting

TODAY = "2027-04-15"


def summary_file(root: Path, meeting_id: str) -> Path:
    return root / "summaries" / f"{month_of(meeting_id)}.json"


def stored_rows(root: Path, meeting_id: str) -> dict[str, dict]:
    data = json.loads(summary_file(root, meeting_id).read_text(encoding="utf-8"))
    return {row["id"]: row for row in data["meetings"].values()}


def done_on(archive: Archive, motion_id: str) -> str | None:
    summaries, problems = ArchiveSummary(archive).read()
    assert problems == []
    entry = next(e for e in followups_of(summaries, TODAY) if e.origin.motion_id == motion_id)
    return entry.done_on


def test_the_summary_gives_the_same_backlog_and_follow_ups_as_folding_every_log(
    data_dir: Path,
) -> None:
    archive = open_archive(data_dir)
    summaries, problems = ArchiveSummary(archive).read()
    assert problems == []
    folded = load_states(archive)
    assert backlog_of(summaries) == backlog(folded) and len(backlog(folded)) == 3
    assert followups_of(summaries, TODAY) == followups(folded, TODAY)
    assert len(followups(folded, TODAY)) >= 3
    rows = stored_rows(data_dir, CLOSED_ID)  # kept, with what it was built from
    assert rows[CLOSED_ID]["built_from"] == built_from(archive.meeting_path(CLOSED_ID))


def test_a_kept_summary_is_read_not_the_meeting_log(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    ArchiveSummary(archive).read()
    path = summary_file(data_dir, CLOSED_ID)
    data = json.loads(path.read_text(encoding="utf-8"))
    (doc,) = [d for d in data["meetings"].values() if d["id"] == CLOSED_ID]
    doc["summary"]["title"] = "只在摘要里的标题"  # the meeting file still says otherwise
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    summaries, _ = ArchiveSummary(archive).read()
    assert {s.title for s in summaries if s.meeting_id == CLOSED_ID} == {"只在摘要里的标题"}


def test_marking_a_follow_up_done_keeps_the_summary_up_to_date(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    ArchiveSummary(archive).read()
    before = stored_rows(data_dir, CLOSED_ID)[CLOSED_ID]
    live = LiveMeeting.open(archive, CLOSED_ID)
    live.execute(c.complete_followup(live.state, "m10", date(2027, 4, 15)))
    live.close()
    after = stored_rows(data_dir, CLOSED_ID)[CLOSED_ID]
    assert after["built_from"] == built_from(archive.meeting_path(CLOSED_ID))
    assert after["built_from"] != before["built_from"]
    (m10,) = [f for f in after["summary"]["followups"] if f[0] == "m10"]
    assert m10[5] == "2027-04-15"  # written by the meeting, not rebuilt by the reader


def test_a_meeting_changed_behind_its_summary_is_detected_and_rebuilt(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    ArchiveSummary(archive).read()
    kept = stored_rows(data_dir, CLOSED_ID)[CLOSED_ID]
    # Another program appends through the meeting file alone: the summary is not told.
    meeting = archive.open_meeting(CLOSED_ID)
    seq = meeting.next_seq
    done = {"motion_id": "m10", "done_on": "2027-04-01"}
    meeting.append([{"seq": seq, "at": "2027-04-01T10:00:00+08:00", "kind": "followup_done",
                     "payload": done}])  # fmt: skip
    meeting.close()
    assert stored_rows(data_dir, CLOSED_ID)[CLOSED_ID] == kept  # stale now
    assert done_on(archive, "m10") == "2027-04-01"
    rebuilt = stored_rows(data_dir, CLOSED_ID)[CLOSED_ID]
    assert rebuilt["built_from"] == built_from(archive.meeting_path(CLOSED_ID))


def test_a_crash_between_the_meeting_write_and_the_summary_write_is_repaired(
    data_dir: Path,
) -> None:
    archive = open_archive(data_dir)
    ArchiveSummary(archive).read()
    child = (
        "import os, sys\n"
        "from datetime import date\n"
        "from meeting_tui.domain import commands as c\n"
        "from meeting_tui.store import open_archive\n"
        "from meeting_tui.store import archive_summary\n"
        "from meeting_tui.store.live import LiveMeeting\n"
        "archive_summary.ArchiveSummary.keep = lambda self, fresh: os._exit(9)  # power cut\n"
        "live = LiveMeeting.open(open_archive(sys.argv[1]), sys.argv[2])\n"
        "live.execute(c.complete_followup(live.state, 'm10', date(2027, 4, 2)))\n"
    )
    done = subprocess.run([sys.executable, "-c", child, str(data_dir), CLOSED_ID], check=False)
    assert done.returncode == 9
    events = open_archive(data_dir).read_meeting(CLOSED_ID)[1]
    assert events[-1]["kind"] == "followup_done"  # the meeting has it, the summary does not
    stale = stored_rows(data_dir, CLOSED_ID)[CLOSED_ID]
    assert stale["built_from"] != built_from(archive.meeting_path(CLOSED_ID))
    assert done_on(open_archive(data_dir), "m10") == "2027-04-02"


def test_a_deleted_summary_folder_is_rebuilt_from_the_meeting_files(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    expected = backlog(load_states(archive))
    ArchiveSummary(archive).read()
    for path in (data_dir / "summaries").iterdir():
        path.unlink()
    (data_dir / "summaries").rmdir()
    summaries, problems = ArchiveSummary(open_archive(data_dir)).read()
    assert problems == [] and backlog_of(summaries) == expected
    assert set(stored_rows(data_dir, CLOSED_ID)) >= {CLOSED_ID}


def test_a_damaged_summary_file_is_set_aside_and_rebuilt(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    expected = followups(load_states(archive), TODAY)
    ArchiveSummary(archive).read()
    path = summary_file(data_dir, CLOSED_ID)
    path.write_bytes(b'{"meetings": {"1": {"id": "2026')  # torn by hand or by a bad disk
    summaries, problems = ArchiveSummary(open_archive(data_dir)).read()
    assert problems == [] and followups_of(summaries, TODAY) == expected
    assert CLOSED_ID in stored_rows(data_dir, CLOSED_ID)  # written anew, parses
    copies = list((data_dir / "quarantine").glob(f"{month_of(CLOSED_ID)}*"))
    assert copies and copies[0].read_bytes() == b'{"meetings": {"1": {"id": "2026'


def test_a_row_damaged_inside_a_good_file_is_rebuilt(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    expected = backlog(load_states(archive))
    ArchiveSummary(archive).read()
    path = summary_file(data_dir, CLOSED_ID)
    data = json.loads(path.read_text(encoding="utf-8"))
    for doc in data["meetings"].values():
        if doc["id"] == CLOSED_ID:
            doc["summary"]["deferred"] = [["m2", "not a number"]]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    summaries, problems = ArchiveSummary(open_archive(data_dir)).read()
    assert problems == [] and backlog_of(summaries) == expected


def test_a_refused_summary_write_loses_nothing(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    ArchiveSummary(archive).read()
    folder = data_dir / "summaries"
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    folder.write_text("a file where the folder should be")  # every summary write fails
    live = LiveMeeting.open(archive, CLOSED_ID)
    live.execute(c.complete_followup(live.state, "m10", date(2027, 4, 3)))  # no error
    live.close()
    os.unlink(folder)
    assert done_on(open_archive(data_dir), "m10") == "2027-04-03"


def test_a_fresh_archive_keeps_the_summaries_of_the_meetings_it_runs(tmp_path: Path) -> None:
    archive = open_archive(tmp_path / "data")
    install_demo(archive)
    live = LiveMeeting.open(archive, LIVE_ID)
    motion = next(m for m in live.state.motions.values() if m.state is MotionState.RAISED)
    live.execute(c.defer(live.state, motion.id, "等测量结果", "社区工作人员", "下次会议"))
    kept = stored_rows(tmp_path / "data", LIVE_ID)[LIVE_ID]
    assert [d[0] for d in kept["summary"]["deferred"]] == [motion.id]
    live.close()


def test_an_unchanged_meetings_folder_gives_the_last_read_again_and_a_change_is_seen(
    data_dir: Path,
) -> None:
    archive = open_archive(data_dir)
    reader = ArchiveSummary(archive)
    reader.read()  # the summaries are kept: later reads find every row current
    long_ago = 1_700_000_000
    os.utime(archive.meetings_dir, (long_ago, long_ago))  # settled: no write shares its tick
    first, _ = reader.read()
    again, _ = reader.read()
    assert again is first  # one stat of the folder, not one per meeting
    live = LiveMeeting.open(archive, CLOSED_ID)
    live.execute(c.complete_followup(live.state, "m10", date(2027, 4, 4)))
    live.close()
    changed, _ = reader.read()
    assert changed is not first
    entry = next(e for e in followups_of(changed, TODAY) if e.origin.motion_id == "m10")
    assert entry.done_on == "2027-04-04"


def test_a_folder_stamp_as_young_as_its_last_write_is_not_trusted(
    data_dir: Path, tmp_path: Path
) -> None:
    archive = open_archive(data_dir)
    reader = ArchiveSummary(archive)
    reader.read()  # the demo was installed just now: the folder's stamp is young
    folder = os.stat(archive.meetings_dir)
    # The same meeting, one follow-up done, made in a copy of the archive …
    other = tmp_path / "other"
    shutil.copytree(data_dir, other)
    live = LiveMeeting.open(open_archive(other), CLOSED_ID)
    live.execute(c.complete_followup(live.state, "m10", date(2027, 4, 5)))
    live.close()
    # … and written over the file in place: the folder's stamp does not move.
    path = archive.meeting_path(CLOSED_ID)
    path.write_bytes(open_archive(other).meeting_path(CLOSED_ID).read_bytes())
    assert os.stat(archive.meetings_dir).st_mtime_ns == folder.st_mtime_ns
    summaries, _ = reader.read()  # a young stamp is no proof: every stamp is checked
    entry = next(e for e in followups_of(summaries, TODAY) if e.origin.motion_id == "m10")
    assert entry.done_on == "2027-04-05"


def test_a_full_read_offers_the_interpreter_to_other_threads_between_meetings(
    data_dir: Path, monkeypatch
) -> None:
    """A screen's worker reads here while the UI thread draws: the read pauses (`sleep(0)`)
    every `CHECKED_BETWEEN_PAUSES` meetings, here every one, and reads the same."""
    from meeting_tui.store import archive_summary

    archive = open_archive(data_dir)
    expected = ArchiveSummary(archive).read()[0]
    pauses: list[float] = []
    monkeypatch.setattr(archive_summary, "CHECKED_BETWEEN_PAUSES", 1)
    monkeypatch.setattr(archive_summary.time, "sleep", pauses.append)
    summaries, problems = ArchiveSummary(archive).read()
    assert summaries == expected and not problems
    assert pauses.count(0) >= len(archive.list_meetings()) >= 2


def deferred_row(root: Path, meeting_id: str, motion_id: str) -> list[object] | None:
    """The deferral the kept summary holds for `motion_id` (None if it holds none)."""
    row = stored_rows(root, meeting_id).get(meeting_id)
    if row is None:
        return None
    found = [d for d in row["summary"]["deferred"] if d[0] == motion_id]
    return found[0] if found else None


def raised_motion(live: LiveMeeting) -> str:
    return next(m.id for m in live.state.motions.values() if m.state is MotionState.RAISED)


def test_a_summary_written_after_the_step_shows_is_written_once_when_it_runs(
    data_dir: Path,
) -> None:
    """The session screen has a deferral's summary written after the frame that shows it."""
    archive = open_archive(data_dir)
    ArchiveSummary(archive).read()
    waiting: list[object] = []
    live = LiveMeeting.open(archive, LIVE_ID)
    try:
        live.summaries_after(waiting.append)
        motion = raised_motion(live)
        live.execute(c.defer(live.state, motion, "需进一步商议", "社区", "下次议事会"))
        assert deferred_row(data_dir, LIVE_ID, motion) is None  # not before it shows
        live.execute(c.set_attendance(live.state, "resident", 31))
        assert len(waiting) == 1  # one write for the steps before it runs
        (write,) = waiting
        write()  # type: ignore[operator]
        assert deferred_row(data_dir, LIVE_ID, motion) is not None
        row = stored_rows(data_dir, LIVE_ID)[LIVE_ID]
        assert row["built_from"] == built_from(archive.meeting_path(LIVE_ID))
        write()  # type: ignore[operator]  # run twice: nothing more to write
        assert stored_rows(data_dir, LIVE_ID)[LIVE_ID] == row
    finally:
        live.close()


def test_a_summary_still_due_at_the_close_is_written_by_the_close(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    ArchiveSummary(archive).read()
    waiting: list[object] = []
    live = LiveMeeting.open(archive, LIVE_ID)
    live.summaries_after(waiting.append)
    motion = raised_motion(live)
    live.execute(c.defer(live.state, motion, "需进一步商议", "社区", "下次议事会"))
    live.close()
    assert deferred_row(data_dir, LIVE_ID, motion) is not None
    assert stored_rows(data_dir, LIVE_ID)[LIVE_ID]["built_from"] == built_from(
        archive.meeting_path(LIVE_ID)
    )
    (write,) = waiting
    write()  # type: ignore[operator]  # after the close: nothing, and no error


def test_a_crash_before_a_due_summary_is_written_loses_nothing(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    ArchiveSummary(archive).read()
    child = (
        "import os, sys\n"
        "from meeting_tui.domain import MotionState, commands as c\n"
        "from meeting_tui.store import open_archive\n"
        "from meeting_tui.store.live import LiveMeeting\n"
        "live = LiveMeeting.open(open_archive(sys.argv[1]), sys.argv[2])\n"
        "live.summaries_after(lambda write: None)  # the frame never comes\n"
        "m = next(m.id for m in live.state.motions.values() if m.state is MotionState.RAISED)\n"
        "live.execute(c.defer(live.state, m, '需进一步商议', '社区', '下次议事会'))\n"
        "print(m, flush=True)\n"
        "os._exit(9)  # the battery\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", child, str(data_dir), LIVE_ID], check=False, capture_output=True
    )
    assert done.returncode == 9, done.stderr
    motion = done.stdout.decode().strip()
    assert deferred_row(data_dir, LIVE_ID, motion) is None  # the kept summary is stale
    summaries, problems = ArchiveSummary(open_archive(data_dir)).read()
    assert problems == []
    assert motion in {e.origin.motion_id for e in backlog_of(summaries)}
