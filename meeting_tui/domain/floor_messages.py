"""The floor's words in zh-CN and en: stances, speech states, refusals that name the fix,
and the one-line descriptions of its steps (undo, the timeline)."""

from __future__ import annotations

from typing import Any

from meeting_tui import i18n
from meeting_tui.domain.events import Event
from meeting_tui.domain.model import MeetingState

LABELS: dict[str, tuple[str, str]] = {
    "stance.for": ("赞成", "for"),
    "stance.against": ("反对", "against"),
    "stance.question": ("提问", "question"),
    "stance.other": ("其他", "other"),
    "speech.waiting": ("等待发言", "waiting"),
    "speech.speaking": ("发言中", "speaking"),
    "speech.paused": ("暂停", "paused"),
    "speech.done": ("已发言", "spoken"),
    "speech.removed": ("已取消", "withdrawn"),
    "floor.point_of_order": ("程序问题", "point of order"),
    "floor.no_limit": ("不限", "no limit"),
    "floor.limit_minutes": ("{minutes} 分钟", "{minutes} min"),
    "floor.limit_clock": ("{clock}", "{clock}"),
    "floor.cap_times": ("{cap} 次", "{cap} times"),
    "field.speaker": ("发言人", "speaker"),
    "field.speech_note": ("发言摘要", "speech summary"),
    "field.chair_to": ("代为主持的人", "who takes the chair"),
    "field.stance": ("立场", "stance"),
    "field.speeches_per_person": ("每人发言次数", "speeches per person"),
}

ERRORS: dict[str, tuple[str, str]] = {
    "error.floor.no_subject": (
        "没有选中的事项，也没有进行中的议题：先按 ] 开始议题，或选中一个事项。",
        "No motion selected and no agenda item under way: press ] to start an item, or select a motion.",
    ),
    "error.floor.unknown_speaker": (
        "找不到发言人 {id}：请在发言队列中重新选择。",
        "No speaker {id}: choose again in the speakers' queue.",
    ),
    "error.floor.not_waiting": (
        "{name} 已不在排队：只有排队中的发言人可以调整顺序、取消或请上台。",
        "{name} is no longer waiting: only waiting speakers can be moved, removed or called.",
    ),
    "error.floor.nobody_speaking": (
        "现在没有人在发言：按 k 请下一位发言。",
        "Nobody has the floor: press k to call the next speaker.",
    ),
    "error.floor.already_waiting": (
        "{name} 已在本事项的发言队列中：同一人不重复排队，轮到时再发言。",
        "{name} is already waiting on this matter: one place in the queue per person.",
    ),
    "error.floor.cannot_move": (
        "{name} 已在队列的一端，不能再往这个方向移动。",
        "{name} is already at that end of the queue.",
    ),
    "error.floor.chair_speaks": (
        "主持中立：{name} 是主持人，发言前请先按 c 把主持移交给他人。",
        "The chair stays neutral: {name} chairs this meeting; press c to hand the chair over first.",
    ),
    "error.floor.queue_empty": (
        "本事项没有人排队发言：按 h 登记发言人。",
        "Nobody is waiting to speak on this matter: press h to register a speaker.",
    ),
    "error.floor.no_speech_to_note": (
        "还没有人发言，没有可记录的摘要：先按 k 请人发言。",
        "Nobody has spoken yet, so there is no speech to summarise: press k to call a speaker.",
    ),
    "error.floor.already_handed_over": (
        "主持已移交给 {to}：先按 c 收回主持。",
        "The chair is already with {to}: press c to take it back first.",
    ),
    "error.floor.not_handed_over": (
        "主持没有移交，无需收回。",
        "The chair was not handed over: nothing to take back.",
    ),
    "error.floor.bad_limit": (
        "发言限时「{value}」看不懂：请写分钟数（如 2）、1:30 或 90秒；不限时写 0。",
        "Cannot read the speech limit “{value}”: write minutes (2), 1:30 or 90s; 0 for no limit.",
    ),
    "error.floor.limit_range": (
        "发言限时 {value} 秒不在 {low} 秒到 {high} 分钟之间：请改一个，不限时写 0。",
        "A limit of {value} s is not between {low} s and {high} min: change it, or 0 for none.",
    ),
    "error.floor.cap_range": (
        "每人发言次数 {value} 不在 {low} 到 {high} 之间：请改一个，不限次写 0。",
        "{value} speeches per person is not between {low} and {high}: change it, or 0 for none.",
    ),
}

