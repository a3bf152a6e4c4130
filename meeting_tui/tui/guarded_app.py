"""What both of the project's apps (the chair's and the public view) share: the checked themes
and every frame through the terminal guard."""

from __future__ import annotations

import inspect
from pathlib import Path, PurePath
from typing import Any

from textual.app import App
from textual.screen import Screen

from meeting_tui.tui.terminal_guard import guard_update
from meeting_tui.tui.theme_names import THEMES
from meeting_tui.tui.themes import REGISTERED, VARIABLE_DEFAULTS


class GuardedApp(App[None]):
    CSS_PATH = ["app.tcss"]  # beside this module: every rule that is not one screen's
    FALLBACK_THEME = "textual-dark"  # a theme name that is not one of THEMES falls back to this

    def __init__(self) -> None:
        super().__init__()
        for registered in REGISTERED:
            self.register_theme(registered)
        # Textual read the variables of its own textual-dark in App.__init__: read them again.
        self.stylesheet.set_variables(self.get_css_variables())

    def read_with_own(self, screen: type[Screen[Any]]) -> None:
        """Read `screen`'s stylesheet files with the app's own, when the app starts.

        Pushed once the app's stylesheet is parsed and applied, a screen with files of
        its own makes Textual read them, parse every source again and restyle the app
        (`App._load_screen_css`, Textual 8.2.8, pinned): about 8 ms before the first
        frame of a cold `open`. Read with the app's, they are parsed once with them,
        and the push finds them there (`Stylesheet.has_source`). Paths resolve as
        Textual's `Screen.__init__` resolves them, beside the screen's module.
        """
        paths = screen.CSS_PATH
        beside = Path(inspect.getfile(screen)).parent
        for path in [paths] if isinstance(paths, (str, PurePath)) else list(paths or []):
            resolved = Path(path) if Path(path).is_absolute() else (beside / path).resolve()
            if resolved not in self.css_path:
                self.css_path.append(resolved)

    def choose_theme(self, chosen: str | None) -> None:
        self.theme = chosen if chosen in THEMES else self.FALLBACK_THEME

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **VARIABLE_DEFAULTS}

    def _display(self, screen: Screen[Any], renderable: Any) -> None:
        """Every frame passes `terminal_guard`: text from a file never steers the terminal."""
        guard_update(renderable)
        super()._display(screen, renderable)
