"""The words of the 公示 itself (period, 落款, contact phone) and of the publish preview."""

from __future__ import annotations

from meeting_tui import i18n

NOTICE: dict[str, tuple[str, str]] = {
    "publicity.period": ("公示期：{start}至{end}", "Notice period: {start} to {end}"),
    "publicity.committee_of": ("{community}居民委员会", "{community} Residents' Committee"),
    "publicity.phone": ("联系电话：{phone}", "Telephone: {phone}"),
    # The publish preview
    "preview.names.heading": (
        "公示中的姓名（↑↓ 选择，空格 切换写法；改动记入会议记录）",
        "Names on the page (↑↓ choose, space flips; each change is recorded)",
    ),
    "preview.names.none": ("公示中没有需要处理的姓名。", "No names on the page to decide on."),
    "preview.names.person": ("缩写", "shortened"),
    "preview.names.organisation": ("单位，保留", "organisation, kept"),
    "preview.names.generic": ("非个人姓名，保留", "not a personal name, kept"),
    "preview.names.shown": ("已同意公示全名", "shown in full (opted in)"),
    "preview.names.flipped": ("已记录：{name} → {shown_as}", "Recorded: {name} → {shown_as}"),
    "preview.key.flip": ("切换姓名写法", "flip the name"),
    "publish.key.preview": ("预览公示", "preview the page"),
    "preview.page.heading": (
        "居民将看到的公示内容（反白：已缩写的姓名；下划线：保留原样）",
        "The page as residents will read it (reverse: name shortened; underlined: kept)",
    ),
    "form.show_proposer_name": ("公示提议人全名", "Show the proposer's name"),
    "form.show_proposer_name.no": ("否，缩写为姓+某", "no, shorten to the surname"),
    "form.show_proposer_name.yes": ("是，本人已同意", "yes, they agreed"),
}

CATALOGUE = i18n.area(NOTICE)
