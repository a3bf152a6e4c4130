"""`P` on the session screen: how to open the public view, and what it emphasises.

The command line is exact for this meeting (with `--data-dir` when the data
folder is not the one a plain second terminal would use), ready to paste. The
emphasis is display state (`store.follow`), saved by the chair's window; the
public view only reads it.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from meeting_tui import i18n, locations
from meeting_tui.store.follow import EMPHASES
from meeting_tui.tui.dialogs.choice import ChoiceField


def present_command(root: Path, meeting_id: str) -> str:
    """`meeting-tui present ID`, with `--data-dir` unless `root` is the default data folder."""
    words = ["meeting-tui"]
    if Path(root).resolve() != locations.default_data_directory().resolve():
        words += ["--data-dir", str(root)]
    words += ["present", meeting_id]
    return shlex.join(words)


class PresentDialog(ModalScreen[str | None]):
    """The command to paste, and a choice of emphasis; Enter returns it, Esc returns None."""

    CSS_PATH = "present_dialog.tcss"
    BINDINGS = [Binding("escape", "dismiss_none", show=False)]

    def __init__(self, command: str, emphasis: str) -> None:
        super().__init__()
        self.command = command
        self.emphasis = emphasis

    def compose(self) -> ComposeResult:
        options = [(i18n.t(f"present.emphasis.{e}"), e) for e in EMPHASES]
        with Vertical():
            yield Static(Text(i18n.t("present.dialog.title"), style="bold"))
            yield Static(Text(i18n.t("present.dialog.command")))
            yield Static(Text(self.command), id="command")
            yield Static(Text(i18n.t("present.dialog.emphasis")))
            yield ChoiceField(options, self.emphasis, id="emphasis")
            yield Static(Text(i18n.t("present.dialog.hint")), id="hint")

    def on_mount(self) -> None:
        self.query_one(ChoiceField).focus()

    def on_choice_field_submitted(self, event: ChoiceField.Submitted) -> None:
        event.stop()
        self.dismiss(event.choice.value)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
