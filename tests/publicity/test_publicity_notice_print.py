"""The A4 notice printed by headless Chromium: ONE page for the 12-motion 南苑 meeting, a QR
code at least 45 mm wide on paper, and no body text under 12 pt.

The PDF is what a community office prints. Its page count comes from
`pdfinfo`; the QR code is measured on the printed page itself: page 1 is
rasterised by `pdftoppm` at 200 dpi and a real decoder (zxing-cpp) finds the
symbol and its corners, so the width measured is the code's own (quiet zone
aside), in millimetres of paper. Font sizes are checked twice: from the
browser's computed style (a probe in a copy of the notice, as in
test_publicity_browser.py), and from the PDF, where every word's box
(`pdftotext -bbox`) must be at least as tall as 12 pt text's box in the same
fonts, printed alongside as a calibration.
Under CI=true a missing Chromium or poppler fails, never skips.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from PIL import Image

from meeting_tui.demo import closed_log
from meeting_tui.domain import fold
from meeting_tui.publicity import Posting, notice_html
from meeting_tui.publicity.page import CSP, FONTS
from tests.publicity.test_publicity_browser import browser, run_browser

URL = "https://example.org/gs/20261017-nany.html"
DPI = 200
POSTING = Posting(
    posted_on=date(2026, 10, 18),
    committee="南苑社区居民委员会",
    office_phone="0951-5012345",
    digest="ABCD-EFGH-IJKL-MNOP",
    digest_events=120,
)
FONT_PROBE = """<script>
window.addEventListener("load", () => {
  const sizes = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (own) sizes.push({tag: el.tagName, cls: el.className, px: parseFloat(getComputedStyle(el).fontSize),
                         text: el.textContent.trim().slice(0, 20)});
  }
  const out = document.createElement("pre");
  out.id = "result";
  out.textContent = JSON.stringify(sizes);
  document.body.appendChild(out);
});
</script>"""


def poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found:
        return found
    reason = f"{tool} not found: apt-get install poppler-utils to run this check"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module", params=["zh", "en"])
def printed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """The notice of the 12-motion meeting as HTML, and as the PDF Chromium prints from it.

    Printed once per language for the module's three checks (Chromium is slow to start).
    """
    state = fold(closed_log())
    assert len(state.motions) == 12
    state.lang = request.param
    folder = tmp_path_factory.mktemp(f"notice-{request.param}")
    page = folder / "notice.html"
    page.write_text(notice_html(state, URL, posting=POSTING), encoding="utf-8")
    pdf = folder / "notice.pdf"
    run_browser(
        browser(),
        folder / "profile-pdf",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        page.as_uri(),
    )
    assert pdf.stat().st_size > 0
    return page, pdf


def test_the_notice_prints_on_one_a4_page(printed: tuple[Path, Path]) -> None:
    _page, pdf = printed
    info = subprocess.run(
        [poppler("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert abs(width - 595) < 2 and abs(height - 842) < 2, info  # A4 portrait
    text = subprocess.run(
        [poppler("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for needed in ("南苑社区居民委员会", "0951-5012345", "ABCD-EFGH-IJKL-MNOP", "2026"):
        assert needed in text, needed  # the last lines made it onto the page


def test_the_printed_qr_code_is_at_least_45_mm_and_scans(
    printed: tuple[Path, Path], tmp_path: Path
) -> None:
    _page, pdf = printed
    stem = tmp_path / "page"
    subprocess.run(
        [
            poppler("pdftoppm"),
            "-r",
            str(DPI),
            "-f",
            "1",
            "-l",
            "1",
            "-gray",
            "-png",
            str(pdf),
            str(stem),
        ],
        check=True,
        capture_output=True,
    )
    (png,) = tmp_path.glob("page*.png")
    with Image.open(png) as image:
        pixels = np.asarray(image.convert("L"))
    found = zxingcpp.read_barcodes(
        pixels, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode), try_invert=False
    )
    assert [r.text for r in found] == [URL]
    corners = found[0].position
    xs = [corners.top_left.x, corners.top_right.x, corners.bottom_left.x, corners.bottom_right.x]
    ys = [corners.top_left.y, corners.top_right.y, corners.bottom_left.y, corners.bottom_right.y]
    width_mm = (max(xs) - min(xs)) / DPI * 25.4
    height_mm = (max(ys) - min(ys)) / DPI * 25.4
    assert width_mm >= 45 and height_mm >= 45, (width_mm, height_mm)


def test_no_body_text_is_under_12_pt(printed: tuple[Path, Path], tmp_path: Path) -> None:
    page, _pdf = printed
    source = page.read_text(encoding="utf-8")
    csp_line = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
    assert csp_line in source
    probe = tmp_path / "probe.html"
    probe.write_text(
        source.replace(csp_line, "").replace("</body>", FONT_PROBE + "</body>"), encoding="utf-8"
    )
    done = run_browser(
        browser(),
        tmp_path / "profile-probe",
        "--virtual-time-budget=3000",
        "--dump-dom",
        probe.as_uri(),
    )
    match = re.search(r'<pre id="result">(.*?)</pre>', done.stdout, re.S)
    assert match, done.stdout[-2000:]
    sizes = json.loads(html.unescape(match.group(1)))
    assert len(sizes) > 30
    smallest = min(sizes, key=lambda s: s["px"])
    assert smallest["px"] >= 16 - 0.01, smallest  # 12 pt = 16 CSS px


def word_heights(pdf: Path) -> list[tuple[float, str]]:
    """Each word's box height in points, as `pdftotext -bbox` reads it from the PDF."""
    out = subprocess.run(
        [poppler("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    boxes = re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>', out
    )
    return [(float(y1) - float(y0), html.unescape(word)) for y0, y1, word in boxes]


def script(word: str) -> str:
    """Chinese and Latin glyph boxes differ in height: compare each with its own kind."""
    return "cjk" if re.search(r"[\u3000-\u9fff\uff00-\uffef]", word) else "latin"


@pytest.fixture(scope="module")
def twelve_point(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    """The box heights `pdftotext -bbox` gives 12 pt text in the notice's fonts, per script."""
    folder = tmp_path_factory.mktemp("calibration")
    page = folder / "twelve.html"
    page.write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>body{{font:12pt {FONTS}}}"
        ".m{font-family:ui-monospace,'DejaVu Sans Mono',Consolas,monospace}</style></head><body>"
        "<p>南苑社区 公示 10 1/ Aa</p><p class='m'>ABCD-EFGH 0951-5012345</p></body></html>",
        encoding="utf-8",
    )
    pdf = folder / "twelve.pdf"
    run_browser(
        browser(),
        folder / "profile",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        page.as_uri(),
    )
    heights = word_heights(pdf)
    found = {kind: min(h for h, w in heights if script(w) == kind) for kind in ("cjk", "latin")}
    return found


def test_no_printed_word_is_smaller_than_12_pt_text(
    printed: tuple[Path, Path], twelve_point: dict[str, float]
) -> None:
    """The same check read from the PDF: every word's box is at least 12 pt text's box."""
    _page, pdf = printed
    heights = word_heights(pdf)
    assert len(heights) > 100
    for height, word in heights:
        assert height >= twelve_point[script(word)] - 0.01, (word, height, twelve_point)
