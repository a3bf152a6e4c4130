"""What a kept list may be trusted for: the archive it was made from, and the program that made it.

Real files in a temp folder (the demo archive), times aged with `os.utime` as in
test_store_archive_lists.py. A list read in one long-lived process (the TUI)
must never be kept under a stamp newer than the summary read it came from, and
a kept file from another release, language or line format is made again,
never shown and never a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from meeting_tui import i18n
from meeting_tui.demo import CLOSED_ID
from meeting_tui.store import open_archive
from meeting_tui.store.archive import Archive
from meeting_tui.store.archive_lists import BACKLOG, KeptLists, archive_stamp, lists_of
from meeting_tui.store.errors import StoreError

DAY_NS = 86_400 * 10**9


def age(archive: Archive) -> None:
    """The archive as if nothing had been written to it since yesterday."""
    for path in (archive.meetings_dir, archive.index_path):
        then = os.stat(path).st_mtime_ns - DAY_NS
        os.utime(path, ns=(then, then))


def backlog_verb(data_dir: Path) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "meeting_tui", "--data-dir", str(data_dir), "backlog"]
    return subprocess.run(args, check=True, capture_output=True, text=True)


def test_a_meeting_marked_broken_by_another_reader_is_named_by_a_long_lived_process(
    data_dir: Path,
) -> None:
    archive = open_archive(data_dir)
    age(archive)
    lists = lists_of(archive)  # the TUI process's lists, kept for the whole session
    first = lists.read(BACKLOG)
    assert len(first.entries) == 3 and not first.problems and first.keep is not None
    first.keep()
    meetings = os.stat(archive.meetings_dir)
    with open(archive.meeting_path(CLOSED_ID), "r+b") as file:  # damaged in place
        file.seek(10)
        file.write(b"\x00garbage")
    with pytest.raises(StoreError):  # another window's `export`: the index marks it broken
        open_archive(data_dir).read_meeting(CLOSED_ID)
    assert os.stat(archive.meetings_dir).st_mtime_ns == meetings.st_mtime_ns
    then = os.stat(archive.index_path).st_mtime_ns - DAY_NS  # as if marked long ago;
    os.utime(archive.index_path, ns=(then, then))  # meetings/ itself is left untouched
    assert os.stat(archive.meetings_dir).st_ctime_ns == meetings.st_ctime_ns
    again = lists.read(BACKLOG)
    assert [p.values.get("meeting_id") for p in again.problems] == [CLOSED_ID]
    assert len(again.entries) == 0 and again.keep is None  # its deferrals: never kept so
    done = backlog_verb(data_dir)  # a fresh process: the same list, the same warning
    assert done.stdout.splitlines() == [i18n.t("backlog.empty")] and CLOSED_ID in done.stderr


def kept_file(path: Path, header: dict[str, object], body: bytes) -> None:
    """A kept file as another release (or a damaged disk) would have left it, CRC and all."""
    whole = {**header, "crc32": zlib.crc32(body)}
    path.write_bytes(json.dumps(whole).encode("utf-8") + b"\n" + body)


def test_a_list_kept_by_another_release_or_in_another_line_format_is_made_again(
    data_dir: Path,
) -> None:
    archive = open_archive(data_dir)
    age(archive)
    made = KeptLists(archive).read(BACKLOG)
    expected = list(made.entries)
    assert made.keep is not None
    made.keep()
    path = data_dir / "summaries" / "backlog.lines"
    raw = path.read_bytes()
    header = json.loads(raw.partition(b"\n")[0])
    lines = raw.partition(b"\n")[2].split(b"\n")[:-1]
    assert KeptLists(open_archive(data_dir)).read(BACKLOG).lines == lines  # trusted as it is
    older = b"".join(json.dumps(json.loads(line)[:-1]).encode() + b"\n" for line in lines)
    stamp = archive_stamp(archive)
    for written, body in [
        ({"version": 1, "stamp": stamp, "count": len(lines)}, raw.partition(b"\n")[2]),
        ({"version": 1, "stamp": stamp, "count": len(lines)}, older),  # a field fewer
        ({**header, "count": len(lines)}, older),  # this release's header, lines it cannot read
        ({**header, "count": len(lines)}, b"[1]\n[2]\n[3]\n"),
    ]:
        kept_file(path, written, body)
        read = KeptLists(open_archive(data_dir)).read(BACKLOG)
        assert read.lines is None and list(read.entries) == expected  # made again, no traceback
    for bad_header in (b"[1]", b'"x"', b"\xff\xfe", b'{"stamp": 5}', b"{" * 2000):
        path.write_bytes(bad_header + b"\n" + b"\n".join(lines) + b"\n")
        read = KeptLists(open_archive(data_dir)).read(BACKLOG)
        assert read.lines is None and list(read.entries) == expected


def test_what_another_release_printed_is_not_printed_again(data_dir: Path) -> None:
    archive = open_archive(data_dir)
    age(archive)
    fresh = backlog_verb(data_dir).stdout
    printed = data_dir / "summaries" / f"backlog.{i18n.current_language()}.printed"
    header = json.loads(printed.read_bytes().partition(b"\n")[0])
    assert backlog_verb(data_dir).stdout == fresh
    old = {"version": 1, "stamp": archive_stamp(archive)}  # the wording of an older release
    kept_file(printed, old, "旧的措辞\n".encode())
    assert backlog_verb(data_dir).stdout == fresh
    kept_file(printed, {**header, "made_by": ["0.0.1", header["made_by"][1]]}, b"x\n")
    assert backlog_verb(data_dir).stdout == fresh
