"""Pilot tests for the floor keys of the session screen: h k j K z F c L, and the countdown.

The in-session demo has motion 2 "重新商议小区大门位置" raised on the active item 3
and selected: the queue is that motion's. Each test checks the screen, then the
events on disk after the app has exited (and the meeting folded from them).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from log_reading import new_kinds
from screen_reading import rendered_lines
from textual.widgets import Input, Static

from meeting_tui.demo import LIVE_ID
from meeting_tui.domain import commands as c
from meeting_tui.domain.floor import SpeechState, Stance
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.dialogs.floor_dialog import FloorDialog
from meeting_tui.tui.dialogs.form import FormDialog
from meeting_tui.tui.screens.session import SessionScreen
from meeting_tui.tui.widgets.floor_strip import FloorStrip


class Clock:
    """A clock the test moves forward: the countdown reads it once a second."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def floor_strip(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(FloorStrip).render())


def countdown(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#floor", Static).render())


def queue_speakers(data_dir, names: list[tuple[str, str]], clock) -> None:  # type: ignore[no-untyped-def]
    """Register speakers on motion 2 before the app opens (as an earlier session did)."""
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID, clock)
    for name, stance in names:
        live.execute(c.add_speaker(live.state, name, "resident", stance, motion_id="m2"))
    live.close()


async def test_h_registers_a_speaker_on_the_selected_motion(
    make, stored, stored_events, ui
) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.screen.query_one(FloorStrip).display  # no queue yet: no strip
        await pilot.press("h")
        assert isinstance(app.screen, FormDialog)
        assert "事项 2" in ui.text_of(app.screen.query_one(".hint", Static))
        await ui.type_text(pilot, "李姓居民")
        await pilot.press("tab", "tab", "right")  # party stays 居民; stance 赞成 → 反对
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        strip = floor_strip(app)
        assert "发言 事项 2" in strip and "下一位 李姓居民（反对）" in strip
        assert app.screen.query_one(FloorStrip).display
        assert len(ui.rows(app)) == 1 and ui.vote_panel(app).startswith("#2")  # still in view
    assert new_kinds(stored_events, before) == ["speaker_added"]
    (speech,) = stored().floor.speeches.values()
    assert (speech.name, speech.stance, speech.subject) == ("李姓居民", Stance.AGAINST, "m2")


async def test_h_point_of_order_goes_to_the_top(make, data_dir, clock, stored, ui) -> None:
    queue_speakers(data_dir, [("王姓居民", "for"), ("张姓居民", "against")], clock)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await ui.type_text(pilot, "赵姓居民")
        await pilot.press("tab", "tab", "left")  # stance 赞成 → 程序问题 (the last choice)
        await pilot.press("enter")
        assert "下一位 赵姓居民[程序]" in floor_strip(app)
    assert [s.name for s in stored().floor.waiting("m2")] == ["赵姓居民", "王姓居民", "张姓居民"]


