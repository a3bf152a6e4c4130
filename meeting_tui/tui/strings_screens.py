"""Words of screen modules that import Textual: its system commands and toasts, setup's columns,
the archive lists' loading and failure lines, the close's unsaved minutes.

The catalogue loads these without importing Textual: `textual_words.py`
gives Textual's system commands, palette and toasts these words.
"""

from __future__ import annotations

from meeting_tui import i18n

TEXTUAL: i18n.Entries = {
    "key.palette": ("命令", "commands"),
    "palette.placeholder": ("搜索命令…", "Search for commands…"),
    "system.theme": ("主题", "Theme"),
    "system.theme.help": ("更换配色：深色、浅色、强光下用的高对比", "Change the colour theme"),
    "system.quit": ("退出", "Quit"),
    "system.quit.help": ("退出程序；一切已保存", "Quit the app; everything is saved"),
    "system.keys": ("按键面板", "Keys"),
    "system.keys.help": (
        "显示或隐藏当前位置可用按键的面板",
        "Show or hide the panel of keys that work here",
    ),
    "system.maximize": ("放大窗格", "Maximize"),
    "system.maximize.help": ("让选中的窗格占满屏幕", "Maximize the focused pane"),
    "system.minimize": ("还原窗格", "Minimize"),
    "system.minimize.help": ("把放大的窗格还原", "Restore the maximized pane"),
    "system.screenshot": ("截图", "Screenshot"),
    "system.screenshot.help": (
        "把当前画面存为 SVG 图片（下载文件夹）",
        "Save an SVG picture of the screen (Downloads folder)",
    ),
    "notify.how_to_quit": (
        "按 {key} 退出（一切已保存）",
        "Press {key} to quit (everything is saved)",
    ),
    "notify.how_to_quit.title": ("要退出吗？", "Quit?"),
    "theme.textual-dark": ("深色", "dark"),
    "theme.textual-light": ("浅色", "light"),
    "theme.sunlight": ("强光（高对比，户外用）", "sunlight (high contrast, outdoors)"),
    "palette.theme_placeholder": ("选择主题…", "Choose a theme…"),
    "palette.no_matches": ("没有找到命令", "No matches found"),
}

SETUP: i18n.Entries = {"col.minutes": ("分钟", "min")}

ARCHIVE_LIST: i18n.Entries = {
    "archive_list.loading": ("正在读取存档……", "Reading the archive…"),
    "archive_list.failed": (
        "读取存档时出错（{reason}）：列表未能显示，存档未改动。按 Esc 返回后再试；仍出错请把 data 文件夹交给维护人员。",
        "Reading the archive failed ({reason}): the list could not be shown and the archive is"
        " unchanged. Press Esc and try again; if it recurs, give the data folder to a maintainer.",
    ),
}

SESSION: i18n.Entries = {
    "minutes.not_saved": (
        "会议已结束，但纪要未能生成：{reason}。导出时会重新生成纪要。",
        "The meeting is closed, but its minutes could not be built: {reason}. "
        "Exports build them afresh.",
    ),
}

CATALOGUE = i18n.area(TEXTUAL, SETUP, ARCHIVE_LIST, SESSION)
