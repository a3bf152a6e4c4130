"""Words of the public view (`meeting-tui present`), zh and en."""

from __future__ import annotations

from meeting_tui import i18n

CATALOGUE = i18n.area(
    {
        "present.item": ("第{n}项 {title}", "Item {n}: {title}"),
        "present.timebox": ("{elapsed} / {minutes} 分钟", "{elapsed} / {minutes} min"),
        "present.live": ("进行中", "in session"),
        "present.closed": ("已结束 · 最终结果", "closed · final results"),
    }
)
