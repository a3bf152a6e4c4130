"""What the public view shows, without Textual: the motion on the floor, its verdict, redaction."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from meeting_tui.domain import commands as c
from meeting_tui.domain.log import MeetingLog
from meeting_tui.publicity.projection import project

CST = timezone(timedelta(hours=8))


class Meeting:
    def __init__(self) -> None:
        self.log = MeetingLog()
        self.now = datetime(2026, 10, 17, 14, 30, tzinfo=CST)

    def do(self, command, *args, **kw):
        self.now += timedelta(minutes=1)
        return self.log.commit(self.log.prepare(command(self.log.state, *args, **kw), self.now))

    def motion(self, number: int) -> str:
        return next(m.id for m in self.log.state.motions.values() if m.number == number)


def in_session() -> Meeting:
    m = Meeting()
    m.log.commit(m.log.prepare(c.create_meeting("m-test", "大门议事会", "bench"), m.now))
    m.do(c.add_items, [("电线改造", 10, ""), ("大门与单元门", 20, "")])
    m.do(c.set_attendance, "resident", 40)
    m.do(c.start_meeting)
    m.do(c.activate_item, m.log.state.items[0].id)
    return m


def test_the_tally_is_explained_in_words_from_the_stored_vote() -> None:
    m = in_session()
    m.do(c.raise_motion, "电线入地", proposer="李建国", rule="majority_of_present")
    m.do(c.record_vote, m.motion(1), 23, 10, 2)
    p = project(m.log.state, "motion", "zh")
    assert p.motion is not None and p.motion.vote is not None
    assert p.motion.vote.reason == "赞成 23 > 出席 40 的一半 → 通过"
    assert (p.motion.vote.not_voting, p.motion.vote.eligible_present) == (5, 40)
    assert p.item == "第1项 电线改造"
    assert project(m.log.state, "motion", "en").motion.vote.reason == (  # type: ignore[union-attr]
        "for 23 > half of 40 present → passed"
    )


def test_names_are_redacted_as_on_the_public_page() -> None:
    m = in_session()
    m.do(c.raise_motion, "李建国说电线太老，电话13812345678", proposer="李建国")
    p = project(m.log.state, "motion", "zh")
    assert p.motion is not None
    assert p.motion.proposer == "李某"
    assert "李建国" not in p.motion.text and "13812345678" not in p.motion.text
    assert "李某" in p.motion.text


def test_between_items_nothing_is_on_the_floor_and_the_decisions_are_listed() -> None:
    m = in_session()
    m.do(c.raise_motion, "电线入地", proposer="居民")
    m.do(c.record_vote, m.motion(1), 38, 0, 0)
    m.do(c.step_agenda, 1)  # on to 大门与单元门, no motion raised there yet
    p = project(m.log.state, "motion", "zh")
    assert p.motion is None
    assert p.item == "第2项 大门与单元门"
    assert [(d.number, d.state, d.tally, d.passed) for d in p.decisions] == [
        (1, "通过", "38 / 0 / 0", True)
    ]
    m.do(c.raise_motion, "重新商议大门位置", proposer="居民")
    assert project(m.log.state, "motion", "zh").motion.number == 2  # type: ignore[union-attr]


def test_after_the_close_the_view_shows_final_results_only() -> None:
    m = in_session()
    m.do(c.raise_motion, "电线入地", proposer="居民")
    m.do(c.record_vote, m.motion(1), 10, 20, 0)
    m.do(c.close_meeting)
    p = project(m.log.state, "results", "zh")
    assert p.closed and p.motion is None and p.item == ""
    assert [(d.state, d.passed) for d in p.decisions] == [("未通过", False)]
