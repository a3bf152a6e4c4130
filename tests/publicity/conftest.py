"""Fixtures for the publicity tests: the closed 南苑 meeting, and a real QR decoder.

Decoding goes through zxing-cpp with `try_invert=False`, so a code drawn
light-on-dark (what a dark terminal theme would do to unstyled blocks) does
not decode: the tests prove black-on-white, not just "some QR code".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import zxingcpp

from meeting_tui.demo import CLOSED_ID, closed_log, install_demo
from meeting_tui.domain import MeetingState, fold
from meeting_tui.store import open_archive

Decode = Callable[[np.ndarray], list[str]]

HALF_BLOCK_PIXELS = {"█": (1, 1), "▀": (1, 0), "▄": (0, 1), " ": (0, 0)}


@pytest.fixture
def closed_state() -> MeetingState:
    state = fold(closed_log())
    assert state.meeting_id == CLOSED_ID
    return state


@pytest.fixture
def demo_data(tmp_path: Path) -> Path:
    """An archive folder holding the demo meetings."""
    root = tmp_path / "data"
    install_demo(open_archive(root))
    return root


def _decode(image: np.ndarray) -> list[str]:
    """The texts of every QR code zxing-cpp finds in a grayscale image (0 black, 255 white)."""
    assert image.dtype == np.uint8 and image.ndim == 2
    qr_only = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    results = zxingcpp.read_barcodes(image, formats=qr_only, try_invert=False)
    return [r.text for r in results]


@pytest.fixture
def decode() -> Decode:
    return _decode


def modules_to_image(modules: np.ndarray, scale: int = 8, margin: int = 0) -> np.ndarray:
    """A boolean module grid (True dark) as a grayscale image, `scale` pixels per module."""
    grid = np.where(modules, 0, 255).astype(np.uint8)
    grid = np.pad(grid, margin, constant_values=255)
    return np.kron(grid, np.ones((scale, scale), dtype=np.uint8))


def half_blocks_to_modules(lines: list[str]) -> np.ndarray:
    """Draw terminal lines as a terminal would: each cell is 1 module wide and 2 high."""
    rows: list[list[int]] = [[], []]
    grid: list[list[int]] = []
    for line in lines:
        rows = [[], []]
        for ch in line:
            top, bottom = HALF_BLOCK_PIXELS[ch]  # KeyError: a character no terminal code uses
            rows[0].append(top)
            rows[1].append(bottom)
        grid += rows
    return np.array(grid, dtype=bool)


@pytest.fixture
def draw() -> type[Drawing]:
    return Drawing


class Drawing:
    """The drawing helpers, as a fixture so no test imports conftest."""

    modules_to_image = staticmethod(modules_to_image)
    half_blocks_to_modules = staticmethod(half_blocks_to_modules)
