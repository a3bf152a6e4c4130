"""The publicity page and the notice: content of the 南苑 meeting, redaction properties, inert HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from meeting_tui.domain import (
    Category,
    DecisionRule,
    MeetingState,
    MeetingStatus,
    Motion,
    MotionState,
    Party,
    Vote,
    VoteMethod,
    evaluate,
)
from meeting_tui.domain.model import Attendance, Attendee, Deferral, FollowUp
from meeting_tui.domain.privacy import is_generic_name
from meeting_tui.publicity import notice_html, page_html, public_view

SURNAMES = "赵钱孙周吴郑冯陈褚卫蒋沈韩杨朱秦许何吕孔曹严魏陶姜"
GIVEN = "建伟芳娜敏静丽强磊洋勇艳杰娟涛超秀霞桂英玉兰萍"
FILLER = "的了是在有和就不人都一上也很到说要去你会着没看好这楼门灯路，。、：；！？ abcXYZ"
MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
ID_NUMBER = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
FOLD = str.maketrans("０１２３４５６７８９", "0123456789")


class PageParser(HTMLParser):
    """The elements, attributes and visible text of a page (style content is not text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser


def visible_text(html: str) -> str:
    return "".join(parse(html).text)


def _vote(in_favour: int = 30, against: int = 5) -> Vote:
    return Vote(
        seq=1,
        at="2026-10-17T15:00:00+08:00",
        method=VoteMethod.HANDS,
        in_favour=in_favour,
        against=against,
        abstain=5,
        eligible_present=40,
        rule=DecisionRule.SIMPLE_MAJORITY,
        quorum=None,
        quorum_met=True,
        passed=in_favour > against,
        outcome=evaluate(DecisionRule.SIMPLE_MAJORITY, in_favour, against, 5, 40),
    )


def motion(number: int, state: MotionState, text: str, proposer: str, **kw: object) -> Motion:
    m = Motion(
        id=f"m{number}",
        number=number,
        item_id="i1",
        text=text,
        proposer=proposer,
        party=Party.RESIDENT,
        category=Category.SAFETY,
        cost=None,
        rule=None,
        raised_at="2026-10-17T14:40:00+08:00",
        state=state,
    )
    for key, value in kw.items():
        setattr(m, key, value)
    return m


def meeting(texts: list[str], names: list[str], opt_in: list[bool]) -> MeetingState:
    """A closed meeting whose every free-text and person field is filled from `texts`/`names`."""

    def text(i: int) -> str:
        return texts[i % len(texts)]

    def name(i: int) -> str:
        return names[i % len(names)]

    motions = [
        motion(1, MotionState.PASSED, text(0), name(0), note=text(1), votes=[_vote()]),
        motion(2, MotionState.DEFERRED, text(2), name(1)),
        motion(3, MotionState.ANSWERED, text(3), name(2), response=text(4), responder=name(3)),
        motion(4, MotionState.REJECTED, text(5), name(4), votes=[_vote(3, 30)], note=text(6)),
        motion(5, MotionState.WITHDRAWN, text(7), name(5), withdraw_reason=text(8)),
        motion(6, MotionState.RAISED, text(9), name(6)),
    ]
    motions[0].followup = FollowUp(owner=name(7), due=text(10))
    motions[1].deferral = Deferral(reason=text(11), owner=name(8), target=text(12), at="")
    for m, flag in zip(motions, opt_in, strict=False):
        m.show_proposer_name = flag
    return MeetingState(
        meeting_id="20261017-test",
        title=text(13),
        community=text(14),
        location=text(15),
        facilitator=name(9),
        recorder=name(10),
        status=MeetingStatus.CLOSED,
        started_at="2026-10-17T14:30:00+08:00",
        attendance=Attendance(
            counts={Party.RESIDENT: 40},
            roster=[
                Attendee(id=f"a{i}", name=n, party=Party.RESIDENT) for i, n in enumerate(names)
            ],
        ),
        motions={m.id: m for m in motions},
    )


# -- the 南苑 meeting ----------------------------------------------------------


def test_closed_meeting_page_shows_every_decision_with_owner_and_due(
    closed_state: MeetingState,
) -> None:
    html = page_html(closed_state)
    text = visible_text(html)
    decisions = re.findall(r'<li class="motion decision" id="(m\d+)">(.*?)</li>', html)
    assert len(decisions) == 7
    for _, body in decisions:
        assert "责任方</dt><dd>施工方" in body
        assert re.search(r"完成时限</dt><dd>2027年\d+月\d+日", body)
    assert "2027年3月31日" in text and "更换单元门，统一样式并加装门禁" in text
    assert "赞成 31 · 反对 5 · 弃权 4" in text
    assert "无异议通过（有表决权出席 38 人）" in text
    assert html.count('class="motion deferred"') == 3
    assert text.count("跟进人社区工作人员") == 3
    assert "答复前期已经考虑，会重新做保温层和防水层并加固" in text
    assert html.count('class="motion rejected"') == 1
    assert "对以上结果如有意见或建议，请联系南苑社区居委会。" in text
    assert "通过 7 项" in text and "暂缓 3 项" in text and "已答复 1 项" in text
    assert '<html lang="zh-CN">' in html


def test_page_needs_nothing_from_outside(closed_state: MeetingState) -> None:
    html = page_html(closed_state)
    parsed = parse(html)
    assert {"script", "link", "img", "iframe", "object", "embed"}.isdisjoint(parsed.tags)
    for needle in ("src=", "href=", "url(", "@import", "http://", "https://"):
        assert needle not in html.lower()
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_page_follows_the_meeting_language(closed_state: MeetingState) -> None:
    closed_state.lang = "en"
    html = page_html(closed_state)
    text = visible_text(html)
    assert '<html lang="en">' in html
    assert "Decisions (passed) (7)" in text and "Deferred items (3)" in text
    assert "for 31 · against 5 · abstain 4" in text and "Responsible" in text
    assert "2027-03-31" in text


def test_notice_summarises_decisions_and_carries_the_qr_and_url(closed_state: MeetingState) -> None:
    url = "https://example.org/gs/20261017-nany.html"
    html = notice_html(closed_state, url)
    text = visible_text(html)
    assert "@page{size:A4" in html
    assert html.count("<tr>") == 1 + 7  # header and one row per decision
    assert html.count("<svg ") == 1 and 'aria-label="' + url + '"' in html
    assert f'<p class="url">{url}</p>' in html
    assert "扫码查看完整公示" in text and "请勿张贴" not in text
    assert "调整垃圾分类亭位置，远离单元门口（跟进人：社区工作人员；再议：下次议事会）" in text
    local = visible_text(notice_html(closed_state, "file:///tmp/x.html", local=True))
    assert "本二维码指向本机文件，仅供检查，请勿张贴。" in local


# -- redaction properties -------------------------------------------------------

names_st = st.builds(
    lambda s, g: s + g,
    st.sampled_from(SURNAMES),
    st.text(alphabet=GIVEN, min_size=1, max_size=2),
)
filler_st = st.text(alphabet=FILLER, max_size=8)


@st.composite
def personal_number(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        digits = (
            "1"
            + draw(st.sampled_from("3456789"))
            + draw(st.text("0123456789", min_size=9, max_size=9))
        )
        sep = draw(st.sampled_from(["", " ", "-"]))
        number = f"{digits[:3]}{sep}{digits[3:7]}{sep}{digits[7:]}"
    else:
        number = draw(st.text("0123456789", min_size=17, max_size=17)) + draw(
            st.sampled_from("0123456789X")
        )
    return number.translate(FULL_WIDTH) if draw(st.booleans()) else number


@given(
    numbers=st.lists(personal_number(), min_size=1, max_size=6),
    fillers=st.lists(filler_st, min_size=2, max_size=8),
    names=st.lists(names_st, min_size=1, max_size=4),
)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_no_mobile_or_id_number_survives_anywhere(
    numbers: list[str], fillers: list[str], names: list[str]
) -> None:
    texts = [
        f"{fillers[i % len(fillers)]}{n}{fillers[(i + 1) % len(fillers)]}"
        for i, n in enumerate(numbers)
    ]
    people = [f"{name}{numbers[i % len(numbers)]}" for i, name in enumerate(names)]
    state = meeting(texts, people, opt_in=[True, False, True])
    for html in (page_html(state), notice_html(state, "https://e.org/gs/20261017-test.html")):
        folded = html.translate(FOLD)
        assert not MOBILE.search(folded), MOBILE.search(folded)
        assert not ID_NUMBER.search(folded), ID_NUMBER.search(folded)
        for number in numbers:
            assert number not in html and number.translate(FOLD) not in folded


@given(
    names=st.lists(names_st, min_size=1, max_size=6, unique=True),
    fillers=st.lists(filler_st, min_size=1, max_size=6),
    opt_in=st.lists(st.booleans(), min_size=6, max_size=6),
)
@settings(max_examples=80, deadline=None)
def test_no_roster_name_appears_in_full_unless_opted_in(
    names: list[str], fillers: list[str], opt_in: list[bool]
) -> None:
    assume(not any(is_generic_name(n) for n in names))
    texts = [f"{f}{names[i % len(names)]}{f}" for i, f in enumerate(fillers)]
    state = meeting(texts, names, opt_in)
    shown = {m.proposer for m in state.motions.values() if m.show_proposer_name}
    page = visible_text(page_html(state))
    notice = visible_text(notice_html(state, "https://e.org/gs/20261017-test.html"))
    for name in names:
        if any(name in opted for opted in shown):
            continue
        assert name not in page, name
        assert name not in notice, name
    for name in shown:  # the opt-in does show the proposer's name
        assert f"提出人{name}" in page
    assert all(f"提出人{n[0]}" in page or n in shown for n in names[:1])


# -- inert HTML ---------------------------------------------------------------

ATTACKS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "</title><script>alert(2)</script>",
    "</style><script>alert(3)</script>",
    "<!-- --><a href='javascript:alert(4)'>x</a>",
    "&lt;b&gt; &amp; 王建国",
]


def _safe_structure(html: str, template_tags: set[str]) -> PageParser:
    parsed = parse(html)
    assert "script" not in parsed.tags
    assert set(parsed.tags) <= template_tags, set(parsed.tags) - template_tags
    for name, value in parsed.attributes:
        assert not name.startswith("on"), name
        assert "javascript:" not in (value or "").lower()
    return parsed


def test_html_in_every_field_is_shown_as_text_not_markup(closed_state: MeetingState) -> None:
    template = set(parse(page_html(closed_state)).tags) | {
        "section",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "h3",
        "span",
    }
    notice_template = set(parse(notice_html(closed_state, "https://e.org/a.html")).tags)
    state = meeting(ATTACKS, ["<b>王建国</b>", "王建国", "<i>x</i>"], opt_in=[True])
    page = page_html(state)
    parsed = _safe_structure(page, template)
    text = "".join(parsed.text)
    assert "<script>alert(1)</script>" in text  # shown to the reader, literally
    assert "</style><script>alert(3)</script>" in text
    assert "&lt;b&gt; &amp; 王某" in text  # entities typed by a person stay as typed
    assert "<b>王建国</b>" in text  # opted-in proposer, as typed, as text
    notice = notice_html(state, "https://e.org/gs/20261017-test.html")
    _safe_structure(notice, notice_template | {"ol", "li", "section", "h2"})


@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=40))
@settings(max_examples=120, deadline=None)
def test_any_motion_text_reaches_the_page_as_text(text: str) -> None:
    state = meeting([text], ["居民"], opt_in=[])
    html = page_html(state)
    parsed = parse(html)
    assert "script" not in parsed.tags
    shown = public_view(state).motions(MotionState.PASSED)[0].text
    assert shown in "".join(parsed.text)
