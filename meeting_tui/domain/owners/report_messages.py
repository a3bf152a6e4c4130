"""The owners' tally lines and record digest words (`report.py`, `digest.py`), as data."""

from __future__ import annotations

from meeting_tui import i18n

REPORT: i18n.Entries = {
    "owners.report.total": (
        "房屋 {units} 套 · 业主 {owners} 人 · 专有面积 {area} m²",
        "{units} units · {owners} owners · exclusive area {area} m²",
    ),
    "owners.report.participation": (
        "参与表决：面积 {area} m²（{area_share}）· 人数 {heads}（{heads_share}）· 已收 {answered}/{units} 套 · 门槛 三分之二",
        "taking part: area {area} m² ({area_share}) · owners {heads} ({heads_share}) · "
        "{answered}/{units} units answered · threshold 2/3",
    ),
    "owners.report.option": (
        "{label}：面积 {area} m²（{area_share}）· 人数 {heads}（{heads_share}）",
        "{label}: area {area} m² ({area_share}) · owners {heads} ({heads_share})",
    ),
    "owners.report.building": (
        "{building} 号楼：入户比例 {share}（{answered}/{units} 套，面积 {area_share}）",
        "building {building}: {share} visited ({answered}/{units} units, area {area_share})",
    ),
    "owners.report.result": ("结果：{result}", "result: {result}"),
    "owners.report.provisional": (
        "（计票未结束，为当前结果）",
        "(count still open: provisional)",
    ),
}

DIGEST: i18n.Entries = {
    "owners.digest.none": (
        "记录校验码：计票结束后生成",
        "Record digest: made when the count closes",
    ),
    "owners.digest.missing": (
        "记录校验码：本次计票结束时未生成（重新开始并再次结束计票即可生成）",
        "Record digest: not made at this close (reopen and close the count to make one)",
    ),
}

CATALOGUE = i18n.area(REPORT, DIGEST)
