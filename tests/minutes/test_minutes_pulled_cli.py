"""A deferral taken up at a later meeting: the `backlog` verb and the exported minutes say where."""

from __future__ import annotations

from pathlib import Path

from archive_oracle import load_states

from meeting_tui.cli import main
from meeting_tui.demo import CLOSED_ID
from meeting_tui.domain import commands as c
from meeting_tui.domain.archive_views import backlog
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting

LATER = "20261205-next"


def test_backlog_text_and_minutes_name_the_link(capsys, data_dir: Path, tmp_path: Path) -> None:
    archive = open_archive(data_dir)
    gate = next(e for e in backlog(load_states(archive)) if e.number == 2)
    live = LiveMeeting.create(archive, LATER, c.create_meeting(LATER, "南苑社区十二月议事会"))
    live.execute(c.pull_deferral(live.state, gate))
    live.close()

    assert main(["--data-dir", str(data_dir), "backlog"]) == 0
    out = capsys.readouterr().out
    line = next(row for row in out.splitlines() if f"{CLOSED_ID} #2 " in row)
    assert f"已列入议程：{LATER} 第 1 项" in line

    target = tmp_path / "minutes.md"
    assert (
        main(["--data-dir", str(data_dir), "export", LATER, "--format", "md", "--out", str(target)])
        == 0
    )
    text = target.read_text(encoding="utf-8")
    assert (
        "来源：来自 2026-10-17 电大家属院老旧小区改造 民主协商议事会 第 2 项，"
        "上次表决 赞成 14 反对 20 弃权 6 → 暂缓"
    ) in text
