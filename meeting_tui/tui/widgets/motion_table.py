"""The motions of the active item (or of the whole meeting), one row each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.widgets import DataTable

from meeting_tui import i18n
from meeting_tui.domain import MeetingState, Motion, MotionState, label, motions_changed
from meeting_tui.tui.widgets.fixed_width_table import FixedWidthTable
from meeting_tui.tui.widgets.focus_look import FocusLook

# The state word's colour is the theme's (see themes.py); RAISED is plain text.
STATE_CLASS = {
    MotionState.PASSED: "motion-table--passed",
    MotionState.REJECTED: "motion-table--rejected",
    MotionState.DEFERRED: "motion-table--deferred",
    MotionState.WITHDRAWN: "motion-table--withdrawn",
    MotionState.ANSWERED: "motion-table--answered",
}


class _Row(NamedTuple):
    """One motion's cells as last made, with what they were made from."""

    made_from: tuple[object, ...]
    cells: list[Text | str]
    signature: tuple[str, ...]
    lengths: tuple[int, ...]  # each cell's width in terminal cells


class MotionTable(FocusLook, FixedWidthTable):
    COMPONENT_CLASSES = set(STATE_CLASS.values())

    @dataclass
    class MotionSelected(Message):
        motion_id: str | None

    def __init__(self) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, cell_padding=0, id="motions")
        self._ids: list[str] = []
        self._widths_shown: dict[str, int] = {}
        self._width_shown = 0  # the table's width the rows were last made for
        self._signatures: dict[str, tuple[str, ...]] = {}  # what each shown row's cells say
        self._rows: dict[str, _Row] = {}  # each motion's cells, made again only when it changed
        # True within `show`: the cursor moves made there are the screen's, not the chair's.
        self.showing = False
        # A vote or deferral form is open over the table: a click neither moves its cursor
        # (the form would record for one motion while the panel showed another) nor takes
        # the focus from the form's field.
        self._held = False
        self._state_styles: dict[MotionState, tuple[object, Style]] = {}  # `_state_style`
        # What the rows were last drawn from: the state (the same object while the log's
        # steps are applied in place), how many steps it had then, the language, the state
        # words' colours and the width.
        self._drawn_state: MeetingState | None = None
        self._drawn_steps = 0
        self._drawn_for: tuple[object, ...] = ()
        # What the screen last asked to show: drawn once the table has its width.
        self._asked: tuple[MeetingState, bool, str | None] | None = None

    @property
    def held(self) -> bool:
        """A vote or deferral form is open over the table (see `__init__`)."""
        return self._held

    @held.setter
    def held(self, held: bool) -> None:
        self._held = held
        if not held:
            self.show_look()

    def look_unseen(self) -> bool:
        """Under an open form the table keeps the look it had: the form hides nearly all of it,
        and the focus comes back to it as the form closes (focus_look.py)."""
        return self._held or super().look_unseen()

    def _on_focus(self, event: events.Focus) -> None:
        """Textual's `Widget._on_focus` without drawing the whole table again: a new look
        draws it (FixedWidthTable.notify_style_update), the look kept needs nothing drawn."""
        event.prevent_default()
        self.has_focus = True
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))

    def _on_blur(self, event: events.Blur) -> None:
        """As `_on_focus`, for Textual's `Widget._on_blur`."""
        event.prevent_default()
        self.has_focus = False
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))

    def focus_on_click(self) -> bool:
        return not self.held

    def on_click(self, event: events.Click) -> None:
        if self.held:
            event.prevent_default()  # DataTable's own click handler moves the cursor
            event.stop()

    COLUMNS = ("number", "text", "proposer", "state", "for", "against", "abstain")
    PROPOSER_MAX = 10  # cells; a long name is cut with … (the vote panel has it whole)

    def _widths(self, rows: list[_Row]) -> dict[str, int]:
        """Each column as wide as its widest word (plus a gap); the motion text takes the rest.

        At 80 columns the table is 55 cells wide: every cell the number, proposer,
        state and counts do not need goes to the text, which is what the chair reads.
        """
        widths: dict[str, int] = {}
        for i, key in enumerate(self.COLUMNS):
            if key == "text":
                continue
            header = cell_len(i18n.t(f"col.{key}"))
            widest = max([row.lengths[i] for row in rows], default=0)
            widths[key] = max(header, widest) + 1
        widths["proposer"] = min(widths["proposer"], self.PROPOSER_MAX + 1)
        # `size` is the content area: inside the border, beside any scrollbar.
        widths["text"] = max(8, self.size.width - sum(widths.values()))
        return widths

    def show(self, state: MeetingState, show_all: bool, selected: str | None) -> None:
        """Show these motions, changing only the cells that changed.

        A command changes one or two motions, and the next item usually keeps the
        same rows when all are shown: rebuilding 500 rows on every key was most of
        a keystroke's time. The table is rebuilt only when the columns' widths
        change or the rows are not the ones shown plus new ones at the end. While
        the state is the one last shown, only the motions the steps since named
        are looked at (`domain.motions_changed`): at 500 motions, a vote's pass
        over every row was 1–2 ms of its Enter.
        """
        self._asked = (state, show_all, selected)
        if not self.size.width:
            return  # not laid out yet: the text column's width is not known (see _size_updated)
        self.showing = True
        try:
            self._show(state, show_all, selected)
        finally:
            self.showing = False

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """The rows made for the width the table now has, within the layout pass that gave it.

        The screen fills its panes at mount, before the table is laid out; made for a
        text column of no width and made again on the `Resize` that follows, the rows
        came a frame after the first one (and a cold `open`'s fill was done twice).
        Made here, the frame this pass paints has them. Textual 8.2.8, pinned.
        """
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if self._asked is not None and self.size.width and self.size.width != self._width_shown:
            state, show_all, selected = self._asked
            self.show(state, show_all, self.selected_id or selected)  # the cursor stays put
        return changed

    def _show(self, state: MeetingState, show_all: bool, selected: str | None) -> None:
        item = state.active_item
        if show_all or item is None:
            motions = list(state.motions.values())
            title = i18n.t("pane.motions_all" if show_all else "pane.motions_none")
        else:
            motions = state.motions_of(item.id)
            n = state.items.index(item) + 1
            title = i18n.t("pane.motions", n=n, title=item.title)
        if self.border_title != title:
            self.border_title = title
        ids = [m.id for m in motions]
        styles = {kind: self._state_style(kind) for kind in MotionState}
        looks = {kind: (style, str(style)) for kind, style in styles.items()}
        language = i18n.current_language()
        # A command changes one or two motions: only their rows are made again and compared.
        drawn_for = (language, tuple(name for _, name in looks.values()), self.size.width)
        if not (
            state is self._drawn_state
            and drawn_for == self._drawn_for
            and ids == self._ids
            and self._show_changed(
                state, motions_changed(state, self._drawn_steps), looks, language
            )
        ):
            self._show_all_rows(motions, ids, looks, language)
        self._drawn_state, self._drawn_steps, self._drawn_for = state, len(state.history), drawn_for
        if selected in ids and self.cursor_row != ids.index(selected):
            self.move_cursor(row=ids.index(selected), animate=False)

    def _show_all_rows(
        self,
        motions: list[Motion],
        ids: list[str],
        looks: dict[MotionState, tuple[Style | str, str]],
        language: str,
    ) -> None:
        """Every row's cells compared with those shown (most are the cells kept, `_row`)."""
        made = [self._row(m, looks, language) for m in motions]
        rows = [row.cells for row in made]
        signatures = [row.signature for row in made]
        widths = self._widths(made)
        self._width_shown = self.size.width
        kept = len(self._ids)
        if widths != self._widths_shown or ids[:kept] != self._ids:
            self.clear(columns=widths != self._widths_shown)
            if not self.columns:
                for key in self.COLUMNS:
                    self.add_column(i18n.t(f"col.{key}"), key=key, width=widths[key])
                self._widths_shown = widths
            self._signatures = {}
            kept = 0
        for motion_id, row, signature in zip(ids[:kept], rows, signatures, strict=False):
            before = self._signatures.get(motion_id)
            if before == signature:
                continue  # most of the 500: not a cell to compare
            changed = {
                key: row[i]
                for i, key in enumerate(self.COLUMNS)
                if before is None or before[i] != signature[i]
            }
            if changed:  # that row alone is drawn again (FixedWidthTable.update_cells)
                self.update_cells(motion_id, changed)
        for motion_id, row in zip(ids[kept:], rows[kept:], strict=True):
            self.add_row(*row, key=motion_id)
        self._signatures = dict(zip(ids, signatures, strict=True))
        self._ids = ids

    def _show_changed(
        self,
        state: MeetingState,
        changed: frozenset[str],
        looks: dict[MotionState, tuple[Style | str, str]],
        language: str,
    ) -> bool:
        """The rows of the motions the steps since the last show changed, drawn again; False
        (nothing done) when a column's width changes with them: then every row is shown."""
        shown = [motion_id for motion_id in changed if motion_id in self._signatures]
        before = {motion_id: self._rows.get(motion_id) for motion_id in shown}
        made = {
            motion_id: self._row(state.motions[motion_id], looks, language) for motion_id in shown
        }
        resized = any(self._may_resize(before[key], row) for key, row in made.items())
        if resized and self._widths([self._rows[key] for key in self._ids]) != self._widths_shown:
            return False
        for motion_id, row in made.items():
            shown_cells = self._signatures[motion_id]
            cells = {
                key: row.cells[i]
                for i, key in enumerate(self.COLUMNS)
                if shown_cells[i] != row.signature[i]
            }
            if cells:
                self.update_cells(motion_id, cells)
                self._signatures[motion_id] = row.signature
        return True

    def _may_resize(self, before: _Row | None, after: _Row) -> bool:
        """A column may change its width: the row's cell outgrows it, or was its widest and
        shrank (then every row's widths are measured again, `_widths`)."""
        if before is None:
            return True
        for i, key in enumerate(self.COLUMNS):
            if key == "text":
                continue
            width, old, new = self._widths_shown[key], before.lengths[i], after.lengths[i]
            if new + 1 > width or (new < old and old + 1 >= width):
                return True
        return False

    def _state_style(self, state: MotionState) -> Style | str:
        """The state word's colour, kept while its component style is the stylesheet's last.

        Textual keeps these too (`_rich_style_cache`), but empties that on every repaint,
        a changed row's included: each command asked the stylesheet's styles again. Kept
        here against the component's styles object, which every restyle replaces.
        """
        name = STATE_CLASS.get(state)
        if name is None:
            return ""
        source = self._component_styles.get(name)
        kept = self._state_styles.get(state)
        if kept is None or kept[0] is not source:
            kept = (source, self.get_component_rich_style(name, partial=True))
            self._state_styles[state] = kept
        return kept[1]

    def _row(
        self, m: Motion, looks: dict[MotionState, tuple[Style | str, str]], language: str
    ) -> _Row:
        """The motion's cells; those made for the same words and colour are reused.

        A command changes one or two of 500 motions: making every row's Text
        cells and their signature again was most of `]` and of a vote's redraw.
        """
        vote = m.vote
        counts = (
            [str(vote.in_favour), str(vote.against), str(vote.abstain)] if vote else ["", "", ""]
        )
        style, style_name = looks[m.state]
        made_from = (m.number, m.text, m.proposer, m.state, *counts, style_name, language)
        kept = self._rows.get(m.id)
        if kept is not None and kept.made_from == made_from:
            return kept
        cells: list[Text | str] = [
            str(m.number),
            Text(m.text, no_wrap=True, overflow="ellipsis"),
            Text(m.proposer, no_wrap=True, overflow="ellipsis"),
            Text(label(m.state), style=style),
            *counts,
        ]
        lengths = tuple(cell_len(str(cell)) for cell in cells)
        row = _Row(made_from, cells, _signature(cells), lengths)
        self._rows[m.id] = row
        return row

    @property
    def selected_id(self) -> str | None:
        if not self._ids or self.cursor_row < 0 or self.cursor_row >= len(self._ids):
            return None
        return self._ids[self.cursor_row]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.MotionSelected(self.selected_id))


def _signature(row: list[Text | str]) -> tuple[str, ...]:
    """What a row's cells show, colour included (a theme change restyles the state word)."""
    return tuple(c if isinstance(c, str) else f"{c.plain}\x00{c.style}" for c in row)
