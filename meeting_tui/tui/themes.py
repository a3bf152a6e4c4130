"""Themes: Textual's dark and light, made readable, plus "sunlight", high contrast for a courtyard at noon.

Every colour a widget uses comes from the theme through CSS variables (status
words from `$text-success`, `$text-error`, `$text-warning`, `$text-primary`,
`$text-muted`), so the contrast is settled here, once per theme: at least
7:1 for all text in sunlight and 4.5:1 (WCAG AA) in dark and light, measured
on the rendered screens by tests/tui/test_tui_contrast.py. Textual's own
dark and light are re-registered under their names with the few variables
that fell short; a config that remembers "textual-dark" keeps working.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.theme import Theme as RichTheme
from textual.color import Color
from textual.theme import BUILTIN_THEMES, Theme


def _amended(theme: Theme, variables: dict[str, str]) -> Theme:
    return replace(theme, variables={**theme.variables, **variables})


DARK = _amended(
    BUILTIN_THEMES["textual-dark"],
    {
        # The selected row: light text on #0178d4 was 3.8:1.
        "block-cursor-background": "#005fa8",
        "block-cursor-foreground": "#ffffff",
        "text-muted": "#a0a0a0",
        "text-error": "#ef8fa3",
        "input-selection-background": "#005fa8",
    },
)

LIGHT = _amended(
    BUILTIN_THEMES["textual-light"],
    {
        # Green, amber and the footer's keys were 2.6–3.8:1 on the light greys.
        "text-success": "#1d5e2e",
        "text-warning": "#7a4800",
        "text-accent": "#7a4800",
        "text-muted": "#4d4d4d",
        "footer-key-foreground": "#004f8b",
        "input-selection-background": "#9fc3e6",
    },
)

SUNLIGHT = Theme(
    name="sunlight",
    primary="#000000",
    secondary="#003399",
    accent="#0033cc",
    warning="#8a4b00",
    error="#b00000",
    success="#006400",
    foreground="#000000",
    background="#ffffff",
    surface="#ffffff",
    panel="#e6e6e6",
    boost="#f0f0f0",
    dark=False,
    variables={
        "footer-key-foreground": "#000000",
        "footer-description-foreground": "#000000",
        "block-cursor-background": "#000000",
        "block-cursor-foreground": "#ffffff",
        "input-selection-background": "#0033cc 20%",
        "text-muted": "#444444",
    },
)


# The app's own variables, for any theme that does not set them (the palette offers all of Textual's).
VARIABLE_DEFAULTS = {
    # Text on `$error` (an item over time, a quorum missing, unsaved changes): white reads
    # at 5.4:1 on Textual's error red and 7.4:1 on sunlight's.
    "text-on-alarm": "#ffffff",
}
REGISTERED = (DARK, LIGHT, SUNLIGHT)

# App-wide rules: a pane's title is text, not border (Textual draws it in the
# border's colour, 1.3–1.9:1 in the themes above); placeholders and
# suggestions are hints a person must read (Textual's `$text-disabled`).


def markdown_theme(variables: dict[str, Any]) -> RichTheme:
    """Rich's Markdown styles (magenta headings, cyan lists: ANSI colours) taken from the theme instead."""

    def colour(name: str, fallback: str) -> str:
        value = str(variables.get(name, fallback))
        try:
            return Color.parse(value).hex
        except Exception:  # an "auto 60%" or "ansi_…" value: the fallback reads on any background
            return Color.parse(fallback).hex

    heading = colour("text-primary", str(variables.get("foreground", "#000000")))
    body = colour("foreground", "#000000")
    return RichTheme(
        {
            "markdown.h1": Style(color=heading, bold=True, underline=True),
            "markdown.h2": Style(color=heading, bold=True, underline=True),
            "markdown.h3": Style(color=heading, bold=True),
            "markdown.h4": Style(color=heading, italic=True),
            "markdown.list": Style(color=body),
            "markdown.item.number": Style(color=body),
            "markdown.block_quote": Style(color=body, italic=True),
            "markdown.code": Style(color=body, bold=True),
            "markdown.code_block": Style(color=body),
            "markdown.table.border": Style(color=body),
            "markdown.table.header": Style(color=body, bold=True),
            "markdown.link": Style(color=heading, underline=True),
            "markdown.link_url": Style(color=heading, underline=True),
            "markdown.hr": Style(color=body),
            "markdown.h6": Style(color=body, italic=True),
            "markdown.h7": Style(color=body, italic=True),
        }
    )


class Themed:
    """A Rich renderable drawn with a Rich theme in force (Rich's Markdown looks its styles up by name)."""

    def __init__(self, renderable: RenderableType, theme: RichTheme) -> None:
        self.renderable = renderable
        self.theme = theme

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        with console.use_theme(self.theme):
            segments = list(console.render(self.renderable, options))
        yield from segments

    def lines(self, console: Console, options: ConsoleOptions) -> Iterator[list[Segment]]:
        """The rendered lines one by one, each made when asked for, as `console.render_lines`
        (no padding) would give them all: a caller can stop after any line and go on later.

        The theme is in force only while a line is being made, so between two lines the
        console renders anything else with its own styles."""
        rows = iter(
            Segment.split_and_crop_lines(
                console.render(self.renderable, options),
                options.max_width,
                include_new_lines=False,
                pad=False,
            )
        )
        while True:
            with console.use_theme(self.theme):
                row = next(rows, None)
            if row is None:
                return
            yield row
