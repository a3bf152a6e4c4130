"""The owners' store messages (zh, en): a second window, an unknown id, a damaged log."""

from __future__ import annotations

from meeting_tui import i18n

i18n.register(
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
    }
)
