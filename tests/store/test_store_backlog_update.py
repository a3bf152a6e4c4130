"""The kept backlog brought up to date from the meetings that changed (store/backlog_update.py).

Real meetings made through the domain's commands in a temp folder: deferrals,
later meetings that take them up (raised again and decided, deferred again, put
on an agenda only), two meetings on one day. After each change the list brought
up to date must be the one the logs give folded afresh (tests/archive_oracle.py),
and the `backlog` verb must print, as text and as JSON, byte for byte what it
prints from a copy of the archive whose kept lists are gone (the full read).
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import zlib
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from archive_oracle import load_states
from ticking_clock import CST, ticking

from meeting_tui.domain import archive_lines
from meeting_tui.domain import commands as c
from meeting_tui.domain.archive_lines import backlog_line, backlog_rows
from meeting_tui.domain.archive_views import BacklogStatus, backlog
from meeting_tui.domain.model import Origin, Vote
from meeting_tui.store import backlog_update, open_archive
from meeting_tui.store.archive import Archive
from meeting_tui.store.archive_lists import BACKLOG, ListRead, archive_stamp, lists_of
from meeting_tui.store.live import LiveMeeting
from meeting_tui.verbs import backlog_verb

DAY_NS = 86_400 * 10**9


def meeting(
    root: Path,
    meeting_id: str,
    day: int,
    deferrals: tuple[str, ...] = (),
    *,
    decided: tuple[Origin, ...] = (),
    deferred_again: tuple[Origin, ...] = (),
    on_agenda: tuple[Origin, ...] = (),
) -> dict[str, str]:
    """A closed meeting on 2026-10-`day`: its own deferrals, and earlier ones taken up.

    `decided` are raised again and passed, `deferred_again` raised and deferred,
    `on_agenda` only put on the agenda. Returns the motion id of each own deferral.
    """
    clock = ticking(datetime(2026, 10, day, 14, 0, tzinfo=CST))
    first = c.create_meeting(
        meeting_id, f"南苑社区议事会 10月{day}日", "bench", community="南苑社区"
    )
    live = LiveMeeting.create(open_archive(root), meeting_id, first, clock=clock)
    ids: dict[str, str] = {}
    try:
        live.execute(c.add_items(live.state, [("楼道照明", 15, "")]))
        for origin in on_agenda:
            live.execute(c.add_item(live.state, "续议", None, "上次未决", None, origin))
        live.execute(c.set_headcounts(live.state, {"resident": 30}))
        live.execute(c.step_agenda(live.state, 1))

        def raised(text: str, origin: Origin | None = None) -> str:
            live.execute(c.raise_motion(live.state, text, origin=origin, proposer="李建国"))
            return max(live.state.motions.values(), key=lambda m: m.number).id

        for text in deferrals:
            motion = ids[text] = raised(text)
            live.execute(c.defer(live.state, motion, "需与物业协商", "社区", "下次议事会"))
        for origin in decided:
            live.execute(c.record_vote(live.state, raised("续议：通过", origin), 25, 3, 2))
        for origin in deferred_again:
            motion = raised("续议：再缓议", origin)
            live.execute(c.defer(live.state, motion, "仍待报价", "物业", "十二月"))
        live.execute(c.close_meeting(live.state))
    finally:
        live.close()
    return ids


def age(root: Path) -> None:
    """The archive as if nothing had been written to it since yesterday (lists are kept then)."""
    archive = open_archive(root)
    for path in (archive.meetings_dir, archive.index_path):
        then = os.stat(path).st_mtime_ns - DAY_NS
        os.utime(path, ns=(then, then))


def printed(root: Path, capsys: pytest.CaptureFixture[str], *, as_json: bool = False) -> str:
    capsys.readouterr()
    assert backlog_verb.print_backlog(open_archive(root), as_json=as_json) == 0
    out = capsys.readouterr()
    assert out.err == ""
    return out.out


def printed_whole(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Text and JSON from a copy whose kept lists are gone: the full read (the copy's files have
    other inodes, so every summary row is stale and each meeting is folded from its log)."""
    copy = tmp_path / f"whole{len(list(tmp_path.iterdir()))}"
    shutil.copytree(root, copy)
    for kept in (copy / "summaries").glob("backlog.*"):
        kept.unlink()
    return [printed(copy, capsys), printed(copy, capsys, as_json=True)]


def brought_up_to_date(root: Path) -> ListRead[Any]:
    read = lists_of(open_archive(root)).read(BACKLOG, update=True)
    assert read.update is not None, "the full read, not the kept list brought up to date"
    return read


