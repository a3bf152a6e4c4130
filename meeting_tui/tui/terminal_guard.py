"""The last gate before the terminal: no text drawn by the app can steer it.

Text typed in the app is cleaned on the way in (`domain.text.clean_text`), but
a meeting file edited by hand or written by another program reaches the
screens as it is: a title holding `ESC ] 0 ; … BEL` would retitle the window,
`ESC [ 2 J` would clear the panes, a bidi override would reverse what a cell
says. Rather than trusting every widget, every pane, every notification and
every archive row to clean what it shows (and every future one), the app
cleans what it draws, once, where Textual turns its strips into bytes.

Widths are kept exactly, so the layout does not move: Rich counts control
characters as zero cells, so `ESC x` (an escape and the printable character
after it) becomes the one-cell visible mark ␛, and any other control or bidi
character is dropped. The rest of a sequence stays visible as text
("␛]0;title"), which tells the facilitator something odd is in the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.segment import Segment
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.strip import Strip

ESCAPE_MARK = "\u241b"  # ␛
# C0 and C1 controls, DEL, and the invisible bidi embeddings, overrides, isolates and marks.
_CONTROL = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_CONTROL}]")
_ESCAPE_PAIR = re.compile("\x1b[\x20-\x7e]")
_DROPPED = re.compile(f"[{_CONTROL}]+")


def safe_for_terminal(text: str) -> str:
    """`text` with nothing a terminal would act on, in the same number of cells."""
    if not _UNSAFE.search(text):
        return text
    return _DROPPED.sub("", _ESCAPE_PAIR.sub(ESCAPE_MARK, text))


def guard_strip(strip: Strip) -> Strip:
    if not any(_UNSAFE.search(segment.text) for segment in strip if not segment.control):
        return strip
    segments = [
        s if s.control else Segment(safe_for_terminal(s.text), s.style, s.control) for s in strip
    ]
    return Strip(segments, strip.cell_length)


def guard_update(renderable: object) -> None:
    """Clean, in place, the strips of a screen update about to be written to the terminal."""
    if isinstance(renderable, LayoutUpdate):
        renderable.strips = [_guard_line(line) for line in renderable.strips]
    elif isinstance(renderable, ChopsUpdate):
        renderable.chops = [
            {x: None if strip is None else guard_strip(strip) for x, strip in line.items()}
            for line in renderable.chops
        ]


def _guard_line(line: Iterable[Strip]) -> list[Strip]:
    return [guard_strip(strip) for strip in line]
