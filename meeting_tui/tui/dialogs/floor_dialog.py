"""The speakers' queue of the matter in discussion: reorder, remove, or call someone out of turn.

Every change is a domain command stored before the list shows it, and undone
with `u` on the session screen like any other step. Calling someone other
than the suggested next speaker is recorded as the chair's override.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from meeting_tui import i18n
from meeting_tui.domain import commands as c
from meeting_tui.domain import label
from meeting_tui.domain.floor import suggest_next
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.dialogs.list_dialog import ListDialog
from meeting_tui.tui.widgets.floor_strip import subject_name
from meeting_tui.tui.widgets.text_table import TextTable


class FloorDialog(ListDialog):
    CSS_PATH = "floor_dialog.tcss"
    BINDINGS = [
        Binding("K,ctrl+up", "move(-1)", show=False),
        Binding("J,ctrl+down", "move(1)", show=False),
        Binding("x,delete", "remove", show=False),
        Binding("escape,F", "close", show=False),
    ]

    def __init__(self, live: LiveMeeting, subject: str) -> None:
        super().__init__(live)
        self.subject = subject

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            name = subject_name(self.live.state, self.subject)
            box.border_title = i18n.t("floor.dialog.title", subject=name)
            yield TextTable(cursor_type="row", id="floor-queue")
            yield Static(i18n.t("floor.dialog.empty"), id="floor-empty", classes="hint")
            yield Static(i18n.t("floor.dialog.keys"), classes="hint", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("#", key="n", width=3)
        table.add_column(i18n.t("col.speaker"), key="name", width=24)
        table.add_column(i18n.t("form.speaker.party"), key="party", width=12)
        table.add_column(i18n.t("col.stance"), key="stance", width=10)
        table.add_column("", key="mark", width=10)
        self.show(0)
        table.focus()

    def show(self, row: int) -> None:
        table = self.query_one(DataTable)
        table.clear()
        floor = self.live.state.floor
        waiting = floor.waiting(self.subject)
        suggested = suggest_next(floor, self.subject)
        for n, speech in enumerate(waiting, start=1):
            stance = (
                i18n.t("floor.point_of_order") if speech.point_of_order else label(speech.stance)
            )
            mark = "▶ " + i18n.t("floor.strip.next") if suggested is speech else ""
            if speech.over_cap:
                mark += "⚠"
            table.add_row(
                str(n),
                Text(speech.name, no_wrap=True, overflow="ellipsis"),
                label(speech.party),
                stance,
                mark,
                key=speech.id,
            )
        self.query_one("#floor-empty").display = not waiting
        if waiting:
            table.move_cursor(row=max(0, min(row, len(waiting) - 1)), animate=False)

    @on(DataTable.RowSelected)
    def _call(self, event: DataTable.RowSelected) -> None:
        """Enter: this speaker has the floor now (out of the suggested order if so)."""
        event.stop()
        speaker_id = self.selected()
        if speaker_id is not None and self._run(lambda s: c.start_speaker(s, speaker_id)):
            self.dismiss(None)

    def action_move(self, step: int) -> None:
        speaker_id = self.selected()
        if speaker_id is not None:
            row = self.query_one(DataTable).cursor_row + step
            self._run(lambda s: c.move_speaker(s, speaker_id, step), row)

    def action_remove(self) -> None:
        speaker_id = self.selected()
        if speaker_id is not None:
            self._run(lambda s: c.remove_speaker(s, speaker_id))