def lines_of(archive: Archive) -> list[bytes]:
    return [backlog_line(e).encode() for e in backlog(load_states(archive))]


@pytest.fixture
def archive_root(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Three closed meetings, two of them on one day, their backlog kept with its basis and texts."""
    root = tmp_path / "data"
    meeting(root, "20261010-aaaa", 10, ("增设充电桩", "修缮车棚"))
    meeting(root, "20261012-bbbb", 12, ("更换门禁",))
    meeting(root, "20261012-cccc", 12, ("清理楼道杂物", "加装监控"))
    age(root)
    printed(root, capsys)
    printed(root, capsys, as_json=True)
    summaries = root / "summaries"
    assert {"backlog.lines", "backlog.basis", "backlog.zh.printed", "backlog.json.printed"} <= {
        p.name for p in summaries.iterdir()
    }
    return root


def origin_of(root: Path, text: str) -> Origin:
    entry = next(e for e in backlog(load_states(open_archive(root))) if e.text == text)
    return entry.origin


def check_same_as_whole(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The list brought up to date is the logs' list, and both texts are the full read's; each
    text spliced from the one printed at the kept list's stamp, not decoded whole."""
    lists = lists_of(open_archive(root))
    read = lists.read(BACKLOG, update=True)
    assert read.update is not None, "the full read, not the kept list brought up to date"
    assert read.lines == lines_of(open_archive(root))
    whole = printed_whole(root, tmp_path, capsys)
    spliced = [
        backlog_verb._spliced(lists, name, read, as_json=as_json)
        for name, as_json in (("backlog.zh", False), ("backlog.json", True))
    ]
    assert spliced == whole
    assert [printed(root, capsys), printed(root, capsys, as_json=True)] == whole


def test_a_new_meeting_taking_deferrals_up_restates_them_and_reuses_every_other_line(
    archive_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    charging, shed = origin_of(archive_root, "增设充电桩"), origin_of(archive_root, "修缮车棚")
    gate = origin_of(archive_root, "更换门禁")
    before = (archive_root / "summaries" / "backlog.lines").read_bytes().split(b"\n")[1:-1]
    meeting(
        archive_root, "20261020-dddd", 20, ("新增绿化",), decided=(charging,), on_agenda=(gate,)
    )
    meeting(archive_root, "20261021-eeee", 21, deferred_again=(shed,))
    read = brought_up_to_date(archive_root)
    standing = {e.origin: (e.status, e.resolved_in) for e in read.entries}
    assert standing[charging] == (BacklogStatus.RESOLVED, Origin("20261020-dddd", "m2"))
    assert standing[gate] == (BacklogStatus.SCHEDULED, Origin("20261020-dddd", ""))
    assert standing[shed][0] is BacklogStatus.CARRIED_OVER
    assert read.update is not None
    # Three restated, two new meetings' own lines made; the other two kept lines reused as they are.
    made = [n for n, at in enumerate(read.update.reused) if at is None]
    assert len(made) == 3 + 2 and len(read.lines or []) == 7
    kept = [(n, at) for n, at in enumerate(read.update.reused) if at is not None]
    assert len(kept) == 2 and all(read.update.lines[n] == before[at] for n, at in kept)
    check_same_as_whole(archive_root, tmp_path, capsys)


def test_each_kind_of_change_gives_what_the_full_read_gives(
    archive_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    charging = origin_of(archive_root, "增设充电桩")
    meetings = archive_root / "meetings"
    # A meeting file written again as a step writes it (renamed over), the same bytes.
    path = meetings / "20261012-bbbb.json"
    temp = path.with_name("again.tmp")
    temp.write_bytes(path.read_bytes())
    os.replace(temp, path)
    check_same_as_whole(archive_root, tmp_path, capsys)
    # Two takers of one deferral: the index's order decides, as in the full read.
    meeting(archive_root, "20261020-dddd", 20, decided=(charging,))
    meeting(archive_root, "20261012-ffff", 12, ("同日另一会",), deferred_again=(charging,))
    check_same_as_whole(archive_root, tmp_path, capsys)
    # Kept again once still, then a change on top of that kept list.
    age(archive_root)
    assert printed(archive_root, capsys) == printed_whole(archive_root, tmp_path, capsys)[0]
    printed(archive_root, capsys, as_json=True)
    summaries = archive_root / "summaries"
    stamps = [
        json.loads((summaries / name).read_bytes().split(b"\n")[0])["stamp"]
        for name in ("backlog.lines", "backlog.basis", "backlog.json.printed")
    ]
    assert stamps == [archive_stamp(open_archive(archive_root))] * 3
    other = origin_of(archive_root, "同日另一会")
    meeting(archive_root, "20261030-gggg", 30, on_agenda=(other,))
    check_same_as_whole(archive_root, tmp_path, capsys)
    # A meeting file put back as it was before it took the deferral up, and on another day (a
    # backup restored by hand): what it took up stands open again, and it moves in the order.
    age(archive_root)
    printed(archive_root, capsys)
    printed(archive_root, capsys, as_json=True)
    meeting(tmp_path / "before", "20261030-gggg", 11, ("十一日之事",))
    restored = meetings / "20261030-gggg.json"
    shutil.copy(tmp_path / "before" / "meetings" / restored.name, restored.with_name("r.tmp"))
    os.replace(restored.with_name("r.tmp"), restored)
    read = brought_up_to_date(archive_root)
    assert next(e for e in read.entries if e.origin == other).status is BacklogStatus.OPEN
    days = [e.meeting_date for e in read.entries]
    assert days == sorted(days) and "2026-10-11" in days
    check_same_as_whole(archive_root, tmp_path, capsys)


def test_the_spliced_text_is_the_whole_verbs_and_prints_only_the_new_lines_anew(
    archive_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting(archive_root, "20261020-dddd", 20, decided=(origin_of(archive_root, "加装监控"),))
    lists = lists_of(open_archive(archive_root))
    read = lists.read(BACKLOG, update=True)
    decoded: list[int] = []
    real = backlog_rows

    def counted(lines: list[bytes]) -> list[list[object]]:
        decoded.append(len(lines))
        return real(lines)

    monkeypatch.setattr(backlog_verb, "backlog_rows", counted)
    for name, as_json, whole in (
        ("backlog.zh", False, backlog_verb._as_text),
        ("backlog.json", True, backlog_verb._as_json),
    ):
        text = backlog_verb._spliced(lists, name, read, as_json=as_json)
        assert text == whole(backlog_rows(read.all_lines(BACKLOG)))
    assert decoded == [1, 1]  # only the restated line decoded, of 5


def test_the_json_parts_are_json_dumps_of_the_whole_list() -> None:
    vote: list[object] = [0] * len(dataclasses.fields(Vote))
    vote[archive_lines._FOR], vote[archive_lines._AGAINST] = 25, 3
    rows = [
        [
            "20261010-aaaa",
            "m1",
            "题",
            "2026-10-10",
            1,
            '含"引号"与\\n换行 },\n',
            "r",
            "o",
            "t",
            vote,
            "resolved",
            ["20261020-dddd", "m2"],
            "passed",
        ],
        [
            "20261010-aaaa",
            "m2",
            "题",
            "2026-10-10",
            2,
            "二",
            "r",
            "o",
            "t",
            None,
            "open",
            None,
            None,
        ],
    ]
    rows = [r + [""] * 4 for r in rows]
    for some in (rows, rows[:1], []):
        text = backlog_verb._as_json(some)
        assert backlog_verb._json_parts(text) == [backlog_verb._json_part(r) for r in some]
    objects = json.loads(backlog_verb._as_json(rows))
    assert backlog_verb._as_json(rows) == json.dumps(objects, ensure_ascii=False, indent=1) + "\n"


def rewrite_kept(path: Path, body: bytes | None, **header_fields: object) -> None:
    """A kept file given another body or header fields under a CRC-32 that holds."""
    head, _, old_body = path.read_bytes().partition(b"\n")
    body = old_body if body is None else body
    header = {**json.loads(head), **header_fields, "crc32": zlib.crc32(body)}
    path.write_bytes(json.dumps(header).encode() + b"\n" + body)


@pytest.mark.parametrize(
    "case",
    [
        "no basis",
        "basis of another shape",
        "basis of another stamp",
        "basis of another list",
        "a state no release writes",
        "too many",
        "torn list",
        "another meeting's file under this name",
    ],
)
def test_what_cannot_be_brought_up_to_date_is_read_whole(
    archive_root: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    case: str,
) -> None:
    meeting(archive_root, "20261020-dddd", 20, decided=(origin_of(archive_root, "更换门禁"),))
    summaries = archive_root / "summaries"
    if case == "no basis":
        (summaries / "backlog.basis").unlink()
    elif case == "basis of another shape":
        rewrite_kept(summaries / "backlog.basis", b'[["20261010-aaaa", 1, 2]]')
    elif case == "basis of another stamp":
        rewrite_kept(summaries / "backlog.basis", None, stamp=[1, 2, 3, 4, 5, 6, 7])
    elif case == "basis of another list":
        rewrite_kept(summaries / "backlog.basis", None, lines_crc32=12345)
    elif case == "a state no release writes":
        basis = (summaries / "backlog.basis").read_bytes().split(b"\n", 1)[1]
        rows = json.loads(basis)
        rows[0][4] = [["20261010-aaaa", "m1", "m9", "no-such-state"]]
        rewrite_kept(summaries / "backlog.basis", json.dumps(rows).encode())
    elif case == "too many":
        monkeypatch.setattr(backlog_update, "MOST_CHANGED", 0)
    elif case == "another meeting's file under this name":
        copied = archive_root / "meetings" / "20261012-bbbb.json"
        shutil.copy(archive_root / "meetings" / "20261012-cccc.json", copied.with_name("c.tmp"))
        os.replace(copied.with_name("c.tmp"), copied)
    else:
        raw = (summaries / "backlog.lines").read_bytes()
        (summaries / "backlog.lines").write_bytes(raw[: len(raw) - 40])
    read = lists_of(open_archive(archive_root)).read(BACKLOG, update=True)
    assert read.update is None and read.problems == []
    assert read.all_lines(BACKLOG) == lines_of(open_archive(archive_root))
    whole = printed_whole(archive_root, tmp_path, capsys)
    assert [printed(archive_root, capsys), printed(archive_root, capsys, as_json=True)] == whole


def test_a_changed_meeting_that_cannot_be_read_is_named_by_the_full_read(
    archive_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = archive_root / "meetings" / "20261012-bbbb.json"
    temp = damaged.with_name("damaged.tmp")
    temp.write_text("{ 坏了", encoding="utf-8")
    os.replace(temp, damaged)  # as a torn copy lands: the folder's stamp moves
    assert backlog_verb.print_backlog(open_archive(archive_root), as_json=False) == 0
    out = capsys.readouterr()
    assert "20261012-bbbb" in out.err and "增设充电桩" in out.out and "更换门禁" not in out.out
    # Named as the full read names a damaged file it finds: with its quarantined copy and backup.
    assert "已损坏" in out.err and "quarantine" in out.err and ".bak" in out.err
    read = lists_of(open_archive(archive_root)).read(BACKLOG, update=True)
    assert read.update is None and "20261012-bbbb" in read.problems[0].message()


def test_a_list_brought_up_to_date_is_kept_with_its_basis_once_the_archive_is_still(
    archive_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting(archive_root, "20261020-dddd", 20, ("新增绿化",))
    lines = archive_root / "summaries" / "backlog.lines"
    before = lines.read_bytes()
    printed(archive_root, capsys)  # just written: nothing kept
    assert lines.read_bytes() == before
    age(archive_root)
    text = printed(archive_root, capsys)
    assert lines.read_bytes() != before and "新增绿化" in text
    stamp = json.loads(lines.read_bytes().split(b"\n")[0])["stamp"]
    basis = (archive_root / "summaries" / "backlog.basis").read_bytes().split(b"\n")
    assert json.loads(basis[0])["stamp"] == stamp
    assert json.loads(basis[1])[0][0] == "20261020-dddd"  # the index's order
    assert printed(archive_root, capsys) == text  # the kept text, at the new stamp


def test_a_meeting_taken_out_of_the_archive_by_hand_leaves_what_it_took_up_open(
    archive_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gate = origin_of(archive_root, "更换门禁")
    meeting(archive_root, "20261020-dddd", 20, ("新增绿化",), decided=(gate,))
    age(archive_root)
    printed(archive_root, capsys)  # kept with the taker in it
    printed(archive_root, capsys, as_json=True)
    index = archive_root / "index.json"
    doc = json.loads(index.read_text(encoding="utf-8"))
    doc["meetings"] = {k: r for k, r in doc["meetings"].items() if r["id"] != "20261020-dddd"}
    index.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    (archive_root / "meetings" / "20261020-dddd.json").unlink()
    read = brought_up_to_date(archive_root)
    assert next(e for e in read.entries if e.origin == gate).status is BacklogStatus.OPEN
    assert all(e.origin.meeting_id != "20261020-dddd" for e in read.entries)
    check_same_as_whole(archive_root, tmp_path, capsys)
