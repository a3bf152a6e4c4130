"""The words of the record's checkpoint (记录校验码) and of `meeting-tui verify`, zh and en."""

from __future__ import annotations

from meeting_tui import i18n

CHECKPOINT: dict[str, tuple[str, str]] = {
    "checkpoint.line": (
        "记录校验码：{digest}（共 {size} 条记录；可用 meeting-tui verify 核对）",
        "Record digest: {digest} ({size} events; check with meeting-tui verify)",
    ),
    "checkpoint.none": (
        "记录校验码：会议结束后生成",
        "Record digest: made when the meeting closes",
    ),
    "checkpoint.missing": (
        "记录校验码：本次结束时未生成（重新打开并再次结束会议即可生成）",
        "Record digest: not made at this close (reopen and close the meeting to make one)",
    ),
    "verify.match": (
        "一致：{source} 的 {size} 条记录与校验码 {digest} 相符{later}",
        "match: the {size} events of {source} agree with digest {digest}{later}",
    ),
    "verify.later": (
        "（其后另有 {count} 条记录，不在校验范围内）",
        " ({count} later events are not covered)",
    ),
    "verify.differs": (
        "不一致：{source} 从第 {seq} 条记录起与校验码 {digest} 不符",
        "mismatch: {source} differs from digest {digest} from event {seq} on",
    ),
    "verify.differs_somewhere": (
        "不一致：{source} 与校验码 {digest} 不符",
        "mismatch: {source} does not agree with digest {digest}",
    ),
    "verify.printed_differs": (
        "不一致：印出的校验码 {printed} 与 {source} 的校验码 {digest} 不同",
        "mismatch: the printed digest {printed} is not {source}'s digest {digest}",
    ),
    "verify.extends": (
        "；第 {version} 版纪要的记录是第 {old} 版的延续（一致性证明已核对）",
        "; minutes version {version} provably extends version {old} (consistency proof checked)",
    ),
    "verify.not_extends": (
        "不一致：第 {version} 版纪要的记录不是第 {old} 版的延续，记录被改写过",
        "mismatch: minutes version {version} does not extend version {old}: the record was rewritten",
    ),
    "verify.no_checkpoint": (
        "{source} 没有校验码（会议尚未结束，或由旧版本程序结束）：先结束会议再核对",
        "{source} has no checkpoint (not closed, or closed by an older program): close it first",
    ),
    "verify.unreadable": (
        "无法读取 {source}：{reason}（请给出会议编号、会议文件或导出的 JSON 文件）",
        "cannot read {source}: {reason} (give a meeting id, a meeting file or an exported JSON file)",
    ),
    "verify.no_salt": (
        "{source} 缺少校验用的盐值，无法核对完整记录：请用会议文件或脱敏导出核对",
        "{source} lacks the checkpoint salt: verify the meeting file or a redacted export instead",
    ),
}

# The facilitator's choice of how a name appears in public (domain.commands.publicity).
NAME_CHOICE: dict[str, tuple[str, str]] = {
    "event.name_choice_set": (
        "设定公示中的姓名写法：{name}",
        "set how a name is published: {name}",
    ),
    "error.no_meeting": ("还没有会议：先新建会议", "there is no meeting yet: create one first"),
}

CATALOGUE = i18n.area(CHECKPOINT, NAME_CHOICE)
