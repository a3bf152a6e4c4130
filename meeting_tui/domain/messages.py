"""The domain's words in zh-CN and en: labels, rule reasons, errors, step descriptions.

Errors say what is wrong and what to do about it.
"""

from __future__ import annotations

from enum import StrEnum

from meeting_tui import i18n

LABELS: dict[str, tuple[str, str]] = {
    "kind.bench": ("板凳会", "bench meeting"),
    "kind.roundtable": ("圆桌会", "round-table meeting"),
    "kind.council": ("议事会", "council meeting"),
    "kind.tripartite": ("三方协商", "three-party consultation"),
    "kind.joint": ("联席会议", "joint meeting"),
    "kind.other": ("其他", "other"),
    "status.draft": ("筹备中", "draft"),
    "status.in_session": ("进行中", "in session"),
    "status.closed": ("已结束", "closed"),
    "party.resident": ("居民", "residents"),
    "party.staff": ("社区工作人员", "community staff"),
    "party.property": ("物业", "property manager"),
    "party.contractor": ("施工方", "contractor"),
    "party.cppcc": ("政协委员", "CPPCC members"),
    "party.government": ("政府部门", "government departments"),
    "party.unit": ("驻社区单位", "resident units"),
    "party.other": ("其他", "others"),
    "item.pending": ("待议", "pending"),
    "item.active": ("进行中", "active"),
    "item.done": ("已议", "done"),
    "item.skipped": ("跳过", "skipped"),
    "motion.raised": ("待表决", "raised"),
    "motion.passed": ("通过", "passed"),
    "motion.rejected": ("未通过", "rejected"),
    "motion.deferred": ("暂缓", "deferred"),
    "motion.withdrawn": ("撤回", "withdrawn"),
    "motion.answered": ("已答复", "answered"),
    "method.hands": ("举手", "show of hands"),
    "method.acclamation": ("无异议", "acclamation"),
    "method.standing": ("起立", "standing"),
    "method.paper": ("书面", "paper ballot"),
    "rule.simple_majority": ("赞成多于反对", "simple majority"),
    "rule.majority_of_present": ("出席过半数", "majority of eligible present"),
    "rule.two_thirds": ("出席三分之二", "two thirds of eligible present"),
    "rule.consensus": ("无异议", "consensus (no objection)"),
    "quorum_policy.refuse": ("不足法定人数时不表决", "refuse votes without quorum"),
    "quorum_policy.warn": ("不足法定人数时提示", "warn when quorum is missing"),
    "category.safety": ("消除安全隐患", "safety hazards"),
    "category.environment": ("社区环境整治", "community environment"),
    "category.culture": ("文化体育娱乐", "culture and sport"),
    "category.governance": ("社区治理营造", "community governance"),
    "category.care": ("居民关爱公益", "care and public welfare"),
    "category.other": ("其他", "other"),
    "backlog.open": ("待商议", "open"),
    "backlog.scheduled": ("已列入议程", "on an agenda"),
    "backlog.resolved": ("已解决", "resolved"),
    "backlog.carried_over": ("再次暂缓", "deferred again"),
    "backlog.empty": ("没有暂缓事项。", "No deferred items."),
    "suggest.next_meeting": ("下次议事会", "next meeting"),
    "backlog.where": ("{status}：{meeting} 第 {number} 项", "{status}: {meeting} #{number}"),
    "backlog.where_agenda": ("{status}：{meeting}", "{status}: {meeting}"),
}

RULE_REASONS: dict[str, tuple[str, str]] = {
    "rule.verdict.passed": ("通过", "passed"),
    "rule.verdict.rejected": ("未通过", "rejected"),
    "rule.reason.simple.pass": ("赞成 {for} > 反对 {against}", "for {for} > against {against}"),
    "rule.reason.simple.fail": ("赞成 {for} ≤ 反对 {against}", "for {for} ≤ against {against}"),
    "rule.reason.present.pass": (
        "赞成 {for} > 出席 {present} 的一半",
        "for {for} > half of {present} present",
    ),
    "rule.reason.present.fail": (
        "赞成 {for} 未超过出席 {present} 的一半",
        "for {for} is not more than half of {present} present",
    ),
    "rule.reason.two_thirds.pass": (
        "赞成 {for} ≥ 出席 {present} 的三分之二",
        "for {for} ≥ two thirds of {present} present",
    ),
    "rule.reason.two_thirds.fail": (
        "赞成 {for} < 出席 {present} 的三分之二",
        "for {for} < two thirds of {present} present",
    ),
    "rule.reason.consensus.pass": ("无人反对（赞成 {for}）", "no objection (for {for})"),
    "rule.reason.consensus.objection": ("反对 {against} 人", "{against} against"),
    "rule.reason.consensus.nobody": ("无人赞成", "nobody in favour"),
    "rule.quorum_missed": (
        "出席 {present} 人，未达法定人数 {quorum}",
        "{present} present, below the quorum of {quorum}",
    ),
}

