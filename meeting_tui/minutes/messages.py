"""The minutes' words in zh-CN and en: headings, field names, export errors, preview keys.

Minutes are written in the meeting's language (`MeetingState.lang`), not the
reader's interface language: a community office files the Chinese original.
"""

from __future__ import annotations

from meeting_tui import i18n

DOCUMENT: dict[str, tuple[str, str]] = {
    "minutes.doc_title": ("{title} 会议纪要", "Minutes: {title}"),
    "minutes.redacted_note": (
        "脱敏版：姓名已缩写，电话和身份证号码已隐去。",
        "Redacted copy: names shortened, phone and ID numbers masked.",
    ),
    "minutes.draft_note": (
        "会议尚未结束，本纪要为草稿。",
        "The meeting is not closed: these minutes are a draft.",
    ),
    "minutes.h.field": ("项目", "Field"),
    "minutes.h.value": ("内容", "Details"),
    "minutes.h.time": ("会议时间", "Time"),
    "minutes.h.place": ("会议地点", "Place"),
    "minutes.h.kind": ("会议形式", "Kind of meeting"),
    "minutes.h.facilitator": ("主持人", "Facilitator"),
    "minutes.h.recorder": ("记录人", "Recorder"),
    "minutes.h.attendance": ("出席人员", "Present"),
    "minutes.h.voters": ("有表决权", "Entitled to vote"),
    "minutes.h.rule": ("表决规则", "Decision rule"),
    "minutes.h.quorum": ("法定人数", "Quorum"),
    "minutes.h.summary": ("事项汇总", "Summary"),
    "minutes.h.attendees": ("签到名单", "Signed in"),
    "minutes.h.reopened": ("重新开启", "Reopened"),
    "minutes.party_count": ("{party} {count} 人", "{party} {count}"),
    "minutes.total": ("共 {count} 人", "{count} in all"),
    "minutes.voters": ("{parties}，出席 {count} 人", "{parties}, {count} present"),
    "minutes.summary": ("共 {total} 项事项", "{total} motions"),
    "minutes.summary_part": ("{state} {count} 项", "{state} {count}"),
    "minutes.open_end": ("{start} 起", "from {start}"),
    "minutes.date": ("{y}年{m}月{d}日", "{y}-{m:02d}-{d:02d}"),
    "minutes.date_short": ("{m}月{d}日", "{m:02d}-{d:02d}"),
    "minutes.none": ("无。", "None."),
    "minutes.s.agenda": ("会议议程", "Agenda"),
    "minutes.s.motions": ("事项及表决情况", "Motions and votes"),
    "minutes.s.followups": ("议定事项及落实", "Decisions and follow-up"),
    "minutes.s.deferred": ("暂缓事项", "Deferred items"),
    "minutes.s.unvoted": ("未表决事项", "Items left without a vote"),
    "minutes.s.timeline": ("会议过程", "Timeline"),
    "minutes.s.signatures": ("签字", "Signatures"),
    "minutes.unvoted_note": (
        "以下事项在会议结束时仍未表决，需在下次会议继续商议：",
        "These motions were still without a vote when the meeting closed; take them up again:",
    ),
    "minutes.agenda.timebox": ("限时 {n} 分钟", "{n} min allowed"),
    "minutes.agenda.used": ("用时 {n} 分钟", "{n} min used"),
    "minutes.m.heading": ("事项 {number}：{text}", "Motion {number}: {text}"),
    "minutes.m.item": ("议题", "Agenda item"),
    "minutes.m.proposer": ("提议人", "Proposed by"),
    "minutes.m.category": ("类别", "Category"),
    "minutes.m.cost": ("预估费用", "Estimated cost"),
    "minutes.m.cost_value": ("{cost} 元", "{cost} yuan"),
    "minutes.m.over_limit": (
        "超过民生微实事 10 万元限额",
        "at or above the 100,000 yuan micro-project limit",
    ),
    "minutes.m.note": ("讨论情况", "Discussion"),
    "minutes.m.response": ("答复", "Response"),
    "minutes.m.vote": ("表决", "Vote"),
    "minutes.m.superseded": ("重新计票前", "Before the recount"),
    "minutes.m.rule": ("规则", "Rule"),
    "minutes.m.result": ("结果", "Result"),
    "minutes.m.followup": ("落实", "Follow-up"),
    "minutes.m.deferral": ("暂缓", "Deferred"),
    "minutes.m.withdrawn": ("撤回原因", "Reason for withdrawal"),
    "minutes.vote_line": (
        "{method}，赞成 {for}，反对 {against}，弃权 {abstain}，未表态 {not_voting}"
        "（出席有表决权 {present} 人，{at}）",
        "{method}: {for} for, {against} against, {abstain} abstain, {not_voting} not voting "
        "({present} eligible present, {at})",
    ),
    "minutes.followup_due": ("{owner}负责，{due}前完成", "{owner}, due {due}"),
    "minutes.followup_owner": ("{owner}负责", "{owner}"),
    "minutes.followup_done": ("已于 {date} 完成", "done {date}"),
    "minutes.deferral_line": ("{reason}；由{owner}跟进", "{reason}; kept by {owner}"),
    "minutes.deferral_target": ("{target}再议", "back at: {target}"),
    "minutes.col.number": ("序号", "No."),
    "minutes.col.item": ("议题", "Agenda item"),
    "minutes.col.text": ("事项", "Motion"),
    "minutes.col.proposer": ("提议人", "Proposer"),
    "minutes.col.category": ("类别", "Category"),
    "minutes.col.state": ("状态", "State"),
    "minutes.col.for": ("赞成", "For"),
    "minutes.col.against": ("反对", "Against"),
    "minutes.col.abstain": ("弃权", "Abstain"),
    "minutes.col.present": ("出席有表决权人数", "Eligible present"),
    "minutes.col.rule": ("表决规则", "Rule"),
    "minutes.col.result": ("表决结果", "Result"),
    "minutes.col.owner": ("落实责任方", "Owner"),
    "minutes.col.due": ("完成期限", "Due"),
    "minutes.col.deferral_reason": ("暂缓原因", "Deferral reason"),
    "minutes.col.deferral_owner": ("跟进人", "Kept by"),
    "minutes.col.target": ("再议时间", "Comes back"),
    "minutes.col.time": ("时间", "Time"),
    "minutes.col.event": ("经过", "What happened"),
    "minutes.sign.facilitator": ("主持人", "Facilitator"),
    "minutes.sign.recorder": ("记录人", "Recorder"),
    "minutes.sign.resident": ("居民代表", "Residents' representative"),
    "minutes.sign.date": ("日期", "Date"),
    "minutes.appendix": ("附件：{title}", "Appendix: {title}"),
    "minutes.party_count_changed": (
        "{party} 最多 {largest} 人，散会时 {count} 人",
        "{party} {largest} at most, {count} at the close",
    ),
    "minutes.party_now": (
        "{party} 最多 {largest} 人，现 {count} 人",
        "{party} {largest} at most, {count} now",
    ),
    "minutes.total_at_end": ("散会时共 {count} 人", "{count} in all at the close"),
    "minutes.quorum_unset": ("不设", "none set"),
    "minutes.quorum_value": ("{count} 人", "{count}"),
    "minutes.col.result_code": ("结果代码", "Result code"),
    "minutes.col.meeting_id": ("会议编号", "Meeting id"),
    "minutes.col.date": ("会议日期", "Meeting date"),
    "minutes.col.title": ("会议名称", "Meeting"),
    "minutes.col.cost": ("预估费用（元）", "Estimated cost (yuan)"),
    "minutes.h.voting_change": ("表决权变更", "Change of who votes"),
    "minutes.m.origin": ("来源", "Taken up from"),
    "minutes.origin": ("来自 {date} {title} 第 {number} 项", "from {date} {title} motion {number}"),
    "minutes.origin_vote": (
        "，上次表决 赞成 {for} 反对 {against} 弃权 {abstain}",
        ", last vote {for} for, {against} against, {abstain} abstain",
    ),
    "minutes.col.origin": ("来源", "Taken up from"),
}

