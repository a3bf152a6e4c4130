"""The owners' store messages (zh, en): a second window, an unknown id, a damaged log."""

from __future__ import annotations

from meeting_tui import i18n

CATALOGUE = i18n.area(
    {
        "owners.store.locked": (
            "这个表决事项已在另一个窗口中打开（{host} 上的进程 {pid}）。请先在那里关闭；"
            "如果那个窗口已经不在了，删除锁文件 {lock} 后重试。",
            "This decision is open in another window (process {pid} on {host}): close it "
            "there, or if that window is gone, delete the lock file {lock} and try again.",
        ),
        "owners.store.unknown": (
            "没有编号为 {id} 的表决事项。用 meeting-tui owners list 查看全部。",
            "No decision with id {id}. See them all with meeting-tui owners list.",
        ),
        "owners.store.bad_events": (
            "表决记录 {file} 无法读取（{reason}）。文件已保留，请用备份 .1.bak 恢复。",
            "The decision file {file} cannot be read ({reason}). It is kept; restore the "
            "backup .1.bak.",
        ),
        "store.journal.damaged": (
            "日志文件 {file} 第 {line} 行已损坏（{reason}），表决记录无法读取。两个文件都已保留、"
            "不会被覆盖；请把它们交给能修复的人，或把 {file} 移开后重新打开（之后的答复需要重新录入）。",
            "The journal {file} is damaged at line {line} ({reason}), so the decision cannot be "
            "read. Both files are kept and will not be overwritten; give them to someone who can "
            "repair them, or move {file} aside and open again (answers after it must be entered "
            "again).",
        ),
    }
)
