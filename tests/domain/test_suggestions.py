"""Owners and dates to come back are suggested from this meeting, its parties and the archive."""

from __future__ import annotations

from meeting_tui.domain import commands as c
from meeting_tui.domain.archive_summary import summarise
from meeting_tui.domain.suggestions import answer_suggestions


def earlier_meeting(make_session):
    s = make_session(meeting_id="m-old")
    s.do(c.step_agenda, 1)
    for text, owner in (("电线", "街道城建科"), ("大门", "街道城建科"), ("绿化", "物业")):
        s.do(c.raise_motion, text)
        s.do(c.defer, s.state.motions[f"m{len(s.state.motions)}"].id, "再议", owner, "2027-03")
    return summarise(s.state)  # the archive as the kept summary holds it


def test_owner_suggestions_this_meeting_first_then_parties_present_then_archive(
    make_session,
) -> None:
    old = earlier_meeting(make_session)
    s = make_session(meeting_id="m-new")
    s.do(c.set_attendance, "contractor", 2)
    s.do(c.step_agenda, 1)
    s.do(c.raise_motion, "车棚")
    s.do(c.acclaim, "m1")
    s.do(c.assign_followup, "m1", "王师傅施工队")
    got = answer_suggestions(s.state, [old, summarise(s.state)], "owner")
    assert got[:5] == ["王师傅施工队", "居民", "施工方", "街道城建科", "物业"]
    assert "社区工作人员" in got and len(got) == len(set(got))


def test_target_suggestions_come_from_answers_and_the_next_meeting(make_session) -> None:
    old = earlier_meeting(make_session)
    s = make_session(meeting_id="m-new")
    assert answer_suggestions(s.state, [old], "target") == ["2027-03", "下次议事会"]
    assert answer_suggestions(s.state, [], "target", "en") == ["next meeting"]
