"""The command line's own words: errors, choices, the archive verbs and the owners verb.

Kept apart from the verbs' code so the catalogue can load them without
importing the minutes, the publicity page or the store they drive.
"""

from __future__ import annotations

from meeting_tui import i18n

CLI: i18n.Entries = {
    "cli.error": ("错误：{message}", "error: {message}"),
    "cli.write_failed": (
        "写不出去（{reason}）：输出（终端、管道或文件）或正在写的文件拒绝了写入。"
        "请腾出磁盘空间，或把输出换个地方，再试一次。",
        "a write was refused ({reason}): the output (a terminal, pipe or file) or a file being "
        "written would not take it. Free some disk space, or send the output elsewhere, "
        "then try again.",
    ),
}

CHOICES: i18n.Entries = {
    "cli.bad_choice": (
        "不认识「{value}」：可用 {options}",
        "unknown “{value}”: use one of {options}",
    ),
}

ARCHIVE: i18n.Entries = {
    "cli.created": ("已创建会议 {id}：{title}", "created meeting {id}: {title}"),
    "cli.no_terminal": (
        "错误：会议界面需要一个终端（标准输入和输出都不是管道或文件）：请在终端窗口里运行；"
        "脚本请用 list、backlog、export、publish。",
        "error: the meeting screens need a terminal (stdin and stdout not a pipe or file): "
        "run this in a terminal window; scripts can use list, backlog, export, publish.",
    ),
    "cli.demo_loaded": ("已载入演示会议 {ids}", "loaded demo meetings {ids}"),
    "cli.empty": (
        "档案里还没有会议：用 meeting-tui demo 试用演示会议，或 meeting-tui new --title … 新建。",
        "The archive is empty: try meeting-tui demo, or create one with meeting-tui new --title ….",
    ),
}

OWNERS: i18n.Entries = {
    "owners.cli.created": ("已创建表决事项 {id}：{title}", "created decision {id}: {title}"),
    "owners.cli.roster": (
        "已导入房屋清册：{units} 套，业主 {owners} 人，面积 {area} m²",
        "roster imported: {units} units, {owners} owners, {area} m²",
    ),
    "owners.cli.recorded": ("{unit}：{answer}（已保存）", "{unit}: {answer} (saved)"),
    "owners.cli.corrected": (
        "{unit}：更正为 {answer}，原记录保留（已保存）",
        "{unit}: corrected to {answer}, the earlier answer kept (saved)",
    ),
    "owners.cli.withdrawn": (
        "{unit}：表决已撤回（已保存）",
        "{unit}: answer withdrawn (saved)",
    ),
    "owners.cli.closed": ("计票已结束：{result}", "count closed: {result}"),
    "owners.cli.reopened": ("计票已重新开启", "count reopened"),
    "owners.cli.none": (
        "还没有表决事项：用 meeting-tui owners new --title … 新建。",
        "No decisions yet: create one with meeting-tui owners new --title ….",
    ),
    "owners.cli.exists": (
        "{path} 已存在：加 --force 覆盖，或用 --out 另选文件。",
        "{path} exists: add --force to overwrite, or choose another file with --out.",
    ),
}

CATALOGUE = i18n.area(CLI, CHOICES, ARCHIVE, OWNERS)
