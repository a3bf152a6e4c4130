"""A screen listing rows gathered across the archive (backlog, follow-ups): heading, table, footer.

Subclasses say which columns (and their widths at this screen size) and which
cells each entry has; the table is rebuilt on resize and keeps its cursor row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from meeting_tui import i18n
from meeting_tui.domain import MeetingState
from meeting_tui.store.archive_states import read_states
from meeting_tui.store.errors import StoreError
from meeting_tui.tui import keymap
from meeting_tui.tui.keymap import Key
from meeting_tui.tui.lifecycle_access import app_of

Entry = TypeVar("Entry")


def cut(text: str, style: Style | str = "") -> Text:
    """A cell that ends in … rather than wrapping."""
    return Text(text, style=style, no_wrap=True, overflow="ellipsis")


class ArchiveListScreen(Screen[None], Generic[Entry]):
    CSS_PATH = "archive_list.tcss"
    COMPONENT_CLASSES = {"archive-list--done", "archive-list--alarm", "archive-list--muted"}
    COLUMNS: tuple[str, ...] = ()

    def tone(self, part: str) -> Style:
        """The theme's colour for a done, alarming or settled row (see themes.py)."""
        return self.get_component_rich_style(f"archive-list--{part}", partial=True)

    def __init__(self, keys: tuple[Key, ...], prefix: str, title_key: str, empty_key: str) -> None:
        super().__init__()
        keymap.install(self, keys, prefix)
        self.title_key, self.empty_key = title_key, empty_key
        self.entries: list[Entry] = []

    def compose(self) -> ComposeResult:
        yield Static(i18n.t(self.title_key), id="heading")
        yield Static("", id="problems")
        yield Static(i18n.t(self.empty_key), id="empty")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(DataTable).focus()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show())

    def on_resize(self) -> None:
        self.show()

    def room(self) -> int:
        """Cells left for the columns once the scrollbar and cell padding are paid for."""
        return self.size.width - 2 - 2 * len(self.COLUMNS)

    def widths(self) -> dict[str, int]:
        raise NotImplementedError

    def cells(self, entry: Entry) -> Sequence[Text | str]:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def show(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        widths = self.widths()
        for key in self.COLUMNS:
            table.add_column(i18n.t(key), key=key, width=widths[key])
        for n, entry in enumerate(self.entries):
            table.add_row(*self.cells(entry), key=str(n))
        if self.entries:
            table.move_cursor(row=min(max(row, 0), len(self.entries) - 1), animate=False)
        self.query_one("#empty").display = not self.entries

    def read_archive(self) -> list[MeetingState]:
        """Every meeting of the archive that can be read; the others are named above the table."""
        try:
            states, problems = read_states(app_of(self).archive)
        except StoreError as error:  # the archive list itself cannot be read
            states, problems = [], [error]
        self.show_problems([problem.message() for problem in problems])
        return states

    def show_problems(self, problems: Sequence[str]) -> None:
        """Meetings that could not be read, one line each: a cross-archive view hides none."""
        box = self.query_one("#problems", Static)
        box.update(Text("\n".join(f"⚠ {p}" for p in problems)))
        box.display = bool(problems)

    def selected(self) -> Entry | None:
        table = self.query_one(DataTable)
        if not self.entries or table.row_count == 0:
            return None
        return self.entries[table.cursor_row]

    def action_back(self) -> None:
        self.app.pop_screen()
