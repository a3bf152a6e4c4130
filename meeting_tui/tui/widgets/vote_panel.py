"""The selected motion: its tally (counts, bars, who did not vote, the rule, the verdict), then its whole text.

An arrow key in the motion table shows another motion here. Drawn as a
`Static`, the whole panel (the body's height, 40 rows at 120×40) was rendered
again on each key, border and padding row by row, the largest part of the
key's frame; most rows (the blank ones below the text, often the rule) do not
change. It is a `ChangedRows` (changed_rows.py): only the rows that differ are
repainted.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from meeting_tui import i18n
from meeting_tui.domain import MeetingState, Motion, label
from meeting_tui.tui.widgets.changed_rows import ChangedRows

BAR_WIDTH = 10


def bar(count: int, total: int, width: int = BAR_WIDTH) -> str:
    if total <= 0 or count <= 0:
        return ""
    return "█" * max(1, round(width * count / total))


class VotePanel(ChangedRows):
    COMPONENT_CLASSES = {
        "vote-panel--for",
        "vote-panel--against",
        "vote-panel--passed",
        "vote-panel--rejected",
        "vote-panel--warning",
        "vote-panel--answer",
        "vote-panel--muted",
    }

    def _style(self, part: str) -> Style:
        """A colour of the theme (themes.py), as CSS gives it to this panel."""
        return self.get_component_rich_style(f"vote-panel--{part}", partial=True)

    def on_mount(self) -> None:
        self.border_title = i18n.t("pane.vote")

    def show(self, state: MeetingState, motion: Motion | None) -> None:
        if motion is None:
            self._draw(Text(i18n.t("vote.no_motion")))
            return
        text = Text()
        text.append(f"#{motion.number} {label(motion.state)}\n", style="bold")
        if motion.origin is not None:  # a deferral taken up again: where, and its earlier vote
            # The minutes package (and its privacy rules) loads here, not before the first frame.
            from meeting_tui.minutes.build import origin_text

            text.append(
                f"↩ {origin_text(motion.origin, i18n.current_language())}\n", style="italic"
            )
        vote = motion.vote
        rule = state.rule_for(motion)
        if vote is None:
            text.append(i18n.t("vote.none") + "\n")
            text.append(i18n.t("vote.rule", rule=label(rule)) + "\n")
        else:
            for key, count, style in (
                ("field.for", vote.in_favour, self._style("for")),
                ("field.against", vote.against, self._style("against")),
                ("field.abstain", vote.abstain, Style()),
            ):
                text.append(f"{i18n.t(key)} {count:>3} ", style="bold")
                text.append(bar(count, vote.eligible_present) + "\n", style=style)
            text.append(i18n.t("vote.not_voting", n=vote.not_voting) + "\n")
            text.append(i18n.t("vote.method", method=label(vote.method)) + "\n")
            text.append(i18n.t("vote.rule", rule=label(vote.rule)) + "\n")
            verdict = self._style("passed" if vote.passed else "rejected")
            text.append(vote.outcome.explain() + "\n", style=verdict)  # as recorded
            earlier = len(motion.votes) - 1
            if earlier:
                text.append(i18n.t("vote.history", n=earlier) + "\n", style=self._style("muted"))
        # The table cuts the text to one line; here it is whole, under the tally, so a long
        # text at 80×24 never pushes the verdict out of the panel.
        text.append(f"{motion.text}\n")
        if motion.over_micro_limit:
            warning = i18n.t("vote.cost_warning", cost=f"{motion.cost:,}")
            text.append(warning + "\n", style=self._style("warning"))
        if motion.response:
            response = f"{i18n.t('form.response')}: {motion.response}\n"
            text.append(response, style=self._style("answer"))
        if motion.deferral:
            d = motion.deferral
            text.append(
                f"{label(motion.state)}: {d.reason} · {d.owner} · {d.target}\n",
                style=self._style("warning"),
            )
        if motion.followup:
            f = motion.followup
            text.append(f"{i18n.t('key.followup')}: {f.owner} {f.due or ''}\n")
        # 28 wide and the body's height (CSS): a new motion's text never resizes the panel.
        self._draw(text)
