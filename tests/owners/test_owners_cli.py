"""`meeting-tui owners …`: every sub-verb documented and answering --help; a run end to end."""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
from pathlib import Path

import pytest

from meeting_tui.cli import build_parser, main

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
ROSTER = "楼号,单元,房号,业主,登记面积,业主标识\n1,1,101,张建国,90.00,A\n1,1,102,张建国,80.00,A\n1,1,201,李红,100.00,\n2,1,101,王强,95.50,\n"


def owners_verbs() -> list[str]:
    parser = build_parser()
    (sub,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    owners = sub.choices["owners"]
    (inner,) = (a for a in owners._actions if isinstance(a, argparse._SubParsersAction))
    return list(inner.choices)


@pytest.mark.parametrize("verb", owners_verbs())
def test_every_owners_verb_is_documented_and_answers_help(
    verb: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert f"`{verb}`" in README.split("## Command line", 1)[1].split("\n## ", 1)[0]
    assert f"meeting-tui owners {verb}" in README or f"/ `{verb} ID" in README
    with pytest.raises(SystemExit) as stop:
        main(["owners", verb, "--help"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: meeting-tui owners {verb}")


def cli(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> tuple[int, str, str]:
    status = main(["--data-dir", str(root), "owners", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_a_decision_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "清册.csv"
    roster.write_bytes(ROSTER.encode("gbk"))
    status, out, _ = cli(
        capsys, tmp_path, "new", "--title", "维修资金使用", "--roster", str(roster)
    )
    assert status == 0
    decision_id = re.search(r"\d{8}-[a-z0-9]+", out).group(0)  # type: ignore[union-attr]
    for unit, answer in (("1-1-101", "1"), ("1-1-102", "1"), ("1-1-201", "2"), ("2-1-101", "1")):
        assert cli(capsys, tmp_path, "ballot", decision_id, unit, answer, "--by", "崔辉")[0] == 0
    status, _, err = cli(capsys, tmp_path, "ballot", decision_id, "9-9-999", "1", "--by", "崔辉")
    assert status == 2 and err.count("\n") == 1 and "9-9-999" in err
    status, out, _ = cli(capsys, tmp_path, "tally", decision_id, "--json")
    data = json.loads(out)
    assert data["participating"] == {"area": 36550, "owners": 3}
    assert data["answers"]["yes"] == {"area": 26550, "owners": 2}
    assert data["passed"] is True
    assert cli(capsys, tmp_path, "close", decision_id)[0] == 0
    status, out, _ = cli(capsys, tmp_path, "export", decision_id, "--format", "notice-html")
    page = Path(out.strip()).read_text(encoding="utf-8")
    assert "表决结果公告" in page and "→ 通过" in page
    assert "张建国" not in page and "崔辉" not in page and "1-1-101" not in page
    status, out, _ = cli(capsys, tmp_path, "export", decision_id, "--format", "csv")
    raw = Path(out.strip()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 7 and rows[1][5] == "张建国" and rows[1][10] == "崔辉"
    assert rows[5] == [] and rows[6][0].startswith("记录校验码：")
    status, _, err = cli(capsys, tmp_path, "export", decision_id, "--format", "csv")
    assert status == 2 and "--force" in err


def test_a_bad_roster_is_one_line_naming_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "清册.csv"
    roster.write_text("楼号,房号,面积\n1,101,90\n1,102,九十\n", encoding="utf-8")
    status, _, err = cli(capsys, tmp_path, "new", "--title", "选聘物业", "--roster", str(roster))
    assert status == 2
    assert err.count("\n") == 1 and "第 3 行" in err
    assert not list((tmp_path / "owners").glob("*.json"))  # nothing half-made


def test_export_into_a_folder_and_refuse_dotdot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "清册.csv"
    roster.write_text(ROSTER, encoding="utf-8-sig")
    _, out, _ = cli(capsys, tmp_path, "new", "--title", "维修资金使用", "--roster", str(roster))
    decision_id = re.search(r"\d{8}-[a-z0-9]+", out).group(0)  # type: ignore[union-attr]
    folder = tmp_path / "公告"
    folder.mkdir()
    status, out, _ = cli(
        capsys, tmp_path, "export", decision_id, "--format", "notice-md", "--out", str(folder)
    )
    assert status == 0 and Path(out.strip()).parent == folder
    assert "计票尚未结束" in Path(out.strip()).read_text(encoding="utf-8")
    status, _, err = cli(
        capsys, tmp_path, "export", decision_id, "--format", "csv", "--out", "../x.csv"
    )
    assert status == 2 and ".." in err


def test_a_written_ballot_keeps_when_it_was_collected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "清册.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    _, out, _ = cli(capsys, tmp_path, "new", "--title", "维修资金使用", "--roster", str(roster))
    decision_id = re.search(r"\d{8}-[a-z0-9]+", out).group(0)  # type: ignore[union-attr]
    ballot = ("ballot", decision_id, "1-1-201", "1", "--by", "李娜", "--method", "written")
    status, _, err = cli(capsys, tmp_path, *ballot, "--when", "昨天晚上")
    assert status == 2 and "2026-11-20 19:30" in err
    assert cli(capsys, tmp_path, *ballot, "--when", "2026-11-20 19:30")[0] == 0
    _, out, _ = cli(capsys, tmp_path, "export", decision_id, "--format", "csv")
    rows = list(csv.reader(io.StringIO(Path(out.strip()).read_text(encoding="utf-8-sig"))))
    assert rows[0][1] == "收集时间" and rows[1][1] == "2026-11-20 19:30"
    assert rows[1][9] == "书面表决"


def test_export_out_is_read_as_the_minutes_export_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same `--out` as `meeting-tui export`: a name without suffix gets the format's own."""
    roster = tmp_path / "清册.csv"
    roster.write_text(ROSTER, encoding="utf-8-sig")
    _, out, _ = cli(capsys, tmp_path, "new", "--title", "维修资金使用", "--roster", str(roster))
    decision_id = re.search(r"\d{8}-[a-z0-9]+", out).group(0)  # type: ignore[union-attr]
    target = tmp_path / "结果"
    status, out, _ = cli(
        capsys, tmp_path, "export", decision_id, "--format", "csv", "--out", str(target)
    )
    assert status == 0 and Path(out.strip()) == tmp_path / "结果.csv"
    assert "房号" in (tmp_path / "结果.csv").read_text(encoding="utf-8-sig")
    new_folder = f"{tmp_path / '新文件夹'}/"
    status, out, _ = cli(
        capsys, tmp_path, "export", decision_id, "--format", "docx", "--out", new_folder
    )
    assert status == 0 and Path(out.strip()).parent == tmp_path / "新文件夹"
    status, _, err = cli(
        capsys, tmp_path, "export", decision_id, "--format", "csv", "--out", "坏\u202e名.csv"
    )
    assert status == 2 and err.count("\n") == 1 and "\\u202e" in err
