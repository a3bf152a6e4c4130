"""Print documents as a reviewer would: DOCX through LibreOffice, HTML through Chromium, to PDF.

LibreOffice takes seconds to start, so `libreoffice_pdfs` converts every
file in ONE `soffice --headless --convert-to pdf` call, with a private
profile (`-env:UserInstallation`) so parallel runs do not share one. The PDF
is read back with poppler (`pdftotext -layout`, `-bbox`, `pdfinfo`).

A missing program skips with the reason on a developer's machine; under CI
(`CI=true`, where `.ci/run` installs libreoffice-writer-nogui, chromium,
poppler-utils and fonts-noto-cjk) it fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def program(*names: str, package: str) -> str:
    """The first of `names` on PATH, or skip (fail under CI) naming the Debian package."""
    found = next(filter(None, map(shutil.which, names)), None)
    if found:
        return found
    reason = f"{' / '.join(names)} not found: install it (apt-get install {package})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true: {reason}")
    pytest.skip(reason)


def libreoffice_pdfs(files: list[Path], folder: Path) -> dict[str, Path]:
    """Each DOCX in `files` converted to PDF in `folder`, by one LibreOffice run."""
    soffice = program("soffice", "libreoffice", package="libreoffice-writer-nogui")
    profile = folder / "lo-profile"
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        *map(str, files),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    pdfs = {f.stem: folder / f"{f.stem}.pdf" for f in files}
    missing = [name for name, pdf in pdfs.items() if not pdf.exists()]
    assert not missing, f"LibreOffice did not convert {missing}: {done.stderr[-2000:]}"
    return pdfs


def chromium_pdf(page: Path, pdf: Path) -> Path:
    """`page` printed by headless Chromium, without its own header and footer lines."""
    exe = os.environ.get("CHROMIUM") or program(*BROWSERS, package="chromium")
    command = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        f"--user-data-dir={pdf.parent / ('chrome-' + pdf.stem)}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and pdf.exists(), done.stderr[-2000:]
    return pdf


def pages(pdf: Path) -> int:
    tool = program("pdfinfo", package="poppler-utils")
    info = subprocess.run([tool, str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match, info
    return int(match.group(1))


def page_texts(pdf: Path) -> list[str]:
    """The text of each page in reading layout (`pdftotext -layout`)."""
    tool = program("pdftotext", package="poppler-utils")
    out = subprocess.run(
        [tool, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return out.split("\f")[: pages(pdf)]


def squeezed_lines(pdf: Path) -> list[str]:
    """Every printed line with its spaces removed: "2027 年 5 月 31 日" reads 2027年5月31日."""
    return [re.sub(r"\s+", "", line) for text in page_texts(pdf) for line in text.splitlines()]


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x0: float  # points from the page's left edge
    y0: float
    x1: float


def words(pdf: Path) -> list[Word]:
    """Every word with its box (`pdftotext -bbox`)."""
    tool = program("pdftotext", package="poppler-utils")
    xml = subprocess.run(
        [tool, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    root = ElementTree.fromstring(xml)
    out = []
    for n, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page"), start=1):
        for w in page.iter("{http://www.w3.org/1999/xhtml}word"):
            out.append(
                Word(
                    n,
                    w.text or "",
                    float(w.get("xMin", 0)),
                    float(w.get("yMin", 0)),
                    float(w.get("xMax", 0)),
                )
            )
    return out
