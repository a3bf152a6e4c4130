"""The words of the sign-in sheet and the meeting notice, in zh-CN and en."""

from __future__ import annotations

from meeting_tui import i18n

PAPERS: dict[str, tuple[str, str]] = {
    "paper.signin.title": ("{title} 签到表", "Sign-in sheet: {title}"),
    "paper.notice.title": ("关于召开{title}的通知", "Notice of meeting: {title}"),
    "paper.h.time": ("会议时间", "Time"),
    "paper.h.place": ("会议地点", "Place"),
    "paper.h.kind": ("会议形式", "Kind of meeting"),
    "paper.h.facilitator": ("主持人", "Facilitator"),
    "paper.h.voting": ("表决", "Voting"),
    "paper.h.agenda": ("会议议程", "Agenda"),
    "paper.h.raise": ("会前提出议题", "Raising an item beforehand"),
    "paper.col.number": ("序号", "No."),
    "paper.col.name": ("姓名", "Name"),
    "paper.col.building": ("楼栋单元", "Building"),
    "paper.col.party": ("身份", "Attending as"),
    "paper.col.signature": ("签名", "Signature"),
    "paper.col.slot": ("时间", "Time"),
    "paper.col.item": ("议题", "Item"),
    "paper.col.length": ("时长", "Length"),
    "paper.minutes": ("{n} 分钟", "{n} min"),
    "paper.quorum": ("法定人数 {count} 人", "quorum {count}"),
    "paper.no_quorum": ("不设法定人数", "no quorum"),
    "paper.voting": (
        "由{parties}举手表决，规则为{rule}；{quorum}",
        "by show of hands of {parties}; rule: {rule}; {quorum}",
    ),
    "paper.notice.to": ("各位居民、各有关单位：", "To all residents and everyone concerned:"),
    "paper.notice.opening": (
        "为听取居民意见、共同商议{title}有关事项，定于{when}召开会议。现将有关事项通知如下：",
        "To hear residents and decide together on {title}, a meeting is called: {when}. "
        "The details follow.",
    ),
    "paper.raise": (
        "居民如有需要在会上商议的事项，请{by}向{contact}提出，写明事项、理由和提议人姓名；"
        "会上也可当场提出。",
        "Residents who want an item discussed can raise it {by} with {contact}, giving the "
        "item, the reason and the proposer's name; items can also be raised at the meeting.",
    ),
    "paper.raise.by": ("于{deadline}前", "by {deadline}"),
    "paper.raise.before": ("在会前", "before the meeting"),
    "paper.raise.office": ("社区居委会", "the community office"),
    "paper.error.as": (
        "不支持的文件类型「{value}」：签到表和会议通知可导出为 docx 或 html（用 --as 或 --out 的后缀选择）。",
        "Unknown file type “{value}”: the sign-in sheet and the notice are written as docx or "
        "html (choose with --as or the --out suffix).",
    ),
    "paper.error.rows": (
        "签到表行数「{value}」无效：请写 1 到 500 之间的整数。",
        "Sign-in rows “{value}” is not valid: give a whole number from 1 to 500.",
    ),
    "paper.config_layout": (
        "配置文件 {file} 中 docx_layout = {value} 无效（可选 {options}）：本次按 community 版式导出。",
        "docx_layout = {value} in {file} is not a layout ({options}): writing the community "
        "layout this time.",
    ),
    "paper.signin.suffix": ("签到表", "sign-in"),
    "paper.notice.suffix": ("会议通知", "notice"),
}
CATALOGUE = i18n.area(PAPERS)
