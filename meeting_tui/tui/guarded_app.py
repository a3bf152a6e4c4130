"""What both of the project's apps (the chair's and the public view) share: the checked themes
and every frame through the terminal guard."""

from __future__ import annotations

import inspect
from collections.abc import Callable
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
        self.starting = True  # until `Ready`: the frames Textual would drop are not made
        self._after_frame: list[Callable[[], object]] = []
        for registered in REGISTERED:
            self.register_theme(registered)
        # Textual read the variables of its own textual-dark in App.__init__: read them again.
        self.stylesheet.set_variables(self.get_css_variables())

    def on_ready(self) -> None:
        self.starting = False
        self.draw_held_frame()

    def draw_held_frame(self) -> None:
        """The screen whose first frame was not made while the app started is drawn whole."""
        screen = self.screen
        if getattr(screen, "_frame_held", False):
            screen._frame_held = False  # type: ignore[attr-defined]
            screen.refresh()

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

    def call_after_frame(self, callback: Callable[[], object]) -> None:
        """Run `callback` once the next frame is handed to the terminal (not merely laid out).

        Textual's `call_after_refresh` runs when the screen is next idle, which can be
        before it paints: the start screen's first slice of 500 rows ran between its
        first screenful and the frame that shows it (about 18 ms, with 5,000 meetings).
        """
        self._after_frame.append(callback)

    def _display(self, screen: Screen[Any], renderable: Any) -> None:
        """Every frame passes `terminal_guard`: text from a file never steers the terminal."""
        guard_update(renderable)
        super()._display(screen, renderable)
        if renderable is not None and not self._batch_count and self._after_frame:
            waiting, self._after_frame = self._after_frame, []
            for callback in waiting:
                self.call_later(callback)
