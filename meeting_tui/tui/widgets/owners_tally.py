"""The live double tally: participation against the 2/3 mark, each answer by area and by head."""

from __future__ import annotations

from rich.cells import set_cell_size
from rich.text import Text

from meeting_tui import i18n
from meeting_tui.domain.owners.decision import DecisionState
from meeting_tui.domain.owners.rules import format_area, percent
from meeting_tui.domain.owners.tally import Tally, option_label, outcome
from meeting_tui.tui.widgets.line_panel import LinePanel

BAR = 8
NAME = 14  # cells for an answer's name: "7 第七物业服务公司" is cut to fit


def share_bar(part: int, total: int, width: int = BAR, mark: tuple[int, int] | None = None) -> Text:
    """A bar of `width` cells, filled by part/total (whole cells, rounded down), with an
    optional threshold mark (e.g. 2/3) drawn as │ so the canvassers see how far is left."""
    filled = part * width // total if total > 0 else 0
    cells = ["█"] * filled + ["░"] * (width - filled)
    if mark is not None:
        at = min(width - 1, mark[0] * width // mark[1])
        if at >= filled:
            cells[at] = "│"
    return Text("".join(cells))


class TextPanel(LinePanel):
    """Text that changes often at a fixed size: a redraw without a new layout of the screen
    (a Static's update lays the whole screen out again, which an answer key cannot afford),
    and of the changed lines only (`LinePanel`)."""

    def set_text(self, text: Text | str) -> None:
        text = Text(text, no_wrap=True, overflow="ellipsis") if isinstance(text, str) else text
        text.rstrip()
        lines = text.plain.count("\n") + 1
        if text != self.text and (self.styles.height is None or self.styles.height.value != lines):
            self.styles.height = lines  # a new layout, which redraws everything
        self.show_text(text)  # unchanged (the header on most answers): nothing to draw


class OwnersTally(TextPanel):
    def show(self, state: DecisionState, result: Tally) -> None:
        part, total = result.participating, result.total
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(
            i18n.t(
                "owners.tally.total",
                units=result.units,
                owners=total.heads,
                area=format_area(total.area),
                answered=result.answered_units,
            )
            + "\n",
            style="dim",
        )
        text.append(
            " " * (NAME + 1)
            + set_cell_size(i18n.t("owners.tally.area"), BAR + 10)
            + i18n.t("owners.tally.heads")
            + "\n",
            style="bold",
        )
        self._row(
            text, i18n.t("owners.tally.part"), part.area, total.area, part.heads, total.heads, True
        )
        for option in state.options:
            got = result.counts(option)
            name = option_label(state, option)
            name = f"{option} {name}" if option.isdigit() else name
            self._row(text, name, got.area, part.area, got.heads, part.heads)
        verdict = outcome(state, result)
        style = "bold green" if verdict.passed else "bold"
        if not state.closed:
            text.append(i18n.t("owners.tally.so_far"), style="dim")
        text.append(verdict.explain().rsplit("→", 1)[-1].strip(), style=style)
        self.set_text(text)
        self.tooltip = verdict.explain()

    @staticmethod
    def _row(
        text: Text,
        name: str,
        area: int,
        of_area: int,
        heads: int,
        of_heads: int,
        mark: bool = False,
    ) -> None:
        threshold = (2, 3) if mark else None
        text.append(set_cell_size(name, NAME) + " ")
        text.append_text(share_bar(area, of_area, mark=threshold))
        text.append(f" {percent(area, of_area):>7}  ")
        text.append_text(share_bar(heads, of_heads, mark=threshold))
        text.append(f" {percent(heads, of_heads):>7}\n")


class BuildingProgressPanel(TextPanel):
    """Where to knock next: each building's share of units answered."""

    def show(self, result: Tally) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(i18n.t("owners.tally.buildings") + "\n", style="bold")
        for b in result.buildings:
            name = i18n.t("owners.tally.building", building=b.building)
            text.append(set_cell_size(name, 6) + " ")
            text.append_text(share_bar(b.answered, b.units, 6, (2, 3)))
            text.append(f" {b.share:>7}\n")
        self.set_text(text)