EXPORT: dict[str, tuple[str, str]] = {
    "minutes.redacted_suffix": ("脱敏", "redacted"),
    "minutes.exported": ("已导出：{path}", "exported: {path}"),
    "minutes.error.exists": (
        "文件 {file} 已存在：请换一个 --out 路径，或加 --force 覆盖。",
        "{file} already exists: choose another --out path, or add --force to overwrite it.",
    ),
    "minutes.error.parent": (
        "导出路径「{path}」含有「..」：请直接写出目标文件夹或文件。",
        "The export path “{path}” contains “..”: name the target folder or file directly.",
    ),
    "minutes.error.bad_name": (
        "导出路径「{path}」含有控制字符：请换一个名字。",
        "The export path “{path}” contains control characters: choose another name.",
    ),
    "minutes.error.format": (
        "不支持的导出格式「{format}」：可选 {options}。",
        "Unknown export format “{format}”: choose one of {options}.",
    ),
    "minutes.error.write": (
        "无法写入 {file}（{reason}）：请检查文件夹是否存在、可写，磁盘是否已满。没有留下不完整的文件。",
        "Could not write {file} ({reason}): check that the folder exists and is writable and "
        "the disk is not full. No partial file was left.",
    ),
    "minutes.error.bad_json": (
        "{file} 不是会议纪要 JSON 文件（{reason}）：请选择由 meeting-tui export --format json 导出的文件。",
        "{file} is not a minutes JSON file ({reason}): choose a file written by "
        "meeting-tui export --format json.",
    ),
    "minutes.error.schema": (
        "{file} 的格式版本 {version} 比本程序支持的 {supported} 新：请升级 meeting-tui。",
        "{file} has format version {version}, newer than {supported}: upgrade meeting-tui.",
    ),
    "minutes.error.layout": (
        "不支持的版式「{layout}」：可选 {options}。",
        "Unknown layout “{layout}”: choose one of {options}.",
    ),
}

PREVIEW: dict[str, tuple[str, str]] = {
    "preview.title": ("会议纪要预览", "Minutes preview"),
    "preview.key.md": ("导出 Markdown", "export Markdown"),
    "preview.key.html": ("导出网页", "export HTML"),
    "preview.key.docx": ("导出 Word", "export Word"),
    "preview.key.csv": ("导出表格", "export CSV"),
    "preview.key.json": ("导出数据", "export JSON"),
    "preview.key.redact": ("切换脱敏", "toggle redaction"),
    "preview.key.back": ("返回", "back"),
    "preview.mode.full": ("完整版（内部存档）", "full record (internal)"),
    "preview.mode.redacted": (
        "脱敏版（姓名缩写，号码隐去）",
        "redacted (names shortened, numbers masked)",
    ),
    "preview.saved": ("已存档第 {version} 版", "saved version {version}"),
    "preview.unsaved": ("会议未结束：当前为草稿", "meeting not closed: draft"),
    "preview.not_recorded": (
        "会议已结束，纪要未存档：按当前记录生成",
        "meeting closed, minutes not saved: built from the record",
    ),
    "preview.exporting": ("正在导出 {format}…", "exporting {format}…"),
    "preview.failed": ("导出失败：{message}", "export failed: {message}"),
}

CATALOGUE = i18n.area(DOCUMENT, EXPORT, PREVIEW)
