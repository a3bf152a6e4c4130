"""The import contracts see every module: each folder of code is a package, each UI module in a layer.

import-linter only sees modules inside packages: a folder without
`__init__.py` (as `tui/screens` once was) drops out of every contract
without a word. These checks fail when a new folder or UI module would.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "meeting_tui"


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, object]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def test_every_folder_of_code_is_a_package() -> None:
    folders = {p.parent for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}
    missing = sorted(str(f.relative_to(ROOT)) for f in folders if not (f / "__init__.py").exists())
    assert not missing, f"add an __init__.py so the import contracts see them: {missing}"


def test_the_ui_layers_name_every_module_of_the_ui() -> None:
    layers = next(c for c in _contracts() if c["type"] == "layers")
    assert layers["containers"] == ["meeting_tui.tui"]
    assert layers.get("exhaustive") is True
    named = {
        part.strip()
        for layer in layers["layers"]
        for part in str(layer).replace("|", ":").split(":")
    }
    tui = PACKAGE / "tui"
    present = {p.stem for p in tui.glob("*.py") if p.stem != "__init__"}
    present |= {p.name for p in tui.iterdir() if (p / "__init__.py").exists()}
    assert present == named


def test_screens_may_not_reach_the_store_files() -> None:
    forbidden = next(c for c in _contracts() if c["name"].startswith("Screens, dialogs"))
    assert set(forbidden["source_modules"]) == {
        "meeting_tui.tui.screens",
        "meeting_tui.tui.dialogs",
        "meeting_tui.tui.widgets",
    }
    for module in ("meeting_tui.store.meeting_file", "meeting_tui.store.storage"):
        assert module in forbidden["forbidden_modules"]
    assert "meeting_tui.store.record_tables" in forbidden["forbidden_modules"]
