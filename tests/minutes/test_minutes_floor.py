"""The debate in the minutes: who spoke in order, with stance, time and summary; time per party;
overruns; the chair's handover — in every format, and shortened in the redacted copies."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone

import docx
import pytest

from meeting_tui.domain import commands as c
from meeting_tui.domain.events import Event
from meeting_tui.domain.log import MeetingLog
from meeting_tui.domain.model import MeetingState
from meeting_tui.minutes import Minutes, markdown
from meeting_tui.minutes import csv as csv_renderer
from meeting_tui.minutes import docx as docx_renderer
from meeting_tui.minutes import html as html_renderer
from meeting_tui.minutes import json as json_renderer
from meeting_tui.minutes.export import for_sharing
from meeting_tui.minutes.wordml import WORD_JOINER
from meeting_tui.publicity.page import page_html
from tests.floor_debate import SPOKEN, debate

CST = timezone(timedelta(hours=8))


class Run:
    def __init__(self) -> None:
        self.log = MeetingLog()
        self.now = datetime(2026, 10, 17, 14, 30, tzinfo=CST)

    def do(self, command, *args, seconds: float = 60, **kw) -> None:  # type: ignore[no-untyped-def]
        self.now += timedelta(seconds=seconds)
        drafts = command(self.log.state, *args, **kw)
        self.log.commit(self.log.prepare(drafts, self.now))


@pytest.fixture(scope="module")
def debated() -> tuple[MeetingState, list[Event]]:
    run = Run()
    created = c.create_meeting("20261017-floor", "电大家属院改造议事会", facilitator="刘主任")
    run.log.commit(run.log.prepare(created, run.now))
    run.log.commit(run.log.prepare(c.add_items(run.log.state, [("电线改造", 30, "")]), run.now))
    run.do(c.set_attendance, "resident", 38)
    run.do(c.step_agenda, 1)
    run.do(c.raise_motion, "电线入地改造", proposer="李姓居民")
    debate(run.do, lambda: run.log.state)
    run.do(c.close_meeting)
    return run.log.state, run.log.events


@pytest.fixture(scope="module")
def minutes(debated: tuple[MeetingState, list[Event]]) -> Minutes:
    return Minutes.build(*debated)


def test_the_minutes_list_the_speeches_in_the_order_given(minutes: Minutes) -> None:
    (entry,) = minutes.floor
    assert entry.motion_number == 1
    spoken = [(s.name, s.stance, s.seconds, s.summary) for s in entry.speeches]
    assert spoken == list(SPOKEN)
    wang = entry.speeches[1]
    assert wang.overrun and wang.limit_s == 120
    assert [s.nth for s in entry.speeches] == [1, 1, 1, 1, 1, 2, 2, 1]
    assert [s.out_of_turn for s in entry.speeches].count(True) == 1
    assert entry.speeches[3].out_of_turn  # 陈经理, called before 张书记
    by_party = {p.party: (p.seconds, p.speeches) for p in entry.party_times}
    assert by_party == {"居民": (350, 5), "社区工作人员": (80, 2), "施工方": (70, 1)}
    (chair,) = minutes.chair_handovers
    assert (chair.name, chair.reason) == ("周书记", "主持人发言") and chair.back_at
    assert minutes.floor_rules == "每次发言限时 2 分钟，每人每事项限 2 次"


def test_markdown_prints_the_debate_under_its_motion(minutes: Minutes) -> None:
    text = markdown.render(minutes)
    motion = text.index("### 事项 1：电线入地改造")
    debate_at = text.index("**发言情况**", motion)
    assert debate_at < text.index("## 三、", motion)
    assert "| 2 | 王姓居民（居民） | 反对 | 14:" in text
    assert "2:20（超时，限 2:00）" in text
    assert "李建国（居民，第 2 次）" in text
    assert "陈经理（施工方，主持人调整顺序）" in text
    assert "| 程序问题 |" in text
    assert (
        "发言用时：居民 5:50（5 次），社区工作人员 1:20（2 次），施工方 1:10（1 次）；共 8 人次，8:20"
        in text
    )
    assert "超时 1 次：王姓居民" in text
    assert "| 主持移交 | 14:" in text and "移交 周书记（主持人发言），" in text
    assert "| 发言规则 | 每次发言限时 2 分钟，每人每事项限 2 次 |" in text
    # The timeline tells the steps as they happened.
    assert "主持人改变发言顺序：先请 陈经理（按规则应为 张书记）" in text


def test_html_docx_csv_and_json_carry_the_same_debate(minutes: Minutes, debated) -> None:  # type: ignore[no-untyped-def]
    page = html_renderer.render(minutes)
    assert '<table class="debate">' in page and "担心施工期间停电停水" in page
    assert "2:20（超时，限 2:00）" in page
    document = docx.Document(io.BytesIO(docx_renderer.render(minutes)))
    cells = [
        cell.text.replace(WORD_JOINER, "")
        for t in document.tables
        for r in t.rows
        for cell in r.cells
    ]
    assert "王姓居民（居民）" in cells and "担心施工期间停电停水" in cells
    paragraphs = "\n".join(p.text for p in document.paragraphs).replace(WORD_JOINER, "")
    assert "超时 1 次：王姓居民" in paragraphs
    rows = list(csv.DictReader(io.StringIO(csv_renderer.render(minutes).lstrip("\ufeff"))))
    assert rows[0]["发言情况"].startswith(
        "1. 李建国（居民） 赞成 1:30；2. 王姓居民（居民） 反对 2:20（超时"
    )
    data = json.loads(json_renderer.render(minutes, debated[1]))
    assert [s["name"] for s in data["minutes"]["floor"][0]["speeches"]] == [n for n, *_ in SPOKEN]
    assert Minutes.from_json(data["minutes"]) == minutes


def test_redacted_minutes_and_log_shorten_speakers_like_proposers(
    minutes: Minutes, debated: tuple[MeetingState, list[Event]]
) -> None:
    shared, events = for_sharing(minutes, debated[1])
    text = markdown.render(shared)
    assert "李建国" not in text and "李某（居民）" in text
    assert "王姓居民（居民）" in text  # a surname form names nobody: kept, as for proposers
    log = json.dumps([e.to_json() for e in events], ensure_ascii=False)
    assert "李建国" not in log and "李某" in log


def test_the_public_page_names_speakers_shortened(
    debated: tuple[MeetingState, list[Event]],
) -> None:
    page = page_html(debated[0])
    assert "李建国" not in page
    assert "李某（赞成）、王姓居民（反对）、赵姓居民（程序问题）" in page


def test_minutes_of_a_meeting_without_a_floor_have_no_debate(nanyuan: Minutes) -> None:
    assert (nanyuan.floor, nanyuan.chair_handovers, nanyuan.floor_rules) == ((), (), "")
    text = markdown.render(nanyuan)
    assert "发言情况" not in text and "发言规则" not in text
    saved = nanyuan.to_json()
    for key in ("floor", "chair_handovers", "floor_rules"):
        del saved[key]  # minutes saved before the floor existed
    assert Minutes.from_json(saved) == nanyuan
