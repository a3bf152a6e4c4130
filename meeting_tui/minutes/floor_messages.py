"""The words of the debate in the minutes, in zh-CN and en."""

from __future__ import annotations

from meeting_tui import i18n

FLOOR_WORDS: dict[str, tuple[str, str]] = {
    "minutes.h.floor_rules": ("发言规则", "Floor rules"),
    "minutes.h.chair": ("主持移交", "Chair handed over"),
    "minutes.floor.rules": (
        "每次发言限时 {limit}，每人每事项限 {cap}",
        "{limit} a speech, {cap} per person per matter",
    ),
    "minutes.floor.handover": ("{at} 移交 {name}", "{at} to {name}"),
    "minutes.floor.taken_back": ("{at} 收回", "taken back {at}"),
    "minutes.floor.debate": ("发言情况", "Debate"),
    "minutes.floor.item_heading": ("议题「{item}」的发言", "Speeches on the item “{item}”"),
    "minutes.floor.col.order": ("序号", "No."),
    "minutes.floor.col.speaker": ("发言人", "Speaker"),
    "minutes.floor.col.stance": ("立场", "Stance"),
    "minutes.floor.col.at": ("开始", "From"),
    "minutes.floor.col.time": ("用时", "Time"),
    "minutes.floor.col.summary": ("发言摘要", "Summary"),
    "minutes.floor.nth": ("第 {n} 次", "speech {n}"),
    "minutes.floor.over_cap": ("超过限次", "over the cap"),
    "minutes.floor.out_of_turn": ("主持人调整顺序", "called out of turn"),
    "minutes.floor.overrun": ("超时，限 {limit}", "over the {limit} limit"),
    "minutes.floor.totals": (
        "发言用时：{parts}；共 {count} 人次，{time}",
        "Speaking time: {parts}; {count} speeches, {time}",
    ),
    "minutes.floor.party_part": ("{party} {time}（{n} 次）", "{party} {time} ({n})"),
    "minutes.floor.overruns": ("超时 {n} 次：{names}", "{n} over the limit: {names}"),
    "minutes.col.debate": ("发言情况", "Debate"),
}

CATALOGUE = i18n.area(FLOOR_WORDS)
