"""End to end: the 南苑 meeting of `meeting_tui/demo.py`, replayed through key presses.

A fresh meeting is created with the demo's own `create_meeting` fields and
agenda; then every step of `_opening` and `_rest_of_meeting` is done from the
keyboard (attendance with `a`, items with `]`, motions with `n`, `y`, `v`,
`d`, `o`, `r`, `f`, `u`). Closing is not on the session screen yet, so the
replay stops before it and is compared with the demo log minus its closing
events. Times differ (the app's clock is frozen), so the comparison is of
content: see `projection`.
"""

from __future__ import annotations

from typing import Any

from meeting_tui.demo import AGENDA, closed_log
from meeting_tui.domain import MeetingState, fold
from meeting_tui.domain import commands as c
from meeting_tui.domain.events import EventKind
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.screens.attendance import AttendanceScreen
from meeting_tui.tui.screens.session import SessionScreen
from meeting_tui.tui.screens.setup import SetupScreen

FRESH_ID = "20261017-e2e1"

# Steps of → on the category choice from its default (其他): 安全, 环境, 文体, 治理.
SAFETY, ENVIRONMENT, CULTURE, GOVERNANCE = 1, 2, 3, 4


def demo_before_closing() -> MeetingState:
    events = closed_log()
    closing = [e for e in events if e.kind is EventKind.MEETING_CLOSED]
    assert events[-1] is closing[0] and events[-2].kind is EventKind.ITEM_DONE
    return fold(events[:-2])  # close_meeting = the last item done + meeting closed


def projection(state: MeetingState) -> dict[str, Any]:
    """What the meeting says, without when.

    Left out: the meeting id, event seqs and times, and the items' timers (the
    replay's clock is frozen, the demo's moves); everything else is compared.
    """
    return {
        "meeting": (
            state.title,
            state.kind,
            state.community,
            state.location,
            state.planned_start,
            state.planned_end,
            state.facilitator,
            state.recorder,
            state.status,
            state.voting_parties,
            state.default_rule,
            state.quorum,
        ),
        "attendance": state.attendance,
        "items": [(i.id, i.title, i.notes, i.timebox_min, i.state) for i in state.items],
        "motions": {
            m.id: {
                "number": m.number,
                "item": m.item_id,
                "text": m.text,
                "proposer": m.proposer,
                "party": m.party,
                "category": m.category,
                "cost": m.cost,
                "rule": m.rule,
                "note": m.note,
                "response": m.response,
                "responder": m.responder,
                "state": m.state,
                "votes": [
                    (
                        v.method,
                        v.in_favour,
                        v.against,
                        v.abstain,
                        v.eligible_present,
                        v.rule,
                        v.quorum,
                        v.quorum_met,
                        v.passed,
                        v.superseded,
                    )
                    for v in m.votes
                ],
                "deferral": m.deferral and (m.deferral.reason, m.deferral.owner, m.deferral.target),
                "followup": m.followup and (m.followup.owner, m.followup.due),
                "withdraw_reason": m.withdraw_reason,
            }
            for m in state.motions.values()
        },
    }


def create_fresh_meeting(data_dir) -> None:
    """A new meeting with the demo's fields and agenda, nothing else."""
    fields = dict(closed_log()[0].payload)
    fields.pop("meeting_id")
    title, kind = fields.pop("title"), fields.pop("kind")
    archive = open_archive(data_dir)
    live = LiveMeeting.create(
        archive, FRESH_ID, lambda s: c.create_meeting(FRESH_ID, title, kind, **fields)
    )
    live.execute(c.add_items(live.state, AGENDA))
    live.close()


class Keys:
    """The facilitator's hands: one method per thing done at the meeting."""

    def __init__(self, pilot, ui) -> None:
        self.pilot, self.ui = pilot, ui

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)

    async def type(self, text: str) -> None:
        await self.ui.type_text(self.pilot, text)

    async def raise_motion(
        self, text: str, proposer: str, category: int, cost: str = "", note: str = ""
    ) -> None:
        await self.press("n")
        await self.type(text)
        await self.press("tab")
        await self.type(proposer)
        await self.press("tab", "tab", *["right"] * category, "tab")  # party stays 居民
        if cost:
            await self.press(*cost)
        await self.press("tab")
        if note:
            await self.type(note)
        await self.press("enter")
        self.assert_closed()

    async def vote(self, yes: int, no: int, abstain: int) -> None:
        await self.press("v", *str(yes), "tab", *str(no), "tab", *str(abstain), "enter")
        self.assert_closed()

    async def followup(self, due: str) -> None:
        await self.press("f")
        await self.type("施")  # the owner: 施工方 is suggested (a party present), → accepts it
        await self.press("right", "tab")
        await self.type(due)
        await self.press("enter")
        self.assert_closed()

    async def defer(self, reason: str, target: str = "") -> None:
        await self.press("d")
        await self.type(reason)
        await self.press("tab")
        await self.type("社")  # 社区工作人员, suggested; → accepts it
        await self.press("right", "tab")
        await self.type(target or "下")  # 下次议事会 is suggested for the target
        if not target:
            await self.press("right")
        await self.press("enter")
        self.assert_closed()

    def assert_closed(self) -> None:
        """The dialog closed: the domain accepted what was typed."""
        assert isinstance(self.pilot.app.screen, SessionScreen), self.pilot.app.screen


