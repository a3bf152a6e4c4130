"""The record digest of an owners' decision: sealed at each close, printed, verified.

Real decision files in tmp folders, driven through `meeting-tui owners …`;
the file is tampered with as a person with a text editor would.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from meeting_tui.cli import main
from meeting_tui.domain.checkpoint import Checkpoint
from meeting_tui.minutes.checkpoints import check_extensions

ROSTER = (
    "楼号,单元,房号,业主,登记面积,业主标识\n"
    "1,1,101,张建国,90.00,A\n1,1,102,张建国,80.00,A\n1,1,201,李红,100.00,\n"
    "2,1,101,王强,95.50,\n2,1,102,赵敏,88.00,\n"
)
ANSWERS = (("1-1-101", "1"), ("1-1-201", "2"), ("2-1-101", "1"), ("2-1-102", "3"))
DIGEST = re.compile(r"记录校验码：([A-Z2-7]{4}(?:-[A-Z2-7]{4}){3})")


def cli(capsys: pytest.CaptureFixture[str], root: Path, *argv: str) -> tuple[int, str, str]:
    status = main(["--data-dir", str(root), *argv])
    out, err = capsys.readouterr()
    return status, out, err


def closed_decision(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """A decision with four answers, a correction and a withdrawal, closed: (id, digest)."""
    roster = tmp_path / "清册.csv"
    roster.write_text(ROSTER, encoding="utf-8-sig")
    _, out, _ = cli(
        capsys, tmp_path, "owners", "new", "--title", "维修资金使用", "--roster", str(roster)
    )
    decision_id = re.search(r"\d{8}-[a-z0-9]+", out).group(0)  # type: ignore[union-attr]
    for unit, answer in (*ANSWERS, ("2-1-102", "1")):
        assert (
            cli(capsys, tmp_path, "owners", "ballot", decision_id, unit, answer, "--by", "崔辉")[0]
            == 0
        )
    assert (
        cli(capsys, tmp_path, "owners", "withdraw", decision_id, "1-1-201", "--by", "崔辉")[0] == 0
    )
    status, out, _ = cli(capsys, tmp_path, "owners", "close", decision_id)
    assert status == 0
    found = DIGEST.search(out)
    assert found, out
    return decision_id, found.group(1)


def decision_file(root: Path, decision_id: str) -> Path:
    return root / "owners" / f"{decision_id}.json"


def export(capsys: pytest.CaptureFixture[str], root: Path, decision_id: str, fmt: str) -> str:
    status, out, err = cli(
        capsys, root, "owners", "export", decision_id, "--format", fmt, "--force"
    )
    assert status == 0, err
    path = Path(out.strip())
    if fmt == "docx":
        with zipfile.ZipFile(path) as docx:
            return re.sub(r"<[^>]+>", "", docx.read("word/document.xml").decode("utf-8"))
    return path.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("fmt", ["notice-md", "notice-html", "csv", "docx"])
def test_every_output_prints_the_digest_of_the_close(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    decision_id, digest = closed_decision(tmp_path, capsys)
    saved = json.loads(decision_file(tmp_path, decision_id).read_text(encoding="utf-8"))
    (result,) = saved["results"].values()
    assert Checkpoint.from_json(result["checkpoint"]).digest == digest
    assert result["closed_seq"] == result["checkpoint"]["size"]  # every event up to the close
    text = export(capsys, tmp_path, decision_id, fmt)
    assert f"记录校验码：{digest}（共 {result['checkpoint']['size']} 条记录" in text


def test_an_open_count_says_the_digest_comes_at_the_close(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decision_id, digest = closed_decision(tmp_path, capsys)
    assert cli(capsys, tmp_path, "owners", "reopen", decision_id, "--reason", "补录一张")[0] == 0
    text = export(capsys, tmp_path, decision_id, "notice-md")
    assert "记录校验码：计票结束后生成" in text and digest not in text


def test_the_untouched_file_verifies_both_ways(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decision_id, digest = closed_decision(tmp_path, capsys)
    path = decision_file(tmp_path, decision_id)
    status, out, _ = cli(capsys, tmp_path, "verify", str(path), "--digest", digest.lower())
    assert status == 0 and out.startswith("一致") and digest in out
    status, out, _ = cli(capsys, tmp_path, "owners", "verify", decision_id, "--digest", digest)
    assert status == 0 and out.startswith("一致")
    status, out, _ = cli(
        capsys, tmp_path, "owners", "verify", decision_id, "--digest", "AAAA-BBBB-CCCC-DDDD"
    )
    assert status == 1 and "AAAA-BBBB-CCCC-DDDD" in out


Edit = Callable[[dict[str, Any]], int]  # changes a decision file's data; the seq it changed


def _flip_answer(key: str) -> Edit:
    def edit(data: dict[str, Any]) -> int:
        payload = data["events"][key]["payload"]
        payload["answer"] = "no" if payload["answer"] != "no" else "yes"
        return int(key)

    return edit


def _enlarge_first_unit(data: dict[str, Any]) -> int:
    roster = next(e for e in data["events"].values() if e["kind"] == "roster_imported")
    roster["payload"]["units"][0]["area"] += 10000
    return int(roster["seq"])


def _rename_last_collector(data: dict[str, Any]) -> int:
    ballot = [e for e in data["events"].values() if e["kind"] == "ballot_recorded"][-1]
    ballot["payload"]["collector"] = "崔晖"
    return int(ballot["seq"])


def test_tampering_with_any_answer_area_or_collector_is_detected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decision_id, digest = closed_decision(tmp_path, capsys)
    path = decision_file(tmp_path, decision_id)
    original = path.read_text(encoding="utf-8")
    events = json.loads(original)["events"]
    answers = [k for k, e in events.items() if e["kind"] == "ballot_recorded"]
    assert len(answers) == 5
    edits = [*map(_flip_answer, answers), _enlarge_first_unit, _rename_last_collector]
    for edit in edits:
        data = json.loads(original)
        seq = edit(data)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        status, out, _ = cli(capsys, tmp_path, "owners", "verify", decision_id, "--digest", digest)
        assert status == 1 and f"第 {seq} 条记录起" in out, (edit, out)
        status, out, _ = cli(capsys, tmp_path, "verify", str(path))
        assert status == 1 and out.startswith("不一致"), out
    path.write_text(original, encoding="utf-8")
    assert cli(capsys, tmp_path, "owners", "verify", decision_id, "--digest", digest)[0] == 0


def test_a_second_close_has_a_new_checkpoint_proved_to_extend_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decision_id, first = closed_decision(tmp_path, capsys)
    assert cli(capsys, tmp_path, "owners", "reopen", decision_id, "--reason", "补录一张")[0] == 0
    assert (
        cli(capsys, tmp_path, "owners", "ballot", decision_id, "1-1-201", "1", "--by", "李娜")[0]
        == 0
    )
    status, out, _ = cli(capsys, tmp_path, "owners", "close", decision_id)
    second = DIGEST.search(out).group(1)  # type: ignore[union-attr]
    assert status == 0 and second != first
    path = decision_file(tmp_path, decision_id)
    results = list(json.loads(path.read_text(encoding="utf-8"))["results"].values())
    assert [r["version"] for r in results] == [1, 2]
    assert results[1]["consistency"]["from_version"] == 1
    assert [x.holds for x in check_extensions(results)] == [True]
    assert second in export(capsys, tmp_path, decision_id, "notice-html")
    status, out, _ = cli(capsys, tmp_path, "owners", "verify", decision_id, "--digest", second)
    assert status == 0 and "一致性证明已核对" in out
    status, _, _ = cli(capsys, tmp_path, "owners", "verify", decision_id, "--digest", first)
    assert status == 1  # the first close's digest no longer describes the record in force
