"""The headless core never pulls in Textual (DESIGN §4), checked two ways.

Each package is imported in a fresh interpreter, so nothing this test process
already imported can hide a stray `import textual`; and the import-linter
contracts in pyproject.toml are run as `make lint` runs them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEADLESS = [
    "meeting_tui.domain",
    "meeting_tui.store",
    "meeting_tui.minutes",
    "meeting_tui.publicity",
    "meeting_tui.county",
]


def _imports_textual(module: str) -> bool:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() in ("True", "False"), out.stdout
    return out.stdout.strip() == "True"


@pytest.mark.parametrize("module", HEADLESS)
def test_headless_package_does_not_import_textual(module: str) -> None:
    assert not _imports_textual(module)


def test_the_check_can_fail() -> None:
    """The subprocess check does see textual when something imports it."""
    assert _imports_textual("textual")


def test_import_linter_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    assert lint_imports.exists(), f"{lint_imports} missing: install the dev extra"
    out = subprocess.run(
        [str(lint_imports), "--no-cache"], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout
    # Both contracts ran, and the first covers every headless package.
    assert "The headless core never imports textual KEPT" in out.stdout
    assert "The domain is pure: no store, no UI KEPT" in out.stdout


def test_textual_contract_names_every_headless_package() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    textual = next(c for c in contracts if "textual" in c["forbidden_modules"])
    assert set(textual["source_modules"]) >= set(HEADLESS)
