"""Layout lives in .tcss files: each screen and dialog its own (CSS_PATH), the widgets and the
app-wide rules in tui/app.tcss, the public view in present_app.tcss; no DEFAULT_CSS anywhere.

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


def test_no_widget_carries_default_css_and_the_apps_load_their_stylesheets() -> None:
    from textual.widget import Widget

    import meeting_tui.tui.widgets
    from meeting_tui.tui.app import MeetingApp
    from meeting_tui.tui.present_app import PresentApp

    widgets = _classes(meeting_tui.tui.widgets, Widget) + _classes(meeting_tui.tui.dialogs, Widget)
    assert len(widgets) >= 10
    assert [cls.__name__ for cls in widgets if "DEFAULT_CSS" in vars(cls)] == []
    folder = Path(inspect.getfile(MeetingApp)).parent
    for app in (MeetingApp, PresentApp):
        paths = app.CSS_PATH if isinstance(app.CSS_PATH, list) else [app.CSS_PATH]
        assert "app.tcss" in [str(p) for p in paths]
        assert all((folder / str(p)).is_file() for p in paths)
    rules = (folder / "app.tcss").read_text(encoding="utf-8")
    for name in ("VotePanel", "MotionTable", "HeaderBar", "FloorStrip", "ChoiceField"):
        assert f"\n{name} {{" in rules, name
