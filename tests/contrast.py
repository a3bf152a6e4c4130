"""WCAG contrast of what a screen shows: every text segment's foreground against its background.

Read from the compositor's rendered strips (tests/screen_reading.py), so the
colours are the ones a terminal is sent: CSS resolved against the theme,
alpha already blended by Textual. Reverse video swaps the two; `dim` (which
the terminal applies) is taken as Textual's DimFilter does, half way to the
background. Box-drawing and block characters (borders, bars, scrollbars) are
not text and are left out; a pane's title inside its border is text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.color import Color
from rich.segment import Segment
from screen_reading import rendered_strips
from textual.app import App
from textual.geometry import Region


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(fg: tuple[int, int, int], bg: tuple[int, int, int]) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _is_text(text: str) -> bool:
    """Letters, digits, CJK, punctuation; not blanks, box drawing (U+2500–U+259F) or bar glyphs."""
    return any(
        not ch.isspace() and not ("\u2500" <= ch <= "\u259f") and ch not in "▏▕▔▁" for ch in text
    )


def _rgb(color: Color | None, fallback: tuple[int, int, int]) -> tuple[int, int, int]:
    if color is None or color.is_default:
        return fallback
    triplet = color.get_truecolor()
    return (triplet.red, triplet.green, triplet.blue)


@dataclass(frozen=True)
class Pair:
    text: str
    fg: tuple[int, int, int]
    bg: tuple[int, int, int]
    ratio: float
    where: tuple[int, int]

    def __str__(self) -> str:
        fg = "#{:02x}{:02x}{:02x}".format(*self.fg)
        bg = "#{:02x}{:02x}{:02x}".format(*self.bg)
        return f"{self.text.strip()!r} {fg} on {bg} = {self.ratio:.2f}:1 at line {self.where[0]}, col {self.where[1]}"


def segment_pair(
    segment: Segment, default_fg: tuple[int, int, int], default_bg: tuple[int, int, int]
) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    style = segment.style
    if style is None:
        return default_fg, default_bg
    fg = _rgb(style.color, default_fg)
    bg = _rgb(style.bgcolor, default_bg)
    if style.reverse:
        fg, bg = bg, fg
    if style.dim:
        fg = tuple(round(b + (f - b) * 0.5) for f, b in zip(fg, bg, strict=True))  # type: ignore[assignment]
    return fg, bg


def text_pairs(app: App[Any], region: Region | None = None) -> list[Pair]:
    """Every text segment on screen (or inside `region`) with its colours and contrast."""
    theme = app.current_theme
    default_fg = _rgb(Color.parse(theme.foreground or "#ffffff"), (255, 255, 255))
    default_bg = _rgb(Color.parse(theme.background or "#000000"), (0, 0, 0))
    pairs: list[Pair] = []
    for y, strip in enumerate(rendered_strips(app)):
        if region is not None:
            if not region.y <= y < region.bottom:
                continue
            strip = strip.crop(region.x, region.right)
        x = region.x if region is not None else 0
        for segment in strip:
            if _is_text(segment.text):
                fg, bg = segment_pair(segment, default_fg, default_bg)
                pairs.append(Pair(segment.text, fg, bg, ratio(fg, bg), (y, x)))
            x += segment.cell_length
    return pairs


def too_faint(app: App[Any], minimum: float, region: Region | None = None) -> list[str]:
    """The text on screen below `minimum`:1, one line each, worst first."""
    pairs = sorted((p for p in text_pairs(app, region) if p.ratio < minimum), key=lambda p: p.ratio)
    return [str(p) for p in pairs]
