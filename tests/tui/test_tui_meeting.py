"""Pilot tests for the meeting keys: a u [ ] t ctrl+t ? f1 q, store errors with `s` (retry), en.

Each test checks the screen, then the store after the app has exited.
"""

from __future__ import annotations

import errno
import re

import pytest
from log_reading import new_kinds
from rich.table import Table
from textual.widgets import Static

from meeting_tui import config, i18n
from meeting_tui.domain import ItemState, MotionState
from meeting_tui.store import storage
from meeting_tui.tui.dialogs.confirm import ConfirmDialog
from meeting_tui.tui.dialogs.count_input import CountInput
from meeting_tui.tui.dialogs.form import FormDialog
from meeting_tui.tui.dialogs.help import HelpScreen
from meeting_tui.tui.keymap import SESSION_KEYS, shown_key
from meeting_tui.tui.screens.session import SessionScreen
from meeting_tui.tui.widgets.agenda_pane import AgendaPane, AgendaStrip
from meeting_tui.tui.widgets.key_footer import KeyFooter

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


async def test_a_records_late_arrivals(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "出席 44 · 投票 38" in ui.header(app)
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, FormDialog)
        residents = form.query_one("#f-resident", CountInput)
        assert app.focused is residents and residents.value == "38"
        assert form.query_one("#f-staff", CountInput).value == "3"
        await pilot.press("+", "+")  # two late arrivals, counted one by one
        assert residents.value == "40"
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        assert "出席 46 · 投票 40" in ui.header(app)
        await pilot.press("y")  # the acclamation now counts the 40
        assert ui.text_of(app.screen.query_one("#question")) == "事项 2 无异议通过（赞成 40）？"
        await pilot.press("n")
    assert new_kinds(stored_events, before) == ["attendance_set"]
    state = stored()
    assert state.eligible_present == 40 and state.attendance.total == 46


async def test_a_typed_count_replaces_the_old_one(make, stored, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "4", "0", "tab", "tab", "5", "enter")  # residents 40, property 5
        assert "出席 50 · 投票 40" in ui.header(app)
    state = stored()
    assert state.eligible_present == 40 and state.attendance.total == 50


async def test_u_undo_says_what_it_undoes(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "2", "3", "tab", "1", "0", "tab", "2", "enter")
        assert ui.rows(app)[0][3] == "通过"
        await pilot.press("u")
        assert isinstance(app.screen, ConfirmDialog)
        question = ui.text_of(app.screen.query_one("#question"))
        assert question == "撤销这一步？\n表决事项 2：赞成 23，反对 10，弃权 2"
        await pilot.press("n")  # changed my mind
        assert ui.rows(app)[0][3] == "通过"
        await pilot.press("u", "y")
        assert isinstance(app.screen, SessionScreen)
        assert ui.rows(app)[0][3:] == ["待表决", "", "", ""]
        assert ui.vote_panel(app).splitlines()[1] == "尚未表决"
        assert "已撤销：表决事项 2：赞成 23，反对 10，弃权 2" in app.notices.messages()
    assert new_kinds(stored_events, before) == ["vote_recorded", "undone"]
    m = stored().motions["m2"]
    assert m.state is MotionState.RAISED and m.votes == []


