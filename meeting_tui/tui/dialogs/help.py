"""The help screen, generated from the same key table as the footer and the palette."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from meeting_tui import i18n
from meeting_tui.tui.keymap import SESSION_KEYS, Key, shown_key


def help_table(keys: tuple[Key, ...] = SESSION_KEYS) -> Table:
    table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    table.add_column()  # the group, in the text colour: "dim" read at 3:1 in sunlight
    for k in keys:
        table.add_row(shown_key(k), i18n.t(k.description), i18n.t(k.group))
    return table


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 70; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    """
    BINDINGS = [Binding("escape,q,question_mark,f1", "close", show=False)]

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = i18n.t("help.title")
            box.border_subtitle = i18n.t("help.close")
            yield Static(help_table())

    def action_close(self) -> None:
        self.dismiss(None)
