"""The announcement of an owners' decision (表决结果公告) for the bulletin board and WeChat.

Public by design, so redacted by construction: it is built from aggregates
only — totals, participation and each answer by area and by head, the rule
and the result with its reasons, participation per building, and the record
digest (记录校验码) of the close. No owner's name, no collector's name, no
room-level answer ever reaches it.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from meeting_tui import i18n
from meeting_tui.domain.owners.decision import DecisionState
from meeting_tui.domain.owners.digest import owners_digest_line
from meeting_tui.domain.owners.report import building_lines, option_lines, participation_line
from meeting_tui.domain.owners.rules import format_area
from meeting_tui.domain.owners.tally import outcome, tally


@dataclass(frozen=True)
class Notice:
    """The announcement's parts in reading order; rendered as Markdown or HTML."""

    title: str
    facts: list[tuple[str, str]]
    sections: list[tuple[str, list[str]]]
    footer: list[str]
    issued: str = ""  # "宁安社区　2026年12月1日": the signature line


def build_notice(
    state: DecisionState,
    lang: str | None = None,
    results: Sequence[Mapping[str, Any]] = (),
) -> Notice:
    """`results`: the decision file's saved results, whose checkpoint gives the digest line."""
    result = tally(state)
    rule_key = (
        "owners.notice.rule_major" if str(state.kind) == "major" else "owners.notice.rule_ordinary"
    )
    times = sorted(b.at[:10] for b in state.history)
    period = f"{times[0]} – {(state.closed_at or times[-1])[:10]}" if times else "—"
    facts = [
        (i18n.t("owners.notice.question", lang), state.question or state.title),
        (i18n.t("owners.notice.kind", lang), i18n.t(f"owners.kind.{state.kind}", lang)),
        (i18n.t("owners.notice.rule", lang), i18n.t(rule_key, lang)),
        (i18n.t("owners.notice.period", lang), period),
        (
            i18n.t("owners.notice.totals", lang),
            i18n.t(
                "owners.notice.totals_value",
                lang,
                units=result.units,
                owners=result.total.heads,
                area=format_area(result.total.area),
            ),
        ),
    ]
    verdict = outcome(state, result).explain(lang)
    result_lines = (
        [verdict] if state.closed else [i18n.t("owners.notice.provisional", lang), verdict]
    )
    community = state.community or i18n.t("owners.notice.community_fallback", lang)
    return Notice(
        title=i18n.t("owners.notice.title", lang, title=state.title),
        facts=facts,
        sections=[
            (i18n.t("owners.notice.participation", lang), [participation_line(result, lang)]),
            (i18n.t("owners.notice.answers", lang), option_lines(state, result, lang)),
            (i18n.t("owners.notice.result", lang), result_lines),
            (i18n.t("owners.notice.buildings", lang), building_lines(result, lang)),
        ],
        footer=[
            i18n.t("owners.notice.privacy", lang),
            i18n.t("owners.notice.objection", lang, community=community),
            owners_digest_line(state, results, lang),
        ],
        issued=_issued(state, community, lang),
    )


def _issued(state: DecisionState, community: str, lang: str | None) -> str:
    """The signature line: who issues it and on which day (the close, else the last answer)."""
    day = (state.closed_at or (state.history[-1].at if state.history else ""))[:10]
    if len(day) != 10:
        return ""
    year, month, date = (int(part) for part in day.split("-"))
    return i18n.t(
        "owners.notice.issued", lang, community=community, year=year, month=month, day=date
    )


def render_markdown(notice: Notice) -> str:
    lines = [f"# {notice.title}", ""]
    lines += [f"- **{name}**：{value}" for name, value in notice.facts]
    for heading, body in notice.sections:
        lines += ["", f"## {heading}", ""]
        lines += [f"- {line}" for line in body]
    lines += ["", *notice.footer]
    if notice.issued:
        lines += ["", notice.issued]
    return "\n".join(lines) + "\n"


_CSS = (
    "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;color:#000;background:#fff;"
    "max-width:48em;margin:1em auto;padding:0 1em;line-height:1.6}"
    "h1{font-size:1.5em;text-align:center}h2{font-size:1.15em;border-bottom:1px solid #000}"
    "dt{font-weight:bold}dd{margin:0 0 .4em 0}"
    ".issued{text-align:right;margin-top:2em}@page{size:A4;margin:20mm}"
)


def render_html(notice: Notice, lang: str | None = None) -> str:
    """One self-contained page: inline CSS, no scripts, nothing fetched."""
    e = html.escape
    code = "zh-CN" if i18n.normalise_lang(lang or i18n.current_language()) == "zh" else "en"
    parts = [
        f'<!DOCTYPE html><html lang="{code}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(notice.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(notice.title)}</h1><dl>",
        *(f"<dt>{e(name)}</dt><dd>{e(value)}</dd>" for name, value in notice.facts),
        "</dl>",
    ]
    for heading, body in notice.sections:
        parts.append(f"<h2>{e(heading)}</h2><ul>")
        parts += [f"<li>{e(line)}</li>" for line in body]
        parts.append("</ul>")
    parts += [f"<p>{e(line)}</p>" for line in notice.footer]
    if notice.issued:
        parts.append(f'<p class="issued">{e(notice.issued)}</p>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
