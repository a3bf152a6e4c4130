"""The county report as one self-contained HTML page for an office screen: inline CSS and SVG.

No scripts, fonts or images to fetch, so it opens from a USB stick or a
mail attachment. Charts are horizontal bar charts drawn as inline SVG
(one `<rect>` and its number per bar, the label as text), readable in
black and white; every text from a meeting is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from meeting_tui import i18n
from meeting_tui.county.report import RATINGS, CountyReport
from meeting_tui.county.report_text import community_cells, headings, scope, width

CSS = """
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 16px; color: #111; background: #fff;
  font: 15px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
h1 { font-size: 24px; margin: 0 0 4px; }
p.source { color: #444; margin: 0 0 16px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; }
figure { margin: 0; border: 1px solid #ccc; padding: 8px; }
figcaption { font-weight: bold; margin-bottom: 4px; }
svg { width: 100%; height: auto; }
svg text { font-size: 15px; fill: #111; }
svg rect { fill: #2f6db5; }
table { border-collapse: collapse; width: 100%; margin: 12px 0; }
th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: right; }
th:first-child, td:first-child, td.text, table.list th { text-align: left; }
tr.total td { font-weight: bold; }
h2 { font-size: 18px; margin: 20px 0 4px; }
"""

BAR_H, GAP, LABEL_W, BAR_W, NUMBER_W = 22, 6, 130, 200, 45


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def bar_chart(title: str, bars: Sequence[tuple[str, int]]) -> str:
    """One SVG bar chart; an empty chart says so instead of drawing nothing."""
    if not bars:
        bars = [(i18n.t("county.r.none"), 0)]
    top = max((n for _, n in bars), default=0) or 1
    height = len(bars) * (BAR_H + GAP) + GAP
    total_w = LABEL_W + BAR_W + NUMBER_W
    parts = [
        f"<figure><figcaption>{_e(title)}</figcaption>"
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {total_w} {height}" '
        f'role="img" aria-label="{_e(title)}">'
    ]
    for i, (label, n) in enumerate(bars):
        y = GAP + i * (BAR_H + GAP)
        w = round(BAR_W * n / top)
        shown = label if width(label) <= 22 else label[:10] + "…"
        parts.append(
            f'<text x="{LABEL_W - 6}" y="{y + BAR_H - 5}" text-anchor="end">{_e(shown)}</text>'
            f'<rect x="{LABEL_W}" y="{y}" width="{w}" height="{BAR_H}"><title>{_e(label)}: {n}</title></rect>'
            f'<text x="{LABEL_W + w + 4}" y="{y + BAR_H - 5}">{n}</text>'
        )
    parts.append("</svg></figure>")
    return "".join(parts)


def render(report: CountyReport) -> str:
    lang = "zh-CN" if i18n.current_language() == "zh" else "en"
    title = f"{i18n.t('county.r.title')} · {scope(report)}"
    charts = [
        bar_chart(
            i18n.t("county.r.chart_meetings"), [(c.name, c.meetings) for c in report.communities]
        ),
        bar_chart(
            i18n.t("county.r.chart_outcomes"),
            [(i18n.t(f"county.r.{s}"), n) for s, n in report.motion_totals.items()],
        ),
        bar_chart(i18n.t("county.r.chart_ages"), report.age_buckets),
        bar_chart(
            i18n.t("county.r.chart_ratings"),
            [(i18n.t(f"county.r.{r}"), report.rating_totals[r]) for r in RATINGS],
        ),
    ]
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="source">{_e(i18n.t("county.r.source", url=report.source, today=report.today))}</p>',
        '<div class="charts">',
        *charts,
        "</div>",
        *_communities(report),
        f"<h2>{_e(i18n.t('county.r.deferrals_heading'))}</h2>",
        *_rows(
            ["community", "deferred_on", "age", "meeting", "motion", "reason", "owner"],
            [
                [
                    d.community,
                    d.date,
                    d.age_days,
                    d.title,
                    f"#{d.number} {d.text}",
                    d.reason,
                    d.owner,
                ]
                for d in report.deferrals
            ],
        ),
        f"<h2>{_e(i18n.t('county.r.overdue_heading'))}</h2>",
        *_rows(
            ["community", "due", "late", "meeting", "motion", "owner"],
            [
                [
                    f.community,
                    f.due,
                    f.days_overdue,
                    f"{f.meeting_date} {f.title}",
                    f"#{f.number} {f.text}",
                    f.owner,
                ]
                for f in report.overdue
            ],
        ),
        "</body></html>",
    ]
    return "\n".join(out) + "\n"


def _communities(report: CountyReport) -> list[str]:
    if not report.communities:
        return [f"<p>{_e(i18n.t('county.r.empty'))}</p>"]
    head = "".join(
        f'<th scope="col">{_e(h)}</th>' for h in [i18n.t("county.r.community"), *headings()]
    )
    out = ["<table>", f"<thead><tr>{head}</tr></thead><tbody>"]
    cells = [community_cells(c) for c in report.communities]
    for c, row in zip(report.communities, cells, strict=True):
        out.append(f"<tr><td>{_e(c.name)}</td>" + "".join(f"<td>{n}</td>" for n in row) + "</tr>")
    totals = [sum(col) for col in zip(*cells, strict=True)]
    out.append(
        f'<tr class="total"><td>{_e(i18n.t("county.r.total"))}</td>'
        + "".join(f"<td>{n}</td>" for n in totals)
        + "</tr>"
    )
    out.append("</tbody></table>")
    return out


def _rows(columns: list[str], rows: list[list[object]]) -> list[str]:
    if not rows:
        return [f"<p>{_e(i18n.t('county.r.none'))}</p>"]
    head = "".join(f'<th scope="col">{_e(i18n.t(f"county.r.{c}"))}</th>' for c in columns)
    out = ['<table class="list">', f"<thead><tr>{head}</tr></thead><tbody>"]
    for row in rows:
        out.append("<tr>" + "".join(f'<td class="text">{_e(cell)}</td>' for cell in row) + "</tr>")
    out.append("</tbody></table>")
    return out
