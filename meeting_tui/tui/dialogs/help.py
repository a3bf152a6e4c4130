"""The help screen, generated from the same key table as the footer and the palette."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from meeting_tui import i18n
from meeting_tui.tui.keymap import SESSION_KEYS, Key, shown_key

Row = tuple[str, str, str]  # key as shown, what it does, its group


def session_rows(keys: tuple[Key, ...] = SESSION_KEYS) -> list[Row]:
    return [(shown_key(k), i18n.t(k.description), i18n.t(k.group)) for k in keys]


def screen_rows(screen: Screen[Any]) -> list[Row]:
    """The keys a screen has from its key table (keymap.bindings gives them an id),
    in the app's language; widgets' own keys (Textual's English "Cursor up") are left out."""
    rows: list[Row] = []
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.id and binding.description:
            rows.append((binding.key_display or key, binding.description, binding.tooltip))
    return rows


def help_table(rows: list[Row]) -> Table:
    table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    table.add_column()  # the group, in the text colour: "dim" read at 3:1 in sunlight
    for row in rows:
        table.add_row(*row)
    return table


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,q,question_mark,f1", "close", show=False)]

    def __init__(self, rows: list[Row] | None = None) -> None:
        super().__init__()
        self.rows = session_rows() if rows is None else rows

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = i18n.t("help.title")
            box.border_subtitle = i18n.t("help.close")
            yield Static(help_table(self.rows))

    def action_close(self) -> None:
        self.dismiss(None)
