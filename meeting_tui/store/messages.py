"""zh-CN and en texts of the store's errors: each names the problem and the fix."""

from __future__ import annotations

from meeting_tui import i18n

MESSAGES: dict[str, tuple[str, str]] = {
    "store.id.invalid": (
        "会议编号“{meeting_id}”无效：编号应形如 20261127-k3f9"
        "（8 位日期、短横线、4 到 12 位小写字母或数字）。请检查输入的编号。",
        "Meeting id “{meeting_id}” is not valid: an id looks like 20261127-k3f9 "
        "(8-digit date, a hyphen, 4 to 12 lowercase letters or digits). Check the id you typed.",
    ),
    "store.meeting.unknown": (
        "找不到会议 {meeting_id}（文件 {file} 不存在）。"
        "请用 meeting-tui list 查看存档中的会议编号。",
        "No meeting {meeting_id} (the file {file} does not exist). "
        "Run meeting-tui list to see the ids in the archive.",
    ),
    "store.meeting.exists": (
        "会议 {meeting_id} 已存在（{file}），不会覆盖它。请换一个编号，或直接打开这个会议。",
        "Meeting {meeting_id} already exists ({file}) and will not be overwritten. "
        "Use another id, or open that meeting.",
    ),
    "store.meeting.locked": (
        "这个会议已在另一个窗口中打开（{host} 上的进程 {pid}，自 {since} 起）。"
        "请先在那个窗口中关闭它；如果那个窗口已经不在了，删除锁文件 {lock} 后重试。",
        "This meeting is open in another window (process {pid} on {host}, since {since}): "
        "close it there, or if that window is gone, delete the lock file {lock} and try again.",
    ),
    "store.index.busy": (
        "存档索引 {file} 正被另一个窗口更新。请稍等几秒后重试；"
        "如果没有其他窗口在运行，删除锁文件 {lock} 后重试。",
        "The archive index {file} is being updated by another window. Wait a few seconds and "
        "retry; if no other window is running, delete the lock file {lock} and retry.",
    ),
    "store.file.corrupt": (
        "文件 {file} 已损坏，无法读取。原文件不会被改动或覆盖，已复制一份到 {quarantine}。"
        "可以恢复最近的完好备份 {backup}（在存档中选择“恢复备份”，或把它复制为 {file}）。",
        "The file {file} is damaged and cannot be read. It will not be changed or overwritten; "
        "a copy was put in {quarantine}. The last good backup {backup} can be restored "
        "(choose “restore backup” in the archive, or copy it over {file}).",
    ),
    "store.file.corrupt_no_backup": (
        "文件 {file} 已损坏，无法读取，而且没有可用的备份。原文件不会被改动或覆盖，"
        "已复制一份到 {quarantine}；请把这份副本交给能修复它的人，或重新录入这个会议。",
        "The file {file} is damaged and cannot be read, and there is no backup to restore. "
        "It will not be changed or overwritten; a copy was put in {quarantine}. Give that copy "
        "to someone who can repair it, or enter the meeting again.",
    ),
    "store.file.unreadable": (
        "文件 {file} 已损坏，无法读取；它不会被覆盖。请从存档中打开这个会议，以便隔离损坏的文件并恢复备份。",
        "The file {file} is damaged and cannot be read; it will not be overwritten. "
        "Open the meeting from the archive so the damaged file is set aside and a backup "
        "can be restored.",
    ),
    "store.event.sequence": (
        "事件序号 {got} 与预期的 {expected} 不符（会议 {meeting_id}）：这可能是重复提交，"
        "已拒绝，文件未改动。请重新载入会议后再操作。",
        "Event number {got} does not follow the expected {expected} (meeting {meeting_id}): "
        "probably a double submit. It was refused and the file is unchanged; "
        "reload the meeting and try again.",
    ),
    "store.event.invalid": (
        "事件格式不正确（{reason}），未保存。这是程序错误，请报告。",
        "The event is malformed ({reason}) and was not saved. This is a program error: "
        "please report it.",
    ),
    "store.write.disk_full": (
        "磁盘已满，无法保存到文件夹 {folder}。请释放一些磁盘空间后重试。"
        "这次的改动已保留在内存中，会再次尝试保存；之前已保存的内容没有丢失。",
        "The disk is full: cannot save to the folder {folder}. Free some disk space, then "
        "retry. This change is kept in memory and will be saved again; nothing saved "
        "earlier is lost.",
    ),
    "store.write.failed": (
        "无法写入文件夹 {folder}（{reason}）。请检查该文件夹是否只读、是否有写入权限"
        "（U 盘是否被拔出）。这次的改动已保留在内存中，会再次尝试保存；之前已保存的内容没有丢失。",
        "Cannot write to the folder {folder} ({reason}). Check that the folder is not "
        "read-only, that you may write to it, and that the drive is still plugged in. "
        "This change is kept in memory and will be saved again; nothing saved earlier is lost.",
    ),
    "store.write.read_only": (
        "文件 {file} 以只读方式打开，不能写入。请用“打开会议”再修改它。",
        "The file {file} was opened read-only and cannot be written. "
        "Open the meeting to change it.",
    ),
    "store.backup.none": (
        "会议 {meeting_id} 没有可恢复的备份（在 {folder} 中找不到 {meeting_id}.*.bak）。",
        "Meeting {meeting_id} has no backup to restore (no {meeting_id}.*.bak in {folder}).",
    ),
    # Used by store/live.py (the running meeting).
    "store.meeting.bad_events": (
        "文件 {file} 中的事件无法读取（{reason}）。原文件不会被覆盖；请恢复最近的备份。",
        "The events in {file} cannot be read ({reason}). The file will not be overwritten; "
        "restore the last backup.",
    ),
    "store.file.closed": (
        "会议文件 {file} 已在本窗口关闭，本次改动未写入（可能已在另一窗口打开）。请重新打开该会议后再操作。",
        "The meeting file {file} was closed in this window, so this change was not written (it may "
        "be open in another window). Open the meeting again, then go on.",
    ),
    "store.pending": (
        "还有 {count} 项改动未能保存到磁盘。请先解决磁盘问题并重试保存，再继续操作。",
        "{count} change(s) could not be saved to disk yet. Fix the disk problem and retry "
        "saving before going on.",
    ),
}


