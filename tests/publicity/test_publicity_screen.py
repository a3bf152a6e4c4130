"""The publish screen at 80×24: the QR code whole, scannable and black on white, the URL, `w` writes."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Static

from meeting_tui.demo import CLOSED_ID
from meeting_tui.publicity import qr
from meeting_tui.tui.app import MeetingApp
from meeting_tui.tui.factory import make_app
from meeting_tui.tui.screens.publish import PublishScreen

BASE = "https://example.org/gs"
URL = "https://example.org/gs/20261017-nany.html"
LONGEST_BASE = "https://nanyuan-shequ.example.gov.cn/juweihui/gongshi/2026/notice"


def _app(demo_data: Path, tmp_path: Path) -> MeetingApp:
    app = make_app(CLOSED_ID, data_dir=demo_data, config_path=tmp_path / "config.toml")
    notices: list[str] = []
    original = app.notify

    def notify(message: str, *args: Any, **kwargs: Any) -> None:
        notices.append(str(message))
        original(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    app.notices = notices  # type: ignore[attr-defined]
    return app


def _shown_code(widget: Widget) -> tuple[list[str], set[tuple[Any, Any]]]:
    """The code's lines as the widget draws them, and every (fg, bg) pair it uses."""
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    lines = ["".join(segment.text for segment in strip) for strip in strips]
    colours = {
        (seg.style.color.triplet if seg.style and seg.style.color else None,
         seg.style.bgcolor.triplet if seg.style and seg.style.bgcolor else None)
        for strip in strips
        for seg in strip
        if seg.text
    }  # fmt: skip
    return lines, colours


def test_publish_screen_shows_code_and_url_and_writes_the_files(
    demo_data: Path, tmp_path: Path, decode: Any, draw: Any
) -> None:
    out = tmp_path / "exports"

    async def scenario() -> None:
        app = _app(demo_data, tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.live is not None
            app.push_screen(PublishScreen(app.live, base_url=BASE, out_dir=out))
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, PublishScreen)
            code = screen.query_one("#qr", Static)
            assert code.region.right <= 80 and code.region.bottom <= 23  # above the footer
            assert (code.region.width, code.region.height) == qr.terminal_size(URL)
            lines, colours = _shown_code(code)
            assert colours == {((0, 0, 0), (255, 255, 255))}  # whatever the theme
            assert decode(draw.modules_to_image(draw.half_blocks_to_modules(lines))) == [URL]
            url = screen.query_one("#url", Static)
            assert str(url.render()) == URL and url.region.right <= 80
            assert not screen.has_class("-local") and not screen.has_class("-too-small")

            await pilot.press("w")
            await app.workers.wait_for_complete()
            await pilot.pause()
            names = ["20261017-nany.html", "20261017-nany-notice.html"]
            names += ["20261017-nany-qr.svg", "20261017-nany-qr.png"]
            assert all((out / name).is_file() for name in names)
            written = str(screen.query_one("#written", Static).render())
            assert all(name in written for name in names)
            assert any(all(name in n for name in names) for n in app.notices)  # type: ignore[attr-defined]

            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, PublishScreen)

    asyncio.run(scenario())


def test_the_longest_promised_url_fits_80x24(demo_data: Path, tmp_path: Path) -> None:
    url = f"{LONGEST_BASE}/{CLOSED_ID}.html"
    assert len(url) == 84  # the longest URL the screen promises to show whole at 80×24

    async def scenario() -> None:
        app = _app(demo_data, tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.live is not None
            app.push_screen(PublishScreen(app.live, base_url=LONGEST_BASE, out_dir=tmp_path))
            await pilot.pause()
            screen = app.screen
            code = screen.query_one("#qr", Static).region
            assert code.right <= 80 and code.bottom <= 23
            assert (code.width, code.height) == qr.terminal_size(url) == (41, 21)
            shown = screen.query_one("#url", Static)
            assert shown.region.right <= 80 and shown.region.bottom <= 23
            assert (
                "".join(shown.render_line(y).text for y in range(shown.size.height)).replace(
                    " ", ""
                )
                == url
            )
            assert not screen.has_class("-too-small")

    asyncio.run(scenario())


def test_a_longer_url_asks_for_a_bigger_window(demo_data: Path, tmp_path: Path) -> None:
    async def scenario() -> None:
        app = _app(demo_data, tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.live is not None
            base = LONGEST_BASE + "/much/longer/than/promised/path"
            app.push_screen(PublishScreen(app.live, base_url=base, out_dir=tmp_path))
            await pilot.pause()
            assert app.screen.has_class("-too-small")
            warning = str(app.screen.query_one("#too-small", Static).render())
            assert "窗口太小" in warning

    asyncio.run(scenario())


def test_without_base_url_the_screen_says_the_code_is_local(
    demo_data: Path, tmp_path: Path
) -> None:
    async def scenario() -> None:
        app = _app(demo_data, tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.live is not None
            app.push_screen(PublishScreen(app.live, out_dir=tmp_path / "o"))  # config has none
            await pilot.pause()
            screen = app.screen
            assert screen.has_class("-local")
            assert str(screen.query_one("#url", Static).render()).startswith("file://")
            assert "未设置公示网址" in str(screen.query_one("#url-note", Static).render())

    asyncio.run(scenario())
