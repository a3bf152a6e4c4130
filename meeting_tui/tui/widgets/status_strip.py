"""The bottom strip: how many deferred and follow-up items; `b` opens their lists.

It is shown again after every command, and most commands (`]`, a vote) change
nothing in it: an unchanged strip is not updated, and a changed one asks for a
layout pass (the screen's whole arrangement and a full redraw) only when its
number of lines changes (the lists opened or closed, a row added to them).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from meeting_tui import i18n
from meeting_tui.domain import MeetingState, MotionState


class StatusStrip(Static):
    shown: Text | None = None  # what the strip shows, as last given to `update`

    def show(self, state: MeetingState, expanded: bool, pending: int) -> None:
        deferred = state.motions_in(MotionState.DEFERRED)
        followups = [m for m in state.motions_in(MotionState.PASSED) if m.followup]
        text = Text(no_wrap=True, overflow="ellipsis")
        if pending:
            text.append(i18n.t("strip.pending", count=pending) + "  ", style="bold")
        text.append(i18n.t("strip.summary", deferred=len(deferred), followups=len(followups)))
        if expanded:
            for m in deferred:
                d = m.deferral
                assert d is not None
                row = i18n.t(
                    "strip.deferred_row",
                    number=m.number,
                    text=m.text,
                    owner=d.owner,
                    reason=d.reason,
                )
                text.append("\n" + row)
            for m in followups:
                f = m.followup
                assert f is not None
                row = i18n.t(
                    "strip.followup_row",
                    number=m.number,
                    text=m.text,
                    owner=f.owner,
                    due=f.due or "",
                )
                text.append("\n" + row)
        self.set_class(bool(pending), "-pending")
        shown = self.shown
        if shown is not None and text.plain == shown.plain and text.spans == shown.spans:
            return
        lines = text.plain.count("\n")
        self.update(text, layout=shown is None or lines != shown.plain.count("\n"))
        self.shown = text
