"""The owners' record (CSV and DOCX) words, without python-docx or the record's code."""

from __future__ import annotations

from meeting_tui import i18n

RECORD: i18n.Entries = {
    "owners.record.title": ("{title} 表决记录", "{title}: ballot record"),
    "owners.record.columns": (
        "序号,收集时间,楼号,单元,房号,业主,面积(m²),面积依据,选项,方式,收集人,更正第几条,撤回时间,撤回理由,撤回经手人,计入",
        "no,collected,building,unit,room,owners,area (m²),area basis,answer,method,collector,"
        "corrects no,withdrawn at,withdrawal reason,withdrawn by,counted",
    ),
    "owners.record.counted": ("是", "yes"),
    "owners.record.not_counted": ("否", "no"),
    "owners.record.summary": ("计票情况", "The count"),
    "owners.record.ballots": ("逐户记录", "Every answer"),
}

CATALOGUE = i18n.area(RECORD)
