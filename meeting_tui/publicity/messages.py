"""The publicity page's, notice's and publish screen's words in zh-CN and en.

Kept in one catalog so the page, the printed notice, the CLI and the TUI
screen say the same thing; the page and notice follow the meeting's language,
the CLI and the screen the interface language.
"""

from __future__ import annotations

from meeting_tui import i18n

PAGE: dict[str, tuple[str, str]] = {
    "publicity.kicker": ("议事结果公示", "Public notice of meeting results"),
    "publicity.doc_title": ("{title} 议事结果公示", "{title}: results"),
    "publicity.when": ("时间", "When"),
    "publicity.where": ("地点", "Where"),
    "publicity.kind": ("形式", "Format"),
    "publicity.host": ("主持人", "Chaired by"),
    "publicity.recorder": ("记录人", "Recorded by"),
    "publicity.attendance": ("出席", "Present"),
    "publicity.attendance_item": ("{party} {count} 人", "{party}: {count}"),
    "publicity.in_session": (
        "会议仍在进行中，以下为目前结果，以会后公示为准。",
        "The meeting is still in session: these are interim results.",
    ),
    "publicity.summary": ("结果一览", "At a glance"),
    "publicity.count": ("{label} {count} 项", "{label}: {count}"),
    "publicity.section.passed": ("通过事项", "Decisions (passed)"),
    "publicity.section.deferred": ("暂缓事项", "Deferred items"),
    "publicity.section.answered": ("已答复事项", "Answered items"),
    "publicity.section.rejected": ("未通过事项", "Not passed"),
    "publicity.section.withdrawn": ("撤回事项", "Withdrawn"),
    "publicity.section.raised": ("待表决事项", "Not yet voted on"),
    "publicity.proposer": ("提出人", "Raised by"),
    "publicity.category": ("类别", "Category"),
    "publicity.note": ("说明", "Note"),
    "publicity.owner": ("责任方", "Responsible"),
    "publicity.due": ("完成时限", "Due"),
    "publicity.done": ("已完成：{date}", "Done: {date}"),
    "publicity.keeper": ("跟进人", "Kept by"),
    "publicity.target": ("再议时间", "Back on"),
    "publicity.reason": ("原因", "Reason"),
    "publicity.answer": ("答复", "Answer"),
    "publicity.responder": ("答复人", "Answered by"),
    "publicity.vote": ("表决", "Vote"),
    "publicity.vote.counts": (
        "赞成 {for} · 反对 {against} · 弃权 {abstain} · 未表态 {silent}（有表决权出席 {present} 人）",
        "for {for} · against {against} · abstain {abstain} · no hand {silent} ({present} eligible present)",
    ),
    "publicity.vote.acclaimed": (
        "无异议通过（有表决权出席 {present} 人）",
        "passed without objection ({present} eligible present)",
    ),
    "publicity.vote.rule": ("{method}，规则：{rule}", "{method}; rule: {rule}"),
    "publicity.vote.rule_only": ("规则：{rule}", "rule: {rule}"),
    "publicity.budget": ("预算", "Budget"),
    "publicity.cost": ("{cost} 元", "{cost} yuan"),
    "publicity.not_set": ("未定", "not set"),
    "publicity.contact": (
        "对以上结果如有意见或建议，请联系{community}居委会。",
        "Questions or objections: please contact the {community} residents' committee.",
    ),
    "publicity.contact_unknown": (
        "对以上结果如有意见或建议，请联系所在社区居委会。",
        "Questions or objections: please contact your community's residents' committee.",
    ),
    "publicity.privacy": (
        "为保护个人信息，居民姓名只显示姓氏，电话和证件号码已部分隐藏。",
        "To protect personal data, residents' names show the surname only; phone and ID numbers are partly hidden.",
    ),
    "publicity.meeting_id": ("会议编号 {id}", "Meeting {id}"),
    "publicity.date": ("{year}年{month}月{day}日", "{year}-{month:0>2}-{day:0>2}"),
    "notice.heading": ("公示", "Public notice"),
    "notice.scan": ("扫码查看完整公示", "Scan for the full results"),
    "notice.local_warning": (
        "本二维码指向本机文件，仅供检查，请勿张贴。",
        "This QR code points to a file on this computer: for checking only, do not post it.",
    ),
    "notice.col.no": ("序号", "No."),
    "notice.col.item": ("事项", "Item"),
    "notice.col.vote": ("表决", "Vote"),
    "notice.col.owner": ("责任方", "Responsible"),
    "notice.col.due": ("时限", "Due"),
    "notice.vote_short": ("赞{for}/反{against}/弃{abstain}", "{for}/{against}/{abstain}"),
    "notice.acclaimed": ("无异议", "no objection"),
    "notice.vote_legend": (
        "表决一栏：赞＝赞成，反＝反对，弃＝弃权。",
        "Vote column: for/against/abstain.",
    ),
    "notice.deferred_item": (
        "{text}（跟进人：{owner}；再议：{target}）",
        "{text} (kept by {owner}; back on {target})",
    ),
    "notice.answered_item": ("{text}（答复：{answer}）", "{text} (answer: {answer})"),
    "notice.posted": (
        "张贴日期：＿＿＿＿年＿＿月＿＿日",
        "Posted on: ____-__-__",
    ),
    "publicity.speakers": ("发言", "Speakers"),  # the floor: who spoke on a motion
}

