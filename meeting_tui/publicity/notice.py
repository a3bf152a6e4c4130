"""The printable A4 notice for the bulletin board (公开栏): the decisions at a glance plus the QR code.

A passer-by reads it standing in front of a glass case, so it keeps to the
decisions (a table: item, vote, who does it, by when), the deferred and
answered items in one line each, and a QR code with its URL printed
underneath in full (a resident without a scanner can still type it). The
QR is inline SVG, so the notice prints from a browser with no other file.
When the QR points to a local file (no base URL yet) the notice says, in
print, that it must not be posted.
"""

from __future__ import annotations

from html import escape

from meeting_tui import i18n
from meeting_tui.domain import MeetingState, MotionState
from meeting_tui.publicity import qr
from meeting_tui.publicity.page import FONTS, contact_line, head
from meeting_tui.publicity.view import PublicMotion, PublicView, public_view

STYLE = f"""
@page{{size:A4;margin:15mm}}
*{{box-sizing:border-box}}
body{{margin:0;background:#fff;color:#000;font:11pt/1.5 {FONTS};overflow-wrap:anywhere}}
.sheet{{max-width:180mm;margin:0 auto;padding:6mm 0}}
header{{text-align:center;border-bottom:2pt solid #000;padding-bottom:3mm;margin-bottom:4mm}}
header p{{margin:1mm 0}}
h1{{font-size:26pt;letter-spacing:.5em;margin:1mm 0 1mm .5em}}
.title{{font-size:14pt;font-weight:700}}
h2{{font-size:13pt;margin:5mm 0 2mm}}
table{{width:100%;border-collapse:collapse}}
th,td{{border:.6pt solid #000;padding:1.2mm 2mm;vertical-align:top;text-align:left}}
th{{background:#eee;white-space:nowrap}}
td.owner{{min-width:6em}}
td.no,td.vote,td.due{{white-space:nowrap}}
ol{{margin:0;padding-left:7mm}}
.legend{{font-size:9pt;margin:1mm 0 0}}
.qr{{display:flex;gap:6mm;align-items:center;margin-top:6mm;break-inside:avoid;page-break-inside:avoid}}
.qr svg{{flex:none}}
.scan{{font-size:13pt;font-weight:700;margin:0 0 2mm}}
.url{{font-family:ui-monospace,"DejaVu Sans Mono",Consolas,monospace;font-size:11pt;word-break:break-all;margin:0}}
.warning{{border:1.5pt solid #000;padding:1.5mm 2mm;font-weight:700;margin-top:2mm}}
footer{{margin-top:6mm;border-top:.6pt solid #000;padding-top:2mm}}
footer p{{margin:1mm 0}}
"""


COLUMNS = (
    "notice.col.no",
    "notice.col.item",
    "notice.col.vote",
    "notice.col.owner",
    "notice.col.due",
)


def _decision_rows(view: PublicView) -> str:
    lang = view.lang
    unset = i18n.t("publicity.not_set", lang)
    rows = []
    for m in view.motions(MotionState.PASSED):
        vote = _vote_short(m, lang)
        rows.append(
            f'<tr><td class="no">{m.number}</td><td>{escape(m.text)}</td>'
            f'<td class="vote">{escape(vote)}</td><td class="owner">{escape(m.owner or unset)}</td>'
            f'<td class="due">{escape(m.due or unset)}</td></tr>'
        )
    head_cells = "".join(f"<th>{escape(i18n.t(key, lang))}</th>" for key in COLUMNS)
    legend = escape(i18n.t("notice.vote_legend", lang))
    return (
        f"<table><thead><tr>{head_cells}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f'<p class="legend">{legend}</p>'
    )


def _vote_short(m: PublicMotion, lang: i18n.Lang) -> str:
    if m.vote is None:
        return ""
    if m.vote.acclaimed:
        return i18n.t("notice.acclaimed", lang)
    counts = {"for": m.vote.in_favour, "against": m.vote.against, "abstain": m.vote.abstain}
    return i18n.t("notice.vote_short", lang, **counts)


def _line(m: PublicMotion, lang: i18n.Lang) -> str:
    unset = i18n.t("publicity.not_set", lang)
    if m.state is MotionState.DEFERRED:
        return i18n.t(
            "notice.deferred_item", lang, text=m.text, owner=m.owner or unset, target=m.due or unset
        )
    if m.state is MotionState.ANSWERED:
        return i18n.t("notice.answered_item", lang, text=m.text, answer=m.response or unset)
    vote = _vote_short(m, lang)
    return (
        f"{m.text}（{vote}）" if vote and lang == "zh" else f"{m.text} ({vote})" if vote else m.text
    )


def _section(view: PublicView, state: MotionState) -> str:
    motions = view.motions(state)
    if not motions:
        return ""
    heading = i18n.t(f"publicity.section.{state.value}", view.lang)
    heading += f"（{len(motions)}）" if view.lang == "zh" else f" ({len(motions)})"
    if state is MotionState.PASSED:
        body = _decision_rows(view)
    else:
        items = "".join(f"<li>{escape(_line(m, view.lang))}</li>" for m in motions)
        body = f"<ol>{items}</ol>"
    return f'<section class="{state.value}"><h2>{escape(heading)}</h2>{body}</section>'


def render_notice(view: PublicView, url: str, *, local: bool = False) -> str:
    """The notice for an already redacted view, with a QR code of `url`."""
    lang = view.lang

    def t(key: str, **values: object) -> str:
        return escape(i18n.t(key, lang, **values))

    facts = " · ".join(escape(x) for x in (view.when, view.location) if x)
    sections = "".join(
        _section(view, s)
        for s in (
            MotionState.PASSED,
            MotionState.DEFERRED,
            MotionState.ANSWERED,
            MotionState.REJECTED,
        )
    )
    warning = f'<p class="warning">{t("notice.local_warning")}</p>' if local else ""
    code = (
        f'<div class="qr">{qr.svg(url, size="40mm")}<div>'
        f'<p class="scan">{t("notice.scan")}</p><p class="url">{escape(url)}</p>{warning}'
        "</div></div>"
    )
    footer = (
        f"<footer><p><b>{escape(contact_line(view))}</b></p><p>{t('publicity.privacy')}</p>"
        f"<p>{t('notice.posted')} · {t('publicity.meeting_id', id=view.meeting_id)}</p></footer>"
    )
    header = (
        f"<header><p>{escape(view.community)}</p><h1>{t('notice.heading')}</h1>"
        f'<p class="title">{escape(view.title)}</p><p>{facts}</p></header>'
    )
    title = i18n.t("publicity.doc_title", lang, title=view.title)
    return (
        f'{head(title, lang, STYLE)}<body>\n<main class="sheet">\n'
        f"{header}{sections}{code}{footer}\n</main>\n</body>\n</html>\n"
    )


def notice_html(state: MeetingState, url: str, *, local: bool = False) -> str:
    """The A4 notice of `state`, redacted like the page, with the QR code for `url`."""
    return render_notice(public_view(state), url, local=local)
