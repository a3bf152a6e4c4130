"""The agenda: items with their state marks and time boxes; the active one stands out."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from meeting_tui import i18n
from meeting_tui.domain import AgendaItem, ItemState, MeetingState
from meeting_tui.tui.widgets.changed_rows import ChangedRows
from meeting_tui.tui.widgets.header_bar import clock_text, redraw

MARKS = {ItemState.DONE: "✓", ItemState.ACTIVE: "▶", ItemState.PENDING: "·", ItemState.SKIPPED: "–"}


def item_time(item: AgendaItem, now: datetime) -> str:
    """`12:00/20:00` for the active item, the time box alone for the others."""
    box = f"{item.timebox_min}′" if item.timebox_min else ""
    if item.state is ItemState.ACTIVE or item.elapsed_s:
        spent = clock_text(item.elapsed(now))
        return f"{spent}/{item.timebox_min:02d}:00" if item.timebox_min else spent
    return box


class AgendaPane(ChangedRows):
    COMPONENT_CLASSES = {"agenda-pane--active", "agenda-pane--overtime", "agenda-pane--finished"}

    def on_mount(self) -> None:
        self.border_title = i18n.t("pane.agenda")

    def show(self, state: MeetingState, now: datetime) -> None:
        """One line per item; the active one gets a second line with its time against the box.

        Not while hidden (at 80 columns, where the strip shows the active item): 50 items
        were written out on every command and every tick of the clock for nobody. The
        screen shows it again as it widens (SessionScreen.on_resize → refresh_panes).
        """
        if self.styles.display == "none":
            return
        text = Text(no_wrap=True, overflow="ellipsis")
        for n, item in enumerate(state.items, start=1):
            part = ""
            if item.state is ItemState.ACTIVE:
                part = "overtime" if item.overtime(now) else "active"
            elif item.state in (ItemState.DONE, ItemState.SKIPPED):
                part = "finished"
            style = (
                self.get_component_rich_style(f"agenda-pane--{part}", partial=True) if part else ""
            )
            text.append(f"{MARKS[item.state]} {n} {item.title}\n", style=style)
            if item.state is ItemState.ACTIVE:
                overtime = f" {i18n.t('agenda.overtime')}" if item.overtime(now) else ""
                text.append(f"    {item_time(item, now)}{overtime}\n", style="bold")
        # The pane's size is set by CSS (26 wide, the body's height): no layout pass per tick,
        # and only the rows that changed are painted again (the active item's time).
        self._draw(text)


class AgendaStrip(Static):
    """At 80 columns the agenda folds into one line under the header."""

    def show(self, state: MeetingState, now: datetime) -> None:
        item = state.active_item
        if item is None:
            redraw(self, i18n.t("agenda.none"))
            self.remove_class("-overtime")
            return
        n = state.items.index(item) + 1
        line = i18n.t("agenda.strip", n=n, total=len(state.items), title=item.title)
        line = f"▶ {line}  {item_time(item, now)}"
        if item.overtime(now):
            line += f"  {i18n.t('agenda.overtime')}"
        self.set_class(item.overtime(now), "-overtime")
        redraw(self, Text(line, no_wrap=True, overflow="ellipsis"))  # one line: no layout