async def test_k_gives_the_floor_and_the_header_counts_down(make, data_dir, stored) -> None:
    clock = Clock(datetime.fromisoformat("2026-11-21T09:50:00+08:00"))
    queue_speakers(data_dir, [("王姓居民", "for")], clock)
    app = make(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k")
        assert "▶ 王姓居民（赞成）" in floor_strip(app)
        assert countdown(app) == "发言 02:00"
        clock.now += timedelta(seconds=75)
        app.screen.tick()
        await pilot.pause()
        assert countdown(app) == "发言 00:45"
        assert any("发言 00:45" in line for line in rendered_lines(app)[:1])  # in the header
        clock.now += timedelta(seconds=50)
        bells = []
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        app.screen.tick()
        app.screen.tick()  # the bell rings once, not every second
        await pilot.pause()
        assert countdown(app) == "超时 00:05"
        assert app.screen.query_one("#floor").has_class("-overrun")
        assert bells == [1]
        assert "王姓居民 发言已超过 2 分钟" in app.notices.messages()  # type: ignore[attr-defined]
    speech = stored().floor.current
    assert speech is not None and speech.state is SpeechState.SPEAKING
    assert speech.started_at == "2026-11-21T09:50:00+08:00"  # kept on disk: a crash loses nothing


async def test_j_pauses_and_resumes_and_K_ends(make, data_dir, stored, stored_events) -> None:
    clock = Clock(datetime.fromisoformat("2026-11-21T09:50:00+08:00"))
    queue_speakers(data_dir, [("王姓居民", "for")], clock)
    before = len(stored_events())
    app = make(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k")
        clock.now += timedelta(seconds=30)
        await pilot.press("j")
        assert "⏸ 王姓居民" in floor_strip(app) and countdown(app) == "暂停 01:30"
        clock.now += timedelta(seconds=100)  # paused: the time does not run
        app.screen.tick()
        await pilot.pause()
        assert countdown(app) == "暂停 01:30"
        await pilot.press("j")
        clock.now += timedelta(seconds=10)
        await pilot.press("K")
        assert not app.screen.query_one("#floor").has_class("-speaking")
    assert new_kinds(stored_events, before) == [
        "speaker_started", "speaker_paused", "speaker_resumed", "speaker_ended",
    ]  # fmt: skip
    (speech,) = stored().floor.speeches.values()
    assert speech.state is SpeechState.DONE and speech.spoken_s == 40


async def test_z_notes_the_speech_and_offers_the_note_again(
    make, data_dir, clock, stored, ui
) -> None:
    queue_speakers(data_dir, [("王姓居民", "for")], clock)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k", "K", "z")
        assert isinstance(app.screen, FormDialog)
        await ui.type_text(pilot, "支持改大门，方便孩子上学")
        await pilot.press("enter")
        await pilot.press("z")
        field = app.screen.query_one("#f-note", Input)
        assert field.value == "支持改大门，方便孩子上学"
        await pilot.press("escape")
    (speech,) = stored().floor.speeches.values()
    assert speech.note == "支持改大门，方便孩子上学"


async def test_F_reorders_removes_and_calls_out_of_turn(make, data_dir, clock, stored) -> None:
    queue_speakers(data_dir, [("甲居民", "for"), ("乙居民", "against"), ("丙居民", "other")], clock)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("F")
        assert isinstance(app.screen, FloorDialog)
        await pilot.press("down", "K")  # 乙 up to first
        await pilot.press("down", "x")  # 甲 (now second) removed
        await pilot.press("down", "enter")  # 丙 is called before 乙, the suggested one
        assert isinstance(app.screen, SessionScreen)
        assert "▶ 丙居民" in floor_strip(app)
    floor = stored().floor
    assert [s.name for s in floor.waiting("m2")] == ["乙居民"]
    current = floor.current
    assert current is not None and current.name == "丙居民"
    assert floor.speeches[current.passed_over].name == "乙居民"  # the override is on record
    assert floor.speeches["s1"].state is SpeechState.REMOVED


async def test_c_hands_the_chair_over_and_takes_it_back(make, stored, stored_events, ui) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, FormDialog)
        await ui.type_text(pilot, "周书记")
        await pilot.press("tab")
        await ui.type_text(pilot, "主持人要发言")
        await pilot.press("enter")
        assert "代主持：周书记" in floor_strip(app)
        assert "主持已移交给 周书记" in app.notices.messages()  # type: ignore[attr-defined]
        await pilot.press("c")
        assert not app.screen.query_one(FloorStrip).display  # nothing on the floor: no strip
    assert new_kinds(stored_events, before) == ["chair_handed_over", "chair_taken_back"]
    (handover,) = stored().floor.handovers
    assert (handover.to, handover.reason) == ("周书记", "主持人要发言") and handover.back_at


async def test_L_sets_no_time_limit_and_a_cap(make, stored, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("L")
        assert isinstance(app.screen, FormDialog)
        assert app.screen.query_one("#f-speech", Input).value == "2"
        app.screen.query_one("#f-speech", Input).value = "两分钟"
        await pilot.press("enter")
        assert isinstance(app.screen, FormDialog)  # refused inline, naming the fix
        assert "请写分钟数" in ui.dialog_message(app)
        app.screen.query_one("#f-speech", Input).value = "0"
        app.screen.query_one("#f-cap", Input).value = "3"
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
        assert "发言规则：不限 · 3 次" in app.notices.messages()  # type: ignore[attr-defined]
    floor = stored().floor
    assert (floor.speech_limit_s, floor.speeches_per_person) == (None, 3)


async def test_the_facilitator_is_told_to_hand_over_before_speaking(make, data_dir, clock) -> None:
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID, clock)
    facilitator = live.state.facilitator
    live.execute(c.add_speaker(live.state, facilitator, "staff", "for", motion_id="m2"))
    live.close()
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k")
        assert app.notices.errors() == [  # type: ignore[attr-defined]
            f"主持中立：{facilitator} 是主持人，发言前请先按 c 把主持移交给他人。"
        ]
        assert app.screen.query_one(FloorStrip).display and "▶" not in floor_strip(app)


async def test_the_floor_keys_are_in_the_help_and_refused_on_a_closed_meeting(make) -> None:
    from meeting_tui.demo import CLOSED_ID
    from meeting_tui.tui.dialogs.help import HelpScreen

    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = {(key, what) for key, what, group in app.screen.rows if group == "发言"}
        assert rows == {
            ("h", "登记发言"), ("k", "请下一位发言"), ("j", "暂停/继续发言"), ("K", "结束发言"),
            ("z", "发言摘要"), ("F", "发言队列"), ("c", "移交/收回主持"), ("L", "发言限时限次"),
        }  # fmt: skip
        await pilot.press("escape")
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"发言: 登记发言", "发言: 请下一位发言", "发言: 移交/收回主持"} <= titles
    closed = make(CLOSED_ID)
    async with closed.run_test(size=(80, 24)) as pilot:
        for key in ("h", "k", "c", "L"):
            await pilot.press(key)
            assert isinstance(closed.screen, SessionScreen)
        refusals = [m for m in closed.notices.messages() if "会议已结束" in m]  # type: ignore[attr-defined]
        assert len(refusals) == 4


def test_the_readme_documents_every_floor_key() -> None:
    from pathlib import Path

    from meeting_tui.tui.keymap import SESSION_KEYS

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Keys on the session screen", 1)[1].split("\n## ", 1)[0]
    floor_keys = [k.key for k in SESSION_KEYS if k.group == "group.floor"]
    assert floor_keys == ["h", "k", "j", "K", "z", "F", "c", "L"]
    for key in floor_keys:
        assert f"| `{key}` |" in table, key
    for rule in ("主持中立", "限时限次", "机会均等", "立场明确", "一时一件"):
        assert f"| {rule} (" in table, rule


async def test_u_undoes_a_floor_step_saying_what_it_undoes(
    make, data_dir, clock, stored, stored_events
) -> None:
    queue_speakers(data_dir, [("王姓居民", "for")], clock)
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k", "u")
        from meeting_tui.tui.dialogs.confirm import ConfirmDialog

        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        assert "已撤销：王姓居民 开始发言" in app.notices.messages()  # type: ignore[attr-defined]
        assert "下一位 王姓居民（赞成）" in floor_strip(app)
    assert [e.kind.value for e in stored_events()[-2:]] == ["speaker_started", "undone"]
    floor = stored().floor
    assert floor.current is None and [s.name for s in floor.waiting("m2")] == ["王姓居民"]