ERRORS: dict[str, tuple[str, str]] = {
    "error.meeting_closed": (
        "会议「{title}」已结束，不能再修改。如需补记，请先重新开启会议（会被记录）。",
        "The meeting “{title}” is closed and cannot change. Reopen it first (the reopening is recorded).",
    ),
    "error.already_started": ("会议已经开始。", "The meeting has already started."),
    "error.not_started": (
        "会议还没有开始：请先开始会议或进入第一个议题。",
        "The meeting has not started: start it or open the first agenda item first.",
    ),
    "error.not_closed": (
        "会议没有结束，无需重新开启。",
        "The meeting is not closed: nothing to reopen.",
    ),
    "error.unknown_item": (
        "找不到议题 {id}：请从议程列表中选择。",
        "No agenda item {id}: choose one from the agenda list.",
    ),
    "error.unknown_motion": (
        "找不到事项 {id}：请从事项列表中选择。",
        "No motion {id}: choose one from the motion list.",
    ),
    "error.unknown_attendee": ("签到名单中没有 {id}。", "No attendee {id} on the roster."),
    "error.not_text": ("「{field}」应为文字。", "“{field}” must be text."),
    "error.empty_text": ("「{field}」不能为空：请填写。", "“{field}” is empty: please fill it in."),
    "error.text_too_long": (
        "「{field}」太长（{length} 字，最多 {limit} 字）：请缩短。",
        "“{field}” is too long ({length} characters, at most {limit}): please shorten it.",
    ),
    "error.not_a_number": (
        "「{field}」应为整数，而不是「{value}」：请输入数字。",
        "“{field}” must be a whole number, not “{value}”: type digits.",
    ),
    "error.negative_count": (
        "「{field}」不能是负数（{value}）：请输入 0 或更大的数。",
        "“{field}” cannot be negative ({value}): enter 0 or more.",
    ),
    "error.count_too_large": (
        "「{field}」数目 {value} 太大（最多 {limit}）：请检查。",
        "“{field}” of {value} is too large (at most {limit}): please check it.",
    ),
    "error.bad_choice": (
        "「{field}」不能是「{value}」，可选：{options}。",
        "“{field}” cannot be “{value}”; choose one of: {options}.",
    ),
    "error.bad_date": (
        "「{field}」日期「{value}」无法识别：请写成 2026-12-31 的格式。",
        "“{field}” date “{value}” is not recognised: write it as 2026-12-31.",
    ),
    "error.bad_cost": (
        "预估费用 {value} 元不合理：请输入 0 或更大的整数（元）。",
        "An estimated cost of {value} yuan is not valid: enter a whole number of yuan, 0 or more.",
    ),
    "error.no_voting_party": (
        "至少要有一方有表决权（通常是居民）。",
        "At least one party must vote (usually the residents).",
    ),
    "error.timebox_too_long": (
        "议题时长 {value} 分钟太长（最多 {limit} 分钟）。",
        "A time box of {value} minutes is too long (at most {limit}).",
    ),
    "error.item_has_motions": (
        "议题「{title}」下已有事项，不能删除：请先把事项移到其他议题。",
        "The item “{title}” has motions and cannot be removed: move them to another item first.",
    ),
    "error.no_items": (
        "议程是空的：请先添加议题（会议中按 i）。",
        "The agenda is empty: add an item first (press i in the session).",
    ),
    "error.no_next_item": ("已经是最后一个议题。", "This is the last agenda item."),
    "error.no_previous_item": ("已经是第一个议题。", "This is the first agenda item."),
    "error.no_active_item": (
        "没有正在进行的议题：请先用 ] 进入一个议题。",
        "No agenda item is active: open one with ] first.",
    ),
    "error.bad_transition": (
        "第 {number} 项事项当前为「{state}」，不能这样操作。",
        "Motion {number} is “{state}” and cannot be changed that way.",
    ),
    "error.already_decided": (
        "第 {number} 项事项已经表决（{state}）：如需重新计票，请确认重新表决。",
        "Motion {number} is already decided ({state}): confirm a recount to vote again.",
    ),
    "error.nobody_eligible": (
        "出席的有表决权人数为 0：请先登记出席人数（按 a）。",
        "Nobody eligible to vote is present: record attendance first (press a).",
    ),
    "error.too_many_votes": (
        "赞成、反对、弃权合计 {cast}，超过出席的有表决权人数 {present}：请重新点票或更新出席人数。",
        "For, against and abstain add up to {cast}, more than the {present} eligible present: "
        "recount, or update attendance.",
    ),
    "error.quorum_not_met": (
        "出席 {present} 人，未达法定人数 {quorum}，本会议设定为不表决：请等待更多居民到场或调整法定人数。",
        "{present} present, below the quorum of {quorum}, and this meeting refuses votes without "
        "quorum: wait for more residents or change the quorum.",
    ),
    "error.answer_needs_response": (
        "第 {number} 项事项还没有答复内容：请先写下答复（按 r）。",
        "Motion {number} has no response yet: write the response first (press r).",
    ),
    "error.no_followup": (
        "第 {number} 项事项没有落实责任方：请先指定。",
        "Motion {number} has no follow-up owner: assign one first.",
    ),
    "error.nothing_to_undo": ("没有可以撤销的操作。", "There is nothing to undo."),
    "error.no_voting_party_present": (
        "出席的 {present} 人中没有有表决权的一方（现为：{parties}）：请设定谁有表决权（按 V）。",
        "None of the {present} present belongs to a voting party (now: {parties}): "
        "set who votes (press V).",
    ),
    "error.already_pulled": (
        "「{title}」第 {number} 项已经列入本次会议：无需再次列入。",
        "Motion {number} of “{title}” is already on this meeting's agenda.",
    ),
    "error.empty_vote": (
        "还没有填票数：赞成、反对、弃权至少填一项（0 也算）；全体同意请按 y 无异议通过。",
        "No count entered: fill in for, against or abstain (0 counts); "
        "if everyone agrees, press y for acclamation.",
    ),
}

