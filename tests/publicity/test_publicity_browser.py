"""The publicity page in a real browser (headless Chromium) at a phone's 390×844.

The shipped page has no script and a CSP forbidding one, so the test works
on a copy: it drops the CSP line and appends a probe that reports the layout
facts (page width against the viewport, each decision's box). Headless
Chromium will not make a window narrower than 500 px, so the copy is shown
in a 390×844 iframe (its own viewport, exactly a phone's width) and the
probe posts its facts to the frame's parent, which writes them into a <pre>
that `--dump-dom` prints. A screenshot (cut to the phone's width) is kept
under `tmp/artifacts/` (or $TEST_ARTIFACTS) for a person to look at.

Without Chromium the tests skip with the reason on a developer's machine;
under CI (`CI=true`, where `.ci/run` installs it) a missing browser fails.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from meeting_tui.domain import MeetingState
from meeting_tui.publicity import publish
from meeting_tui.publicity.page import CSP

ROOT = Path(__file__).resolve().parents[2]
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
URL = "https://example.org/gs/20261017-nany.html"

PROBE = """<script>
window.addEventListener("load", () => {
  const doc = document.documentElement;
  const items = [...document.querySelectorAll("li.decision")].map((el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {id: el.id, left: box.left, right: box.right, width: box.width, height: box.height,
            shown: style.display !== "none" && style.visibility !== "hidden" && style.opacity !== "0",
            overflow: el.scrollWidth - el.clientWidth, text: el.innerText};
  });
  const facts = {innerWidth: window.innerWidth, scrollWidth: doc.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth, scrollHeight: doc.scrollHeight, items};
  if (window.parent !== window) {
    window.parent.postMessage(JSON.stringify(facts), "*");
  } else {
    const out = document.createElement("pre");
    out.id = "result";
    out.textContent = JSON.stringify(facts);
    document.body.appendChild(out);
  }
});
</script>"""

PHONE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<script>
window.addEventListener("message", (event) => {{
  const out = document.createElement("pre");
  out.id = "result";
  out.textContent = event.data;
  document.body.appendChild(out);
}});
</script>
<iframe src="{src}" style="display:block;border:0;width:{width}px;height:{height}px"></iframe>
</body></html>"""


def browser() -> str:
    """The Chromium executable, or skip (fail under CI) saying why there is none."""
    found = os.environ.get("CHROMIUM") or next(filter(None, map(shutil.which, BROWSERS)), None)
    if found:
        return found
    reason = (
        f"no headless browser found (looked for {', '.join(BROWSERS)} on PATH and $CHROMIUM): "
        "install Debian's chromium (apt-get install chromium fonts-noto-cjk) to run this check"
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true: {reason}")
    pytest.skip(reason)


def run_browser(exe: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def artifacts() -> Path:
    folder = Path(os.environ.get("TEST_ARTIFACTS", ROOT / "tmp" / "artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def phone(tmp_path: Path, page: Path, width: int, height: int, name: str) -> Path:
    """A wrapper showing `page` in a width×height frame: a phone's viewport."""
    wrapper = tmp_path / f"{name}.html"
    wrapper.write_text(
        PHONE.format(src=html.escape(page.as_uri()), width=width, height=height), encoding="utf-8"
    )
    return wrapper


def probe(exe: str, page: Path, tmp_path: Path, width: int, height: int) -> dict[str, Any]:
    """The layout facts the probe reports for `page` at width×height."""
    source = page.read_text(encoding="utf-8")
    csp_line = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
    assert csp_line in source
    copy = tmp_path / f"probe-{width}.html"
    copy.write_text(
        source.replace(csp_line, "").replace("</body>", PROBE + "</body>"), encoding="utf-8"
    )
    done = run_browser(
        exe,
        tmp_path / f"profile-{width}",
        "--window-size=800,900",
        "--virtual-time-budget=5000",
        "--dump-dom",
        phone(tmp_path, copy, width, height, f"phone-{width}").as_uri(),
    )
    match = re.search(r'<pre id="result">(.*?)</pre>', done.stdout, re.S)
    assert match, done.stdout[-2000:]
    result: dict[str, Any] = json.loads(html.unescape(match.group(1)))
    return result


@pytest.fixture
def published(closed_state: MeetingState, tmp_path: Path) -> Any:
    return publish(closed_state, tmp_path / "out", "https://example.org/gs")


@pytest.mark.parametrize("width", [390, 360])
def test_page_fits_a_phone_and_every_decision_is_visible(
    published: Any, tmp_path: Path, width: int
) -> None:
    exe = browser()
    facts = probe(exe, published.page, tmp_path, width, 844)
    assert facts["innerWidth"] == width  # the viewport really is a phone's
    assert facts["scrollWidth"] <= facts["innerWidth"], facts  # no horizontal scrolling
    assert facts["bodyScrollWidth"] <= facts["innerWidth"], facts
    items = facts["items"]
    assert [i["id"] for i in items] == ["m1", "m3", "m5", "m6", "m7", "m8", "m10"]
    for item in items:
        assert item["shown"] and item["width"] > 200 and item["height"] > 40, item
        assert item["left"] >= 0 and item["right"] <= width, item
        assert item["overflow"] <= 0, item  # nothing inside sticks out sideways
        assert "施工方" in item["text"] and "2027年" in item["text"]
    if width == 390:
        shot = artifacts() / "publicity-390.png"
        length = min(int(facts["scrollHeight"]), 12000)
        run_browser(
            exe,
            tmp_path / "profile-shot",
            f"--window-size=800,{length}",
            f"--screenshot={shot}",
            phone(tmp_path, published.page, 390, length, "phone-shot").as_uri(),
        )
        with Image.open(shot) as image:
            image.crop((0, 0, 390, length)).save(shot)
        print(f"screenshot: {shot}")


def test_the_shipped_page_runs_no_script_even_when_one_is_added(
    published: Any, tmp_path: Path
) -> None:
    """The CSP is live: the same probe, left under the page's own policy, does nothing."""
    exe = browser()
    page = tmp_path / "with-csp.html"
    source = published.page.read_text(encoding="utf-8")
    page.write_text(source.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    done = run_browser(
        exe, tmp_path / "profile-csp", "--window-size=390,844", "--dump-dom", page.as_uri()
    )
    assert "<main>" in done.stdout and 'id="result"' not in done.stdout


def test_printed_notice_qr_scans_from_the_browser_rendering(
    published: Any, tmp_path: Path, decode: Any
) -> None:
    """The inline SVG as a browser draws it (the way it reaches paper) decodes to the URL."""
    exe = browser()
    shot = artifacts() / "notice-a4.png"
    run_browser(
        exe,
        tmp_path / "profile-notice",
        "--window-size=800,2400",
        f"--screenshot={shot}",
        published.notice.as_uri(),
    )
    with Image.open(shot) as image:
        gray = np.asarray(image.convert("L"), dtype=np.uint8)
    assert decode(gray) == [URL]
    print(f"screenshot: {shot}")


def test_a_missing_browser_fails_under_ci_and_skips_elsewhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true: no headless browser"):
        browser()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        browser()
