"""`meeting-tui present ID` from the command line: the real program on a pty, and its refusals."""

from __future__ import annotations

from pty_app import PtyApp

from meeting_tui.cli import main
from meeting_tui.demo import LIVE_ID


def test_an_unknown_meeting_is_one_line_and_exit_2(data_dir, capsys) -> None:
    status = main(["--data-dir", str(data_dir), "present", "20991231-none"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("错误：") and err.count("\n") == 1
    assert "20991231-none" in err


def test_without_a_terminal_it_says_so(data_dir, capsys) -> None:
    status = main(["--data-dir", str(data_dir), "present", LIVE_ID])  # pytest's stdin: no tty
    assert status == 2
    assert "需要一个终端" in capsys.readouterr().err


def test_the_real_program_shows_the_meeting_and_quits_on_q(data_dir) -> None:
    with PtyApp(["present", LIVE_ID], data_dir=data_dir, columns=80, lines=24) as view:
        view.wait_for_text("电大家属院老旧小区改造")
        view.wait_for_text("重新商议小区大门位置")
        assert view.quit("q") == 0
    assert b"Traceback" not in view.output
