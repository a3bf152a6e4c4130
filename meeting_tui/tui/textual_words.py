"""Textual's own words in the app's language (system commands, ^p, ctrl+c), and whole CJK toasts.

Textual ships these in English ("Keys", "Screenshot", "^p palette", "Press
[b]ctrl+q[/b] to quit the app"); a Chinese screen must not switch language
at its edges. The commands keep Textual's callbacks; only the words change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from rich.align import Align
from rich.cells import cell_len
from rich.text import Text
from textual.app import App, SystemCommand
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets._toast import Toast, ToastHolder, ToastRack
from textual.widgets.option_list import Option

from meeting_tui import i18n
from meeting_tui.tui.dialogs.help import HelpScreen, screen_rows

# Textual's English titles (App.get_system_commands, Textual 8.2) and the keys that replace them.
SYSTEM_COMMANDS = {
    "Theme": "system.theme",
    "Quit": "system.quit",
    "Keys": "system.keys",
    "Maximize": "system.maximize",
    "Minimize": "system.minimize",
    "Screenshot": "system.screenshot",
}


def translated(commands: Iterable[SystemCommand], screen: Screen[Any]) -> Iterable[SystemCommand]:
    """Textual's system commands with the catalogue's title and help; others pass unchanged.

    "Keys" opens the screen's own help where it has one: Textual's key panel
    lists its widgets' keys in English ("Cursor up", "Select").
    """
    for command in commands:
        key = SYSTEM_COMMANDS.get(command.title)
        if key is None:
            yield command
            continue
        command = command._replace(title=i18n.t(key), help=i18n.t(f"{key}.help"))
        if key == "system.keys":
            command = command._replace(callback=_own_help(screen))
        yield command


def _own_help(screen: Screen[Any]) -> Callable[[], object]:
    """The screen's own help where it has one, else a help built from its key table."""
    if hasattr(screen, "action_help"):
        return lambda: screen.run_action("help")
    return lambda: screen.app.push_screen(HelpScreen(screen_rows(screen)))


def theme_label(name: str) -> str:
    """A theme's name as the facilitator reads it (深色, 浅色, 强光); another theme keeps its own."""
    label = i18n.t(f"theme.{name}")
    return name if label == f"theme.{name}" else label


def theme_choices(app: App[Any], names: Iterable[str]) -> list[tuple[str, Any, str]]:
    """The themes the palette offers (the ones whose contrast is checked), as palette items."""

    def choose(name: str) -> Any:
        return lambda: setattr(app, "theme", name)

    return [(theme_label(name), choose(name), name) for name in names]


def quit_key(app: App[Any]) -> str:
    """The key that quits here, as the footer shows it (`q` on the session screen, else ^q)."""
    for key, active in app.active_bindings.items():
        if active.binding.action in ("quit", "app.quit"):
            return app.get_key_display(active.binding) or key
    return "ctrl+q"


# -- notifications over pane borders -----------------------------------------
#
# Textual draws each screen line in pieces cut where any widget starts or ends,
# also widgets lying under a toast; a double-width character on such a cut is
# split into two blanks ("已超过 20   钟", Textual issue #6357). The message is
# therefore laid out here, line by line, with a blank before any character that
# would sit on a cut, so every character lands whole.


def toast_text_columns(screen_width: int) -> tuple[int, int]:
    """First column and width of a toast's text (Textual 8.2 Toast: 60 wide, at most half the rack).

    The rack keeps a two-cell scrollbar gutter; the toast has a one-cell left
    bar and one cell of padding each side.
    """
    rack = max(0, screen_width - 2)
    toast = min(60, rack // 2)
    return rack - toast + 2, max(1, toast - 3)


def widget_edges(screen: Screen[Any], rows: range) -> set[int]:
    """Every column where a widget on `screen` starts or ends on `rows` (where Textual cuts lines)."""
    edges: set[int] = set()
    for widget in screen.query("*"):
        region = widget.region
        if not region.width or isinstance(widget, ToastRack | ToastHolder | Toast):
            continue
        if region.y < rows.stop and region.bottom > rows.start:
            edges.update((region.x, region.right))
    return edges


def clear_of_edges(message: str, x0: int, width: int, edges: set[int]) -> str:
    """`message` wrapped to `width` cells from column `x0`, no wide character across an edge."""
    out: list[str] = []
    for paragraph in message.split("\n"):
        line: list[str] = []
        used = 0
        for ch in paragraph:
            cells = cell_len(ch)
            if cells == 2 and x0 + used + 1 in edges and used + 1 < width:
                line.append(" ")  # step over the cut
                used += 1
            if used + cells > width:
                out.append("".join(line).rstrip())
                line, used = [], 0
                if ch == " ":
                    continue
                if cells == 2 and x0 + 1 in edges:
                    line, used = [" "], 1
            line.append(ch)
            used += cells
        out.append("".join(line).rstrip())
    return "\n".join(out)


def toast_message(app: App[Any], message: str, title: str = "") -> tuple[str, str]:
    """The message (and title) as a new toast on the current screen shows them whole.

    A new toast goes to the bottom of the rack, just above the footer: its
    rows depend on how many lines it wraps to, and the wrapping on the edges
    in those rows, so the layout is redone until the two agree.
    """
    x0, width = toast_text_columns(app.size.width)
    bottom = app.size.height - 1  # the rack keeps the footer line free
    shown, heading, lines = message, title, 1
    for _ in range(4):
        rows = range(max(0, bottom - lines - 2), bottom)  # one line of padding above and below
        edges = widget_edges(app.screen, rows)
        shown = clear_of_edges(message, x0, width, edges)
        heading = clear_of_edges(title, x0, width, edges) if title else ""
        needed = shown.count("\n") + 1 + (heading.count("\n") + 1 if heading else 0)
        if needed == lines:
            break
        lines = needed
    return shown, heading


class Palette(CommandPalette):
    """Textual's command palette, saying "no matches" in the app's language.

    Textual 8.2 writes "No matches found" in English in its countdown (a private
    method): this is the same countdown with the catalogue's words.
    """

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:  # browsing with an empty search: nothing to say
                self._list_visible = False
                return
            text = Text(i18n.t("palette.no_matches"), style="not bold")
            option = Option(Align.center(text), disabled=True, id=self._NO_MATCHES)
            self.query_one(CommandList).add_option(option)
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
