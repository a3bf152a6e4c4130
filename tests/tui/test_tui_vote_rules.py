"""The vote form and the vote panel hold no rule of their own.

The form previews through the vote command's check (`judge_vote`): it refuses
exactly what `record_vote` refuses, in the same words, and what it says will
happen is what the command records. The panel shows the reason stored with the
verdict, even after the rule that produced it has changed.

Motion 2 of the in-session demo is open for a vote, with 38 residents present.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult

from meeting_tui import demo, i18n
from meeting_tui.domain import DecisionRule, DomainError, fold, rules
from meeting_tui.domain import commands as c
from meeting_tui.tui.dialogs.count_input import CountInput
from meeting_tui.tui.dialogs.vote_form import VoteEntry
from meeting_tui.tui.widgets.vote_panel import VotePanel

TALLIES = [
    ("39", "", ""),  # more hands than people present
    ("20", "19", ""),  # 39 of 38
    ("-", "", ""),  # a minus sign pressed on an empty field
    ("-3", "1", ""),  # a negative count
    ("12", "", "-"),
    ("999999999", "", ""),  # far beyond any count
    ("38", "", ""),  # everyone, the other fields left empty
    ("20", "18", ""),  # exactly the room
    ("5", "3", "2"),
    ("0", "0", "0"),  # typed zeros are a count, unlike fields left empty
    ("", "7", ""),
]


def _command_says(state: Any, typed: tuple[str, str, str]) -> tuple[bool, str]:
    """(refused, what to show) from `record_vote` itself, for the same typed counts."""
    try:
        drafts = c.record_vote(state, "m2", *typed)
    except DomainError as error:
        return True, error.message()
    outcome = rules.stored_outcome(drafts[-1].payload)
    return False, i18n.t(
        "form.vote.preview", not_voting=outcome.not_voting, outcome=outcome.explain()
    )


async def test_the_vote_form_refuses_what_the_command_refuses(make, stored, ui) -> None:
    state = stored()
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        dialog = ui.form(app)
        assert isinstance(dialog, VoteEntry)
        for typed in TALLIES:
            for name, text in zip(("for", "against", "abstain"), typed, strict=True):
                dialog.query_one(f"#f-{name}", CountInput).value = text
            await pilot.pause()
            refused, words = _command_says(state, typed)
            line = dialog.query_one("#error")
            assert (ui.dialog_message(app), line.has_class("-ok")) == (words, not refused), typed
            if refused:  # and Enter keeps the form open with the same reason
                await pilot.press("enter")
                assert ui.form(app) is dialog and ui.dialog_message(app) == words


async def test_what_the_form_previews_is_what_is_recorded(make, stored, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "2", "0", "tab", "1", "8")
        preview = ui.dialog_message(app)
        await pilot.press("enter")
        assert not isinstance(ui.form(app), VoteEntry)
    vote = stored().motions["m2"].vote
    assert vote is not None
    assert preview == f"未表态 0 · {vote.outcome.explain('zh')}"
    assert vote.outcome.explain("zh") == "赞成 20 > 反对 18 → 通过"


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