async def test_u_twice_walks_back_through_the_steps(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u")
        question = ui.text_of(app.screen.query_one("#question"))
        assert (
            question == "撤销这一步？\n提出事项 2「重新商议小区大门位置（现大门把小区和学校隔开）」"
        )
        await pilot.press("y")
        assert ui.rows(app) == []
        assert ui.vote_panel(app) == "没有选中的事项：按 n 新建"
    assert new_kinds(stored_events, before) == ["undone"]
    assert "m2" not in stored().motions


async def test_brackets_move_through_the_agenda(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        strip_line = lambda: ui.text_of(app.screen.query_one(AgendaStrip))  # noqa: E731
        assert strip_line().startswith("▶ 议题 3/8 大门与单元门")
        await pilot.press("right_square_bracket")
        assert strip_line().startswith("▶ 议题 4/8 保温与防水")
        assert ui.rows(app) == []  # no motions on item 4 yet
        assert str(app.screen.query_one("#motions").border_title) == "事项（议题 4：保温与防水）"
        await pilot.press("left_square_bracket")
        assert strip_line().startswith("▶ 议题 3/8 大门与单元门")
        assert [r[0] for r in ui.rows(app)] == ["2"]
    assert new_kinds(stored_events, before) == [
        "item_done",
        "item_activated",
        "item_activated",
    ]
    items = stored().items
    assert items[2].state is ItemState.ACTIVE and items[3].state is ItemState.PENDING


async def test_brackets_at_120_columns_show_the_agenda_pane(make, ui) -> None:
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.screen.query_one(AgendaPane)
        assert pane.display and not app.screen.query_one(AgendaStrip).display
        lines = ui.text_of(pane).splitlines()
        # The active item's time against its box stands on a line of its own.
        assert lines[:4] == ["✓ 1 开场说明", "✓ 2 电线改造", "▶ 3 大门与单元门", "    06:00/20:00"]
        await pilot.press("right_square_bracket")
        lines = ui.text_of(pane).splitlines()
        assert lines[2] == "✓ 3 大门与单元门"
        assert lines[3:5] == ["▶ 4 保温与防水", "    00:00/10:00"]


async def test_bracket_at_the_first_item_is_a_domain_error(make, stored_events, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("left_square_bracket", "left_square_bracket")
        before = len(stored_events())
        await pilot.press("left_square_bracket")
        assert app.notices.errors() == ["已经是第一个议题。"]
    assert len(stored_events()) == before


async def test_t_pauses_and_resumes_the_item_timer(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        assert app.live.state.active_item.running_since is None
        await pilot.press("t")
        assert app.live.state.active_item.running_since is not None
    assert new_kinds(stored_events, before) == ["item_timer_paused", "item_timer_resumed"]
    item = stored().active_item
    assert item is not None and item.elapsed_s == 6 * 60  # 09:44 → 09:50, frozen clock


async def test_ctrl_t_cycles_the_theme_and_remembers_it(make, config_path) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
        assert config.load(config_path)[0].theme == "textual-light"
        await pilot.press("ctrl+t")
        assert app.theme == "sunlight"
        assert (
            "主题：强光（高对比，户外用）" in app.notices.messages()
        )  # the theme by its Chinese name
    assert config.load(config_path) == (config.Config(theme="sunlight"), None)
    again = make()  # the next start uses it
    assert again.theme == "sunlight"
    again.live.close()


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_every_key(make, stored_events, ui, key) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(Static).content
        lines = [" ".join(row) for row in zip(*_columns(table), strict=True)]
        for k in SESSION_KEYS:
            assert f"{shown_key(k)} {i18n.t(k.description)} {i18n.t(k.group)}" in lines
        await pilot.press("escape")
        assert isinstance(app.screen, SessionScreen)
    assert len(stored_events()) == before


def _columns(table: object) -> list[list[str]]:
    """The columns of the help's rich Table, as text."""
    assert isinstance(table, Table)
    return [[str(cell) for cell in column.cells] for column in table.columns]


async def test_q_quits_and_everything_is_already_saved(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("y", "y")
        await pilot.press("q")
        assert not app.is_running  # no question asked
    assert app.return_code == 0
    assert new_kinds(stored_events, before) == ["vote_recorded"]
    assert stored().motions["m2"].state is MotionState.PASSED


def _disk_full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


async def test_disk_full_keeps_the_change_pending_until_s_retries(
    make, stored, stored_events, ui, monkeypatch
) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(storage, "replace_with_retry", _disk_full)
        await pilot.press("a", "4", "0", "enter")
        assert isinstance(app.screen, SessionScreen)
        [error] = app.notices.errors()
        assert error.startswith("未能保存：磁盘已满，无法保存到文件夹")
        assert "投票 38" in ui.header(app)  # not shown as done
        assert ui.strip(app).startswith("⚠ 1 条未保存：按 s 重试")
        await pilot.press("s")  # the disk is still full
        assert len(app.notices.errors()) == 2
        assert ui.strip(app).startswith("⚠ 1 条未保存")
        await pilot.press("right_square_bracket")  # nothing else goes in front of it
        assert app.notices.errors()[-1].startswith("未能保存：还有 1 项改动未能保存到磁盘")
        assert ui.rows(app)[0][0] == "2"
        monkeypatch.undo()  # space freed
        await pilot.press("s")
        assert "已保存 1 条记录" in app.notices.messages()
        assert "投票 40" in ui.header(app)
        assert ui.strip(app) == "暂缓事项 0 · 待落实 1"
    assert new_kinds(stored_events, before) == ["attendance_set"]
    assert stored().eligible_present == 40


async def test_disk_full_on_a_vote_does_not_show_it_as_passed(
    make, stored, stored_events, ui, monkeypatch
) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(storage, "replace_with_retry", _disk_full)
        await pilot.press("y", "y")
        assert ui.rows(app)[0][3] == "待表决"
        monkeypatch.undo()
        await pilot.press("s")
        assert ui.rows(app)[0][3] == "通过"
    assert new_kinds(stored_events, before) == ["vote_recorded"]


async def test_q_with_a_change_the_disk_refused_stays_open_until_it_is_saved(
    make, stored, stored_events, ui, monkeypatch
) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(storage, "replace_with_retry", _disk_full)
        await pilot.press("y", "y", "q")
        assert app.is_running  # quitting now would lose the vote
        assert len(app.notices.errors()) == 2  # the failed save, then the failed retry
        monkeypatch.undo()
        await pilot.press("q")  # saves, then quits
        assert not app.is_running
    assert app.return_code == 0
    assert new_kinds(stored_events, before) == ["vote_recorded"]
    assert stored().motions["m2"].state is MotionState.PASSED


async def test_ctrl_q_with_a_change_the_disk_refused_stays_open_too(
    make, stored_events, monkeypatch
) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(storage, "replace_with_retry", _disk_full)
        await pilot.press("y", "y", "ctrl+q")
        assert app.is_running
        monkeypatch.undo()
        await pilot.press("ctrl+q")
        assert not app.is_running
    assert new_kinds(stored_events, before) == ["vote_recorded"]


async def test_english_everywhere(make, ui) -> None:
    app = make(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        keys = [k for f in app.screen.query(KeyFooter) for k in f.hints()]
        assert keys, "the footer shows keys"
        for key in keys:
            assert not CJK.search(key.description), key.description
        assert "present 44 · voting 38" in ui.header(app)
        assert ui.header(app).startswith("电大家属院老旧小区改造 民主协商议事会 · bench meeting")
        assert ui.vote_panel(app).splitlines()[:2] == ["#2 raised", "no vote yet"]
        assert ui.strip(app) == "deferred 0 · follow-ups 1"
        table = app.screen.query_one("#motions")
        assert str(table.border_title).startswith("Motions (item 3:")
        labels = [str(col.label) for col in table.columns.values()]
        assert not any(CJK.search(label) for label in labels)
        await pilot.press("v")
        assert not CJK.search(ui.dialog_message(app))
        assert "acclamation" in ui.dialog_message(app)  # nothing typed yet: how to start
        await pilot.press("1")
        assert ui.dialog_message(app).startswith("not voting 37")
        await pilot.press("escape", "question_mark")
        help_text = " ".join(
            " ".join(col) for col in _columns(app.screen.query_one(Static).content)
        )
        assert "pass by acclamation" in help_text
        assert not CJK.search(help_text)
