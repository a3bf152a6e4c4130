"""A dialog over one list of the meeting (the agenda, the speakers' queue) changed by commands.

Each change is a domain command stored before the list shows it again, the
cursor kept on the row it moved to; the session's `u` undoes it like any step.
"""

from __future__ import annotations

from textual.screen import ModalScreen
from textual.widgets import DataTable

from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.recording import Make, record


class ListDialog(ModalScreen[None]):
    def __init__(self, live: LiveMeeting) -> None:
        super().__init__()
        self.live = live

    def show(self, row: int) -> None:
        """Fill the table from the meeting's state, the cursor at `row`."""
        raise NotImplementedError

    def selected(self) -> str | None:
        """The row key (an item's or a speaker's id) under the cursor; None on an empty list."""
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _run(self, make: Make, row: int | None = None) -> bool:
        done = record(self, self.live, make)
        self.show(self.query_one(DataTable).cursor_row if row is None else row)
        return done

    def action_close(self) -> None:
        self.dismiss(None)
