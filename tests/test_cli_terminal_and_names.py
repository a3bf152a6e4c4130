"""The command line: `new` prints the bare id, kinds in Chinese or English, no hang without a terminal."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from meeting_tui import i18n
from meeting_tui.cli import main
from meeting_tui.demo import install_demo
from meeting_tui.store import open_archive

ID = re.compile(r"[0-9]{8}-[a-z0-9]+")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    install_demo(open_archive(root))
    return root


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    try:
        status = main(["--data-dir", str(data_dir), *argv])
    except SystemExit as stop:  # argparse refusing an argument
        status = int(stop.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_new_prints_the_bare_id_on_stdout_and_the_sentence_on_stderr(capsys, data_dir) -> None:
    status, out, err = run(capsys, data_dir, "new", "--title", "南苑社区电梯议事会")
    assert status == 0
    meeting_id = out.strip()
    assert ID.fullmatch(meeting_id) and out == meeting_id + "\n"
    assert err == f"已创建会议 {meeting_id}：南苑社区电梯议事会\n"
    assert meeting_id in {row["id"] for row in open_archive(data_dir).list_meetings()}


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("板凳会", "bench"),
        ("圆桌会", "roundtable"),
        ("议事会", "council"),
        ("三方协商", "tripartite"),
        ("联席会议", "joint"),
        ("其他", "other"),
        ("roundtable", "roundtable"),
        ("Joint", "joint"),
    ],
)
def test_new_accepts_the_kind_as_the_screens_name_it(capsys, data_dir, typed, kind) -> None:
    status, out, _ = run(capsys, data_dir, "new", "--title", "T", "--kind", typed)
    assert status == 0
    meeting = open_archive(data_dir).read_meeting(out.strip())[0]
    assert meeting["kind"] == kind


def test_an_unknown_kind_is_refused_naming_the_accepted_ones(capsys, data_dir) -> None:
    before = len(open_archive(data_dir).list_meetings())
    status, out, err = run(capsys, data_dir, "new", "--title", "T", "--kind", "茶话会")
    assert (status, out) == (2, "")
    assert "茶话会" in err and "板凳会" in err and "bench" in err and "联席会议" in err
    assert len(open_archive(data_dir).list_meetings()) == before


@pytest.mark.parametrize("argv", [["demo"], [], ["new", "--title", "T", "--open"]])
def test_without_a_terminal_the_screens_refuse_in_one_line(data_dir, argv) -> None:
    """`meeting-tui demo </dev/null >log` used to hang waiting for keys."""
    before = len(open_archive(data_dir).list_meetings())
    with open(os.devnull, "rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "meeting_tui", "--data-dir", str(data_dir), *argv],
            stdin=stdin,
            capture_output=True,
            timeout=60,
        )
    assert done.returncode == 2
    lines = done.stderr.decode().splitlines()
    assert lines == [i18n.t("cli.no_terminal")], lines
    assert done.stdout == b""
    assert len(open_archive(data_dir).list_meetings()) == before  # nothing created half-way


def test_open_without_a_terminal_refuses_and_releases_the_meeting(capsys, data_dir) -> None:
    from meeting_tui.demo import LIVE_ID

    status, out, err = run(capsys, data_dir, "open", LIVE_ID)
    assert (status, out) == (2, "")
    assert err.splitlines() == [i18n.t("cli.no_terminal")]
    open_archive(data_dir).open_meeting(LIVE_ID).close()  # the lock was let go
