"""Words of the floor on the session screen: keys, the queue strip, its forms and notices."""

from meeting_tui import i18n

CATALOGUE = i18n.area(
    {
        "group.floor": ("发言", "Floor"),
        "key.add_speaker": ("登记发言", "register a speaker"),
        "key.next_speaker": ("请下一位发言", "call the next speaker"),
        "key.pause_speaker": ("暂停/继续发言", "pause/resume the speech"),
        "key.end_speaker": ("结束发言", "end the speech"),
        "key.speech_note": ("发言摘要", "speech summary"),
        "key.chair": ("移交/收回主持", "hand over/take back the chair"),
        "key.floor_queue": ("发言队列", "speakers' queue"),
        "key.floor_limits": ("发言限时限次", "floor limits"),
        "footer.next_speaker": ("下一位", "next"),
        "form.speaker.title": ("登记发言", "Register a speaker"),
        "form.speaker.name": ("发言人（可只写姓氏，如 李姓居民）", "Speaker (a surname is enough)"),
        "form.speaker.party": ("身份", "Party"),
        "form.speaker.stance": ("立场", "Stance"),
        "form.speaker.hint": ("登记到：{subject}", "Registering on: {subject}"),
        "form.speaker.order": ("程序问题（排到最前）", "point of order (to the top)"),
        "form.note.title": ("发言摘要：{name}", "Summary of {name}'s speech"),
        "form.note.text": ("一句话摘要", "One-line summary"),
        "form.chair.title": ("移交主持（主持中立）", "Hand over the chair"),
        "form.chair.to": ("由谁代为主持", "Who takes the chair"),
        "form.chair.reason": ("原因（可不填）", "Reason (optional)"),
        "form.chair.hint": (
            "主持人要就本事项发言时，先把主持移交给他人；发言后按 c 收回。",
            "A chair who wants to speak on the matter hands the chair over first; press c to take it back.",
        ),
        "form.limits.title": ("发言规则（限时限次）", "Floor rules"),
        "form.limits.speech": (
            "每次发言限时（分钟；0 = 不限）",
            "Limit a speech (minutes; 0 = none)",
        ),
        "form.limits.cap": (
            "每人每事项次数（0 = 不限）",
            "Speeches per person per matter (0 = none)",
        ),
        "form.limits.hint": (
            "可写 2、1:30 或 90秒。超过次数时只提醒，不拒绝。",
            "Write 2, 1:30 or 90s. Over the cap is warned, not refused.",
        ),
        "floor.subject.motion": ("事项 {number}", "motion {number}"),
        "floor.subject.item": ("议题「{title}」", "item “{title}”"),
        "floor.strip.label": ("发言", "Floor"),
        "floor.strip.next": ("下一位", "next"),
        "floor.strip.queue": ("排队 {n} 人", "{n} waiting"),
        "floor.strip.empty": ("无人排队 · h 登记", "nobody waiting · h to register"),
        "floor.strip.chair": ("代主持：{name}", "chair: {name}"),
        "floor.strip.order": ("程序", "order"),
        "floor.strip.repeat": ("再", "again"),
        "floor.clock.speaking": ("发言", "talk"),
        "floor.clock.paused": ("暂停", "hold"),
        "floor.clock.over": ("超时", "over"),
        "floor.over_cap": (
            "{name} 本事项第 {nth} 次发言，超过每人 {cap} 次的限制：已登记，由主持人决定。",
            "{name}'s speech {nth} on this matter is over the cap of {cap}: registered; the chair decides.",
        ),
        "floor.overrun": ("{name} 发言已超过 {limit}", "{name} is over the {limit} limit"),
        "floor.handed_over": ("主持已移交给 {name}", "the chair is now with {name}"),
        "floor.taken_back": ("主持人已收回主持", "the chair is back with the facilitator"),
        "floor.dialog.title": ("发言队列：{subject}", "Speakers' queue: {subject}"),
        "floor.dialog.keys": (
            "Enter 请他发言（记录为主持人调整顺序） · K/J 上移/下移 · x 取消登记 · Esc 返回",
            "Enter call this speaker (recorded as out of turn) · K/J up/down · x remove · Esc back",
        ),
        "floor.dialog.empty": ("本事项无人排队。", "Nobody is waiting on this matter."),
        "floor.limits.saved": ("发言规则：{rules}", "floor rules: {rules}"),
        "col.speaker": ("发言人", "speaker"),
        "col.stance": ("立场", "stance"),
    }
)
