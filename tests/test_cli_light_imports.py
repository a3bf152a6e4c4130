"""`list` and `backlog` answer without loading the document libraries.

python-docx, lxml, qrcode and Pillow cost more to import than listing an
archive; only the verbs that write a DOCX or a QR code may pull them in. Each
check runs the verb in a fresh interpreter, so nothing this test process
imported can hide or fake an import.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = {"docx", "lxml", "qrcode", "PIL"}
# The verbs that answer in the terminal without opening a screen do not load the UI either.
UI = {"textual"}


def loaded_after(args: list[str]) -> set[str]:
    code = (
        "import sys; from meeting_tui.cli import main; status = main(sys.argv[1:]);"
        "print(status, *sorted({m.split('.')[0] for m in sys.modules}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    status, *modules = done.stdout.splitlines()[-1].split()
    assert status == "0", done.stdout + done.stderr
    return set(modules)


@pytest.mark.parametrize("verb", ["list", "backlog"])
def test_listing_verbs_import_no_document_library_nor_the_ui(verb: str, tmp_path: Path) -> None:
    assert loaded_after(["--data-dir", str(tmp_path), verb]) & (HEAVY | UI) == set()


def test_the_check_sees_a_docx_export_load_python_docx(tmp_path: Path) -> None:
    """The same check does see python-docx once a verb needs it (the demo's closed minutes)."""
    from meeting_tui.demo import CLOSED_ID, install_demo
    from meeting_tui.store import open_archive

    install_demo(open_archive(tmp_path))
    out = tmp_path / "m.docx"
    args = ["--data-dir", str(tmp_path), "export", CLOSED_ID, "--format", "docx", "--out", str(out)]
    assert "docx" in loaded_after(args)
    assert out.stat().st_size > 0