EVENTS: dict[str, tuple[str, str]] = {
    "event.speaker_added": (
        "登记发言：{name}（{stance}）",
        "speaker registered: {name} ({stance})",
    ),
    "event.speaker_moved": (
        "调整发言顺序：{name} 移到第 {position} 位",
        "speakers' order changed: {name} moved to place {position}",
    ),
    "event.speaker_removed": ("取消发言登记：{name}", "speaker withdrawn: {name}"),
    "event.speaker_started": ("{name} 开始发言", "{name} has the floor"),
    "event.speaker_paused": ("{name} 暂停发言", "{name} paused"),
    "event.speaker_resumed": ("{name} 继续发言", "{name} resumed"),
    "event.speaker_ended": ("{name} 发言结束", "{name} finished speaking"),
    "event.floor_order_overridden": (
        "主持人改变发言顺序：先请 {name}（按规则应为 {suggested}）",
        "the chair called {name} out of turn (the rules suggested {suggested})",
    ),
    "event.speech_noted": ("记录 {name} 的发言摘要", "summary of {name}'s speech"),
    "event.chair_handed_over": ("主持人将主持移交给 {to}", "the chair handed over to {to}"),
    "event.chair_taken_back": ("主持人收回主持（{from}）", "the chair taken back (from {from})"),
    "event.floor_limits_set": (
        "发言规则：每次限时 {limit}，每人每事项限 {cap}",
        "floor rules: {limit} a speech, {cap} per person per matter",
    ),
}

CATALOGUE = i18n.area(LABELS, ERRORS, EVENTS)


def limit_text(seconds: int | None, lang: str | None = None) -> str:
    """2 分钟, 1:30, 不限: a per-speech limit as people say it."""
    if seconds is None:
        return i18n.t("floor.no_limit", lang)
    if seconds % 60 == 0:
        return i18n.t("floor.limit_minutes", lang, minutes=seconds // 60)
    return i18n.t("floor.limit_clock", lang, clock=f"{seconds // 60}:{seconds % 60:02d}")


def cap_text(cap: int | None, lang: str | None = None) -> str:
    return (
        i18n.t("floor.no_limit", lang) if cap is None else i18n.t("floor.cap_times", lang, cap=cap)
    )


def describe_values(event: Event, state: MeetingState, lang: str | None = None) -> dict[str, Any]:
    """What a floor step's description needs beyond its payload: names, labels, places."""
    p = event.payload
    floor = state.floor
    values: dict[str, Any] = {}
    speech = floor.speeches.get(p.get("speaker_id", ""))
    if speech is not None:
        values["name"] = speech.name
    if "stance" in p:
        values["stance"] = i18n.t(f"stance.{p['stance']}", lang)
        if p.get("point_of_order"):
            values["stance"] = i18n.t("floor.point_of_order", lang)
    if "index" in p:
        values["position"] = int(p["index"]) + 1
    suggested = floor.speeches.get(p.get("suggested_id", ""))
    if suggested is not None:
        values["suggested"] = suggested.name
    if "speech_limit_s" in p or "speeches_per_person" in p:
        values["limit"] = limit_text(p.get("speech_limit_s", floor.speech_limit_s), lang)
        values["cap"] = cap_text(p.get("speeches_per_person", floor.speeches_per_person), lang)
    return values
