"""The vote and deferral forms are drawn on the session screen, and behave as their dialogs did.

No screen is pushed (the stack stays as it is); while a form is open the
session's keys do not reach past it, a click elsewhere leaves the focus in it,
and closing it gives the focus back to the motion table. Opened again, a form
starts empty. The in-session demo: motion 2 raised on item 3, 38 residents.
"""

from __future__ import annotations

from textual.widgets import Input

from meeting_tui import i18n
from meeting_tui.tui.dialogs.choice import ChoiceField
from meeting_tui.tui.dialogs.count_input import CountInput
from meeting_tui.tui.dialogs.deferral_entry import DeferralEntry
from meeting_tui.tui.dialogs.vote_form import VoteEntry
from meeting_tui.tui.widgets.motion_table import MotionTable


async def test_the_vote_form_opens_on_the_session_screen_and_gives_the_focus_back(
    make, stored_events, ui
) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        stack = list(app.screen_stack)
        table = app.screen.query_one(MotionTable)
        assert app.focused is table
        await pilot.press("v")
        form = ui.form(app)
        assert isinstance(form, VoteEntry) and list(app.screen_stack) == stack
        assert app.focused is form.query_one("#f-for", CountInput)
        await pilot.press("3", "escape")
        assert ui.session_shown(app) and app.focused is table
        assert not form.display  # hidden, not removed: the next vote reuses it
        await pilot.press("v")
        assert ui.form(app) is form
        assert form.query_one("#f-for", CountInput).value == ""  # starts empty again
        assert ui.dialog_message(app) == i18n.t("form.vote.nothing_yet")
        await pilot.press("escape")
    assert len(stored_events()) == before


async def test_the_session_keys_stop_at_an_open_form(make, stored_events, ui) -> None:
    """On the ‹方式› choice (no text field to take letters) `q`, `d` and `]` do nothing."""
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "tab", "tab", "tab")
        assert isinstance(app.focused, ChoiceField)
        await pilot.press("q", "d", "right_square_bracket", "question_mark")
        assert isinstance(ui.form(app), VoteEntry) and app.is_running
        # `d` opened no deferral form (none is mounted before the first `d` that opens one).
        assert not [f for f in app.screen.query(DeferralEntry) if f.is_open]
        await pilot.press("tab", "tab", "tab")  # OK, Cancel, then back to the first field
        assert app.focused is app.screen.query_one("#f-for", CountInput)
        await pilot.press("shift+tab")
        assert app.focused is app.screen.query_one("#cancel")
        await pilot.press("escape")
        assert ui.session_shown(app)
    assert len(stored_events()) == before


async def test_a_click_on_the_table_leaves_the_focus_in_the_form(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        form = ui.form(app)
        assert isinstance(form, DeferralEntry)
        await pilot.click(MotionTable, offset=(2, 2))  # the motion table's row, above the form
        await pilot.pause()
        assert app.focused is form.query_one("#f-reason", Input)
        await pilot.press("escape")
        assert app.focused is app.screen.query_one(MotionTable)


async def test_a_deferral_form_opened_again_starts_empty(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await ui.type_text(pilot, "情况不清")
        await pilot.press("tab")
        await ui.type_text(pilot, "物业")
        await pilot.press("escape", "d")
        form = ui.form(app)
        assert isinstance(form, DeferralEntry)
        assert form.answers().reason == "" and form.answers().owner == ""
        assert "社区工作人员" in form.query_one("#f-owner", Input).placeholder  # a party present
        assert ui.dialog_message(app) == ""
        await pilot.press("escape")


async def test_the_palette_offers_no_session_step_while_a_form_is_open(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [cmd.title for cmd in app.get_system_commands(app.screen)]
        assert any(i18n.t("key.defer") in title for title in titles)
        await pilot.press("v")
        titles = [cmd.title for cmd in app.get_system_commands(app.screen)]
        assert not any(i18n.t("key.defer") in title for title in titles)
        assert not any(i18n.t("key.vote") in title for title in titles)
        await pilot.press("escape")
        titles = [cmd.title for cmd in app.get_system_commands(app.screen)]
        assert any(i18n.t("key.defer") in title for title in titles)


async def test_a_click_on_the_table_while_voting_changes_neither_the_counts_nor_the_motion(
    make, ui
) -> None:
    """The form lies over the panes: a click on them must not reach them, as the dialog's screen
    kept it from them. Before, the click moved the table's cursor (the vote panel then showed
    another motion) and the focus went to the first field with its text selected, so the
    next digit replaced the count already typed."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        session = app.screen
        table = session.query_one(MotionTable)
        motion, row = session.selected, table.cursor_row
        await pilot.press("v", "1", "2", "tab", "3")
        form = ui.form(app)
        against = form.query_one("#f-against", CountInput)
        assert app.focused is against
        for y in range(8):
            await pilot.click(MotionTable, offset=(2, y))
            await pilot.pause()
        assert app.focused is against
        assert (session.selected, table.cursor_row) == (motion, row)
        await pilot.press("5")
        assert form.query_one("#f-for", CountInput).value == "12"
        assert against.value == "35"
        await pilot.press("escape")
        assert app.focused is table


async def test_a_click_on_the_footer_while_a_form_is_open_types_nothing_into_it(
    make, ui, stored_events
) -> None:
    """The footer stays as it was behind an open form; a click on one of its keys must not
    run that key into the form's text field (it typed `nvyduq` into a deferral's reason)."""
    from meeting_tui.tui.widgets.key_footer import KeyFooter

    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        session = app.screen
        await pilot.press("d")
        await pilot.pause()
        form = ui.form(app)
        await ui.type_text(pilot, "情况不清")
        footer = session.query_one(KeyFooter)
        for start, _end, _hint in list(footer.spans)[:6]:
            await pilot.click(KeyFooter, offset=(start + 1, 0))
            await pilot.pause()
        assert form.is_open
        assert form.query_one("#f-reason", Input).value == "情况不清"
        await pilot.press("tab")
        await ui.type_text(pilot, "社区工作人员")
        await pilot.press("tab")
        await ui.type_text(pilot, "下次会议")
        await pilot.press("enter")
        await pilot.pause()
    assert stored_events()[-1].payload.get("reason") == "情况不清"
