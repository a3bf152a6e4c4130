"""The publicity page's text as a resident reads it, for the publish preview.

The preview must show what will be published, not a second rendering that
could drift from it: so it takes the page's own HTML and keeps only what a
browser would show (no <head>, no <style>), one line per block.
"""

from __future__ import annotations

from html.parser import HTMLParser

from meeting_tui.domain.privacy import NameDecision
from meeting_tui.publicity.page import render_page
from meeting_tui.publicity.view import PublicView

_BLOCKS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "li",
        "dt",
        "dd",
        "header",
        "footer",
        "section",
        "div",
        "tr",
        "ol",
        "ul",
    }
)
_HIDDEN = frozenset({"head", "style", "script", "title"})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.hidden = 0

    def _break(self) -> None:
        text = "".join(self.line).strip()
        if text:
            self.lines.append(text)
        self.line = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "dd":
            self.line.append("：")
        elif tag in _BLOCKS and tag != "dd":
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif (tag in _BLOCKS and tag not in ("dt", "dd")) or tag == "dd":
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.line.append(data)


def page_lines(view: PublicView) -> list[str]:
    """The visible lines of the page rendered from `view`."""
    parser = _Text()
    parser.feed(render_page(view))
    parser.close()
    parser._break()
    return parser.lines


def marked_spans(line: str, names: tuple[NameDecision, ...]) -> list[tuple[int, int, NameDecision]]:
    """Where in `line` each name's published form appears (longest first, no overlaps)."""
    spans: list[tuple[int, int, NameDecision]] = []
    for decision in sorted(names, key=lambda d: -len(d.shown_as)):
        form = decision.shown_as
        if len(form) < 2:
            continue
        start = line.find(form)
        while start >= 0:
            end = start + len(form)
            if all(end <= s or start >= e for s, e, _ in spans):
                spans.append((start, end, decision))
            start = line.find(form, end)
    return sorted(spans, key=lambda s: s[0])