async def test_the_nanyuan_meeting_by_keyboard_ends_as_the_demo(data_dir, make, stored, ui) -> None:
    create_fresh_meeting(data_dir)
    app = make(FRESH_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        k = Keys(pilot, ui)
        # _opening: a draft opens in setup; headcounts on the attendance screen (p),
        # then s starts the meeting at 开场说明, and ] moves on to 电线改造.
        assert isinstance(app.screen, SetupScreen)
        await k.press("p")
        assert isinstance(app.screen, AttendanceScreen)
        await k.press("3", "8", "tab", "3", "tab", "1", "tab", "2", "escape")
        assert isinstance(app.screen, SetupScreen)
        await k.press("s")
        k.assert_closed()
        assert "出席 44 · 投票 38" in ui.header(app)
        await k.press("right_square_bracket")
        await k.raise_motion(
            "电线入地改造：楼内外老化电线全部像新小区一样入地",
            "李姓居民",
            SAFETY,
            note="电线表皮腐蚀老化，容易触电",
        )
        await k.press("y", "y")
        await k.followup("2027-05-31")

        # _rest_of_meeting
        await k.press("right_square_bracket")  # 大门与单元门
        await k.raise_motion("重新商议小区大门位置（现大门把小区和学校隔开）", "居民", GOVERNANCE)
        await k.press("a", "+", "+", "enter")  # two late arrivals
        assert "投票 40" in ui.header(app)
        await k.vote(14, 20, 6)
        await k.defer("涉及学校和街道，需三方协调后再议")
        await k.raise_motion("更换单元门，统一样式并加装门禁", "张姓居民", SAFETY)
        await k.vote(31, 5, 4)
        await k.followup("2027-03-31")

        await k.press("right_square_bracket")  # 保温与防水
        await k.raise_motion(
            "重新做保温层和防水层", "居民", ENVIRONMENT, note="保温层和防水层早已老化失去保温作用"
        )
        await k.press("r")
        await k.type("前期已经考虑，会重新做保温层和防水层并加固")
        await k.press("tab")
        await k.type("施工方负责人")
        await k.press("enter")
        k.assert_closed()
        await k.press("o")  # the response is on record: answered at once

        await k.press("right_square_bracket")  # 绿化与外墙
        await k.raise_motion("补种绿化，恢复楼间绿地", "居民", ENVIRONMENT)
        await k.vote(33, 3, 4)
        await k.followup("2027-06-30")
        await k.raise_motion("外墙粉刷，颜色与周边小区协调", "王姓居民", ENVIRONMENT)
        await k.vote(27, 9, 4)
        await k.followup("2027-06-30")

        await k.press("right_square_bracket")  # 自行车棚与路面
        await k.raise_motion("新建自行车棚（带电动车充电）", "居民", SAFETY, cost="85000")
        await k.vote(26, 10, 4)
        await k.followup("2027-04-30")
        await k.raise_motion(
            "院内路面重新铺设",
            "居民",
            ENVIRONMENT,
            cost="180000",
            note="费用超过 10 万元，列入改造项目资金",
        )
        assert "≥ 10 万" in ui.vote_panel(app)
        await k.vote(37, 0, 3)
        await k.followup("2027-05-31")

        await k.press("right_square_bracket")  # 其他建议
        await k.raise_motion("增设电动车集中充电桩", "居民", SAFETY)
        await k.defer("需先核实院内用电容量", target="2026-12-15")
        await k.raise_motion("楼道灯更换为声控灯", "赵姓居民", SAFETY)
        await k.vote(36, 1, 3)
        await k.followup("2027-01-31")
        await k.raise_motion("在西门空地增设健身器材", "居民", CULTURE)
        await k.vote(15, 19, 6)
        await k.press("r", "tab", "tab")  # no response, just the discussion notes
        await k.type("空地需留作消防通道，多数居民不赞成")
        await k.press("enter")
        k.assert_closed()
        await k.raise_motion("调整垃圾分类亭位置，远离单元门口", "居民", ENVIRONMENT)
        await k.vote(18, 16, 6)
        await k.press("u")  # the tally was typed wrong
        assert "表决事项 12：赞成 18，反对 16，弃权 6" in ui.text_of(
            app.screen.query_one("#question")
        )
        await k.press("y")
        await k.vote(16, 18, 6)
        await k.defer("意见接近，待物业提出两个备选位置后再议")

        await k.press("right_square_bracket")  # 总结
        assert ui.strip(app) == "暂缓事项 3 · 待落实 7"
        assert not app.notices.errors()
        await k.press("q")
    assert app.return_code == 0

    replayed, demo = stored(FRESH_ID), demo_before_closing()
    assert projection(replayed) == projection(demo)
