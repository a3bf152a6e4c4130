"""Forms return frozen dataclasses: read by name, choices as enums or yes/no, a mismatch fails at open."""

from __future__ import annotations

import dataclasses

import pytest

from meeting_tui.domain import Category, MeetingKind, Party, VoteMethod
from meeting_tui.tui.dialogs.form import Field, FormDialog
from meeting_tui.tui.dialogs.form_answers import (
    DeferralAnswers,
    MotionAnswers,
    NewMeetingAnswers,
    PartyCounts,
    VoteAnswers,
    VotingParties,
)
from meeting_tui.tui.screens.session import SessionScreen

MOTION_TEXTS = {
    "text": "电线入地改造",
    "proposer": "李姓居民",
    "party": "resident",
    "category": "safety",
    "cost": "8万",  # typed text stays text: the command judges it
    "note": "",
    "show_proposer_name": "yes",
}


def test_a_motion_form_reads_into_its_dataclass_with_choices_typed() -> None:
    a = MotionAnswers.read(MOTION_TEXTS)
    assert a == MotionAnswers(
        "电线入地改造", "李姓居民", Party.RESIDENT, Category.SAFETY, "8万", "", True
    )
    assert (
        MotionAnswers.read({**MOTION_TEXTS, "show_proposer_name": ""}).show_proposer_name is False
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.text = "改"  # type: ignore[misc]


def test_the_vote_form_reads_for_as_in_favour_and_the_method_as_its_enum() -> None:
    a = VoteAnswers.read({"for": "23", "against": "-", "abstain": "", "method": "standing"})
    assert (a.in_favour, a.against, a.abstain, a.method) == ("23", "-", "", VoteMethod.STANDING)


def test_per_party_forms_need_every_party() -> None:
    counts = PartyCounts.read({p.value: str(n) for n, p in enumerate(Party)})
    assert counts.counts[Party.STAFF] == "1"
    chosen = VotingParties.read({p.value: "yes" if p is Party.RESIDENT else "no" for p in Party})
    assert chosen.values() == ["resident"]
    with pytest.raises(TypeError, match="one field per party"):
        PartyCounts.read({"resident": "40"})


def test_fields_and_result_that_disagree_fail_loudly_when_the_form_opens() -> None:
    with pytest.raises(TypeError, match=r"DeferralAnswers has \['owner', 'reason', 'target'\]"):
        DeferralAnswers.read({"reason": "再议", "owner": "社区"})
    fields = [Field("title", "名称"), Field("kind", "类型", "bench"), Field("place", "地点")]
    with pytest.raises(TypeError, match="NewMeetingAnswers"):
        FormDialog("新会议", fields, NewMeetingAnswers.read)
    fields[2] = Field("community", "社区")
    fields.append(Field("location", "地点"))
    form = FormDialog("新会议", fields, NewMeetingAnswers.read)
    assert form.read({f.name: f.value for f in fields}).kind is MeetingKind.BENCH


async def test_the_new_motion_form_returns_typed_answers(make, stored) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, FormDialog)
        await pilot.press(*"修路灯")
        answers = form.answers()
        assert isinstance(answers, MotionAnswers)
        assert (answers.text, answers.party, answers.show_proposer_name) == (
            "修路灯",
            Party.RESIDENT,
            False,
        )
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)
    assert [m.text for m in stored().motions.values()][-1] == "修路灯"
