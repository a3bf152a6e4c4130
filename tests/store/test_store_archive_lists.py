"""The kept backlog and follow-up lists: read from their file only while no meeting changed.

Real files in a temp folder (the demo archive). A list is kept only once the
archive has been still for longer than a file-clock tick, so the tests age the
folder's and the index's times (`os.utime`) as an archive left since yesterday is.
The oracle is always the logs folded afresh (tests/archive_oracle.py).
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

from meeting_tui.demo import CLOSED_ID
from meeting_tui.domain import commands as c
from meeting_tui.domain.archive_summary import summarise
from meeting_tui.domain.archive_views import backlog, followups_of
from meeting_tui.store import open_archive
from meeting_tui.store.archive import Archive
from meeting_tui.store.archive_lists import (
    BACKLOG,
    FOLLOWUPS,
    KeptLists,
    ListKind,
    archive_stamp,
)
from meeting_tui.store.archive_summary import ArchiveSummary, built_from, summary_of
from meeting_tui.store.live import LiveMeeting

DAY_NS = 86_400 * 10**9


def age(archive: Archive) -> None:
    """The archive as if nothing had been written to it since yesterday."""
    for path in (archive.meetings_dir, archive.index_path):
        then = os.stat(path).st_mtime_ns - DAY_NS
        os.utime(path, ns=(then, then))


def folded_followups(archive: Archive) -> list:
    return followups_of((summarise(s) for s in load_states(archive)), "")


def keep(archive: Archive, kind: ListKind) -> None:
    """Make the list and keep it, as the screen's worker does after showing it."""
    read = KeptLists(archive).read(kind)
    assert read.keep is not None
    read.keep()


def kept_header(archive: Archive, name: str) -> dict:
    path = archive.root / "summaries" / f"{name}.lines"
    return json.loads(path.read_bytes().partition(b"\n")[0])


