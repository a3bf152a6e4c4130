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


def loaded_modules_after(args: list[str]) -> set[str]:
    """Every module a fresh interpreter has loaded once `meeting-tui ARGS` returned 0."""
    code = (
        "import sys; from meeting_tui.cli import main; status = main(sys.argv[1:]);"
        "print(status, *sorted(sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    status, *modules = done.stdout.splitlines()[-1].split()
    assert status == "0", done.stdout + done.stderr
    return set(modules)


def loaded_after(args: list[str]) -> set[str]:
    """The top-level packages loaded (docx, PIL, textual…)."""
    return {m.split(".")[0] for m in loaded_modules_after(args)}


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


# The other verbs' modules: the county's sync pulls in ssl and http.client.
OTHER_VERBS = {"ssl", "http", "meeting_tui.verbs.county_verbs", "meeting_tui.verbs.owners_verb"}


@pytest.mark.parametrize("lead", [[], ["--lang", "en"], ["--lang=en"], ["--la", "en"]])
def test_list_imports_only_its_own_verb_module(lead: list[str], tmp_path: Path) -> None:
    modules = loaded_modules_after([*lead, "--data-dir", str(tmp_path), "list"])
    assert "meeting_tui.verbs.archive_verbs" in modules
    assert modules & OTHER_VERBS == set()


def test_each_verb_module_adds_the_verbs_the_cli_sends_it() -> None:
    """`cli.VERB_MODULES` names, for each verb, the one module imported to run it."""
    import argparse

    from meeting_tui import cli

    for name in set(cli.VERB_MODULES.values()):
        parser = argparse.ArgumentParser()
        verbs = parser.add_subparsers(dest="verb")
        (module,) = cli.verb_modules([next(v for v, m in cli.VERB_MODULES.items() if m == name)])
        module.add(verbs)
        assert set(verbs.choices) == {v for v, m in cli.VERB_MODULES.items() if m == name}


def test_help_and_a_mistyped_verb_still_list_every_verb(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from meeting_tui import cli

    for argv in (["--help"], ["expor"]):
        with pytest.raises(SystemExit):
            cli.main(argv)
        shown = capsys.readouterr()
        for verb in cli.VERB_MODULES:
            assert verb in shown.out + shown.err


def test_backlog_imports_neither_the_commands_nor_the_meeting_service(tmp_path: Path) -> None:
    """It only prints the kept list: what `new` and `open` need stays out of its start-up."""
    modules = loaded_modules_after(["--data-dir", str(tmp_path), "backlog"])
    assert "meeting_tui.verbs.backlog_verb" in modules
    heavy = {
        "meeting_tui.domain.commands",
        "meeting_tui.store.live",
        "meeting_tui.verbs.archive_verbs",
    }
    assert modules & (heavy | OTHER_VERBS) == set()
