"""A debated meeting, closed, sealed and exported: the full and the redacted JSON both verify
against the printed digest, and the redacted one carries no speaker's full name."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from meeting_tui.cli import main
from meeting_tui.demo import LIVE_ID
from meeting_tui.minutes.record import close_and_record
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.store.record_tables import read_minutes_table
from tests.floor_debate import debate


def test_a_debated_meeting_verifies_full_and_redacted(data_dir: Path, capsys) -> None:
    now = [datetime.fromisoformat("2026-11-21T09:50:00+08:00")]
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID, lambda: now[0])

    def do(command, *args, seconds: float = 60, **kw) -> None:  # type: ignore[no-untyped-def]
        now[0] += timedelta(seconds=seconds)
        live.execute(command(live.state, *args, **kw))

    try:
        debate(do, lambda: live.state, "m2")
        close_and_record(live)
    finally:
        live.close()
    digest = read_minutes_table(open_archive(data_dir), LIVE_ID)[-1]["checkpoint"]["digest"]
    paths = []
    for extra in ((), ("--redact",)):
        args = ["--data-dir", str(data_dir), "export", LIVE_ID, "--format", "json", *extra]
        assert main([*args, "--force"]) == 0
        paths.append(Path(capsys.readouterr().out.strip()))
    redacted = paths[1].read_text(encoding="utf-8")
    assert "李建国" in paths[0].read_text(encoding="utf-8")
    assert "李建国" not in redacted and "李某" in redacted
    assert json.loads(redacted)["minutes"]["floor"][0]["speeches"][0]["name"] == "李某"
    for path in paths:
        assert main(["--data-dir", str(data_dir), "verify", str(path), "--digest", digest]) == 0
        line = capsys.readouterr().out.strip()
        assert digest in line, line


def test_a_redacted_export_shortens_names_of_undone_floor_steps_too(data_dir: Path, capsys) -> None:
    """The log keeps undone steps; a name only they hold is still a resident's name."""
    from meeting_tui.domain import commands as c

    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID)
    try:
        live.execute(c.hand_over_chair(live.state, "欧阳建国"))
        live.execute(c.undo(live.state))
        live.execute(c.add_speaker(live.state, "司马光明", "resident", "for", motion_id="m2"))
        live.execute(c.undo(live.state))
        live.execute(c.hand_over_chair(live.state, "诸葛亮亮"))
        live.execute(c.take_back_chair(live.state))
    finally:
        live.close()
    args = ["--data-dir", str(data_dir), "export", LIVE_ID, "--format", "json", "--redact"]
    assert main([*args, "--force"]) == 0
    redacted = Path(capsys.readouterr().out.strip()).read_text(encoding="utf-8")
    for full in ("欧阳建国", "司马光明", "诸葛亮亮"):
        assert full not in redacted, full
    assert "欧阳某" in redacted or "欧某" in redacted
