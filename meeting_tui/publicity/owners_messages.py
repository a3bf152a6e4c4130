"""The owners' announcement words, without the announcement's code."""

from __future__ import annotations

from meeting_tui import i18n

NOTICE: i18n.Entries = {
    "owners.notice.title": ("{title} 表决结果公告", "{title}: announcement of the result"),
    "owners.notice.question": ("表决事项", "Question"),
    "owners.notice.kind": ("事项类别", "Kind"),
    "owners.notice.rule_ordinary": (
        "依据《民法典》第二百七十八条：参与表决的专有部分面积和人数均须达到三分之二以上；"
        "经参与表决专有部分面积过半数的业主且参与表决人数过半数的业主同意。",
        "Civil Code art. 278: owners holding at least 2/3 of the exclusive area and at "
        "least 2/3 of the owners take part; more than half of the participating area and "
        "more than half of the participating owners agree.",
    ),
    "owners.notice.rule_major": (
        "依据《民法典》第二百七十八条：参与表决的专有部分面积和人数均须达到三分之二以上；"
        "经参与表决专有部分面积四分之三以上的业主且参与表决人数四分之三以上的业主同意。",
        "Civil Code art. 278: owners holding at least 2/3 of the exclusive area and at "
        "least 2/3 of the owners take part; at least 3/4 of the participating area and at "
        "least 3/4 of the participating owners agree.",
    ),
    "owners.notice.rule": ("表决规则", "Rule"),
    "owners.notice.totals": ("房屋总数", "Totals"),
    "owners.notice.totals_value": (
        "{units} 套，业主 {owners} 人，专有部分面积 {area} m²",
        "{units} units, {owners} owners, exclusive area {area} m²",
    ),
    "owners.notice.participation": ("参与表决", "Taking part"),
    "owners.notice.answers": ("表决情况", "Answers"),
    "owners.notice.result": ("表决结果", "Result"),
    "owners.notice.buildings": ("各楼参与情况", "Participation by building"),
    "owners.notice.provisional": (
        "计票尚未结束，以上为截至目前的统计，不是最终结果。",
        "The count is still open: these are the figures so far, not the result.",
    ),
    "owners.notice.period": ("收集时间", "Collected"),
    "owners.notice.privacy": (
        "本公告只列统计数字，不公布业主姓名和逐户表决意见；逐户记录存档备查。",
        "This notice gives figures only: no owner's name and no unit's answer. The full "
        "record is filed.",
    ),
    "owners.notice.objection": (
        "业主对统计结果有异议的，请在公示期内向{community}提出。",
        "Owners who dispute the count may raise it with {community} during the publicity period.",
    ),
    "owners.notice.community_fallback": ("社区居委会", "the community office"),
    "owners.notice.issued": (
        "{community}　{year}年{month}月{day}日",
        "{community}, {year}-{month:0>2}-{day:0>2}",
    ),
}

CATALOGUE = i18n.area(NOTICE)
