"""The motions of the active item (or of the whole meeting), one row each."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from meeting_tui import i18n
from meeting_tui.domain import MeetingState, Motion, MotionState, label

STATE_STYLE = {
    MotionState.PASSED: "bold green",
    MotionState.REJECTED: "bold red",
    MotionState.DEFERRED: "yellow",
    MotionState.WITHDRAWN: "dim",
    MotionState.ANSWERED: "cyan",
    MotionState.RAISED: "",
}


class MotionTable(DataTable[Text | str]):
    DEFAULT_CSS = """
    MotionTable { height: 1fr; border: round $primary 50%; }
    MotionTable:focus { border: round $accent; }
    """

    @dataclass
    class MotionSelected(Message):
        motion_id: str | None

    def __init__(self) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, cell_padding=0, id="motions")
        self._ids: list[str] = []
        self._columns_for = -1

    # Fixed widths in cells; the motion text takes what is left, so counts are never pushed off.
    WIDTHS = {"number": 3, "proposer": 9, "state": 7, "for": 5, "against": 5, "abstain": 5}

    def _add_columns(self) -> None:
        fixed = sum(self.WIDTHS.values()) + 4  # border and scrollbar
        text_width = max(8, self.size.width - fixed)
        self._columns_for = self.size.width
        for key in ("number", "text", "proposer", "state", "for", "against", "abstain"):
            width = text_width if key == "text" else self.WIDTHS[key]
            self.add_column(i18n.t(f"col.{key}"), key=key, width=width)

    def show(self, state: MeetingState, show_all: bool, selected: str | None) -> None:
        item = state.active_item
        if show_all or item is None:
            motions = list(state.motions.values())
            self.border_title = i18n.t("pane.motions_all" if show_all else "pane.motions_none")
        else:
            motions = state.motions_of(item.id)
            n = state.items.index(item) + 1
            self.border_title = i18n.t("pane.motions", n=n, title=item.title)
        ids = [m.id for m in motions]
        self.clear(columns=self._columns_for != self.size.width)
        if not self.columns:
            self._add_columns()
        for motion in motions:
            self.add_row(*self._cells(motion), key=motion.id)
        self._ids = ids
        if selected in ids:
            self.move_cursor(row=ids.index(selected), animate=False)

    @staticmethod
    def _cells(m: Motion) -> list[Text | str]:
        vote = m.vote
        counts = (
            [str(vote.in_favour), str(vote.against), str(vote.abstain)] if vote else ["", "", ""]
        )
        return [
            str(m.number),
            Text(m.text, no_wrap=True, overflow="ellipsis"),
            Text(m.proposer, no_wrap=True, overflow="ellipsis"),
            Text(label(m.state), style=STATE_STYLE[m.state]),
            *counts,
        ]

    @property
    def selected_id(self) -> str | None:
        if not self._ids or self.cursor_row < 0 or self.cursor_row >= len(self._ids):
            return None
        return self._ids[self.cursor_row]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.MotionSelected(self.selected_id))
