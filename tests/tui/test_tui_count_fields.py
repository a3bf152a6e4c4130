"""Count fields keep what was typed for the domain to judge: no empty vote, no lost minus, no crash.

`v` then Enter used to store 0/0/0 and reject the motion; `-5` became 5; a
paste of more than 4,300 digits crashed `int()` in the vote form and the
attendance screen.
"""

from __future__ import annotations

from pathlib import Path

from textual import events

from meeting_tui.domain import Party
from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.ids import new_meeting_id
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.dialogs.count_input import MAX_CHARS, CountInput
from meeting_tui.tui.dialogs.vote_form import VoteEntry
from meeting_tui.tui.screens.attendance import AttendanceScreen

DIGITS = "9" * 5000


async def test_v_then_enter_stores_nothing_and_points_to_acclamation(
    make, stored, stored_events, ui
) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "enter")
        assert isinstance(ui.form(app), VoteEntry)  # refused: the dialog stays open
        message = ui.dialog_message(app)
        assert "至少填一项" in message and "y 无异议通过" in message
        await pilot.press("0", "enter")  # a 0 typed is a count entered
        assert ui.session_shown(app)
    events_now = stored_events()[before:]
    assert [e.kind.value for e in events_now] == ["vote_recorded"]
    vote = stored().motions["m2"].vote
    assert (vote.in_favour, vote.against, vote.abstain) == (0, 0, 0)


async def test_a_leading_minus_is_refused_with_a_message(make, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "-", "5")
        field = app.screen.query_one("#f-for", CountInput)
        assert field.value == "-5"  # kept as typed, not silently 5
        assert "不能是负数" in ui.dialog_message(app)
        await pilot.press("enter")
        assert isinstance(ui.form(app), VoteEntry)
        assert "不能是负数" in ui.dialog_message(app)
        await pilot.press("backspace", "backspace", "5", "enter")
        assert ui.session_shown(app)
    assert len(stored_events()) == before + 1


async def test_thousands_of_pasted_digits_in_the_vote_dialog(make, stored_events) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        app.post_message(events.Paste(DIGITS))
        await pilot.press(*"1234567890")  # typed past the cap: refused key by key
        field = app.screen.query_one("#f-for", CountInput)
        assert len(field.value) <= MAX_CHARS
        await pilot.press("escape")
        assert app.is_running
    assert len(stored_events()) == before


async def test_thousands_of_pasted_digits_on_the_attendance_screen(
    data_dir: Path, clock, make
) -> None:
    meeting_id = new_meeting_id(clock().date())
    drafts = c.create_meeting(meeting_id, "南苑社区十二月议事会", "bench")
    LiveMeeting.create(open_archive(data_dir), meeting_id, drafts, clock).close()
    app = make(meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, AttendanceScreen)
        app.post_message(events.Paste(DIGITS))
        await pilot.press("4", "0")
        await pilot.press("tab", "-", "3", "ctrl+s")  # staff: -3 is refused, said in words
        assert any("不能是负数" in m for m in app.notices.errors())
        assert app.is_running
        await pilot.press("backspace", "backspace", "ctrl+s")
    state = LiveMeeting.open(open_archive(data_dir), meeting_id, clock).state
    assert state.attendance.present(Party.RESIDENT) == 40
