"""The roster around the room just entered: its neighbours in roster order, with their answers.

A DataTable of 3,000 rows recomputes every row's offset whenever one cell
changes (measured: most of an answer key's time), so the roster is drawn
as a window instead: only the rows that fit, centred on the current unit.
`↑`/`↓`, `PgUp`/`PgDn`, `Home`/`End` move through it when it has the focus.
Drawing costs the visible rows, whatever the roster's size, and after an
answer only its row is drawn again (`LinePanel`).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import set_cell_size
from rich.text import Text
from textual import events
from textual.binding import Binding

from meeting_tui.domain.owners.roster import Roster, Unit
from meeting_tui.tui.widgets.line_panel import LinePanel

Cells = Callable[[Unit], list[str]]


class RosterWindow(LinePanel, can_focus=True):
    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("pageup", "move(-10)", show=False),
        Binding("pagedown", "move(10)", show=False),
        Binding("home", "move(-1000000)", show=False),
        Binding("end", "move(1000000)", show=False),
    ]

    def __init__(
        self,
        roster: Roster,
        cells: Cells,
        heading: list[str],
        widths: tuple[int, ...],
        **kwargs: str,
    ) -> None:
        super().__init__(**kwargs)
        self.roster = roster
        self.cells = cells
        self.heading = heading
        self.widths = widths
        self.index = 0
        self._position = {unit.id: n for n, unit in enumerate(roster.units)}

    def show_unit(self, unit_id: str) -> None:
        """Centre the window on `unit_id` and redraw the rows that changed (its answer may)."""
        self.index = self._position.get(unit_id, self.index)
        self.show_text(self.rows())

    def action_move(self, step: int) -> None:
        if self.roster.units:
            self.index = max(0, min(len(self.roster.units) - 1, self.index + step))
            self.show_text(self.rows())

    def on_resize(self, _event: events.Resize) -> None:
        self.show_text(self.rows())

    def _line(self, values: list[str]) -> str:
        return " ".join(set_cell_size(v, w) for v, w in zip(values, self.widths, strict=False))

    def rows(self) -> Text:
        """The heading and the rows that fit the current height, centred on the current unit."""
        text = Text(no_wrap=True, overflow="crop")
        text.append(self._line(self.heading) + "\n", style="bold reverse")
        rows = max(0, self.size.height - 1)
        units = self.roster.units
        start = max(0, min(self.index - rows // 2, len(units) - rows))
        for n in range(start, min(len(units), start + rows)):
            style = "bold reverse" if n == self.index else ("dim" if n % 2 else "")
            text.append(self._line(self.cells(units[n])), style=style)
            if n < start + rows - 1:
                text.append("\n")
        return text
