"""QR codes decode back to the URL with a real decoder, from each rendering: terminal, SVG, PNG."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from typing import Any

import numpy as np
import pytest
from PIL import Image
from rich.console import Console

from meeting_tui.publicity import qr

# The publish screen promises a code whole at 80×24 for a URL up to 84 characters: the byte
# capacity of QR version 5 at error correction M, 41 × 21 cells with the quiet zone.
LONGEST_PROMISED = 84
LARGEST_VERSION_AT_80X24 = 5

URLS = [
    "https://example.org/gs/20261017-nany.html",
    "http://10.0.0.7:8080/gongshi/20261127-k3f9.html",
    "file:///tmp/%E5%85%AC%E7%A4%BA/20261017-nany.html",
    # The longest URL the publish screen promises to show whole at 80×24.
    "https://nanyuan-shequ.example.gov.cn/juweihui/gongshi/2026/notice/20261127-k3f9.html",
]


def test_the_longest_promised_url_is_84_characters() -> None:
    assert len(URLS[-1]) == LONGEST_PROMISED


@pytest.mark.parametrize("url", URLS)
def test_terminal_rendering_decodes(url: str, decode: Any, draw: Any) -> None:
    lines = qr.terminal_lines(url)
    assert set("".join(lines)) <= set("▀▄█ ")
    modules = draw.half_blocks_to_modules(lines)
    assert decode(draw.modules_to_image(modules)) == [url]


def test_terminal_rendering_has_a_quiet_zone_of_two_modules(draw: Any) -> None:
    modules = draw.half_blocks_to_modules(qr.terminal_lines(URLS[0]))
    for edge in (modules[:2], modules[-2:], modules[:, :2], modules[:, -2:]):
        assert not edge.any()
    # ... and no more than needed: the finder pattern starts right after it.
    assert modules[2, 2] and modules[2, 2:9].all()


def test_terminal_rendering_inverted_does_not_decode(decode: Any, draw: Any) -> None:
    """What unstyled blocks look like on a dark theme: the reason colours are explicit."""
    modules = draw.half_blocks_to_modules(qr.terminal_lines(URLS[0]))
    assert decode(draw.modules_to_image(~modules, margin=4)) == []


@pytest.mark.parametrize("url", URLS)
def test_screen_size_fits_80x24_up_to_the_promised_length(url: str) -> None:
    cols, rows = qr.terminal_size(url)
    assert qr.version(url) <= LARGEST_VERSION_AT_80X24
    assert cols <= 41 and rows <= 21  # beside a text column, above the footer


def test_a_longer_url_needs_a_bigger_code() -> None:
    url = URLS[-1].replace("/notice/", "/notices/")
    assert len(url) == 85
    assert qr.version(url) > LARGEST_VERSION_AT_80X24


def test_rich_code_is_black_on_white_true_colour_whatever_the_theme(decode: Any, draw: Any) -> None:
    url = URLS[0]
    console = Console(
        width=120, color_system="truecolor", force_terminal=True, record=True, file=io.StringIO()
    )
    segments = list(console.render(qr.rich_code(url)))
    styled = [s for s in segments if s.text.strip("\n")]
    assert styled
    for segment in styled:
        assert segment.style is not None
        assert segment.style.color is not None and segment.style.color.triplet == (0, 0, 0)
        assert segment.style.bgcolor is not None
        assert segment.style.bgcolor.triplet == (255, 255, 255)
    # No wrapping even in a narrow console: every line is the code's full width.
    narrow = Console(width=20, force_terminal=True, file=io.StringIO(), color_system=None)
    text = "".join(s.text for s in narrow.render(qr.rich_code(url)))
    lines = text.split("\n")
    assert lines[: len(qr.terminal_lines(url))] == qr.terminal_lines(url)
    assert decode(draw.modules_to_image(draw.half_blocks_to_modules(lines[:17]))) == [url]


def _svg_modules(svg: str) -> np.ndarray:
    """Rasterise our own SVG: its white square and the runs of its black path."""
    root = ET.fromstring(svg)  # well-formed XML, or this raises
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg"
    _, _, width, height = (int(v) for v in root.attrib["viewBox"].split())
    assert width == height
    rect = root.find(f"{ns}rect")
    assert rect is not None and rect.attrib["fill"] == "#fff"
    assert (int(rect.attrib["width"]), int(rect.attrib["height"])) == (width, height)
    path = root.find(f"{ns}path")
    assert path is not None and path.attrib["fill"] == "#000"
    grid = np.zeros((height, width), dtype=bool)
    d = path.attrib["d"]
    runs = re.findall(r"M(\d+) (\d+)h(\d+)v1h-(\d+)z", d)
    assert "".join(f"M{x} {y}h{w}v1h-{w2}z" for x, y, w, w2 in runs) == d
    for x, y, w, w2 in runs:
        assert w == w2
        grid[int(y), int(x) : int(x) + int(w)] = True
    return grid


@pytest.mark.parametrize("url", URLS)
def test_svg_decodes(url: str, decode: Any, draw: Any) -> None:
    svg = qr.svg(url)
    assert "<script" not in svg and "xlink:href" not in svg
    modules = _svg_modules(svg)
    assert not modules[:4].any() and not modules[:, -4:].any()  # print quiet zone of 4
    assert decode(draw.modules_to_image(modules)) == [url]


def test_svg_size_is_settable_and_escaped() -> None:
    svg = qr.svg(URLS[0], size="40mm")
    root = ET.fromstring(svg)
    assert root.attrib["width"] == root.attrib["height"] == "40mm"
    assert root.attrib["shape-rendering"] == "crispEdges"


@pytest.mark.parametrize("url", URLS)
def test_png_decodes(url: str, decode: Any) -> None:
    data = qr.png_bytes(url)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data)).convert("L")
    assert decode(np.asarray(image, dtype=np.uint8)) == [url]


def test_png_and_svg_are_made_without_pillow() -> None:
    """With Pillow impossible to import (as on a user's machine), both still come out.

    qrcode imports PIL opportunistically when it is installed, as it is here for
    the tests, so the check blocks it in a fresh interpreter instead.
    """
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['PIL'] = None\n"
        "from meeting_tui.publicity import qr, publish\n"
        "png = qr.png_bytes('https://e.org/x.html'); svg = qr.svg('https://e.org/x.html')\n"
        "print(png[:4] == b'\\x89PNG', svg.startswith('<svg'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "True"]
