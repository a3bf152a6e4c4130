"""End to end: a 南苑-style motion debated by six people at the session screen, then voted; the
exported minutes list the debate as it happened.

Only keys are pressed (h k K z F c v), with the clock moved on between them as
the speeches take their time. Six people speak on motion 2 (the gate): 李建国
and 王姓居民 twice each, 王姓居民 the first time over the two-minute limit,
赵姓居民 with a point of order, the contractor's 陈经理 called by the chair
before 张书记, and the facilitator after handing the chair to 周书记.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from screen_reading import type_text

from meeting_tui.cli import main
from meeting_tui.demo import LIVE_ID
from meeting_tui.tui.dialogs.floor_dialog import FloorDialog
from meeting_tui.tui.dialogs.form import FormDialog
from meeting_tui.tui.screens.session import SessionScreen

FACILITATOR = "居委会刘主任"
PARTIES = ("resident", "staff", "property", "contractor")  # the party choice, in its order
STANCES = ("for", "against", "question", "other", "order")


class Clock:
    def __init__(self) -> None:
        self.now = datetime.fromisoformat("2026-11-21T09:50:00+08:00")

    def __call__(self) -> datetime:
        return self.now


async def test_six_speakers_then_a_vote_and_the_minutes_tell_the_debate(
    make, data_dir: Path, stored, tmp_path: Path
) -> None:
    clock = Clock()
    app = make(LIVE_ID, clock=clock)
    bells: list[int] = []
    app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:

        async def register(name: str, party: str = "resident", stance: str = "for") -> None:
            await pilot.press("h")
            assert isinstance(app.screen, FormDialog)
            await type_text(pilot, name)
            await pilot.press("tab", *["right"] * PARTIES.index(party))
            await pilot.press("tab", *["right"] * STANCES.index(stance))
            await pilot.press("enter")
            assert isinstance(app.screen, SessionScreen), name
            clock.now += timedelta(seconds=5)

        async def speak(seconds: int, summary: str, key: str = "k") -> None:
            if key:
                await pilot.press(key)
            clock.now += timedelta(seconds=seconds)
            app.screen.tick()
            await pilot.press("z")
            await type_text(pilot, summary)
            await pilot.press("enter", "K")
            clock.now += timedelta(seconds=5)

        await register("李建国", stance="for")
        await register("王姓居民", stance="against")
        await register("张书记", "staff", "question")
        await speak(90, "支持调整大门，孩子上学方便")
        await register("李建国", stance="for")  # a second time: behind the first-timers
        await register("陈经理", "contractor", "other")
        await speak(140, "担心大门改到北侧车辆太多")  # over the two-minute limit
        await register("赵姓居民", stance="order")  # a point of order: to the top
        await speak(20, "请先说明改造图纸")
        await register("王姓居民", stance="against")
        await pilot.press("F")  # the chair calls the contractor before 张书记
        assert isinstance(app.screen, FloorDialog)
        await pilot.press("down", "enter")
        await speak(70, "北侧可以开门，需要加装道闸", key="")
        await speak(50, "资金由改造项目列支吗")
        await speak(40, "同意加装道闸")
        await speak(60, "希望只在上下学时开放")
        await pilot.press("c")
        await type_text(pilot, "周书记")
        await pilot.press("tab")
        await type_text(pilot, "主持人发言")
        await pilot.press("enter")
        await register(FACILITATOR, "staff", "other")
        await speak(30, "说明资金已落实")
        await pilot.press("c")  # the chair back with the facilitator
        await pilot.press("v", *"30", "tab", *"5", "tab", "3", "enter")
        assert isinstance(app.screen, SessionScreen)
        assert "王姓居民 发言已超过 2 分钟" in app.notices.messages()  # type: ignore[attr-defined]
        assert bells  # the bell rang when the limit ran out

    state = stored()
    assert state.motions["m2"].vote is not None and state.motions["m2"].vote.passed
    out = tmp_path / "minutes.md"
    assert (
        main(["--data-dir", str(data_dir), "export", LIVE_ID, "--format", "md", "--out", str(out)])
        == 0
    )
    text = out.read_text(encoding="utf-8")
    gate = text.index("### 事项 2：")
    debate_at = text.index("**发言情况**", gate)
    table = text[debate_at:].split("\n\n")[1].splitlines()[2:]  # below the header and its rule
    spoken = [[cell.strip() for cell in row.strip("|").split("|")] for row in table]
    assert [(r[1], r[2], r[4], r[5]) for r in spoken] == [
        ("李建国（居民）", "赞成", "1:30", "支持调整大门，孩子上学方便"),
        ("王姓居民（居民）", "反对", "2:20（超时，限 2:00）", "担心大门改到北侧车辆太多"),
        ("赵姓居民（居民）", "程序问题", "0:20", "请先说明改造图纸"),
        ("陈经理（施工方，主持人调整顺序）", "其他", "1:10", "北侧可以开门，需要加装道闸"),
        ("张书记（社区工作人员）", "提问", "0:50", "资金由改造项目列支吗"),
        ("李建国（居民，第 2 次）", "赞成", "0:40", "同意加装道闸"),
        ("王姓居民（居民，第 2 次）", "反对", "1:00", "希望只在上下学时开放"),
        (f"{FACILITATOR}（社区工作人员）", "其他", "0:30", "说明资金已落实"),
    ]
    assert [r[3] for r in spoken] == sorted(r[3] for r in spoken)  # in the order they began
    assert "发言用时：居民 5:50（5 次），社区工作人员 1:20（2 次），施工方 1:10（1 次）" in text
    assert "超时 1 次：王姓居民" in text
    assert "移交 周书记（主持人发言），" in text and "收回" in text
    assert text.index("- 表决", gate) < text.index("**发言情况**", gate) < text.index("## 三、")
