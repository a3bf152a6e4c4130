"""The publicity page (公示): one static, self-contained HTML file per meeting.

Residents open it from a QR code on a phone, often on a slow connection or
from a file forwarded in a WeChat group, so the page carries everything
inline (no fonts, scripts, images or style sheets to fetch) and is laid out
for a 360 px screen first: one column, text that wraps anywhere rather than
scrolling sideways, system CJK fonts.

Safety: every string reaches the HTML through `html.escape` exactly once
(redaction already happened in `view.public_view`), and a Content Security
Policy forbids scripts, so even a mistake in escaping could not run code.
`noindex` keeps search engines from collecting residents' business.
"""

from __future__ import annotations

from html import escape

from meeting_tui import i18n
from meeting_tui.domain import MeetingState, MotionState, label
from meeting_tui.publicity.view import (
    SECTION_ORDER,
    Posting,
    PublicMotion,
    PublicView,
    PublicVote,
    public_view,
)

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

FONTS = (
    'system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei",'
    '"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif'
)

STYLE = f"""
*{{box-sizing:border-box}}
html{{-webkit-text-size-adjust:100%;text-size-adjust:100%}}
body{{margin:0;background:#f5f2eb;color:#1b1b1b;font:17px/1.6 {FONTS};overflow-wrap:anywhere}}
main{{max-width:40rem;margin:0 auto;padding:1rem .9rem 2rem}}
header{{border-bottom:3px solid #a61b1b;padding-bottom:.5rem;margin-bottom:1rem}}
.kicker{{color:#a61b1b;font-weight:700;letter-spacing:.08em;margin:0}}
h1{{font-size:1.35rem;line-height:1.35;margin:.2rem 0 .6rem}}
dl{{display:grid;grid-template-columns:auto minmax(0,1fr);gap:.1rem .8rem;margin:0}}
dt{{color:#555;white-space:nowrap}}
dd{{margin:0;min-width:0}}
.interim{{background:#fff3cd;border-left:4px solid #a05a00;padding:.5rem .75rem}}
.summary ul{{display:flex;flex-wrap:wrap;gap:.4rem;padding:0;margin:.4rem 0;list-style:none}}
.summary li{{background:#fff;border:1px solid #c9c4b8;border-radius:1rem;padding:0 .7rem}}
h2{{font-size:1.15rem;margin:1.6rem 0 .6rem;border-left:4px solid #a61b1b;padding-left:.5rem}}
ol.motions{{list-style:none;padding:0;margin:0}}
li.motion{{background:#fff;border:1px solid #d8d3c8;border-radius:.5rem;padding:.7rem .8rem;margin:0 0 .75rem}}
li.motion h3{{font-size:1.05rem;line-height:1.45;margin:0 0 .35rem}}
li.motion .no{{color:#a61b1b;margin-right:.3em}}
li.motion dl{{font-size:.95rem}}
li.decision{{border-left:4px solid #2e7d32}}
li.deferred{{border-left:4px solid #a05a00}}
li.answered{{border-left:4px solid #1d5fa8}}
li.rejected{{border-left:4px solid #757575}}
footer{{margin-top:2rem;border-top:1px solid #c9c4b8;padding-top:.75rem;font-size:.92rem}}
footer p{{margin:.3rem 0}}
.period{{font-weight:700}}
.signed{{text-align:right;margin-top:1rem}}
.digest{{font-family:ui-monospace,"DejaVu Sans Mono",Consolas,monospace;font-size:.85rem}}
.contact{{font-weight:700}}
.meta{{color:#555}}
@media print{{body{{background:#fff}}li.motion{{break-inside:avoid}}}}
"""

_ITEM_CLASS = {
    MotionState.PASSED: "decision",
    MotionState.DEFERRED: "deferred",
    MotionState.ANSWERED: "answered",
    MotionState.REJECTED: "rejected",
    MotionState.WITHDRAWN: "withdrawn",
    MotionState.RAISED: "raised",
}


def html_lang(lang: str) -> str:
    return "zh-CN" if lang == "zh" else "en"


def _pairs(pairs: list[tuple[str, str]]) -> str:
    """A <dl> of (label, value) pairs, leaving out empty values; both escaped here."""
    shown = [(k, v) for k, v in pairs if v]
    if not shown:
        return ""
    body = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in shown)
    return f"<dl>{body}</dl>"


def vote_text(vote: PublicVote | None, lang: i18n.Lang) -> str:
    """The counts as one line: 赞成 31 · 反对 5 · 弃权 4 · 未表态 0（有表决权出席 40 人）."""
    if vote is None:
        return ""
    if vote.acclaimed:
        counts = i18n.t("publicity.vote.acclaimed", lang, present=vote.eligible_present)
    else:
        counts = i18n.t(
            "publicity.vote.counts",
            lang,
            **{
                "for": vote.in_favour,
                "against": vote.against,
                "abstain": vote.abstain,
                "silent": vote.not_voting,
                "present": vote.eligible_present,
            },
        )
    if vote.acclaimed:
        how = i18n.t("publicity.vote.rule_only", lang, rule=vote.rule)
    else:
        how = i18n.t("publicity.vote.rule", lang, method=vote.method, rule=vote.rule)
    return f"{counts}；{how}" if lang == "zh" else f"{counts}; {how}"


