"""The vote panel holds no rule of its own.

It shows the reason stored with the verdict, even after the rule that produced
it has changed.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult

from meeting_tui import demo
from meeting_tui.domain import DecisionRule, fold, rules
from meeting_tui.tui.widgets.vote_panel import VotePanel


class PanelApp(App[None]):
    def compose(self) -> ComposeResult:
        yield VotePanel()


async def test_the_panel_shows_the_stored_reason_after_the_rule_changed(
    monkeypatch: pytest.MonkeyPatch, ui: Any
) -> None:
    state = fold(demo.closed_log())
    gate = next(m for m in state.motions.values() if m.vote and m.vote.in_favour == 14)
    # Today's simple majority would say the opposite, for another reason.
    monkeypatch.setitem(
        rules.RULES,
        DecisionRule.SIMPLE_MAJORITY,
        lambda f, a, ab, p: (f <= a, "rule.reason.consensus.nobody"),
    )
    app = PanelApp()
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(VotePanel)
        panel.show(state, gate)
        await pilot.pause()
        assert "赞成 14 ≤ 反对 20 → 未通过" in ui.text_of(panel)
        assert "无人赞成" not in ui.text_of(panel)
