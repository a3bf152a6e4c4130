"""What both of the project's apps (the chair's and the public view) share: the checked themes
and every frame through the terminal guard."""

from __future__ import annotations

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

    def choose_theme(self, chosen: str | None) -> None:
        self.theme = chosen if chosen in THEMES else self.FALLBACK_THEME

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **VARIABLE_DEFAULTS}

    def _display(self, screen: Screen[Any], renderable: Any) -> None:
        """Every frame passes `terminal_guard`: text from a file never steers the terminal."""
        guard_update(renderable)
        super()._display(screen, renderable)