PUBLISH: dict[str, tuple[str, str]] = {
    "publish.error.base_url": (
        "公示网址 {url} 无效：{reason}。请使用 http:// 或 https:// 开头、不含空格和中文的网址（中文域名请用 xn-- 形式）。",
        "The publicity base URL {url} is not valid: {reason}. Use an http:// or https:// address without spaces or non-ASCII characters (punycode for IDN domains).",
    ),
    "publish.error.reason.scheme": (
        "须以 http:// 或 https:// 开头",
        "it must start with http:// or https://",
    ),
    "publish.error.reason.space": (
        "含有空格或控制字符",
        "it contains spaces or control characters",
    ),
    "publish.error.reason.ascii": ("含有非 ASCII 字符", "it contains non-ASCII characters"),
    "publish.error.reason.host": ("缺少域名", "it has no host name"),
    "publish.error.reason.query": ("不能含有 ? 或 #", "it may not contain ? or #"),
    "publish.error.meeting_id": (
        "会议编号 {id} 不能用于网址：只允许英文字母、数字、点、横线和下划线。",
        "The meeting id {id} cannot go in a URL: use letters, digits, dots, dashes and underscores only.",
    ),
    "publish.error.write": (
        "无法写入 {path}：{reason}。请检查文件夹是否可写，或用 --out 指定其他文件夹。",
        "Could not write {path}: {reason}. Check the folder is writable, or choose another with --out.",
    ),
    "publish.no_base_url": (
        "未设置公示网址（base_url）：二维码暂时指向本机文件，仅供检查。请在 {config} 中设置 base_url，或使用 --base-url。",
        "No publicity base URL (base_url) is set: the QR code points to the local file, for checking only. Set base_url in {config}, or pass --base-url.",
    ),
    "publish.url": ("公示网址：{url}", "Publicity URL: {url}"),
    "publish.written": ("已写入：", "Written:"),
    "publish.upload": (
        "请把 {page} 上传到 {base}/，二维码才能打开。",
        "Upload {page} to {base}/ so the QR code opens it.",
    ),
    "publish.no_glyphs": (
        "此输出不能显示二维码字符，请查看 SVG 或 PNG 文件。",
        "This output cannot show the QR characters: open the SVG or PNG file.",
    ),
    "publish.config_problem": ("配置文件有误：{problem}", "config file problem: {problem}"),
    # The publish screen
    "publish.screen.title": ("公示与二维码", "Publicity and QR code"),
    "publish.screen.scan": ("手机扫码查看公示页", "Scan with a phone to open the page"),
    "publish.screen.local": (
        "未设置公示网址：二维码指向本机文件，仅供检查。在配置文件中设置 base_url。",
        "No base URL: the QR code points to the local file, for checking only. Set base_url in the config file.",
    ),
    "publish.screen.too_small": (
        "窗口太小，二维码显示不全：请放大终端窗口（需要 {cols}×{rows}）。",
        "The window is too small for the whole QR code: enlarge the terminal (needs {cols}×{rows}).",
    ),
    "publish.screen.writing": ("正在写入公示文件……", "Writing the publicity files…"),
    "publish.screen.written": ("已写入 {folder}：{files}", "Written to {folder}: {files}"),
    "publish.screen.failed": ("写入失败：{reason}", "Writing failed: {reason}"),
    "publish.screen.hint": (
        "v 预览并核对姓名 · w 写入公示页、告示和二维码 · Esc 返回",
        "v preview and check names · w write page, notice and QR · Esc back",
    ),
    "publish.key.write": ("写入公示", "write publicity files"),
    "publish.key.back": ("返回", "back"),
}

CATALOGUE = i18n.area(PAGE, PUBLISH)
