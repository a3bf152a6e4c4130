"""What a facilitator reads when an agenda file cannot be imported.

Each message names the problem, where it is (file or line), and what to do,
because the person reading it is at a laptop minutes before a meeting, not a
programmer.
"""

from __future__ import annotations

from meeting_tui import i18n

CATALOGUE = i18n.area(
    {
        "agenda.not_found": (
            "找不到议程文件：{path}。请检查文件名和所在文件夹。",
            "Agenda file not found: {path}. Check the file name and folder.",
        ),
        "agenda.is_directory": (
            "{path} 是一个文件夹，不是议程文件。请选择其中的 .txt、.md 或 .csv 文件。",
            "{path} is a folder, not an agenda file. Choose a .txt, .md or .csv file in it.",
        ),
        "agenda.not_a_file": (
            "{path} 不是普通文件，无法作为议程导入。",
            "{path} is not a regular file and cannot be imported as an agenda.",
        ),
        "agenda.permission": (
            "没有权限读取 {path}。请把文件复制到“文档”文件夹后再导入。",
            "No permission to read {path}. Copy the file to your Documents folder and retry.",
        ),
        "agenda.unreadable": (
            "无法读取 {path}：{reason}",
            "Cannot read {path}: {reason}",
        ),
        "agenda.too_large": (
            "议程文件太大（{size_kb} KB，上限 {limit_kb} KB）。请确认选的是议程而不是其他文件。",
            "The agenda file is too large ({size_kb} KB, limit {limit_kb} KB). "
            "Check that you chose the agenda and not another file.",
        ),
        "agenda.office_file": (
            "这是 Excel 或 Word 文件。请用“另存为”保存成 CSV（逗号分隔）或纯文本后再导入。",
            "This is an Excel or Word file. Use “Save as” to save it as CSV "
            "(comma separated) or plain text, then import that.",
        ),
        "agenda.binary": (
            "这个文件不是文本文件。议程请用纯文本、Markdown 或 CSV。",
            "This file is not a text file. Use plain text, Markdown or CSV for the agenda.",
        ),
        "agenda.encoding": (
            "无法识别文件的文字编码。请另存为 UTF-8（记事本“另存为”中选择 UTF-8）后再导入。",
            "Cannot tell the text encoding of this file. Save it as UTF-8 "
            "(in Notepad: Save as → Encoding UTF-8) and import again.",
        ),
        "agenda.empty": (
            "文件中没有找到议题。每行写一个议题，例如“电线入地改造 15分钟”。",
            "No agenda items found. Write one item a line, e.g. “Bury the wiring 15 min”.",
        ),
        "agenda.too_many": (
            "议题太多（{count} 项，上限 {limit} 项）。请确认选的是议程文件。",
            "Too many items ({count}, limit {limit}). Check that this is the agenda file.",
        ),
        "agenda.empty_title": (
            "第 {line} 行没有议题名称。请在时长前写上议题，或删除这一行。",
            "Line {line} has no item title. Write the title before the time, or delete the line.",
        ),
        "agenda.title_too_long": (
            "第 {line} 行的议题太长（{length} 字，上限 {limit} 字）。"
            "请缩短标题，把说明写到下一行并缩进。",
            "The title on line {line} is too long ({length} characters, limit {limit}). "
            "Shorten it and put details on the next line, indented.",
        ),
        "agenda.notes_too_long": (
            "第 {line} 行议题的备注太长（上限 {limit} 字）。请精简备注。",
            "The notes of the item on line {line} are too long (limit {limit} characters).",
        ),
        "agenda.bad_minutes": (
            "第 {line} 行的时长“{value}”不是分钟数。请写成数字，例如 15 或 15分钟。",
            "The time on line {line} (“{value}”) is not a number of minutes. "
            "Write a number such as 15 or 15 min.",
        ),
        "agenda.minutes_fraction": (
            "第 {line} 行的时长“{value}”不是整分钟。请写成整数分钟，例如 8分钟。",
            "The time on line {line} (“{value}”) is not a whole number of minutes. "
            "Write whole minutes, e.g. 8 min.",
        ),
        "agenda.minutes_range": (
            "第 {line} 行的时长 {minutes} 分钟不合理：应在 1 到 {limit} 分钟之间。",
            "The time on line {line} ({minutes} min) is out of range: use 1 to {limit} minutes.",
        ),
        "agenda.bad_clock": (
            "第 {line} 行的时间段“{value}”结束早于开始。请写成如 14:00-14:15。",
            "The time span on line {line} (“{value}”) ends before it starts. "
            "Write it like 14:00-14:15.",
        ),
        "agenda.csv_broken": (
            "CSV 文件第 {line} 行格式有误（可能是引号没有配对）。请用 Excel 重新另存为 CSV。",
            "The CSV file is malformed at line {line} (perhaps an unpaired quote). "
            "Save it again as CSV from Excel.",
        ),
    }
)
