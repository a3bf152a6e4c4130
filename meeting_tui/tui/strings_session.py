"""Words of the session keys that keep a facilitator from being stuck: who votes, the agenda, a closed meeting."""

from meeting_tui import i18n

CATALOGUE = i18n.area(
    {
        "key.voting": ("谁有表决权", "who votes"),
        "key.add_agenda_item": ("添加议题", "add agenda item"),
        "key.skip_item": ("跳过议题", "skip item"),
        "key.agenda": ("调整议程", "agenda"),
        "key.reopen": ("重新开启", "reopen"),
        "header.closed": ("已结束", "closed"),
        "header.voters": ("表决：{parties}", "voting: {parties}"),
        "party_short.resident": ("居民", "residents"),
        "party_short.staff": ("社区", "staff"),
        "party_short.property": ("物业", "property"),
        "party_short.contractor": ("施工", "contractor"),
        "party_short.cppcc": ("政协", "CPPCC"),
        "party_short.government": ("政府", "government"),
        "party_short.unit": ("单位", "units"),
        "party_short.other": ("其他", "others"),
        "closed.refused": (
            "会议已结束，不能再记录：可看纪要（m）、公示（p），或按 x 重新开启（会被记录）。",
            "The meeting is closed and records nothing more: see the minutes (m), the publicity "
            "page (p), or press x to reopen it (the reopening is recorded).",
        ),
        "voters.setup_question": (
            "有表决权的出席人数为 0（有表决权：{parties}；已登记出席 {present} 人）。\n"
            "要表决，请先按 V 设定谁有表决权，或按 p 登记出席；会中也可按 V、a 修改。\n"
            "仍然开始会议？",
            "Nobody eligible to vote is present (voting: {parties}; {present} present).\n"
            "To vote, set who votes (V) or record attendance (p) first; in the session, V and a "
            "change them too.\nStart the meeting anyway?",
        ),
        "form.voting.title": ("谁有表决权", "Who votes"),
        "form.voting.yes": ("有表决权", "votes"),
        "form.voting.no": ("无表决权", "does not vote"),
        "form.voting.party": ("{party}（出席 {n}）", "{party} ({n} present)"),
        "form.voting.hint": (
            "现在有表决权的出席人数 {n}。更改会记入会议经过和纪要，之后的表决按新的人数计。",
            "Eligible present now: {n}. The change is recorded in the timeline and the minutes; "
            "later votes count the new number.",
        ),
        "form.voting.changed": ("有表决权的出席人数：{n}", "Eligible present: {n}"),
        "form.agenda_item.title": ("添加议题", "Add an agenda item"),
        "form.agenda_item.where": ("位置", "Where"),
        "form.agenda_item.after": ("当前议题之后", "after the current item"),
        "form.agenda_item.end": ("议程最后", "at the end"),
        "agenda.empty_add": (
            "议程是空的：按 i 添加议题，再提出事项。",
            "The agenda is empty: press i to add an item, then raise motions.",
        ),
        "agenda.added_started": ("已添加并开始议题「{title}」", "Added and started “{title}”"),
        "agenda.dialog.title": ("调整议程", "Agenda"),
        "agenda.dialog.keys": (
            "enter 进入此议题 · K/J 上移/下移 · s 跳过 · i 添加 · esc 返回",
            "enter go to item · K/J move up/down · s skip · i add · esc back",
        ),
        "agenda.skipped_to": ("已跳过「{title}」", "Skipped “{title}”"),
        "form.suggest": ("如：{examples}", "e.g. {examples}"),
        "form.suggest_hint": (
            "负责方等可从提示中选：输入头一个字，按 → 接受提示。",
            "Owners and dates are suggested as you type: → accepts the suggestion.",
        ),
    }
)
