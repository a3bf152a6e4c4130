"""A compositor that draws only the lines a frame shows, and no widget that is covered there.

Why (Textual 8.2.8): to paint a partial frame, Textual's `Compositor` takes the
box around every changed region and asks *every* widget that box crosses for
*all* its visible lines, then keeps the lines that changed (`_render_chops`).
A digit typed in the vote form changes two lines (the field and the verdict
under it), four lines apart: the box crossed nineteen widgets, the motion
table, the agenda and the vote panel under the form among them, and each drew
its whole height, about 2–3 ms a key where the bare app draws one line of its
input. An arrow key changes two table rows and the panel's rows beside them: the
box took in the whole body.

`LineCompositor` writes the same bytes (tests/tui/test_tui_line_compositor.py
compares them with Textual's for the screens of the app, region set by region
set), but asks each widget, front to back, only for its lines where the frame
shows a part of it not yet covered by a widget in front (a piece between two
cuts, once filled by the front widget, is what Textual keeps too: widgets are
not blended across layers; a piece the frame does not show stays empty, and
Textual's `ChopsUpdate` skips it). A widget's lines left undrawn keep their dirty mark
in its styles cache, so they are drawn when next shown.

Each full screen of the app (`keymap.KeyedScreen`) uses it; Textual's private
`Screen._compositor`, `Compositor.cuts` and `visible_widgets` are read, as pinned in
pyproject.toml; the test fails if a Textual release changes what they give.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from typing import cast

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip


class LineCompositor(Compositor):
    def render_partial_update(self) -> ChopsUpdate | None:
        """The frame of the regions changed since the last one (Textual's, drawn line by line)."""
        regions = self._dirty_regions.copy()
        self._dirty_regions.clear()
        width, height = self.size
        spans = [
            (y, max(x1, 0), min(x2, width))
            for y, x1, x2 in self._regions_to_spans(regions)
            if 0 <= y < height and x1 < width and x2 > 0
        ]
        if not spans:
            return None
        chops = self._chops(spans)
        return ChopsUpdate(chops, spans, [line[1:] for line in self.cuts])

    def _render_chops(
        self,
        crop: Region,
        is_rendered_line: Callable[[int], bool],
    ) -> Sequence[Mapping[int, Strip]]:
        """A whole frame (`render_strips`): every line of `crop`, across its width."""
        x1, x2 = crop.column_span
        return self._chops([(y, x1, x2) for y in crop.line_range if is_rendered_line(y)])

    def _chops(self, spans: list[tuple[int, int, int]]) -> Sequence[Mapping[int, Strip]]:
        """Each line's pieces between cuts, filled where a span (y, x1, x2) shows them."""
        cuts = self.cuts
        chops: list[dict[int, Strip | None]] = [dict.fromkeys(line[:-1]) for line in cuts]
        shown_on: dict[int, list[tuple[int, int]]] = {}
        for y, x1, x2 in spans:
            shown_on.setdefault(y, []).append((x1, x2))
        lines = sorted(shown_on)
        for widget, (region, clip) in self.visible_widgets.items():  # front to back
            shown = region.intersection(clip)
            if not (shown.width and shown.height):
                continue
            first_cut, last_cut = shown.column_span
            top, bottom = shown.y, shown.bottom
            wanted: list[tuple[int, list[int]]] = []  # (y, the cuts this widget fills there)
            for y in lines[bisect_left(lines, top) : bisect_left(lines, bottom)]:
                line, seen = chops[y], shown_on[y]
                mine = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
                if any(
                    line[a] is None and any(x1 < b and a < x2 for x1, x2 in seen)
                    for a, b in pairwise(mine)
                ):
                    wanted.append((y, mine))
            for start, run in _runs(wanted):
                strips = widget.render_lines(
                    Region(shown.x - region.x, start - region.y, shown.width, len(run))
                )
                for (y, mine), strip in zip(run, strips, strict=False):  # as Textual zips them
                    line = chops[y]
                    pieces = strip.divide([cut - shown.x for cut in mine[1:]])
                    for cut, piece in zip(mine, pieces, strict=False):  # as Textual pairs them
                        if line[cut] is None:  # the front widget's piece wins, as in Textual
                            line[cut] = piece
        return cast("Sequence[Mapping[int, Strip]]", chops)


def _runs(
    wanted: list[tuple[int, list[int]]],
) -> list[tuple[int, list[tuple[int, list[int]]]]]:
    """`wanted` (sorted by y) cut into runs of consecutive lines: (first y, its lines)."""
    runs: list[tuple[int, list[tuple[int, list[int]]]]] = []
    for entry in wanted:
        if runs and runs[-1][1][-1][0] + 1 == entry[0]:
            runs[-1][1].append(entry)
        else:
            runs.append((entry[0], [entry]))
    return runs
