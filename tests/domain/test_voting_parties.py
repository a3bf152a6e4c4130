"""Who votes (表决权) can change during a meeting, and a refused vote names the fix that applies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from test_commands import refused

from meeting_tui.domain import EventKind, Party, fold
from meeting_tui.domain import commands as c
from meeting_tui.minutes.build import build_minutes
from meeting_tui.minutes.sections import header_rows


def officials(make_session: Callable[..., Any]) -> Any:
    """A joint meeting of officials: nobody of the default voting party (residents) is there."""
    s = make_session(residents=None, title="联席会议")
    for party, n in (("staff", 5), ("government", 4), ("unit", 3)):
        s.do(c.set_attendance, party, n)
    s.do(c.step_agenda, 1)
    s.do(c.raise_motion, "共建停车场", "i1")
    return s


def test_a_vote_with_people_present_but_no_voting_party_names_who_votes(make_session) -> None:
    s = officials(make_session)
    with refused("error.no_voting_party_present", present=12, parties=["resident"]):
        c.acclaim(s.state, "m1")
    with refused("error.no_voting_party_present"):
        c.record_vote(s.state, "m1", 5, 0, 0)
    with refused("error.no_voting_party_present"):
        c.require_voters(s.state)


def test_a_vote_with_nobody_present_asks_for_attendance(make_session) -> None:
    s = make_session(residents=None)
    s.do(c.step_agenda, 1)
    s.do(c.raise_motion, "电线", "i1")
    with refused("error.nobody_eligible"):
        c.acclaim(s.state, "m1")


def test_voting_parties_change_in_session_and_the_vote_counts_them(make_session) -> None:
    s = officials(make_session)
    drafts = c.set_voting_parties(s.state, ["staff", "government", "unit"])
    assert [d.kind for d in drafts] == [EventKind.VOTING_PARTIES_SET]
    s.commit(drafts)
    assert s.state.voting_parties == (Party.STAFF, Party.GOVERNMENT, Party.UNIT)
    assert s.state.eligible_present == 12
    s.do(c.acclaim, "m1")
    vote = s.state.motions["m1"].vote
    assert vote is not None and vote.eligible_present == 12 and vote.passed


def test_setting_the_same_parties_is_no_step_and_none_is_refused(make_session) -> None:
    s = officials(make_session)
    assert c.set_voting_parties(s.state, ["resident"]) == []
    with refused("error.no_voting_party"):
        c.set_voting_parties(s.state, [])
    with refused("error.bad_choice", field="voting_parties"):
        c.set_voting_parties(s.state, ["dogs"])


def test_the_change_is_undone_like_any_step(make_session) -> None:
    s = officials(make_session)
    s.do(c.set_voting_parties, ["staff", "unit"])
    assert s.state.eligible_present == 8
    s.do(c.undo)
    assert s.state.voting_parties == (Party.RESIDENT,)
    assert s.state == fold(s.log.events)


def test_closed_meeting_refuses_a_change_of_voting_parties(make_session) -> None:
    s = officials(make_session)
    s.do(c.close_meeting)
    with refused("error.meeting_closed"):
        c.set_voting_parties(s.state, ["staff"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_minutes_name_the_change_in_header_and_timeline(make_session, lang: str) -> None:
    s = officials(make_session)
    s.do(c.set_voting_parties, ["staff", "government", "unit"])
    s.do(c.acclaim, "m1")
    minutes = build_minutes(s.state, s.log.events, lang)
    rows = dict(header_rows(minutes))
    if lang == "zh":
        assert rows["有表决权"] == "社区工作人员，政府部门，驻社区单位，出席 12 人"
        assert rows["表决权变更"] == "14:36 居民 → 社区工作人员，政府部门，驻社区单位"
        texts = [e.text for e in minutes.timeline]
        assert "有表决权的一方改为：社区工作人员，政府部门，驻社区单位" in texts
    else:
        assert rows["Change of who votes"].endswith(
            "residents → community staff, government departments, resident units"
        )
