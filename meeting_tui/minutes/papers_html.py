"""The sign-in sheet and the meeting notice as printable HTML pages: A4, no external files.

Laid out as their DOCX twins (same margins, row heights and column minimums),
with page numbers in the print margin, for an office that prints from the
browser. Every text is escaped.
"""

from __future__ import annotations

from html import escape

from meeting_tui import i18n
from meeting_tui.minutes.build import paren
from meeting_tui.minutes.html import PAGE_NUMBERS
from meeting_tui.minutes.papers import (
    SIGNIN_HANDWRITING_MM,
    SIGNIN_MARGINS,
    Notice,
    SignInSheet,
    signin_row_mm,
)
from meeting_tui.minutes.sections import chinese_number

FONTS = '"SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif'
HEADING_FONTS = '"SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'
CSS = """
* { box-sizing: border-box; }
html { background: #fff; color: #000; }
body { margin: 0 auto; max-width: 180mm; font: 12pt/1.6 %(fonts)s; }
h1 { font: bold 18pt/1.4 %(heading)s; text-align: center; margin: 0 0 3mm; }
table { width: 100%%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 0 1.5mm; text-align: left; vertical-align: middle;
  font-size: 10.5pt; line-height: 1.3; }
th { font-family: %(heading)s; white-space: nowrap; word-break: keep-all; height: 8mm; }
td.short { white-space: nowrap; overflow: hidden; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
h1 { text-wrap: balance; }
p, td { text-wrap: pretty; }
.meta { margin: 0 0 2mm; }
.closing { text-align: right; margin: 8mm 8mm 0 0; }
.closing p, .notice p { margin: 0; }
.notice p.indent { text-indent: 2em; }
.notice p.item { text-indent: 2em; margin-top: 1mm; }
.notice b { font-family: %(heading)s; }
.notice table { margin: 2mm 0; }
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _page(
    lang: str, title: str, margins: tuple[float, float, float, float], body: list[str]
) -> str:
    top, right, bottom, left = margins
    page = (
        f"@page {{ size: A4; margin: {top}mm {right}mm {bottom}mm {left}mm; "
        f"@bottom-center {{ content: {PAGE_NUMBERS[lang]}; font: 10pt {FONTS}; }} }}"
    )
    css = CSS % {"fonts": FONTS, "heading": HEADING_FONTS}
    return (
        "\n".join(
            [
                "<!DOCTYPE html>",
                f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
                "<head>",
                '<meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f"<title>{_e(title)}</title>",
                f"<style>{page}{css}</style>",
                "</head>",
                "<body>",
                *body,
                "</body>",
                "</html>",
            ]
        )
        + "\n"
    )


def render_signin(sheet: SignInSheet) -> str:
    colon = "：" if sheet.lang == "zh" else ": "
    meta = "<br>".join(
        "　　".join(f"{_e(name)}{colon}{_e(value)}" for name, value in pairs)
        for pairs in sheet.header
    )
    cols = "".join(f'<col style="width: {mm:g}mm">' for mm in SIGNIN_HANDWRITING_MM) + "<col>"
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in sheet.columns)
    height = f"{signin_row_mm(len(sheet.rows), len(sheet.header)):.1f}mm"
    body = [
        "<main>",
        f"<h1>{_e(sheet.title)}</h1>",
        f'<p class="meta">{meta}</p>',
        f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>",
    ]
    for row in sheet.rows:
        cells = "".join(
            f'<td class="short">{_e(v)}</td>' if n < 4 else f"<td>{_e(v)}</td>"
            for n, v in enumerate(row)
        )
        body.append(f'<tr style="height: {height}">{cells}</tr>')
    body += ["</tbody></table>", "</main>"]
    return _page(sheet.lang, sheet.title, SIGNIN_MARGINS, body)


def render_notice(notice: Notice) -> str:
    zh = notice.lang == "zh"
    colon = "：" if zh else ": "

    def number(n: int) -> str:
        return f"{chinese_number(n)}、" if zh else f"{n}. "

    body = [
        '<main class="notice">',
        f"<h1>{_e(notice.title)}</h1>",
        f"<p>{_e(notice.addressee)}</p>",
        f'<p class="indent">{_e(notice.opening)}</p>',
    ]
    n = 0
    for n, (name, value) in enumerate(notice.facts, start=1):
        body.append(f'<p class="item"><b>{_e(number(n) + name + colon)}</b>{_e(value)}</p>')
    body.append(
        f'<p class="item"><b>{_e(number(n + 1) + i18n.t("paper.h.agenda", notice.lang))}</b></p>'
    )
    names = ("number", "slot", "item", "length")
    head = "".join(
        f'<th scope="col">{_e(i18n.t(f"paper.col.{c}", notice.lang))}</th>' for c in names
    )
    body.append(
        '<table><colgroup><col style="width: 12mm"><col style="width: 28mm"><col>'
        f'<col style="width: 22mm"></colgroup><thead><tr>{head}</tr></thead><tbody>'
    )
    for a in notice.agenda:
        title = paren(a.title, a.notes, notice.lang)
        body.append(
            f'<tr><td class="short">{a.number}</td><td class="short">{_e(a.slot)}</td>'
            f'<td>{_e(title)}</td><td class="short">{_e(a.minutes)}</td></tr>'
        )
    body.append("</tbody></table>")
    raise_head = number(n + 2) + i18n.t("paper.h.raise", notice.lang) + colon
    body.append(f'<p class="item"><b>{_e(raise_head)}</b>{_e(notice.raise_items)}</p>')
    closing = "".join(f"<p>{_e(line)}</p>" for line in notice.closing)
    body += [f'<div class="closing">{closing}</div>', "</main>"]
    return _page(notice.lang, notice.title, (25.0, 26.0, 25.0, 28.0), body)
