"""Screens and dialogs take their layout from .tcss files (CSS_PATH); widgets keep DEFAULT_CSS.

A CSS_PATH that names a missing file only fails when the screen is first
pushed, so each is checked here, and so is the absence of DEFAULT_CSS on
any screen: layout lives in one place a designer can read.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from textual.screen import Screen

import meeting_tui.tui.dialogs
import meeting_tui.tui.screens


def _classes(package: object, base: type) -> list[type]:
    found = []
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, base) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


SCREENS = _classes(meeting_tui.tui.screens, Screen) + _classes(meeting_tui.tui.dialogs, Screen)


def test_there_are_screens_to_check() -> None:
    names = {cls.__name__ for cls in SCREENS}
    assert {"StartScreen", "SessionScreen", "FormDialog", "ConfirmDialog"} <= names


def test_no_screen_or_dialog_carries_default_css() -> None:
    carrying = [cls.__name__ for cls in SCREENS if "DEFAULT_CSS" in vars(cls)]
    assert carrying == []


def test_every_css_path_names_a_file_beside_its_screen() -> None:
    styled = [cls for cls in SCREENS if "CSS_PATH" in vars(cls)]
    assert len(styled) >= 15
    for cls in styled:
        folder = Path(inspect.getfile(cls)).parent
        paths = cls.CSS_PATH if isinstance(cls.CSS_PATH, list) else [cls.CSS_PATH]
        for path in paths:
            assert (folder / str(path)).is_file(), f"{cls.__name__}: {path} is missing"