def test_a_kept_list_is_read_from_its_file_and_equals_the_folded_logs(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    age(archive)
    for kind in (BACKLOG, FOLLOWUPS):
        made = KeptLists(archive).read(kind)
        assert made.lines is None and made.keep is not None  # made from the summary
        made.keep()
        assert kept_header(archive, kind.name)["stamp"] == archive_stamp(archive)
    fresh = KeptLists(open_archive(data_dir))  # another process: nothing in memory
    read = fresh.read(BACKLOG)
    assert read.lines is not None and read.keep is None  # from the file
    assert list(read.entries) == backlog(load_states(archive)) and len(read.entries) == 3
    listed = fresh.read(FOLLOWUPS)
    assert listed.lines is not None and list(listed.entries) == folded_followups(archive)


def test_a_step_through_the_store_makes_the_next_read_a_full_one(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    age(archive)
    keep(archive, FOLLOWUPS)
    live = LiveMeeting.open(archive, CLOSED_ID)
    live.execute(c.complete_followup(live.state, "m10", date(2027, 4, 15)))
    live.close()
    read = KeptLists(open_archive(data_dir)).read(FOLLOWUPS)
    assert read.lines is None  # the folder moved: the file is not trusted
    (m10,) = [e for e in read.entries if e.origin.motion_id == "m10"]
    assert m10.done_on == "2027-04-15"
    assert list(read.entries) == folded_followups(archive)
    assert read.keep is None  # written a moment ago: kept only once the folder is still


def test_a_meeting_file_copied_in_by_hand_is_listed(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    age(archive)
    keep(archive, BACKLOG)
    meetings = data_dir / "meetings"
    text = (meetings / f"{CLOSED_ID}.json").read_text(encoding="utf-8")
    copy = "20261010-copy"
    (meetings / f"{copy}.json").write_text(text.replace(CLOSED_ID, copy), encoding="utf-8")
    read = KeptLists(open_archive(data_dir)).read(BACKLOG)
    assert read.lines is None
    assert {e.origin.meeting_id for e in read.entries} == {CLOSED_ID, copy}
    assert list(read.entries) == backlog(load_states(open_archive(data_dir)))


def test_a_damaged_or_torn_list_file_is_ignored_and_made_again(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    age(archive)
    keep(archive, BACKLOG)
    path = data_dir / "summaries" / "backlog.lines"
    whole = path.read_bytes()
    expected = backlog(load_states(archive))
    damaged = whole.replace("三方协调".encode(), "双方协调".encode(), 1)
    for broken in (damaged, whole[: len(whole) - 40], whole.partition(b"\n")[0], b"", b"\x00"):
        assert broken != whole
        path.write_bytes(broken)
        read = KeptLists(open_archive(data_dir)).read(BACKLOG)
        assert read.lines is None and list(read.entries) == expected
        assert read.keep is not None
        read.keep()
        assert path.read_bytes() == whole  # made again, as it was


def test_a_list_with_an_unreadable_meeting_is_never_kept(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    (data_dir / "meetings" / f"{CLOSED_ID}.json").write_text("{ not json", encoding="utf-8")
    age(archive)
    for _ in range(2):  # the notice is said at every read, not only at the first
        read = KeptLists(open_archive(data_dir)).read(BACKLOG)
        assert read.keep is None and read.lines is None
        assert [p.values.get("meeting_id") for p in read.problems] == [CLOSED_ID]
    assert not (data_dir / "summaries" / "backlog.lines").exists()


def test_a_deleted_summaries_folder_takes_the_kept_lists_with_it(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    age(archive)
    keep(archive, BACKLOG)
    shutil.rmtree(data_dir / "summaries")
    read = KeptLists(open_archive(data_dir)).read(BACKLOG)
    assert read.lines is None and list(read.entries) == backlog(load_states(archive))


def test_the_backlog_verb_prints_the_same_from_the_kept_file_as_from_the_summary(
    data_dir: Path,
) -> None:
    def verb(*extra: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "meeting_tui", "--data-dir", str(data_dir), "backlog", *extra],
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    archive = open_archive(data_dir)
    age(archive)
    lists = data_dir / "summaries" / "backlog.lines"
    made_text, made_json = verb(), verb("--json")  # the first keeps the list
    assert lists.exists()
    assert kept_header(archive, "backlog")["stamp"] == archive_stamp(archive)
    assert verb() == made_text and verb("--json") == made_json  # from the file
    rows = json.loads(made_json)
    assert [(r["meeting_id"], r["motion_id"]) for r in rows] == [
        (e.origin.meeting_id, e.origin.motion_id) for e in backlog(load_states(archive))
    ]
    assert all(r["text"] in made_text for r in rows) and len(made_text.splitlines()) == 3


def test_a_keep_killed_half_way_leaves_the_old_list_and_its_temp_is_swept(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    age(archive)
    keep(archive, BACKLOG)
    lists = data_dir / "summaries" / "backlog.lines"
    before = lists.read_bytes()
    child = (
        "import os, sys\n"
        "from meeting_tui.store import fs, open_archive\n"
        "from meeting_tui.store.archive_lists import BACKLOG, KeptLists\n"
        "real = fs.write\n"
        "def torn(fd, data):\n"
        "    if len(data) < 1000:  # the lock file\n"
        "        return real(fd, data)\n"
        "    real(fd, bytes(data)[:100])\n"
        "    os._exit(9)  # the power cut, half-way through the list's temp file\n"
        "fs.write = torn\n"
        "archive = open_archive(sys.argv[1])\n"
        "(archive.meetings_dir / 'x.present.json').write_text('{}')  # a change: made again\n"
        "os.utime(archive.meetings_dir, ns=(0, 0))\n"
        "read = KeptLists(archive).read(BACKLOG)\n"
        "read.keep()\n"
    )
    done = subprocess.run([sys.executable, "-c", child, str(data_dir)], check=False)
    assert done.returncode == 9
    assert lists.read_bytes() == before  # the old list, whole; its stamp no longer holds
    temps = [p for p in (data_dir / "summaries").iterdir() if p.name.endswith(".tmp")]
    assert temps
    read = KeptLists(open_archive(data_dir)).read(BACKLOG)
    assert read.lines is None and list(read.entries) == backlog(load_states(archive))
    assert read.keep is not None
    read.keep()
    assert not [p for p in (data_dir / "summaries").iterdir() if p.name.endswith(".tmp")]
    assert KeptLists(open_archive(data_dir)).read(BACKLOG).lines is not None


def test_a_month_rewritten_for_one_row_holds_every_row_as_a_fresh_encoding_would(
    data_dir: Path,
) -> None:
    archive = open_archive(data_dir)
    summaries = summary_of(archive)
    summaries.read()
    month = data_dir / "summaries" / f"{CLOSED_ID[:6]}.json"
    for motion, day in (("m10", 15), ("m2", 16)):  # two writes of that month in one process
        live = LiveMeeting.open(archive, CLOSED_ID)
        motions = {m.id: m for m in live.state.motions.values() if m.followup is not None}
        target = motions.get(motion) or next(iter(motions.values()))
        live.execute(c.complete_followup(live.state, target.id, date(2027, 4, day)))
        live.close()
        on_disk = json.loads(month.read_bytes())
        rows = {doc["id"]: doc for doc in on_disk["meetings"].values()}
        assert list(on_disk["meetings"]) == [str(n) for n in range(1, len(rows) + 1)]
        assert rows[CLOSED_ID]["built_from"] == built_from(archive.meeting_path(CLOSED_ID))
    fresh, problems = ArchiveSummary(open_archive(data_dir)).read()  # another process
    assert problems == []
    assert followups_of(fresh, "") == folded_followups(archive)
    done = [f for s in fresh if s.meeting_id == CLOSED_ID for f in s.followups if f.done_on]
    assert {f.done_on for f in done} >= {"2027-04-15", "2027-04-16"}


def test_what_the_backlog_verb_printed_is_printed_again_only_while_no_meeting_changed(
    data_dir: Path,
) -> None:
    def verb(*extra: str) -> str:
        args = [sys.executable, "-m", "meeting_tui", "--data-dir", str(data_dir), *extra]
        return subprocess.run(args, check=True, capture_output=True, text=True).stdout

    archive = open_archive(data_dir)
    age(archive)
    zh, en = verb("backlog"), verb("--lang", "en", "backlog")
    printed = data_dir / "summaries" / "backlog.zh.printed"
    assert printed.exists() and (data_dir / "summaries" / "backlog.en.printed").exists()
    assert "待商议" in zh and "open" in en and zh != en  # each language its own
    raw = printed.read_bytes()
    header, _, body = raw.partition(b"\n")
    assert json.loads(header)["stamp"] == archive_stamp(archive) and body.decode() == zh
    printed.write_bytes(raw.replace("待商议".encode(), "已改动".encode(), 1))  # damaged
    assert verb("backlog") == zh  # the CRC refuses it: printed from the list again
    deferred = backlog(load_states(archive))[0]
    meetings = data_dir / "meetings"
    text = (meetings / f"{CLOSED_ID}.json").read_text(encoding="utf-8")
    (meetings / "20261010-copy.json").write_text(
        text.replace(CLOSED_ID, "20261010-copy"), encoding="utf-8"
    )
    changed = verb("backlog")  # a meeting copied in: not the kept text
    assert changed != zh and "20261010-copy" in changed and deferred.text in changed


def test_a_list_read_ahead_is_given_from_memory_and_never_from_the_summary(
    data_dir: Path, monkeypatch
) -> None:
    """`kept` reads the kept file once (a thread's, ahead of the screen); `read_already`
    (the UI thread's) never opens a file, and neither falls back to the summary's long read."""
    from meeting_tui.store import archive_lists, fs

    archive = open_archive(data_dir)
    age(archive)
    keep(archive, FOLLOWUPS)
    opened: list[str] = []
    real_open = fs.open_file
    monkeypatch.setattr(
        fs, "open_file", lambda path, *a: opened.append(str(path)) or real_open(path, *a)
    )
    monkeypatch.setattr(ArchiveSummary, "read", lambda self: (_ for _ in ()).throw(AssertionError))
    assert archive_lists.read_already(archive, FOLLOWUPS) is None  # nothing read yet
    assert opened == []
    ahead = archive_lists.lists_of(archive).kept(FOLLOWUPS, from_disk=True)
    assert ahead is not None and len(opened) == 1
    assert archive_lists.lists_of(archive).kept(BACKLOG, from_disk=True) is None  # none kept
    opened.clear()
    now = archive_lists.read_already(archive, FOLLOWUPS)
    assert now is not None and opened == []
    assert list(now.entries) == list(ahead.entries) == folded_followups(archive)
    read = archive_lists.lists_of(archive).read(FOLLOWUPS)  # the screen's worker: no file read
    assert read.lines is ahead.lines and opened == []
    meeting = archive.meeting_path(CLOSED_ID)  # replaced by a copy: the folder's stamp moves
    copy = meeting.with_suffix(".copy")
    copy.write_bytes(meeting.read_bytes())
    os.replace(copy, meeting)
    assert archive_lists.read_already(archive, FOLLOWUPS) is None