# Faults on reading, odd files, and what the store repaired on its own.
READ_MESSAGES: dict[str, tuple[str, str]] = {
    "store.write.disk_full.refused": (
        "磁盘已满，无法写入文件夹 {folder}，这次操作没有进行，也没有改动任何文件。请释放一些磁盘空间后重试。",
        "The disk is full: cannot write to the folder {folder}, so nothing was done and no file "
        "was changed. Free some disk space, then try again.",
    ),
    "store.write.failed.refused": (
        "无法写入文件夹 {folder}（{reason}），这次操作没有进行，也没有改动任何文件。"
        "请检查该文件夹是否只读、是否有写入权限（U 盘是否被拔出）后重试。",
        "Cannot write to the folder {folder} ({reason}), so nothing was done and no file was "
        "changed. Check that the folder is not read-only, that you may write to it, and that "
        "the drive is still plugged in, then try again.",
    ),
    "store.read.failed": (
        "无法读取 {file}（{reason}）：磁盘或 U 盘可能有故障。没有改动任何文件；"
        "请先把数据文件夹复制到别处保存，检查磁盘后重试。",
        "Cannot read {file} ({reason}): the disk or drive may be failing. No file was changed; "
        "copy the data folder somewhere safe first, check the disk, then try again.",
    ),
    "store.read.too_many_files": (
        "无法读取 {file}：打开的文件太多（{reason}）。没有改动任何文件；"
        "请关闭其他程序或窗口后重试。",
        "Cannot read {file}: too many files are open ({reason}). No file was changed; "
        "close other programs or windows and try again.",
    ),
    "store.read.is_folder": (
        "{file} 是一个文件夹，而这里应当是文件。没有改动任何文件；请把这个文件夹移走或改名后重试。",
        "{file} is a folder where a file should be. No file was changed; move or rename that "
        "folder, then try again.",
    ),
    "store.path.not_folder": (
        "{file} 不是文件夹，不能用作数据文件夹。请用 --data-dir 指定一个文件夹（不存在时会自动创建）。",
        "{file} is not a folder and cannot hold the archive. Give --data-dir a folder "
        "(it is created if missing).",
    ),
    "store.path.too_long": (
        "路径太长，文件系统不接受：{file}。请换一个较短的文件夹名或文件名后重试；没有写入任何文件。",
        "The path is too long for the file system: {file}. Use a shorter folder or file name, "
        "then try again; nothing was written.",
    ),
    "store.index.rebuilt_damaged": (
        "存档索引 index.json 已损坏，已从 {count} 个会议文件重新建立；损坏的索引复制到了 {quarantine}。",
        "The archive index index.json was damaged and has been rebuilt from {count} meeting "
        "file(s); the damaged index was copied to {quarantine}.",
    ),
    "store.index.rebuilt_missing": (
        "存档索引 index.json 缺失或不完整，已从会议文件补上 {count} 个会议。",
        "The archive index index.json was missing or incomplete; {count} meeting(s) were added "
        "back from their files.",
    ),
    "store.index.not_refreshed": (
        "已保存到会议文件。存档列表暂未更新（{reason}）；下次打开、离开或结束会议时会自动补上。",
        "Saved to the meeting file. The archive list was not refreshed ({reason}); it is "
        "repaired the next time the meeting is opened, left or closed.",
    ),
    "store.meeting.unreadable_in_backlog": (
        "会议 {meeting_id} 无法读取，它的暂缓事项没有列出（{reason}）。"
        "请在存档中选中它，按 ctrl+r 恢复备份，或运行 meeting-tui open {meeting_id}。",
        "Meeting {meeting_id} cannot be read, so its deferred items are not listed ({reason}). "
        "Select it in the archive and press ctrl+r to restore its backup, or run "
        "meeting-tui open {meeting_id}.",
    ),
    "store.status.damaged": ("已损坏", "damaged"),
    "store.reason.disk_full": ("磁盘已满", "the disk is full"),
}


CATALOGUE = i18n.area(MESSAGES, READ_MESSAGES)
