"""The agenda at the meeting: go to any item, move items up and down, skip or add one.

Every change is a domain command stored before the list shows it, and undone
with `u` on the session screen like any other step.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from meeting_tui import i18n
from meeting_tui.domain import ItemState, label
from meeting_tui.domain import commands as c
from meeting_tui.tui.dialogs.form import Field, FormDialog
from meeting_tui.tui.dialogs.form_answers import ItemAnswers
from meeting_tui.tui.dialogs.list_dialog import ListDialog
from meeting_tui.tui.recording import Make, problem
from meeting_tui.tui.widgets.agenda_pane import MARKS
from meeting_tui.tui.widgets.text_table import TextTable


class AgendaDialog(ListDialog):
    CSS_PATH = "agenda_dialog.tcss"
    BINDINGS = [
        Binding("K,ctrl+up", "move(-1)", show=False),
        Binding("J,ctrl+down", "move(1)", show=False),
        Binding("s", "skip", show=False),
        Binding("i,a", "add", show=False),
        Binding("escape,g", "close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = i18n.t("agenda.dialog.title")
            yield TextTable(cursor_type="row", id="agenda-items")
            yield Static(i18n.t("agenda.dialog.keys"), classes="hint", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("#", key="n", width=3)
        table.add_column(i18n.t("col.status"), key="state", width=6)
        # The box is 90% of the screen (at most 100) less its border and padding; the
        # other columns and the cell padding take 21: the title gets the rest, no sideways scroll.
        box = min(100, self.app.size.width * 9 // 10)
        table.add_column(i18n.t("form.item.name"), key="title", width=max(16, box - 4 - 21 - 2))
        table.add_column(i18n.t("col.minutes"), key="minutes", width=4)
        active = self.live.state.active_item
        self.show(self.live.state.items.index(active) if active else 0)
        table.focus()

    def show(self, row: int) -> None:
        table = self.query_one(DataTable)
        table.clear()
        items = self.live.state.items
        for n, item in enumerate(items, start=1):
            style = "bold" if item.state is ItemState.ACTIVE else ""
            table.add_row(
                str(n),
                f"{MARKS[item.state]} {label(item.state)}",
                Text(item.title, no_wrap=True, overflow="ellipsis", style=style),
                str(item.timebox_min or ""),
                key=item.id,
            )
        if items:
            table.move_cursor(row=max(0, min(row, len(items) - 1)), animate=False)

    @on(DataTable.RowSelected)
    def _go(self, event: DataTable.RowSelected) -> None:
        """Enter: this item now (the current one waits as pending, its time kept)."""
        event.stop()
        item_id = self.selected()
        if item_id is not None and self._run(lambda s: c.activate_item(s, item_id)):
            self.dismiss(None)

    def action_move(self, step: int) -> None:
        item_id = self.selected()
        if item_id is None:
            return
        index = self.query_one(DataTable).cursor_row + step
        if 0 <= index < len(self.live.state.items):
            self._run(lambda s: c.move_item(s, item_id, index), index)

    def action_skip(self) -> None:
        item_id = self.selected()
        state = self.live.state
        if item_id is None:
            return
        active = state.active_item
        if active is not None and active.id == item_id:
            self._run(c.skip_current)
        else:
            self._run(lambda s: c.skip_item(s, item_id))

    def action_add(self) -> None:
        """A new item right after the selected one (or the first, on an empty agenda)."""
        row = self.query_one(DataTable).cursor_row + 1 if self.live.state.items else 0
        fields = [
            Field("title", i18n.t("form.item.name")),
            Field("minutes", i18n.t("form.item.minutes")),
            Field("notes", i18n.t("form.item.notes")),
        ]

        def make(a: ItemAnswers) -> Make:
            return lambda s: c.add_item(s, a.title, a.minutes, a.notes, position=row)

        def done(a: ItemAnswers | None) -> None:
            if a is not None:
                self._run(make(a), row)

        def check(a: ItemAnswers) -> str | None:
            return problem(self.live, make(a))

        title = i18n.t("form.agenda_item.title")
        self.app.push_screen(FormDialog(title, fields, ItemAnswers.read, check), done)
