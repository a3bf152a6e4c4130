"""URLs, writing the files, and `meeting-tui publish` end to end on the demo archive."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image
from rich.style import Style

from meeting_tui import i18n
from meeting_tui.cli import build_parser, main
from meeting_tui.demo import CLOSED_ID
from meeting_tui.domain import MeetingState
from meeting_tui.publicity import PublicityError, publicity_url, publish
from meeting_tui.publicity.url import check_base_url
from meeting_tui.verbs.publish_verb import print_code

BASE = "https://example.org/gs"
URL = "https://example.org/gs/20261017-nany.html"


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("https://example.org/gs", URL),
        ("https://example.org/gs/", URL),
        ("  http://10.0.0.7:8080/gs  ", "http://10.0.0.7:8080/gs/20261017-nany.html"),
        ("HTTPS://Example.org", "HTTPS://Example.org/20261017-nany.html"),
    ],
)
def test_publicity_url_joins_base_and_id(base: str, expected: str) -> None:
    assert publicity_url(base, CLOSED_ID) == expected


@pytest.mark.parametrize(
    ("base", "reason"),
    [
        ("example.org/gs", "http:// 或 https://"),
        ("ftp://example.org", "http:// 或 https://"),
        ("javascript:alert(1)", "http:// 或 https://"),
        ("https://example.org/my folder", "空格"),
        ("https://example.org/\tgs", "空格"),
        ("https://南苑.cn/gs", "非 ASCII"),
        ("https:///gs", "域名"),
        ("https://example.org/gs?x=1", "? 或 #"),
    ],
)
def test_bad_base_urls_are_refused_with_the_reason(base: str, reason: str) -> None:
    with pytest.raises(PublicityError) as caught:
        check_base_url(base)
    message = caught.value.message("zh")
    assert reason in message and "http:// 或 https://" in message
    assert caught.value.message("en").isascii() or "南苑" in base


def test_publish_writes_four_files_named_from_the_id(
    closed_state: MeetingState, tmp_path: Path, decode: Any
) -> None:
    out = tmp_path / "公示 out"
    result = publish(closed_state, out, BASE)
    assert result.url == URL and not result.local
    assert [p.name for p in result.files] == [
        "20261017-nany.html",
        "20261017-nany-notice.html",
        "20261017-nany-qr.svg",
        "20261017-nany-qr.png",
    ]
    assert sorted(os.listdir(out)) == sorted(p.name for p in result.files)  # no temp left behind
    assert result.page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert URL in result.notice.read_text(encoding="utf-8")
    png = np.asarray(Image.open(result.png).convert("L"), dtype=np.uint8)
    assert decode(png) == [URL]


def test_publish_again_replaces_the_files(closed_state: MeetingState, tmp_path: Path) -> None:
    first = publish(closed_state, tmp_path, BASE)
    first.page.write_text("stale", encoding="utf-8")
    second = publish(closed_state, tmp_path, "https://other.example/x")
    assert "stale" not in second.page.read_text(encoding="utf-8")
    assert "https://other.example/x/20261017-nany.html" in second.notice.read_text("utf-8")


def test_a_bad_base_url_writes_nothing(closed_state: MeetingState, tmp_path: Path) -> None:
    with pytest.raises(PublicityError):
        publish(closed_state, tmp_path / "out", "not a url")
    assert not (tmp_path / "out").exists()


def test_without_base_url_the_qr_is_the_local_page(
    closed_state: MeetingState, tmp_path: Path, decode: Any
) -> None:
    result = publish(closed_state, tmp_path / "导出", None)
    assert result.local
    assert result.url == result.page.resolve().as_uri() and result.url.isascii()
    notice = result.notice.read_text(encoding="utf-8")
    assert "请勿张贴" in notice
    png = np.asarray(Image.open(result.png).convert("L"), dtype=np.uint8)
    assert decode(png) == [result.url]


def test_an_unwritable_folder_is_one_clear_error(
    closed_state: MeetingState, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(PublicityError) as caught:
        publish(closed_state, blocker / "out", BASE)
    assert "无法写入" in caught.value.message("zh") and "--out" in caught.value.message("zh")


def test_cli_publish_end_to_end_on_the_demo(
    demo_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], decode: Any, draw: Any
) -> None:
    out = tmp_path / "out"
    status = main(
        ["--data-dir", str(demo_data), "publish", CLOSED_ID, "--base-url", BASE, "--out", str(out)]
    )
    printed = capsys.readouterr()
    assert status == 0, printed.err
    assert f"公示网址：{URL}" in printed.out
    for name in (
        "20261017-nany.html",
        "20261017-nany-notice.html",
        "20261017-nany-qr.svg",
        "20261017-nany-qr.png",
    ):
        assert (out / name).is_file()
        assert str(out / name) in printed.out
    assert "\x1b[" not in printed.out  # not a terminal: no escape sequences
    lines = [line for line in printed.out.splitlines() if line and set(line) <= set("▀▄█ ")]
    assert decode(draw.modules_to_image(draw.half_blocks_to_modules(lines))) == [URL]


def test_cli_publish_reads_base_url_from_config_and_defaults_to_exports(
    demo_data: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('base_url = "https://gs.example.cn/nanyuan/"\n', encoding="utf-8")
    monkeypatch.setenv("MEETING_TUI_CONFIG", str(config))
    assert main(["--data-dir", str(demo_data), "publish", CLOSED_ID]) == 0
    printed = capsys.readouterr().out
    assert "https://gs.example.cn/nanyuan/20261017-nany.html" in printed
    assert (demo_data / "exports" / CLOSED_ID / "20261017-nany.html").is_file()


def test_cli_publish_without_base_url_says_so(
    demo_data: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MEETING_TUI_CONFIG", str(tmp_path / "none.toml"))
    status = main(
        [
            "--data-dir",
            str(demo_data),
            "--lang",
            "en",
            "publish",
            CLOSED_ID,
            "--out",
            str(tmp_path / "o"),
        ]
    )
    printed = capsys.readouterr().out
    assert status == 0
    assert "No publicity base URL (base_url) is set" in printed and "none.toml" in printed
    assert "file://" in printed


def test_cli_publish_errors_are_one_line_and_non_zero(
    demo_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o"
    assert (
        main(
            [
                "--data-dir",
                str(demo_data),
                "publish",
                CLOSED_ID,
                "--base-url",
                "ftp://x",
                "--out",
                str(out),
            ]
        )
        == 2
    )
    err = capsys.readouterr().err.strip()
    assert err.startswith("错误：公示网址") and "\n" not in err
    assert not out.exists()
    assert main(["--data-dir", str(demo_data), "publish", "20261017-zzzz", "--out", str(out)]) == 2
    assert "20261017-zzzz" in capsys.readouterr().err


def test_publish_verb_has_help() -> None:
    parser = build_parser()
    with pytest.raises(SystemExit) as exited:
        parser.parse_args(["publish", "--help"])
    assert exited.value.code == 0


class _Terminal(io.StringIO):
    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


class _Gbk(io.StringIO):
    encoding = "ascii"


@pytest.mark.parametrize(
    ("env", "black_on_white"),
    [
        ({"TERM": "xterm"}, "\x1b[38;5;16;48;5;231m"),  # not the theme's ANSI 30/47
        ({"TERM": "xterm-256color"}, "\x1b[38;5;16;48;5;231m"),
        ({"TERM": "xterm-256color", "COLORTERM": "truecolor"}, "\x1b[38;2;0;0;0;48;2;255;255;255m"),
    ],
)
def test_on_a_terminal_the_code_is_drawn_in_fixed_black_on_white(
    env: dict[str, str], black_on_white: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rich memoises combined styles with their ANSI codes for the first colour system
    # seen; one CLI run prints once, but this test renders for several in one process.
    Style._add.cache_clear()
    for name in ("COLORTERM", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    out = _Terminal()
    print_code(URL, out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 17
    assert all(line.startswith(black_on_white) and line.endswith("\x1b[0m") for line in lines)


def test_an_output_without_block_characters_gets_a_pointer_not_a_crash() -> None:
    out = _Gbk()
    print_code(URL, out)
    assert out.getvalue().strip() == i18n.t("publish.no_glyphs")