def _motion_fields(m: PublicMotion, lang: i18n.Lang) -> list[tuple[str, str]]:
    def t(key: str) -> str:
        return i18n.t(key, lang)

    unset = t("publicity.not_set")
    vote = (t("publicity.vote"), vote_text(m.vote, lang))
    cost = i18n.t("publicity.cost", lang, cost=f"{m.cost:,}") if m.cost is not None else ""
    if m.state is MotionState.PASSED:
        done = i18n.t("publicity.done", lang, date=m.done_on) if m.done_on else ""
        fields = [
            (t("publicity.owner"), m.owner or unset),
            (t("publicity.due"), " ".join(x for x in (m.due or unset, done) if x)),
            vote,
        ]
    elif m.state is MotionState.DEFERRED:
        fields = [
            (t("publicity.keeper"), m.owner or unset),
            (t("publicity.target"), m.due or unset),
            (t("publicity.reason"), m.reason),
            vote,
        ]
    elif m.state is MotionState.ANSWERED:
        fields = [(t("publicity.answer"), m.response), (t("publicity.responder"), m.responder)]
    else:
        fields = [vote, (t("publicity.reason"), m.reason)]
    if m.state is not MotionState.ANSWERED and m.response:
        fields.append((t("publicity.answer"), m.response))
    fields += [
        (t("publicity.note"), m.note),
        (t("publicity.proposer"), m.proposer),
        (t("publicity.speakers"), m.speakers),
        (t("publicity.category"), m.category),
        (t("publicity.budget"), cost),
    ]
    return fields


def _motion_html(m: PublicMotion, lang: i18n.Lang) -> str:
    return (
        f'<li class="motion {_ITEM_CLASS[m.state]}" id="{escape(m.anchor)}">'
        f'<h3><span class="no">{m.number}.</span>{escape(m.text)}</h3>'
        f"{_pairs(_motion_fields(m, lang))}</li>"
    )


def _header(view: PublicView) -> str:
    lang = view.lang

    def t(key: str) -> str:
        return i18n.t(key, lang)

    attendance = "、" if lang == "zh" else ", "
    present = attendance.join(
        i18n.t("publicity.attendance_item", lang, party=party, count=count)
        for party, count in view.attendance
    )
    facts = _pairs(
        [
            (t("publicity.when"), view.when),
            (t("publicity.where"), view.location),
            (t("publicity.kind"), view.kind),
            (t("publicity.host"), view.facilitator),
            (t("publicity.recorder"), view.recorder),
            (t("publicity.attendance"), present),
        ]
    )
    kicker = (
        f"{view.community} · {t('publicity.kicker')}" if view.community else t("publicity.kicker")
    )
    interim = (
        f'<p class="interim">{escape(t("publicity.in_session"))}</p>' if view.in_session else ""
    )
    return (
        f'<header><p class="kicker">{escape(kicker)}</p>'
        f"<h1>{escape(view.title)}</h1>{facts}</header>{interim}"
    )


def _summary(view: PublicView) -> str:
    items = []
    for state in SECTION_ORDER:
        count = len(view.motions(state))
        if count or state in (MotionState.PASSED, MotionState.DEFERRED, MotionState.ANSWERED):
            text = i18n.t("publicity.count", view.lang, label=label(state, view.lang), count=count)
            items.append(f"<li>{escape(text)}</li>")
    heading = escape(i18n.t("publicity.summary", view.lang))
    return f'<section class="summary"><h2>{heading}</h2><ul>{"".join(items)}</ul></section>'


def _sections(view: PublicView) -> str:
    parts = []
    for state in SECTION_ORDER:
        motions = view.motions(state)
        if not motions:
            continue
        heading = escape(i18n.t(f"publicity.section.{state.value}", view.lang))
        items = "".join(_motion_html(m, view.lang) for m in motions)
        parts.append(
            f'<section id="{state.value}"><h2>{heading}（{len(motions)}）</h2>'
            f'<ol class="motions">{items}</ol></section>'
            if view.lang == "zh"
            else f'<section id="{state.value}"><h2>{heading} ({len(motions)})</h2>'
            f'<ol class="motions">{items}</ol></section>'
        )
    return "".join(parts)


def contact_line(view: PublicView) -> str:
    if view.community:
        return i18n.t("publicity.contact", view.lang, community=view.community)
    return i18n.t("publicity.contact_unknown", view.lang)


def notice_lines(view: PublicView) -> tuple[str, str, str]:
    """The 公示's own lines, escaped: the period, the phone and digest, and the 落款 block."""
    facts = view.notice
    if facts is None:
        return "", "", ""
    period = f'<p class="period">{escape(facts.period)}</p>'
    extra = f"<p>{escape(facts.phone_line)}</p>" if facts.phone_line else ""
    extra += f'<p class="digest">{escape(facts.digest_line)}</p>'
    signer = f"<p>{escape(facts.committee)}</p>" if facts.committee else ""
    signed = f'<div class="signed">{signer}<p>{escape(facts.signed_on)}</p></div>'
    return period, extra, signed


def _footer(view: PublicView) -> str:
    lang = view.lang
    meeting = i18n.t("publicity.meeting_id", lang, id=view.meeting_id)
    period, extra, signed = notice_lines(view)
    return (
        f'<footer>{period}<p class="contact">{escape(contact_line(view))}</p>{extra}'
        f"<p>{escape(i18n.t('publicity.privacy', lang))}</p>"
        f'<p class="meta">{escape(meeting)}</p>{signed}</footer>'
    )


def head(title: str, lang: str, style: str) -> str:
    """The shared <head>: charset, viewport, CSP, noindex and the inline style."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html_lang(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="robots" content="noindex">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n"
    )


def render_page(view: PublicView) -> str:
    """The page for an already redacted view."""
    title = i18n.t("publicity.doc_title", view.lang, title=view.title)
    body = _header(view) + _summary(view) + _sections(view) + _footer(view)
    return f"{head(title, view.lang, STYLE)}<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"


def page_html(state: MeetingState, posting: Posting | None = None) -> str:
    """The publicity page of `state`, redacted by default, in the meeting's language."""
    return render_page(public_view(state, posting))
