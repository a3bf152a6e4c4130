"""The `meeting-tui` command: every verb documented and answering --help; errors in one line.

Like sqlite-utils' tests/test_docs.py: the README's command-line table is
checked against the parser, so a verb cannot be added without its line.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from meeting_tui import __version__, i18n, locations
from meeting_tui.cli import build_parser, main
from meeting_tui.demo import CLOSED_ID, LIVE_ID, install_demo
from meeting_tui.store import open_archive

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
NANYUAN_MD = REPO / "data" / "agenda" / "nanyuan.md"


def verbs() -> list[str]:
    parser = build_parser()
    (sub,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def readme_verbs() -> set[str]:
    """The verbs named in the README's command-line table: rows that start `| \\`meeting-tui VERB`."""
    section = README.split("## Command line", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `meeting-tui ([a-z][a-z-]*)", section, flags=re.MULTILINE))


@pytest.fixture(autouse=True)
def fresh_globals() -> Iterator[None]:
    """`main` sets the language and the data folder process-wide: put them back."""
    yield
    i18n.set_language("zh")
    locations.set_data_directory(None)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    install_demo(open_archive(root))
    return root


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    status = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_the_parser_has_the_verbs_of_design_section_7() -> None:
    assert {"demo", "new", "open", "list", "backlog"} <= set(verbs())


@pytest.mark.parametrize("verb", verbs())
def test_every_verb_is_in_the_readme_table(verb: str) -> None:
    assert verb in readme_verbs(), f"add a `meeting-tui {verb} …` row to README.md"


@pytest.mark.parametrize("verb", verbs())
def test_every_verb_answers_help(verb: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main([verb, "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: meeting-tui {verb}")
    assert "-h, --help" in out


def test_the_readme_names_no_verb_the_parser_lacks() -> None:
    assert readme_verbs() <= set(verbs())


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"meeting-tui {__version__}"


def test_the_installed_module_runs(tmp_path: Path) -> None:
    """`python -m meeting_tui` is the same command (one subprocess, to prove the entry point)."""
    done = subprocess.run(
        [sys.executable, "-m", "meeting_tui", "--data-dir", str(tmp_path), "list", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout) == []


# -- output for people and scripts --------------------------------------------------


def test_list_json_parses_and_lists_the_demo(capsys, data_dir: Path) -> None:
    status, out, err = run(capsys, data_dir, "list", "--json")
    assert (status, err) == (0, "")
    rows = {row["id"]: row for row in json.loads(out)}
    assert set(rows) == {CLOSED_ID, LIVE_ID}
    assert (rows[CLOSED_ID]["status"], rows[CLOSED_ID]["deferred"]) == ("closed", 3)


def test_list_as_a_table_and_when_empty(capsys, data_dir: Path, tmp_path: Path) -> None:
    status, out, _ = run(capsys, data_dir, "list")
    assert status == 0
    assert [line.split()[0] for line in out.splitlines()] == [LIVE_ID, CLOSED_ID]
    status, out, _ = run(capsys, tmp_path / "empty", "list")
    assert status == 0 and "meeting-tui demo" in out


def test_backlog_json_parses(capsys, data_dir: Path) -> None:
    status, out, err = run(capsys, data_dir, "backlog", "--json")
    assert (status, err) == (0, "")
    rows = json.loads(out)
    assert [(r["meeting_id"], r["number"], r["status"]) for r in rows] == [
        (CLOSED_ID, 2, "open"),
        (CLOSED_ID, 9, "open"),
        (CLOSED_ID, 12, "open"),
    ]
    assert rows[0]["vote"] == [14, 20, 6] and rows[1]["vote"] is None


def test_new_prints_the_id_and_imports_the_agenda(capsys, data_dir: Path) -> None:
    status, out, err = run(
        capsys, data_dir, "new", "--title", "南苑社区电梯议事会", "--agenda", str(NANYUAN_MD)
    )
    assert status == 0
    match = re.fullmatch(r"([0-9]{8}-[a-z0-9]+)\n", out)  # the bare id; the sentence on stderr
    assert match, out
    assert err == f"已创建会议 {match.group(1)}：南苑社区电梯议事会\n"
    _, events = open_archive(data_dir).read_meeting(match.group(1))
    assert sum(e["kind"] == "item_added" for e in events) == 12


def test_lang_en(capsys, data_dir: Path) -> None:
    status, out, err = run(capsys, data_dir, "--lang", "en", "new", "--title", "Lift")
    assert status == 0 and err == f"created meeting {out.strip()}: Lift\n"


# -- errors: one line on stderr, exit 2, nothing written ----------------------------------


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("错误：")
    return lines[0]


def meeting_ids(data_dir: Path) -> set[str]:
    return {row["id"] for row in open_archive(data_dir).list_meetings()}


@pytest.mark.parametrize("meeting_id", ["20991231-zzzz", "../../etc/passwd"])
def test_open_a_wrong_id(capsys, data_dir: Path, meeting_id: str) -> None:
    status, out, err = run(capsys, data_dir, "open", meeting_id)
    assert (status, out) == (2, "")
    assert meeting_id in one_error_line(err)


def test_new_with_a_missing_agenda_file_creates_nothing(capsys, data_dir: Path, tmp_path) -> None:
    missing = tmp_path / "议程.md"
    status, out, err = run(capsys, data_dir, "new", "--title", "T", "--agenda", str(missing))
    assert (status, out) == (2, "")
    assert "找不到议程文件" in one_error_line(err)
    assert meeting_ids(data_dir) == {CLOSED_ID, LIVE_ID}


def test_new_with_a_malformed_agenda_names_the_line_and_creates_nothing(
    capsys, data_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "agenda.csv"
    bad.write_text("议题,时长,备注\n开场说明,5,\n电线入地改造,十五,\n", encoding="utf-8")
    status, out, err = run(capsys, data_dir, "new", "--title", "T", "--agenda", str(bad))
    assert (status, out) == (2, "")
    assert "第 3 行" in one_error_line(err)
    assert meeting_ids(data_dir) == {CLOSED_ID, LIVE_ID}


def test_new_with_an_empty_title(capsys, data_dir: Path) -> None:
    status, out, err = run(capsys, data_dir, "new", "--title", "  ")
    assert (status, out) == (2, "")
    one_error_line(err)
    assert meeting_ids(data_dir) == {CLOSED_ID, LIVE_ID}


def test_open_a_locked_meeting_says_so_before_any_app_starts(capsys, data_dir: Path) -> None:
    held = open_archive(data_dir).open_meeting(LIVE_ID)  # another window has it open
    try:
        status, out, err = run(capsys, data_dir, "open", LIVE_ID)
    finally:
        held.close()
    assert (status, out) == (2, "")
    line = one_error_line(err)
    assert LIVE_ID in line
    status, _, err = run(capsys, data_dir, "backlog")  # reading needs no lock
    assert (status, err) == (0, "")
