"""A one-line choice for forms: ← → (or space) step through the options.

Fits the one-line rows of the compact forms at 80×24, where a drop-down list
would need room the screen does not have.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from meeting_tui.tui.widgets.focus_look import FocusLook


class ChoiceField(FocusLook, Static, can_focus=True):
    BINDINGS = [
        Binding("right,space,plus", "step(1)", show=False),
        Binding("left,minus", "step(-1)", show=False),
        Binding("enter", "submit", show=False),
    ]

    @dataclass
    class Submitted(Message):
        """Enter on the choice: the form confirms, as Enter in any of its text fields does."""

        choice: ChoiceField

    def __init__(self, options: list[tuple[str, str]], value: str, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.options = options
        values = [v for _, v in options]
        self.index = values.index(value) if value in values else 0

    @property
    def value(self) -> str:
        return self.options[self.index][1]

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        label = self.options[self.index][0]
        self.update(Text(f"‹ {label} ›  ({self.index + 1}/{len(self.options)})", no_wrap=True))

    def action_step(self, step: int) -> None:
        self.index = (self.index + step) % len(self.options)
        self._show()

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self))