FIELDS: dict[str, tuple[str, str]] = {
    "field.title": ("标题", "title"),
    "field.community": ("社区", "community"),
    "field.location": ("地点", "place"),
    "field.planned_start": ("计划开始时间", "planned start"),
    "field.planned_end": ("计划结束时间", "planned end"),
    "field.facilitator": ("主持人", "facilitator"),
    "field.recorder": ("记录人", "recorder"),
    "field.kind": ("会议形式", "kind of meeting"),
    "field.default_rule": ("表决规则", "decision rule"),
    "field.quorum_policy": ("法定人数处理", "quorum policy"),
    "field.quorum": ("法定人数", "quorum"),
    "field.voting_parties": ("有表决权的一方", "voting parties"),
    "field.party": ("身份", "party"),
    "field.count": ("人数", "headcount"),
    "field.name": ("姓名", "name"),
    "field.building": ("楼栋/单元", "building/unit"),
    "field.timebox": ("时长（分钟）", "time box (minutes)"),
    "field.notes": ("备注", "notes"),
    "field.text": ("事项内容", "motion text"),
    "field.proposer": ("提议人", "proposer"),
    "field.note": ("讨论记录", "discussion notes"),
    "field.category": ("类别", "category"),
    "field.cost": ("预估费用", "estimated cost"),
    "field.rule": ("表决规则", "decision rule"),
    "field.response": ("答复", "response"),
    "field.responder": ("答复人", "responder"),
    "field.reason": ("原因", "reason"),
    "field.owner": ("负责方", "owner"),
    "field.target": ("下次商议时间", "to come back at"),
    "field.method": ("表决方式", "voting method"),
    "field.for": ("赞成", "for"),
    "field.against": ("反对", "against"),
    "field.abstain": ("弃权", "abstain"),
    "field.due": ("完成期限", "due date"),
    "field.done_on": ("完成日期", "date done"),
    "field.satisfied": ("满意", "satisfied"),
    "field.basic": ("基本满意", "mostly satisfied"),
    "field.unsatisfied": ("不满意", "not satisfied"),
}

