"""A deferral pulled off the backlog comes back as a motion, linked to where it came from."""

from __future__ import annotations

import html
import io
from datetime import datetime, timedelta, timezone

import docx
import pytest
from test_backlog import FIRST, SECOND

from meeting_tui.domain import Category, EventKind, MeetingStatus, Origin, Party, fold
from meeting_tui.domain import commands as c
from meeting_tui.domain.archive_views import BacklogStatus, backlog
from meeting_tui.minutes.build import build_minutes
from meeting_tui.minutes.csv import render as render_csv
from meeting_tui.minutes.docx import render as render_docx
from meeting_tui.minutes.html import render as render_html
from meeting_tui.minutes.markdown import render as render_md
from meeting_tui.minutes.model import Minutes
from meeting_tui.minutes.wordml import WORD_JOINER

CST = timezone(timedelta(hours=8))


@pytest.fixture
def october(make_session):
    s = make_session(
        FIRST, "南苑社区老旧小区改造议事会", start=datetime(2026, 10, 17, 14, 30, tzinfo=CST)
    )
    s.do(c.step_agenda, 1)
    s.do(
        c.raise_motion,
        "重新商议小区大门位置",
        proposer="王姓居民",
        party="resident",
        category="governance",
        cost="30000",
    )
    s.do(c.raise_motion, "增设电动车充电桩")  # m2, the one in the example
    s.do(c.record_vote, "m2", 12, 20, 6)
    s.do(c.defer, "m2", "需核实用电容量", "社区工作人员", "下次议事会")
    s.do(c.defer, "m1", "需三方协调", "社区工作人员")
    s.do(c.close_meeting)
    return s


@pytest.fixture
def november(make_session):
    return make_session(SECOND, "十一月议事会", start=datetime(2026, 11, 21, 9, 30, tzinfo=CST))


def entry(october, motion_id: str):
    return next(e for e in backlog([october.state]) if e.origin.motion_id == motion_id)


def test_pulling_raises_the_motion_prefilled_under_a_new_item_without_starting(
    october, november
) -> None:
    gate = entry(october, "m1")
    drafts = c.pull_deferral(november.state, gate)
    assert [d.kind for d in drafts] == [EventKind.ITEM_ADDED, EventKind.MOTION_RAISED]
    november.commit(drafts)
    state = november.state
    assert state.status is MeetingStatus.DRAFT  # pulled while preparing: not started
    (item,) = state.items[-1:]
    motion = state.motions["m1"]
    assert (motion.text, motion.proposer, motion.party, motion.category, motion.cost) == (
        "重新商议小区大门位置",
        "王姓居民",
        Party.RESIDENT,
        Category.GOVERNANCE,
        30000,
    )
    assert motion.item_id == item.id and item.title == "重新商议小区大门位置"
    assert motion.origin == Origin(FIRST, "m1") == item.origin
    assert motion.origin.meeting_title == "南苑社区老旧小区改造议事会"
    assert motion.origin.meeting_date == "2026-10-17" and motion.origin.number == 1
    assert state == fold(november.log.events)


def test_the_link_keeps_the_earlier_vote_and_a_decision_resolves_the_deferral(
    october, november
) -> None:
    november.do(c.pull_deferral, entry(october, "m2"))
    origin = november.state.motions["m1"].origin
    assert origin is not None and (origin.number, origin.vote, origin.state) == (
        2,
        (12, 20, 6),
        "deferred",
    )
    status = entry_status(october, november)
    assert status is BacklogStatus.SCHEDULED
    november.do(c.activate_item, november.state.items[-1].id)
    november.do(c.record_vote, "m1", 30, 3, 2)
    assert entry_status(october, november) is BacklogStatus.RESOLVED


def entry_status(october, november) -> BacklogStatus:
    found = [e for e in backlog([october.state, november.state]) if e.origin.motion_id == "m2"]
    return found[0].status


def test_pulling_twice_is_refused(october, november) -> None:
    november.do(c.pull_deferral, entry(october, "m2"))
    from test_commands import refused

    with refused("error.already_pulled"):
        c.pull_deferral(november.state, entry(october, "m2"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_minutes_say_where_a_pulled_motion_came_from_in_every_format(
    october, november, lang: str
) -> None:
    november.do(c.pull_deferral, entry(october, "m2"))
    minutes = build_minutes(november.state, november.log.events, lang)
    text = {
        "zh": "来自 2026-10-17 南苑社区老旧小区改造议事会 第 2 项，上次表决 赞成 12 反对 20 弃权 6 → 暂缓",
        "en": "from 2026-10-17 南苑社区老旧小区改造议事会 motion 2, last vote 12 for, 20 against, "
        "6 abstain → deferred",
    }[lang]
    assert minutes.motions[0].origin == text
    assert text.replace("→", "\\→") in render_md(minutes) or text in render_md(minutes)
    assert text in render_csv(minutes)
    assert text in html.unescape(render_html(minutes))
    document = docx.Document(io.BytesIO(render_docx(minutes)))
    # the DOCX joins a paragraph's last two characters with a word joiner (no lone last character)
    assert any(text in p.text.replace(WORD_JOINER, "") for p in document.paragraphs)
    assert Minutes.from_json(minutes.to_json()).motions[0].origin == text
