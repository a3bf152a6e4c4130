"""The minutes preview screen, driven by a Pilot on the app the CLI builds."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from rich.markdown import Markdown
from rich.segment import Segment

from meeting_tui.tui.factory import make_app
from meeting_tui.tui.screens.minutes_preview import MinutesPreviewScreen
from meeting_tui.tui.themes import Themed, markdown_theme
from meeting_tui.tui.widgets.rendered_lines import RenderedLines

NOW = datetime(2026, 11, 21, 9, 50, tzinfo=timezone(timedelta(hours=8)))


def _exports(data_dir: Path, meeting_id: str) -> list[Path]:
    folder = data_dir / "exports" / meeting_id
    return sorted(folder.iterdir()) if folder.exists() else []


async def test_export_keys_write_files_and_say_where(
    data_dir: Path, closed_id: str, tmp_path
) -> None:
    app = make_app(closed_id, data_dir=data_dir, clock=lambda: NOW, config_path=tmp_path / "c.toml")
    notices: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        original = app.notify

        def notify(message: str, *args, **kwargs) -> None:
            notices.append(str(message))
            original(message, *args, **kwargs)

        app.notify = notify  # type: ignore[method-assign]
        app.push_screen(MinutesPreviewScreen(app.live))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutesPreviewScreen)
        assert screen.source.startswith("# 电大家属院老旧小区改造 民主协商议事会 会议纪要")
        shown = app.export_screenshot()
        assert "会议纪要" in shown and "会议时间" in shown  # drawn on screen, not only held

        await pilot.press("1")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        files = _exports(data_dir, closed_id)
        assert [p.suffix for p in files] == [".docx", ".md"]
        assert any(str(files[1]) in n for n in notices), notices
        assert any(str(files[0]) in n for n in notices), notices

        await pilot.press("1")  # again: a second file, never an overwrite
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(_exports(data_dir, closed_id)) == 3

        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MinutesPreviewScreen)


async def test_r_toggles_the_redacted_copy(data_dir: Path, closed_id: str, tmp_path) -> None:
    app = make_app(closed_id, data_dir=data_dir, clock=lambda: NOW, config_path=tmp_path / "c.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MinutesPreviewScreen(app.live))
        await pilot.pause()
        screen = app.screen
        await pilot.press("r")
        await pilot.pause()
        assert screen.has_class("-redacted")
        assert "脱敏版" in screen.source
        await pilot.press("5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        [written] = _exports(data_dir, closed_id)
        assert written.name.endswith("_脱敏.json")
        await pilot.press("r")
        await pilot.pause()
        assert "脱敏版" not in screen.source


async def test_status_line_says_which_version_is_shown(
    data_dir: Path, closed_id: str, tmp_path
) -> None:
    from meeting_tui.demo import LIVE_ID
    from meeting_tui.minutes.record import close_and_record

    def status(app) -> str:
        return str(app.screen.query_one("#preview-status").render())

    app = make_app(LIVE_ID, data_dir=data_dir, clock=lambda: NOW, config_path=tmp_path / "c.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(MinutesPreviewScreen(app.live))
        await pilot.pause()
        assert "会议未结束：当前为草稿" in status(app)
        assert "会议尚未结束，本纪要为草稿。" in app.screen.source
        await pilot.press("escape")
        close_and_record(app.live)
        app.push_screen(MinutesPreviewScreen(app.live))
        await pilot.pause()
        assert "已存档第 1 版" in status(app)
        assert "本纪要为草稿" not in app.screen.source
    closed = make_app(
        closed_id, data_dir=data_dir, clock=lambda: NOW, config_path=tmp_path / "c.toml"
    )
    async with closed.run_test(size=(80, 24)) as pilot:
        closed.push_screen(MinutesPreviewScreen(closed.live))
        await pilot.pause()
        assert "会议已结束，纪要未存档" in status(closed)  # the demo was installed, not closed here


async def test_the_docx_export_uses_the_layout_set_in_the_config_file(
    data_dir: Path, closed_id: str, tmp_path
) -> None:
    import docx
    from docx.oxml.ns import qn

    config = tmp_path / "c.toml"
    config.write_text('docx_layout = "gongwen"\n', encoding="utf-8")
    app = make_app(closed_id, data_dir=data_dir, clock=lambda: NOW, config_path=config)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(MinutesPreviewScreen(app.live))
        await pilot.pause()
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
    (written,) = _exports(data_dir, closed_id)
    body = docx.Document(str(written)).styles["Normal"].element.rPr.rFonts
    assert body.get(qn("w:eastAsia")) == "仿宋_GB2312"


async def test_the_preview_draws_the_exported_markdown_line_for_line(
    data_dir: Path, closed_id: str, tmp_path: Path
) -> None:
    app = make_app(closed_id, data_dir=data_dir, config_path=tmp_path / "c.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(MinutesPreviewScreen(app.live))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutesPreviewScreen)
        page = screen.query_one(RenderedLines)
        for _ in range(200):
            if page.complete:
                break
            await pilot.pause(0.02)
        width = page.scrollable_content_region.width
        themed = Themed(Markdown(screen.source), markdown_theme(app.theme_variables))
        options = app.console.options.update(width=width, height=None)
        whole = app.console.render_lines(themed, options, pad=False, new_lines=False)
        assert [s.text.rstrip() for s in page.lines] == [
            "".join(s.text for s in r).rstrip() for r in whole
        ]
        styled = lambda rows: [[(s.text, s.style) for s in Segment.simplify(r)] for r in rows]  # noqa: E731
        assert (
            styled([list(s) for s in page.lines])[:40]
            == styled([Segment.adjust_line_length(r, width) for r in whole])[:40]
        )


async def test_opened_again_the_preview_is_not_built_again_until_the_meeting_changes(
    make, monkeypatch
) -> None:
    """Reading the minutes back to the room opens the preview again and again: an unchanged
    meeting's document is shown as it was built; a step recorded since is in the next one."""
    from meeting_tui.tui.screens import minutes_preview

    built: list[int] = []
    real = minutes_preview.minutes_for_export

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(minutes_preview, "minutes_for_export", counted)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(2):
            await pilot.press("m")
            assert isinstance(app.screen, MinutesPreviewScreen)
            first = app.screen.source
            await pilot.press("escape")
        assert len(built) == 1
        await pilot.press("n")  # a new motion: an event, so the next preview is built anew
        for ch in "修路灯":
            await pilot.press(ch)
        await pilot.press("enter")
        await pilot.press("m")
        assert isinstance(app.screen, MinutesPreviewScreen)
        assert len(built) == 2
        assert "修路灯" in app.screen.source and "修路灯" not in first
        await pilot.press("r")  # the redacted copy is another document
        assert len(built) == 3
