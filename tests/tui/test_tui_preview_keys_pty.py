"""The minutes preview in a real pseudo-terminal: keys typed while it is still rendering.

The preview draws its first two screens at once and renders the rest after
that frame (tui/widgets/rendered_lines.py). `m` and End written in ONE burst
(a fast typist) must still land at the end of the whole document, not of the
part rendered so far; Esc then goes back to the session.
"""

from __future__ import annotations

from pathlib import Path

from pty_app import PtyApp

from meeting_tui.demo import CLOSED_ID


def test_end_typed_with_m_reaches_the_end_of_the_whole_minutes(data_dir: Path) -> None:
    with PtyApp(["open", CLOSED_ID], data_dir=data_dir, columns=80, lines=24) as app:
        app.wait_for_text("纪要")
        app.wait_for_quiet(0.3)
        app.write("m\x1b[F")  # 246 lines of Markdown: more than two screens at 80×24
        screen = lambda: app.text().replace(" ", "")  # noqa: E731
        # The timeline's last rows close the document; its head (会议时间) is scrolled away.
        app.wait_until(
            lambda: "议题「总结」结束" in screen() and "会议时间" not in screen(), "the end shown"
        )
        assert "会议纪要预览" in screen()
        app.write("\x1b")
        app.wait_for_absent("会议纪要预览")
        assert app.quit() == 0
