"""`meeting-tui export` end to end on the demo archive."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from meeting_tui import locations
from meeting_tui.cli import main
from meeting_tui.demo import LIVE_ID
from meeting_tui.minutes.json import load_minutes_json
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting


@pytest.fixture(autouse=True)
def default_data_dir_after_each_test():
    yield
    locations.set_data_directory(None)


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "export", *args])


def test_export_markdown_prints_the_path(data_dir: Path, closed_id: str, capsys) -> None:
    assert run(data_dir, closed_id, "--format", "md") == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.parent == data_dir / "exports" / closed_id
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 电大家属院老旧小区改造 民主协商议事会 会议纪要")
    assert text.count("### 事项 ") == 12


def test_every_format_and_the_refusal_to_overwrite(
    data_dir: Path, closed_id: str, capsys, tmp_path
) -> None:
    out = tmp_path / "out"
    for fmt in ("md", "html", "docx", "csv", "json"):
        assert run(data_dir, closed_id, "--format", fmt, "--out", str(out) + "/") == 0
    written = sorted(p.suffix for p in out.iterdir())
    assert written == [".csv", ".docx", ".html", ".json", ".md"]
    capsys.readouterr()
    assert run(data_dir, closed_id, "--format", "md", "--out", str(out) + "/") == 2
    error = capsys.readouterr().err
    assert "已存在" in error and "--force" in error and len(error.strip().splitlines()) == 1
    assert run(data_dir, closed_id, "--format", "md", "--out", str(out) + "/", "--force") == 0


def test_dotdot_in_out_is_refused(data_dir: Path, closed_id: str, capsys, tmp_path) -> None:
    assert run(data_dir, closed_id, "--format", "md", "--out", str(tmp_path / ".." / "x.md")) == 2
    assert "「..」" in capsys.readouterr().err
    assert not (tmp_path.parent / "x.md").exists()


def test_redacted_csv_and_json(data_dir: Path, closed_id: str, capsys, tmp_path) -> None:
    assert run(data_dir, closed_id, "--format", "csv", "--redact", "--out", str(tmp_path)) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.name.endswith("_脱敏.csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 13
    assert run(data_dir, closed_id, "--format", "json", "--redact", "--out", str(tmp_path)) == 0
    minutes, events = load_minutes_json(Path(capsys.readouterr().out.strip()))
    assert minutes.is_redacted and len(events) == 69


def test_works_while_the_meeting_is_open_elsewhere(data_dir: Path, capsys, tmp_path) -> None:
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID)  # holds the lock
    try:
        assert run(data_dir, LIVE_ID, "--format", "md", "--out", str(tmp_path / "live.md")) == 0
    finally:
        live.close()
    assert "会议尚未结束，本纪要为草稿。" in (tmp_path / "live.md").read_text(encoding="utf-8")


def test_unknown_meeting_is_one_clear_line(data_dir: Path, capsys) -> None:
    assert run(data_dir, "20990101-none", "--format", "md") == 2
    error = capsys.readouterr().err.strip()
    assert "20990101-none" in error and len(error.splitlines()) == 1


def test_help_names_every_option(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = capsys.readouterr().out
    for option in ("--format", "--out", "--redact", "--force", "md,html,docx,csv,json"):
        assert option in out