EVENTS: dict[str, tuple[str, str]] = {
    "event.meeting_created": ("创建会议", "meeting created"),
    "event.meeting_edited": ("修改会议信息", "meeting details edited"),
    "event.meeting_started": ("会议开始", "meeting started"),
    "event.meeting_closed": ("会议结束", "meeting closed"),
    "event.meeting_reopened": ("重新开启会议：{reason}", "meeting reopened: {reason}"),
    "event.attendance_set": ("出席 {party} {count} 人", "{party} present: {count}"),
    "event.attendee_added": ("签到 {name}", "signed in {name}"),
    "event.attendee_removed": ("取消签到", "sign-in removed"),
    "event.item_added": ("添加议题「{title}」", "agenda item “{title}” added"),
    "event.item_edited": ("修改议题「{title}」", "agenda item “{title}” edited"),
    "event.item_moved": ("调整议题「{title}」顺序", "agenda item “{title}” moved"),
    "event.item_removed": ("删除议题", "agenda item removed"),
    "event.item_activated": ("开始议题「{title}」", "agenda item “{title}” started"),
    "event.item_timer_paused": ("暂停议题「{title}」计时", "timer of “{title}” paused"),
    "event.item_timer_resumed": ("继续议题「{title}」计时", "timer of “{title}” resumed"),
    "event.item_done": ("议题「{title}」结束", "agenda item “{title}” done"),
    "event.item_skipped": ("跳过议题「{title}」", "agenda item “{title}” skipped"),
    "event.motion_raised": ("提出事项 {number}「{text}」", "motion {number} “{text}” raised"),
    "event.motion_edited": ("修改事项 {number}", "motion {number} edited"),
    "event.motion_noted": ("记录事项 {number} 的讨论", "notes on motion {number}"),
    "event.motion_responded": ("答复事项 {number}", "response to motion {number}"),
    "event.motion_withdrawn": ("撤回事项 {number}", "motion {number} withdrawn"),
    "event.motion_answered": ("事项 {number} 已答复", "motion {number} answered"),
    "event.motion_deferred": ("事项 {number} 暂缓：{reason}", "motion {number} deferred: {reason}"),
    "event.vote_recorded": (
        "表决事项 {number}：赞成 {for}，反对 {against}，弃权 {abstain}",
        "vote on motion {number}: {for} for, {against} against, {abstain} abstain",
    ),
    "event.followup_assigned": (
        "事项 {number} 由 {owner} 落实",
        "motion {number} to be carried out by {owner}",
    ),
    "event.followup_done": ("事项 {number} 已落实", "motion {number} carried out"),
    "event.followup_evaluated": (
        "事项 {number} 居民评议",
        "residents' evaluation of motion {number}",
    ),
    "event.undone": ("撤销一步操作", "a step undone"),
    "event.voting_parties_set": (
        "有表决权的一方改为：{parties}",
        "who votes changed to: {parties}",
    ),
    "event.removed_item": ("已删除的议题", "a removed item"),
}

CATALOGUE = i18n.area(LABELS, RULE_REASONS, ERRORS, FIELDS, EVENTS)

_PREFIX = {
    "MeetingKind": "kind",
    "MeetingStatus": "status",
    "Party": "party",
    "ItemState": "item",
    "MotionState": "motion",
    "VoteMethod": "method",
    "DecisionRule": "rule",
    "QuorumPolicy": "quorum_policy",
    "Category": "category",
    "BacklogStatus": "backlog",
    "Stance": "stance",  # domain/floor_messages.py
    "SpeechState": "speech",
}


def label(value: StrEnum, lang: str | None = None) -> str:
    """The display name of any domain choice, e.g. `label(Party.CONTRACTOR)` → 施工方."""
    return i18n.t(f"{_PREFIX[type(value).__name__]}.{value.value}", lang)
