"""The 宁安 case end to end: 284 households, 6 buildings, 7 firms, three sessions of the app.

Session 1 creates the decision from the roster (a GBK CSV, as Excel saves it
on Chinese Windows) and enters answers from door-to-door visits; the app is
closed. Session 2 reopens it from disk, enters written ballots, corrects one
answer from session 1 and withdraws another. Session 3 enters the rest and
closes the count. The stored record, the tally (against a recount done here
from the raw answers), the result and the public announcement are checked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ningan_case import FIRMS, answer_for, flats, roster_csv
from screen_reading import type_text
from textual import events
from textual.keys import _character_to_key

from meeting_tui.domain.owners import decision as d
from meeting_tui.domain.owners.rules import Counts
from meeting_tui.domain.owners.tally import outcome, tally
from meeting_tui.publicity.owners_notice import build_notice, render_html, render_markdown
from meeting_tui.store.owners import DecisionArchive
from meeting_tui.tui.screens.owners import OwnersScreen

FLATS = flats()
SESSIONS = (range(0, 70), range(70, 140), range(140, 205))
CORRECTED = 5  # answered in session 1, corrected in session 2
WITHDRAWN = 12  # answered in session 1, withdrawn in session 2


def burst(pilot: Any, *keys: str) -> None:
    """Send keys as a terminal delivers a fast typist's burst: without waiting for the screen."""
    for key in keys:
        if len(key) == 1:
            name = key if key.isalnum() else _character_to_key(key)
            pilot.app.post_message(events.Key(name, key))
        else:
            pilot.app.post_message(events.Key(key, "\r" if key == "enter" else None))


async def enter(pilot: Any, index: int, answer: str | None = None) -> None:
    """Room number, Enter, answer key; one pause for every few households."""
    burst(pilot, *FLATS[index].id, "enter", answer or answer_for(index))
    if index % 10 == 9:
        await pilot.pause()


async def open_decision(pilot: Any, collector: str) -> OwnersScreen:
    await pilot.press("o", "enter")
    await pilot.pause()
    await type_text(pilot, collector)
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, OwnersScreen)
    return screen


async def test_the_ningan_canvass_over_three_sessions(
    make: Any, data_dir: Path, tmp_path: Path
) -> None:
    roster = tmp_path / "凯旋帝景房屋清册.csv"
    roster.write_bytes(roster_csv().encode("gbk"))

    async with make(None).run_test(size=(80, 24)) as pilot:  # session 1: create, visits
        await pilot.press("o", "n")
        await pilot.pause()
        await type_text(pilot, "凯旋帝景小区物业选聘")
        await pilot.press("tab")
        await type_text(pilot, "是否同意从以下七家企业中选聘物业服务企业")
        await pilot.press("tab", "tab")
        await type_text(pilot, "、".join(FIRMS))
        await pilot.press("tab")
        await type_text(pilot, "宁安社区")
        await pilot.press("tab")
        await type_text(pilot, str(roster))
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "崔辉")
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, OwnersScreen)
        for index in SESSIONS[0]:
            if index == 49:  # 郭建华 chose 4 for 2-1-101: his other flat cannot say 1
                await pilot.pause()
                burst(pilot, *FLATS[49].id, "enter", "1")
                await pilot.pause()
                assert "2-1-101" in str(screen.query_one("#unit").render())
            await enter(pilot, index)
        await pilot.pause()
        shown = pilot.app.export_screenshot()
        assert "各楼入户比例" in shown and "目前" in shown
    (decision_id,) = [row["id"] for row in DecisionArchive(data_dir).list()]

    async with make(None).run_test(
        size=(80, 24)
    ) as pilot:  # session 2: ballots, a fix, a withdrawal
        screen = await open_decision(pilot, "李娜")
        assert len(screen.state.current) == 70  # reopened from disk
        await pilot.press("f2")  # written ballots
        for index in SESSIONS[1]:
            await enter(pilot, index)
        await enter(pilot, CORRECTED, "6")
        await pilot.pause()
        await pilot.press(*FLATS[WITHDRAWN].id, "enter", "w")
        await pilot.pause()
        await type_text(pilot, "业主本人要求撤回")
        await pilot.press("enter")
        await pilot.pause()

    async with make(None).run_test(size=(80, 24)) as pilot:  # session 3: the rest, close
        screen = await open_decision(pilot, "崔辉")
        for index in SESSIONS[2]:
            await enter(pilot, index)
        await pilot.press("f5", "y")
        await pilot.pause()
        assert screen.state.closed

    state = DecisionArchive(data_dir).read(decision_id)
    assert state.roster is not None and len(state.roster.units) == 284
    assert state.roster.total_owners == 281  # one buyer with two flats, three unsold flats
    assert len(state.roster.buildings) == 6
    assert len(state.history) == 205 + 1  # every answer, the correction included
    fixed = [b for b in state.history if b.unit == FLATS[CORRECTED].id]
    assert [b.answer for b in fixed] == [answer_for(CORRECTED), "6"]
    assert fixed[1].corrects == fixed[0].seq and fixed[1].collector == "李娜"
    (gone,) = [b for b in state.history if b.unit == FLATS[WITHDRAWN].id]
    assert gone.withdrawn_at is not None and FLATS[WITHDRAWN].id not in state.current
    assert gone.withdrawn_reason == "业主本人要求撤回" and gone.withdrawn_by == "李娜"
    methods = {b.unit: b.method for b in state.history}
    assert methods[FLATS[0].id] is d.BallotMethod.VISIT
    assert methods[FLATS[100].id] is d.BallotMethod.WRITTEN

    # the count, against a recount from the raw answers
    stored = {"0": "abstain"}  # the key 0 is stored as an abstention
    final = {FLATS[i].id: stored.get(answer_for(i), answer_for(i)) for r in SESSIONS for i in r}
    final[FLATS[CORRECTED].id] = "6"
    del final[FLATS[WITHDRAWN].id]
    assert {u: b.answer for u, b in state.current.items()} == final
    units = state.roster.by_id
    result = tally(state)
    for option in state.options:
        mine = [units[u] for u, a in final.items() if a == option]
        assert result.counts(option) == Counts(
            sum(u.area for u in mine), len({u.owner_key for u in mine})
        )
    owners_taking_part = {units[u].owner_key for u in final}
    assert result.participating == Counts(
        sum(units[u].area for u in final), len(owners_taking_part)
    )
    assert 3 * result.participating.heads >= 2 * 281

    verdict = outcome(state)
    assert state.outcome == verdict and verdict.passed and verdict.chosen == "4"
    assert verdict.explain("zh").endswith("→ 选定 凯旋物业服务")

    notice = build_notice(state, "zh")
    page = render_html(notice, "zh") + render_markdown(notice)
    assert "凯旋帝景小区物业选聘 表决结果公告" in page
    assert "选定 凯旋物业服务" in page
    assert notice.issued.startswith("宁安社区　") and notice.issued.endswith("日")
    for building in range(1, 7):
        assert f"{building} 号楼：入户比例" in page
    for flat in FLATS:
        assert flat.owner not in page
        assert flat.id not in page
    assert "崔辉" not in page and "李娜" not in page
