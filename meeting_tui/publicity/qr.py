"""QR codes for the publicity URL: terminal half-blocks, SVG and PNG, all from one matrix.

Why each choice:

* Error correction M (15 %): a printed notice gets scuffed and rained on,
  and M still keeps the screen code small: an 84-character URL fits
  version 5 (37 modules), which fits an 80×24 terminal with its quiet zone.
* The terminal code is drawn two modules per character cell (▀ ▄ █ and
  space) in explicit true-colour black on white. Dark terminal themes
  invert plain block characters and remap the ANSI "black" and "white",
  and phone scanners read an inverted code badly or not at all, so colours
  are never left to the theme.
* The quiet zone is 2 modules on screen (the white border the styles paint
  is part of the code; 2 is what scanners need in practice and saves rows)
  and the standard 4 in print.
* SVG is written by hand (one path of horizontal runs) and PNG comes from
  pypng through qrcode's `PyPNGImage`, so the app never needs Pillow.
"""

from __future__ import annotations

import io
from html import escape
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:  # qrcode (and the Pillow it probes for) is imported when a code is made
    import qrcode

SCREEN_QUIET_ZONE = 2
PRINT_QUIET_ZONE = 4

QR_COLOURS = ("#000000", "#ffffff")
"""Explicit true-colour black on white: the same on every terminal theme."""

_HALF_BLOCKS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def _code(url: str, border: int) -> qrcode.QRCode:
    import qrcode
    import qrcode.constants

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=border)
    code.add_data(url)
    code.make(fit=True)
    return code


def matrix(url: str, border: int = SCREEN_QUIET_ZONE) -> list[list[bool]]:
    """The modules of the code for `url`, quiet zone included; True is dark."""
    return [[bool(cell) for cell in row] for row in _code(url, border).get_matrix()]


def version(url: str) -> int:
    """The QR version (1–40) `url` needs; the screen code grows 4 modules per version."""
    return int(_code(url, 0).version)


def terminal_lines(url: str, border: int = SCREEN_QUIET_ZONE) -> list[str]:
    """The code as text, two module rows per line, meant for black-on-white drawing.

    ▀ is a dark top module, ▄ a dark bottom one, █ both, space neither. An
    odd last row is paired with a light row (more quiet zone, never less).
    """
    rows = matrix(url, border)
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    return [
        "".join(_HALF_BLOCKS[top, bottom] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[::2], rows[1::2], strict=True)
    ]


def terminal_size(url: str, border: int = SCREEN_QUIET_ZONE) -> tuple[int, int]:
    """(columns, rows) the terminal code of `url` takes."""
    lines = terminal_lines(url, border)
    return len(lines[0]), len(lines)


def rich_code(url: str, border: int = SCREEN_QUIET_ZONE) -> Text:
    """The terminal code as a Rich Text, every cell styled black on white, never wrapped."""
    return Text(
        "\n".join(terminal_lines(url, border)),
        style=Style(color=QR_COLOURS[0], bgcolor=QR_COLOURS[1]),
        no_wrap=True,
        overflow="ignore",
        end="",
    )


def svg(url: str, *, size: str | None = None, border: int = PRINT_QUIET_ZONE) -> str:
    """A standalone SVG of the code: one white square and one black path of module runs.

    `size` (a CSS length such as "45mm") sets width and height; without it
    each module is 8 px. `crispEdges` keeps modules from blurring into their
    neighbours when a printer or browser scales the image.
    """
    rows = matrix(url, border)
    n = len(rows)
    runs: list[str] = []
    for y, row in enumerate(rows):
        x = 0
        while x < n:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < n and row[x]:
                x += 1
            runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    length = size or f"{n * 8}px"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n} {n}" '
        f'width="{escape(length)}" height="{escape(length)}" '
        f'shape-rendering="crispEdges" role="img" aria-label="{escape(url)}">'
        f"<title>{escape(url)}</title>"
        f'<rect width="{n}" height="{n}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(runs)}"/>'
        "</svg>"
    )


def png_bytes(url: str, *, box_size: int = 10, border: int = PRINT_QUIET_ZONE) -> bytes:
    """A black-on-white PNG of the code, `box_size` pixels per module (pure Python, no Pillow)."""
    import qrcode
    import qrcode.constants
    from qrcode.image.pure import PyPNGImage

    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=border,
        box_size=box_size,
        image_factory=PyPNGImage,
    )
    code.add_data(url)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer)
    return buffer.getvalue()
