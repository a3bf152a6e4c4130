"""What the minutes say about results, attendance and rules, in words a resident reads."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from meeting_tui.demo import ScriptedMeeting
from meeting_tui.domain import commands as c
from meeting_tui.domain.model import DecisionRule
from meeting_tui.domain.rules import evaluate
from meeting_tui.minutes import Minutes
from meeting_tui.minutes import sections as s
from meeting_tui.minutes.model import VoteEntry
from meeting_tui.minutes.wording import committee_name, plain_result

CST = timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    ("rule", "counts", "quorum", "expected"),
    [
        (DecisionRule.SIMPLE_MAJORITY, (14, 20, 6, 40), None, "未通过：赞成 14 人，少于反对 20 人"),
        (DecisionRule.SIMPLE_MAJORITY, (31, 5, 4, 40), None, "通过：赞成 31 人，多于反对 5 人"),
        (
            DecisionRule.SIMPLE_MAJORITY,
            (18, 18, 4, 40),
            None,
            "未通过：赞成 18 人，与反对 18 人持平，未多于反对",
        ),
        (
            DecisionRule.MAJORITY_OF_PRESENT,
            (20, 10, 10, 40),
            None,
            "未通过：赞成 20 人，未超过出席有表决权 40 人的一半",
        ),
        (
            DecisionRule.TWO_THIRDS,
            (27, 10, 3, 40),
            None,
            "通过：赞成 27 人，达到出席有表决权 40 人的三分之二",
        ),
        (DecisionRule.CONSENSUS, (30, 1, 0, 31), None, "未通过：有 1 人反对，须无人反对"),
        (
            DecisionRule.SIMPLE_MAJORITY,
            (12, 3, 0, 15),
            20,
            "通过：出席有表决权 15 人，不足法定人数 20 人；赞成 12 人，多于反对 3 人",
        ),
    ],
)
def test_every_rule_outcome_reads_as_a_sentence(
    rule: DecisionRule, counts: tuple[int, int, int, int], quorum: int | None, expected: str
) -> None:
    assert plain_result(evaluate(rule, *counts, quorum=quorum), "zh") == expected


def test_english_result_sentence() -> None:
    outcome = evaluate(DecisionRule.SIMPLE_MAJORITY, 14, 20, 6, 40)
    assert plain_result(outcome, "en") == "Rejected: 14 in favour, fewer than the 20 against"


def _meeting(quorum: int | None = None) -> ScriptedMeeting:
    """All eight parties entitled to vote; residents come late and some leave early."""
    run = ScriptedMeeting(datetime(2026, 11, 27, 14, 0, tzinfo=CST))
    every = ["resident", "staff", "property", "contractor", "cppcc", "government", "unit", "other"]
    run(
        c.create_meeting(
            "20261127-word", "幸福里议事会", "council", community="幸福里社区",
            voting_parties=every, quorum=quorum,
        )
    )  # fmt: skip
    run(c.add_items(run.state, [("楼道改造", 20, "")]))
    run(c.set_headcounts(run.state, {"resident": 30, "staff": 2}))
    run(c.step_agenda(run.state, 1), 2)
    run(c.set_attendance(run.state, "resident", 35), 5)  # 14:10: five come late
    motion = run.raise_("加装扶手")
    run(c.record_vote(run.state, motion, 14, 20, 3))
    run(c.defer(run.state, motion, "再听听物业意见", "社区工作人员", "下次议事会"))
    run(c.set_attendance(run.state, "resident", 31), 30)  # four leave early
    run(c.close_meeting(run.state))
    return run


def _minutes(run: ScriptedMeeting) -> Minutes:
    return Minutes.build(run.state, run.log.events)


def test_attendance_shows_the_largest_and_the_final_count_and_each_change_with_its_time() -> None:
    minutes = _minutes(_meeting())
    rows = dict(s.header_rows(minutes))
    assert rows["出席人员"] == "居民 最多 35 人，散会时 31 人，社区工作人员 2 人；散会时共 33 人"
    timeline = [(e.at, e.text) for e in minutes.timeline]
    assert ("14:10", "居民迟到 5 人，现出席 35 人") in timeline
    assert ("14:44", "居民早退 4 人，现出席 31 人") in timeline
    assert ("14:03", "出席 居民 30 人") in timeline  # counted before the start: not 迟到


def test_voters_lists_only_the_voting_parties_that_came_and_an_unset_quorum_reads_none() -> None:
    rows = dict(s.header_rows(_minutes(_meeting())))
    assert rows["有表决权"] == "居民，社区工作人员，出席 33 人"
    assert rows["法定人数"] == "不设"
    assert dict(s.header_rows(_minutes(_meeting(quorum=25))))["法定人数"] == "25 人"


def test_a_deferred_motion_says_its_vote_failed_and_that_it_was_deferred() -> None:
    motion = _minutes(_meeting()).motions[0]
    assert s.result_text(_minutes(_meeting()), motion) == (
        "未通过：赞成 14 人，少于反对 20 人；事项暂缓"
    )
    assert s.state_code(motion) == "deferred"


def test_minutes_saved_before_the_plain_wording_print_their_saved_reason() -> None:
    minutes = _minutes(_meeting())
    old = minutes.to_json()
    for motion in old["motions"]:
        for vote in motion["votes"]:
            del vote["plain"]
    for party in old["attendance"]:
        del party["largest"]
    back = Minutes.from_json(old)
    assert back.motions[0].vote == VoteEntry(**{**old["motions"][0]["votes"][0], "plain": ""})
    assert s.result_text(back, back.motions[0]) == "暂缓（赞成 14 ≤ 反对 20 → 未通过）"
    assert dict(s.header_rows(back))["出席人员"] == "居民 31 人，社区工作人员 2 人；共 33 人"


def test_the_closing_block_names_the_committee_and_the_date() -> None:
    assert s.closing_lines(_minutes(_meeting())) == ["幸福里社区居民委员会", "2026年11月27日"]
    assert committee_name("南苑社区居委会", "zh") == "南苑社区居委会"
    assert committee_name("", "zh") == ""


def test_a_long_keeper_shrinks_but_the_motion_column_keeps_its_room() -> None:
    from meeting_tui.minutes.wordml import fit_widths

    rows = [("2", "重新商议小区大门位置", "原因", "社区" * 40, "下次议事会")]
    widths = fit_widths(
        ("序号", "事项", "暂缓原因", "跟进人", "再议时间"), rows, (0, 3, 4), 10.5, 8844
    )
    assert sum(widths) == 8844
    assert widths[1] + widths[2] >= 0.3 * 8844 - 2
