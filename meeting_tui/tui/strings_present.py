"""Words of the public view's screen and of the chair's `P` dialog, zh and en."""

from __future__ import annotations

from meeting_tui import i18n

CATALOGUE = i18n.area(
    {
        "present.proposer": ("提议人：{name}", "proposed by {name}"),
        "present.motion": ("事项 {n} · {state}", "Motion {n} · {state}"),
        "present.no_vote": ("尚未表决", "not voted yet"),
        "present.not_voting": (
            "未表态 {n} 人（出席有表决权 {present}）",
            "{n} did not vote ({present} eligible present)",
        ),
        "present.method": ("表决方式：{method}", "method: {method}"),
        "present.decisions": ("已作出的决定", "Decisions so far"),
        "present.final": ("最终结果", "Final results"),
        "present.no_decisions": ("还没有作出决定。", "No decisions yet."),
        "present.agenda": ("议程", "Agenda"),
        "present.between": ("议题之间", "between items"),
        "present.missing": (
            "会议文件暂时读不到（{message}）：显示的是上一次读到的内容，文件回来后自动更新。",
            "The meeting file cannot be read just now ({message}): showing the last good copy; "
            "it updates by itself when the file is back.",
        ),
        "present.first_missing": (
            "还读不到这个会议（{message}）：文件出现后自动显示。",
            "This meeting cannot be read yet ({message}): it shows as soon as the file is there.",
        ),
        "present.damaged_events": (
            "会议记录无法解读：{message}",
            "the record cannot be read: {message}",
        ),
        "present.quit": ("退出", "Quit"),
        "present.dialog.title": (
            "公开显示（给居民看的第二个窗口）",
            "Public view (a second window for the room)",
        ),
        "present.dialog.command": (
            "在第二个终端窗口或标签页里运行（只读，不会锁定或改动会议）：",
            "Run this in a second terminal window or tab (read-only: it never locks or changes the meeting):",
        ),
        "present.dialog.emphasis": ("公开显示突出：", "The public view emphasises:"),
        "present.dialog.hint": (
            "← → 选择，Enter 保存，Esc 关闭。这是显示设置，不记入会议记录。",
            "← → choose, Enter saves, Esc closes. A display setting: not part of the record.",
        ),
        "present.emphasis.motion": ("当前事项与表决", "current motion and vote"),
        "present.emphasis.agenda": ("议程", "agenda"),
        "present.emphasis.results": ("已作出的决定", "results so far"),
        "present.saved": ("公开显示改为突出：{emphasis}", "public view now emphasises: {emphasis}"),
        "key.present": ("公开显示", "public view"),
    }
)
