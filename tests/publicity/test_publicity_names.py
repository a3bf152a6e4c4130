"""The 公示 on realistic data: bodies named whole, people shortened (also "王 小明", "李Tom",
"张三3"), the facilitator's recorded choices applied, and the notice's own lines present."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from meeting_tui.demo import ScriptedMeeting
from meeting_tui.domain import commands as c
from meeting_tui.domain.model import MeetingState
from meeting_tui.publicity import Posting, notice_html, page_html

CST = timezone(timedelta(hours=8))
URL = "https://example.org/gs/20261120-jinf.html"
POSTING = Posting(
    posted_on=date(2026, 11, 21),
    committee="满城北街社区居民委员会",
    office_phone="0951-5012345",
    digest="ABCD-EFGH-IJKL-MNOP",
    digest_events=42,
)


def visible(html: str) -> str:
    body = re.sub(r"<style>.*?</style>|<head>.*?</head>", "", html, flags=re.S)
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", body))


def three_party_meeting(choices: dict[str, bool] | None = None) -> MeetingState:
    """The 金凤区 three-party consultation: bodies as owners, residents with awkward names."""
    run = ScriptedMeeting(datetime(2026, 11, 20, 9, 0, tzinfo=CST))
    run(
        c.create_meeting(
            "20261120-jinf",
            "文化广场改造三方协商",
            "tripartite",
            community="满城北街社区",
            location="社区活动室",
            facilitator="刘相文",
            recorder="马丽娟",
        ),
        0,
    )
    run(c.add_items(run.state, [("广场改造", 30, "")]), 0)
    run(c.set_headcounts(run.state, {"resident": 20, "staff": 3}), 0)
    run(c.add_attendee(run.state, "欧阳娜娜", "resident", "5号楼"), 0)
    run(c.step_agenda(run.state, 1))
    a = run.raise_("广场加装照明，王 小明说晚上太黑，电话 139 1234 5678", proposer="王 小明")
    run(c.record_vote(run.state, a, 18, 1, 1))
    run(c.assign_followup(run.state, a, "金凤区文化体育旅游广电局", "2027-06-30"))
    b = run.raise_("警务站门口增设减速带，李Tom和欧阳娜娜附议", proposer="李Tom")
    run(c.record_vote(run.state, b, 17, 2, 1))
    run(c.assign_followup(run.state, b, "警务站", "2027-03-31"))
    d = run.raise_("连湖花园幼儿园接送时段禁止停车", proposer="张三3")
    run(c.defer(run.state, d, "需与连湖花园幼儿园商量，张三3联系", "连湖花园幼儿园", "下次议事会"))
    for name, shown in (choices or {}).items():
        run(c.set_name_choice(run.state, name, shown))
    run(c.close_meeting(run.state))
    return run.state


def test_bodies_stay_whole_and_no_resident_reaches_the_page() -> None:
    state = three_party_meeting()
    for html in (page_html(state, POSTING), notice_html(state, URL, posting=POSTING)):
        text = visible(html)
        for body in ("金凤区文化体育旅游广电局", "警务站", "连湖花园幼儿园"):
            assert body in text, body
        for person in ("王小明", "李Tom", "张三3", "张三", "欧阳娜娜", "刘相文", "13912345678"):
            assert person not in text, person
        assert "金某" not in text and "警某" not in text and "连某" not in text


def test_the_facilitator_s_recorded_choice_shows_or_shortens_a_name() -> None:
    state = three_party_meeting({"李Tom": True, "警务站": False})
    text = visible(page_html(state, POSTING))
    assert "李Tom" in text  # opted in from the publish preview
    assert "警某" in text and "警务站" not in text  # a "body" the facilitator says is a person
    assert "王小明" not in text


def test_the_notice_carries_period_signature_phone_and_digest() -> None:
    state = three_party_meeting()
    for html in (page_html(state, POSTING), notice_html(state, URL, posting=POSTING)):
        text = visible(html)
        assert "公示期：2026年11月21日至2026年11月28日" in text
        assert "满城北街社区居民委员会" in text and "联系电话：0951-5012345" in text
        assert "ABCD-EFGH-IJKL-MNOP" in text
        assert re.search(r'class="signed"><p>满城北街社区居民委员会</p><p>2026年11月21日</p>', html)
    assert ".signed{text-align:right" in notice_html(state, URL, posting=POSTING)


def test_without_a_committee_the_community_s_committee_signs() -> None:
    state = three_party_meeting()
    text = visible(page_html(state, Posting(posted_on=date(2026, 11, 21), days=10)))
    assert "满城北街社区居民委员会" in text and "2026年12月1日" in text
    assert "联系电话" not in text
