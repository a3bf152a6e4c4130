"""The county report as a terminal table (aligned for Chinese text) or CSV for Excel."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence

from meeting_tui import i18n
from meeting_tui.county.report import MOTION_STATES, RATINGS, CommunityRow, CountyReport
from meeting_tui.domain.text import clean_text
from meeting_tui.minutes.csv import safe_cell

COLUMNS = ("meetings", *MOTION_STATES, "open_deferrals", "overdue", *RATINGS)


def community_cells(row: CommunityRow) -> list[int]:
    """The numbers of one community, in `COLUMNS` order."""
    return [
        row.meetings,
        *(row.motions.get(s, 0) for s in MOTION_STATES),
        row.open_deferrals,
        row.overdue,
        *(row.ratings.get(r, 0) for r in RATINGS),
    ]


def headings() -> list[str]:
    return [i18n.t(f"county.r.{c}") for c in COLUMNS]


def scope(report: CountyReport) -> str:
    if report.month:
        return i18n.t("county.r.scope_month", month=report.month)
    return i18n.t("county.r.scope_all")


def render_table(report: CountyReport) -> str:
    lines = [
        f"{i18n.t('county.r.title')} · {scope(report)}",
        i18n.t("county.r.source", url=report.source, today=report.today),
        "",
    ]
    if not report.communities:
        return "\n".join([*lines, i18n.t("county.r.empty"), ""])
    cells = [community_cells(c) for c in report.communities]
    totals = [sum(col) for col in zip(*cells, strict=True)]
    names = [_one_line(c.name) for c in report.communities]
    head = [i18n.t("county.r.community"), *headings()]
    # Two tables of at most 8 columns, so each fits an 80-column terminal.
    for part in (slice(0, 1 + len(MOTION_STATES)), slice(1 + len(MOTION_STATES), None)):
        body = [[n, *map(str, row[part])] for n, row in zip(names, cells, strict=True)]
        body.append([i18n.t("county.r.total"), *map(str, totals[part])])
        lines += [*_aligned([head[0], *head[1:][part]], body), ""]
    lines.pop()
    lines += ["", i18n.t("county.r.deferrals_heading")]
    lines += [
        f"  {d.date}  {d.age_days:>4}  {_one_line(d.community)}  #{d.number} {_one_line(d.text)}"
        f"  [{_one_line(d.owner)}; {_one_line(d.reason)}]"
        for d in report.deferrals
    ] or [f"  {i18n.t('county.r.none')}"]
    lines += ["", i18n.t("county.r.overdue_heading")]
    lines += [
        f"  {f.due}  +{f.days_overdue:<4} {_one_line(f.community)}  {f.meeting_date}"
        f" #{f.number} {_one_line(f.text)}  [{_one_line(f.owner)}]"
        for f in report.overdue
    ] or [f"  {i18n.t('county.r.none')}"]
    return "\n".join(lines) + "\n"


def render_csv(report: CountyReport) -> str:
    """One row per community, then a total row; opened by Excel when written with a BOM."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([i18n.t("county.r.code"), i18n.t("county.r.community"), *headings()])
    for c in report.communities:
        writer.writerow([c.code, safe_cell(_one_line(c.name), minus=True), *community_cells(c)])
    if report.communities:
        totals = [
            sum(col) for col in zip(*(community_cells(c) for c in report.communities), strict=True)
        ]
        writer.writerow(["", i18n.t("county.r.total"), *totals])
    return out.getvalue()


def _one_line(text: str) -> str:
    return clean_text(str(text))


def width(text: str) -> int:
    """Terminal columns: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _aligned(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    table = [list(head), *map(list, rows)]
    widths = [max(width(r[i]) for r in table) for i in range(len(head))]

    def line(cells: Sequence[str]) -> str:
        first = cells[0] + " " * (widths[0] - width(cells[0]))
        rest = [" " * (widths[i] - width(c)) + c for i, c in enumerate(cells) if i > 0]
        return "  ".join([first, *rest]).rstrip()

    return [line(r) for r in table]
