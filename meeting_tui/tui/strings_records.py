"""Words for what the chair typed being recorded as typed: vote entry, restore, text from files."""

from __future__ import annotations

from meeting_tui import i18n

CATALOGUE = i18n.area(
    {
        "form.vote.nothing_yet": (
            "填入票数（至少一项，0 也算）；全体同意请 Esc 后按 y 无异议通过。",
            "Type the counts (at least one; 0 counts); if everyone agrees, Esc then y for acclamation.",
        ),
        "restore.none_lost": (
            "会议 {meeting_id} 的文件完好，和最近的备份一样：不需要恢复，什么也没改。",
            "Meeting {meeting_id} is healthy and the same as its newest backup: nothing to restore.",
        ),
        "restore.damaged": (
            "会议 {meeting_id} 的文件已损坏。从最近的备份（{events} 步记录）恢复？"
            "损坏的文件会先移到隔离文件夹，不会删除。",
            "Meeting {meeting_id}'s file is damaged. Restore its newest backup ({events} steps)? "
            "The damaged file is moved to the quarantine folder first, never deleted.",
        ),
        "restore.healthy": (
            "会议 {meeting_id} 的文件完好，不需要恢复。坚持从备份恢复，"
            "将丢失备份之后的 {events} 步记录（{motions} 个事项）。仍要继续吗？",
            "Meeting {meeting_id}'s file is healthy; it needs no restore. Restoring the backup "
            "anyway loses the {events} steps recorded since ({motions} motions). Go on?",
        ),
        "restore.type_word": (
            "确认恢复：将丢失 {events} 步记录（{motions} 个事项）",
            "Confirm restore: {events} steps ({motions} motions) will be lost",
        ),
        "restore.word_label": ("输入「恢复」或 yes", "Type yes"),
        "restore.word_wrong": (
            "没有恢复：请输入「恢复」或 yes 确认，或按 Esc 取消。",
            "Not restored: type yes to confirm, or press Esc to cancel.",
        ),
    }
)

RESTORE_WORDS = ("恢复", "yes")
