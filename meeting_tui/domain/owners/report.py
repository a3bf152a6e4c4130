"""The tally in lines of text: what the CLI prints and the announcement's figures.

Aggregates only (areas, head counts, shares by building): no names and no
room-level answers, so the same lines can go on a public page.
"""

from __future__ import annotations

from meeting_tui import i18n
from meeting_tui.domain.owners.decision import DecisionState
from meeting_tui.domain.owners.rules import format_area, percent
from meeting_tui.domain.owners.tally import Tally, option_label, outcome, tally


def option_lines(state: DecisionState, result: Tally, lang: str | None = None) -> list[str]:
    part = result.participating
    return [
        i18n.t(
            "owners.report.option",
            lang,
            label=option_label(state, option, lang),
            area=format_area(result.counts(option).area),
            area_share=percent(result.counts(option).area, part.area),
            heads=result.counts(option).heads,
            heads_share=percent(result.counts(option).heads, part.heads),
        )
        for option in state.options
    ]


def participation_line(result: Tally, lang: str | None = None) -> str:
    part, total = result.participating, result.total
    return i18n.t(
        "owners.report.participation",
        lang,
        area=format_area(part.area),
        area_share=percent(part.area, total.area),
        heads=part.heads,
        heads_share=percent(part.heads, total.heads),
        answered=result.answered_units,
        units=result.units,
    )


def building_lines(result: Tally, lang: str | None = None) -> list[str]:
    return [
        i18n.t(
            "owners.report.building",
            lang,
            building=b.building,
            share=b.share,
            answered=b.answered,
            units=b.units,
            area_share=percent(b.answered_area, b.area),
        )
        for b in result.buildings
    ]


def tally_lines(state: DecisionState, lang: str | None = None) -> list[str]:
    """The whole count: totals, participation, each answer, the rule and result, by building."""
    result = tally(state)
    lines = [
        f"{state.title} · {i18n.t('owners.kind.' + str(state.kind), lang)}",
        i18n.t(
            "owners.report.total",
            lang,
            units=result.units,
            owners=result.total.heads,
            area=format_area(result.total.area),
        ),
        participation_line(result, lang),
        *option_lines(state, result, lang),
        i18n.t("owners.report.result", lang, result=outcome(state, result).explain(lang)),
    ]
    if not state.closed:
        lines.append(i18n.t("owners.report.provisional", lang))
    return [*lines, *building_lines(result, lang)]
