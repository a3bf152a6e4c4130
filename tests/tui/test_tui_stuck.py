"""A facilitator alone always has a way forward: who votes, an empty agenda, a closed meeting.

Each test builds its meeting through the domain's commands into the demo archive,
drives the session screen with a Pilot, and checks the store after the app exits.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from log_reading import new_kinds

from meeting_tui.demo import CLOSED_ID
from meeting_tui.domain import ItemState, Party
from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.dialogs.agenda_dialog import AgendaDialog
from meeting_tui.tui.dialogs.choice import ChoiceField
from meeting_tui.tui.dialogs.confirm import ConfirmDialog
from meeting_tui.tui.dialogs.form import FormDialog
from meeting_tui.tui.screens.session import SessionScreen
from meeting_tui.tui.widgets.key_footer import KeyFooter

JOINT = "20261121-join"


@pytest.fixture
def joint(data_dir: Path, clock: Callable[[], datetime]) -> str:
    """A joint meeting (联席会议) in session: staff, government and units, no residents."""
    live = LiveMeeting.create(
        open_archive(data_dir), JOINT, c.create_meeting(JOINT, "共建单位联席会议", "joint"), clock
    )
    live.execute(c.add_items(live.state, [("停车难", 20, "")]))
    live.execute(c.set_headcounts(live.state, {"staff": 5, "government": 4, "unit": 3}))
    live.execute(c.step_agenda(live.state, 1))
    live.execute(c.raise_motion(live.state, "共建错时停车场"))
    live.close()
    return JOINT


def footer_keys(app) -> list[str]:
    return [k.key_display or k.key for f in app.screen.query(KeyFooter) for k in f.hints()]


async def test_entering_a_meeting_where_nobody_votes_warns_and_names_the_key(
    make, joint, ui
) -> None:
    app = make(joint)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        why = "出席的 12 人中没有有表决权的一方（现为：居民）：请设定谁有表决权（按 V）。"
        assert why in app.notices.messages()
        assert "表决：居民" in ui.header(app)


async def test_V_sets_who_votes_in_session_then_y_passes(make, joint, stored, stored_events, ui):
    before = len(stored_events(joint))
    app = make(joint)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("V")
        form = app.screen
        assert isinstance(form, FormDialog)
        assert "现在有表决权的出席人数 0" in ui.text_of(form.query_one(".hint"))
        resident = form.query_one("#f-resident", ChoiceField)
        assert app.focused is resident and resident.value == "yes"
        # residents: no; staff: yes; property, contractor, cppcc: no; government: yes; units: yes
        await pilot.press("right", "tab", "right", "tab", "tab", "tab", "tab", "right")
        await pilot.press("tab", "right", "enter")
        assert isinstance(app.screen, SessionScreen)
        assert "出席 12 · 投票 12" in ui.header(app)
        assert "表决：社区·政府·单位" in ui.header(app)
        await pilot.press("y")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        assert ui.rows(app)[0][3] == "通过"
    assert new_kinds(stored_events, before, joint) == ["voting_parties_set", "vote_recorded"]
    state = stored(joint)
    assert state.voting_parties == (Party.STAFF, Party.GOVERNMENT, Party.UNIT)
    vote = state.motions["m1"].vote
    assert vote is not None and (vote.in_favour, vote.eligible_present) == (12, 12)


async def test_V_is_undone_with_u(make, joint, stored) -> None:
    app = make(joint)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("V", "right", "tab", "right", "enter")  # staff instead of residents
        assert app.live.state.voting_parties == (Party.STAFF,)
        await pilot.press("u")
        assert "有表决权的一方改为：社区工作人员" in app.screen.question
        await pilot.press("y")
    assert stored(joint).voting_parties == (Party.RESIDENT,)


async def test_V_refuses_nobody_voting_inline(make, joint, ui) -> None:
    app = make(joint)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("V", "right", "enter")  # residents off, nobody else on
        assert isinstance(app.screen, FormDialog)
        assert ui.dialog_message(app) == "至少要有一方有表决权（通常是居民）。"


async def test_empty_agenda_i_adds_and_starts_an_item_then_n_raises(
    make, data_dir, clock, stored, stored_events, ui
) -> None:
    live = LiveMeeting.create(
        open_archive(data_dir),
        "20261121-empt",
        c.create_meeting("20261121-empt", "临时议事会"),
        clock,
    )
    live.execute(c.set_attendance(live.state, "resident", 20))
    live.execute(c.start_meeting(live.state))
    live.close()
    app = make("20261121-empt")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")  # nothing to raise it under: said before any form opens
        assert isinstance(app.screen, SessionScreen)
        assert app.notices.errors()[-1] == "议程是空的：按 i 添加议题，再提出事项。"
        await pilot.press("right_square_bracket")  # no next item either: the same key is named
        assert app.notices.errors()[-1] == "议程是空的：请先添加议题（会议中按 i）。"
        await pilot.press("i")
        assert isinstance(app.screen, FormDialog)
        await ui.type_text(pilot, "楼道堆物清理")
        await pilot.press("tab", "1", "5", "enter")
        assert isinstance(app.screen, SessionScreen)
        assert "已添加并开始议题「楼道堆物清理」" in app.notices.messages()
        await pilot.press("n")
        await ui.type_text(pilot, "每月一次集中清理")
        await pilot.press("enter")
        assert ui.rows(app)[0][1] == "每月一次集中清理"
    kinds = [e.kind.value for e in stored_events("20261121-empt")][-3:]
    assert kinds == ["item_added", "item_activated", "motion_raised"]
    state = stored("20261121-empt")
    assert [(i.title, i.timebox_min, i.state) for i in state.items] == [
        ("楼道堆物清理", 15, ItemState.ACTIVE)
    ]


async def test_i_adds_after_the_current_item_and_skip_moves_on(make, stored, ui) -> None:
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        titles = [i.title for i in app.live.state.items]
        current = app.live.state.active_item
        assert current is not None
        at = titles.index(current.title)
        await pilot.press("i")
        await ui.type_text(pilot, "临时动议：电动车充电")
        await pilot.press("enter")
        assert [i.title for i in app.live.state.items][at + 1] == "临时动议：电动车充电"
        await pilot.press("right_curly_bracket")  # } skips the current item, the new one begins
        assert f"已跳过「{current.title}」" in app.notices.messages()
    state = stored()
    assert state.items[at].state is ItemState.SKIPPED
    assert state.active_item is not None and state.active_item.title == "临时动议：电动车充电"


async def test_g_agenda_moves_an_item_and_goes_to_it(make, stored, ui) -> None:
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        before = [i.id for i in app.live.state.items]
        last = before[-1]
        await pilot.press("g")
        assert isinstance(app.screen, AgendaDialog)
        await pilot.press(*["down"] * len(before))  # the cursor on the last item
        await pilot.press("K")  # one up
        assert [i.id for i in app.live.state.items][-2] == last
        await pilot.press("enter")  # discuss it now
        assert isinstance(app.screen, SessionScreen)
        assert app.live.state.active_item is not None and app.live.state.active_item.id == last
        await pilot.press("u", "y")  # undo takes back the activation only
        assert [i.id for i in app.live.state.items][-2] == last
    state = stored()
    assert [i.id for i in state.items] == [*before[:-2], last, before[-2]]


async def test_closed_meeting_shows_closed_hides_recording_keys_and_refuses_before_forms(
    make, stored_events, ui
) -> None:
    before = len(stored_events(CLOSED_ID))
    app = make(CLOSED_ID)
    async with app.run_test(size=(120, 30)) as pilot:
        assert "已结束" in ui.header(app)
        shown = footer_keys(app)
        for key in ("n", "v", "y", "d", "u", "]"):
            assert key not in shown, shown
        for key in ("x", "m", "p", "q"):
            assert key in shown, shown
        for key in ("n", "v", "y", "d", "a", "V", "i"):
            await pilot.press(key)
            assert isinstance(app.screen, SessionScreen), key
        refusal = "会议已结束，不能再记录：可看纪要（m）、公示（p），或按 x 重新开启（会被记录）。"
        assert app.notices.messages().count(refusal) == 7
    assert len(stored_events(CLOSED_ID)) == before


async def test_closed_meeting_palette_leaves_out_recording_commands(make) -> None:
    app = make(CLOSED_ID)
    async with app.run_test(size=(120, 30)):
        titles = [cmd.title for cmd in app.get_system_commands(app.screen)]
        assert "事项: 新事项" not in titles and "表决: 表决" not in titles
        assert "会议: 纪要" in titles
