"""Minutes as one printable HTML page: A4, black on white, no external assets.

A community office prints the minutes on a monochrome laser printer and
files them, so: `@page` A4 margins with "第 X 页 共 Y 页" in the bottom margin
(`counter(page)` / `counter(pages)` in a page-margin box, which Chromium
prints), no colours or greys that carry meaning, table headers repeated on
each page and never wrapped ("序号", not "序/号"), short values (numbers,
dates, names) kept on one line, no last line of a paragraph holding one
character alone (`text-wrap: pretty`), a motion never split across pages
when it fits on one, and the timeline as an appendix on a page of its own. Every text from the meeting is escaped (`html.escape`), so a
motion typed as `<script>` is printed, never run.
"""

from __future__ import annotations

from html import escape

from meeting_tui.minutes import floor_sections as fs
from meeting_tui.minutes import sections as s
from meeting_tui.minutes.floor_model import FloorEntry
from meeting_tui.minutes.model import Minutes

PAGE_NUMBERS = {
    "zh": '"第 " counter(page) " 页 共 " counter(pages) " 页"',
    "en": '"Page " counter(page) " of " counter(pages)',
}
PAGE_CSS = """
@page { size: A4; margin: 20mm 18mm 22mm 18mm;
  @bottom-center { content: %s; font: 10pt "SimSun", "Noto Serif CJK SC", serif; } }
"""
CSS = """
* { box-sizing: border-box; }
html { background: #fff; color: #000; }
body { margin: 0 auto; max-width: 178mm; padding: 8mm 0;
  font: 11pt/1.6 "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif; }
h1, h2, h3, th, dt { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC",
  "Source Han Sans SC", sans-serif; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 6mm; }
h2 { font-size: 14pt; margin: 7mm 0 3mm; break-after: avoid; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; }
p.note { border: 1px solid #000; padding: 2mm 3mm; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0; }
th, td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top;
  white-space: pre-line; }
th { white-space: nowrap; word-break: keep-all; }
p, dd, td, li { text-wrap: pretty; }
td.short { white-space: nowrap; width: 1%; }
.closing { text-align: right; margin: 9mm 8mm 0 0; }
.closing p { margin: 0; }
section.appendix { break-before: page; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
table.header th { width: 24mm; font-weight: bold; }
article.motion { break-inside: avoid; border-top: 1px solid #000; }
dl { display: grid; grid-template-columns: 24mm 1fr; gap: 0.5mm 3mm; margin: 0; }
dt { font-weight: bold; }
dd { margin: 0; white-space: pre-line; }
.signature { display: flex; gap: 4mm; margin: 9mm 0 0; align-items: flex-end; }
.signature .line { flex: 1; border-bottom: 1px solid #000; min-height: 7mm; }
.signature .line.date { flex: 0 0 35mm; }
@media print { body { padding: 0; max-width: none; } a { color: #000; } }
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _table(table: s.Table, css_class: str = "") -> list[str]:
    attr = f' class="{css_class}"' if css_class else ""
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in table.columns)
    out = [f"<table{attr}>", f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    opens = [
        '<td class="short">' if n in table.short else "<td>" for n in range(len(table.columns))
    ]
    for row in table.rows:
        cells = "".join(f"{o}{_e(cell)}</td>" for o, cell in zip(opens, row, strict=False))
        out.append(f"<tr>{cells}</tr>")
    out.append("</tbody></table>")
    return out


def _debate(minutes: Minutes, entry: FloorEntry | None) -> list[str]:
    """Under a motion: who spoke, in a table, then the time per party and the overruns."""
    if entry is None:
        return []
    out = [f'<p class="debate"><b>{_e(s.t(minutes, "minutes.floor.debate"))}</b></p>']
    out += _table(fs.speech_table(minutes, entry), "debate")
    out += [f'<p class="debate">{_e(line)}</p>' for line in fs.summary_lines(minutes, entry)]
    return out


def _section(minutes: Minutes, key: str, body: list[str], css_class: str = "") -> list[str]:
    attr = f' class="{css_class}"' if css_class else ""
    return [
        f'<section id="{key}"{attr}>',
        f"<h2>{_e(s.section_title(minutes, key))}</h2>",
        *body,
        "</section>",
    ]


def _listed(minutes: Minutes, table: s.Table) -> list[str]:
    return _table(table) if table.rows else [f"<p>{_e(s.t(minutes, 'minutes.none'))}</p>"]


def render(minutes: Minutes) -> str:
    lang = "zh-CN" if minutes.lang == "zh" else "en"
    title = s.document_title(minutes)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{PAGE_CSS % PAGE_NUMBERS[minutes.lang]}{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_e(title)}</h1>",
    ]
    out += [f'<p class="note">{_e(note)}</p>' for note in s.notes(minutes)]
    out.append('<table class="header"><tbody>')
    for name, value in s.header_rows(minutes) + fs.header_rows(minutes):
        out.append(f'<tr><th scope="row">{_e(name)}</th><td>{_e(value)}</td></tr>')
    out.append("</tbody></table>")

    items = [f"<li>{_e(line)}</li>" for line in s.agenda_lines(minutes)]
    out += _section(minutes, "agenda", ["<ol>", *items, "</ol>"])

    motions: list[str] = []
    for motion in minutes.motions:
        motions.append(f'<article class="motion" id="motion-{motion.number}">')
        motions.append(f"<h3>{_e(s.motion_heading(minutes, motion))}</h3>")
        motions.append("<dl>")
        for name, value in s.motion_rows(minutes, motion):
            motions.append(f"<dt>{_e(name)}</dt><dd>{_e(value)}</dd>")
        motions.append("</dl>")
        motions += [*_debate(minutes, fs.of_motion(minutes, motion.number)), "</article>"]
    for entry in fs.of_items(minutes):
        motions.append('<article class="motion">')
        motions.append(f"<h3>{_e(fs.item_heading(minutes, entry))}</h3>")
        motions += [*_debate(minutes, entry), "</article>"]
    out += _section(minutes, "motions", motions)

    out += _section(minutes, "followups", _listed(minutes, s.followup_table(minutes)))
    out += _section(minutes, "deferred", _listed(minutes, s.deferred_table(minutes)))
    unvoted = s.unvoted_table(minutes)
    note = [f"<p>{_e(s.t(minutes, 'minutes.unvoted_note'))}</p>"] if unvoted.rows else []
    out += _section(minutes, "unvoted", [*note, *_listed(minutes, unvoted)])
    colon = s.colon(minutes)
    signatures = [
        f'<div class="signature"><span>{_e(role + colon)}</span><span class="line"></span>'
        f'<span>{_e(day + colon)}</span><span class="line date"></span></div>'
        for role, day in s.signature_lines(minutes)
    ]
    out += _section(minutes, "signatures", signatures)
    out += [f'<p class="digest">{_e(line)}</p>' for line in s.checkpoint_lines(minutes)]

    closing = "".join(f"<p>{_e(line)}</p>" for line in s.closing_lines(minutes))
    out.append(f'<div class="closing">{closing}</div>')

    timeline = _table(s.timeline_table(minutes), "timeline")
    out += _section(minutes, "timeline", timeline, "appendix")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
