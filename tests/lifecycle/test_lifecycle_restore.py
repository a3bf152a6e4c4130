"""ctrl+r on the start screen: asks first and says what a restore would take back.

A healthy meeting is restored only when the facilitator insists twice (a
question naming the steps and motions lost, then the word typed); a damaged
file is restored after one question; a backup identical to the file needs none.
"""

from __future__ import annotations

from pathlib import Path

from screen_reading import type_text

from meeting_tui.demo import LIVE_ID
from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.backup_compare import compare_backup
from meeting_tui.store.live import LiveMeeting
from meeting_tui.store.meeting_file import backup_path
from meeting_tui.tui.dialogs.confirm import ConfirmDialog
from meeting_tui.tui.dialogs.form import FormDialog
from meeting_tui.tui.screens.start import StartScreen


def three_motions_since_the_backup(data_dir: Path, clock) -> int:
    """The backup as it was before three motions were raised (a session after it); its events."""
    archive = open_archive(data_dir)
    path = archive.meeting_path(LIVE_ID)
    older = path.read_bytes()
    kept = len(archive.read_meeting(LIVE_ID)[1])
    live = LiveMeeting.open(archive, LIVE_ID, clock)
    for text in ("修路灯", "装扶手", "清理楼道"):
        live.execute(c.raise_motion(live.state, text))
    live.close()
    backup_path(path, 1).write_bytes(older)
    return kept


def question(app) -> str:
    return str(app.screen.query_one("#question").render())


async def test_a_healthy_meeting_is_restored_only_when_insisted_on(
    data_dir, clock, make, stored_events
) -> None:
    kept = three_motions_since_the_backup(data_dir, clock)
    now = len(stored_events())
    assert compare_backup(open_archive(data_dir), LIVE_ID).lost_events == 3
    app = make(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, ConfirmDialog)
        assert "将丢失备份之后的 3 步记录（3 个事项）" in question(app)
        await pilot.press("n")  # no: nothing happens
        assert isinstance(app.screen, StartScreen)
        assert len(stored_events()) == now
        await pilot.press("ctrl+r", "y")
        assert isinstance(app.screen, FormDialog)
        await pilot.press("enter")  # Enter alone never restores
        assert isinstance(app.screen, FormDialog)
        assert len(stored_events()) == now
        await type_text(pilot, "恢复")
        await pilot.press("enter")
        assert isinstance(app.screen, StartScreen)
    assert len(stored_events()) == kept
    assert any("已从备份恢复" in m for m in app.notices.messages())


async def test_a_damaged_file_is_restored_after_one_question(
    data_dir, clock, make, stored_events
) -> None:
    kept = three_motions_since_the_backup(data_dir, clock)
    archive = open_archive(data_dir)
    archive.meeting_path(LIVE_ID).write_bytes(b'{"meeting": {"1": {"id": ')  # cut short
    app = make(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, ConfirmDialog)
        assert "已损坏" in question(app)
        await pilot.press("y")
        assert isinstance(app.screen, StartScreen)
    assert len(stored_events()) == kept


async def test_a_backup_identical_to_the_file_needs_no_restore(
    data_dir, make, stored_events
) -> None:
    before = len(stored_events())
    app = make(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, StartScreen)  # no question, nothing to take back
        assert any("不需要恢复" in m for m in app.notices.messages())
    assert len(stored_events()) == before
