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
from meeting_tui.publicity.page import FONTS, contact_line, head, notice_lines
from meeting_tui.publicity.view import Posting, PublicMotion, PublicView, public_view

STYLE = f"""
@page{{size:A4;margin:12mm 14mm}}
*{{box-sizing:border-box}}
body{{margin:0;background:#fff;color:#000;font:12pt/1.35 {FONTS};overflow-wrap:anywhere}}
.sheet{{max-width:182mm;margin:0 auto}}
header{{text-align:center;border-bottom:2pt solid #000;padding-bottom:2mm;margin-bottom:2mm}}
header p{{margin:.5mm 0}}
h1{{font-size:24pt;letter-spacing:.5em;margin:0 0 0 .5em;line-height:1.2}}
.title{{font-size:14pt;font-weight:700}}
.period{{font-weight:700;text-align:center;margin:1mm 0 0}}
h2{{font-size:13pt;margin:3mm 0 1mm}}
table{{width:100%;border-collapse:collapse}}
th,td{{border:.6pt solid #000;padding:.6mm 1.5mm;vertical-align:top;text-align:left}}
th{{background:#eee;white-space:nowrap}}
td.owner{{min-width:5em}}
td.no,td.vote,td.due{{white-space:nowrap}}
ol{{margin:0;padding-left:7mm}}
.legend{{font-size:12pt;margin:.5mm 0 0}}
.qr{{display:flex;gap:5mm;align-items:flex-start;margin-top:3mm;break-inside:avoid;page-break-inside:avoid}}
.qr svg{{flex:none}}
.qr .side{{flex:1}}
.qr p{{margin:0 0 .6mm}}
.scan{{font-size:13pt;font-weight:700}}
.url{{font-family:ui-monospace,"DejaVu Sans Mono",Consolas,monospace;word-break:break-all}}
.digest{{font-family:ui-monospace,"DejaVu Sans Mono",Consolas,monospace}}
.warning{{border:1.5pt solid #000;padding:1mm 2mm;font-weight:700}}
.signed{{text-align:right;margin-top:2mm}}
.signed p{{margin:0}}
"""


QR_SIZE = "58mm"  # the symbol itself (quiet zone aside) at least 45 mm wide on paper

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
    period, extra, signed = notice_lines(view)
    # A blank to fill in by hand, unless the 公示期 and the 落款 already carry the day.
    posted = "" if view.notice else f"{t('notice.posted')} · "
    # The QR code and, beside it, everything a reader needs to answer back: URL, contact,
    # the record digest, and the 落款 (committee and date) right-aligned as on a real notice.
    code = (
        f'<div class="qr">{qr.svg(url, size=QR_SIZE)}<div class="side">'
        f'<p class="scan">{t("notice.scan")}</p><p class="url">{escape(url)}</p>{warning}'
        f"<p><b>{escape(contact_line(view))}</b></p>{extra}"
        f"<p>{t('publicity.privacy')}</p>"
        f"<p>{posted}{t('publicity.meeting_id', id=view.meeting_id)}</p>"
        f"{signed}</div></div>"
    )
    header = (
        f"<header><p>{escape(view.community)}</p><h1>{t('notice.heading')}</h1>"
        f'<p class="title">{escape(view.title)}</p><p>{facts}</p>{period}</header>'
    )
    title = i18n.t("publicity.doc_title", lang, title=view.title)
    return (
        f'{head(title, lang, STYLE)}<body>\n<main class="sheet">\n'
        f"{header}{sections}{code}\n</main>\n</body>\n</html>\n"
    )


def notice_html(
    state: MeetingState, url: str, *, local: bool = False, posting: Posting | None = None
) -> str:
    """The A4 notice of `state`, redacted like the page, with the QR code for `url`."""
    return render_notice(public_view(state, posting), url, local=local)
