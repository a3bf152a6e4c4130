"""The HTML page, parsed with html.parser: structure, print CSS, and escaping of residents' text."""

from __future__ import annotations

from html.parser import HTMLParser

from meeting_tui.minutes import Minutes
from meeting_tui.minutes.html import render


class Page(HTMLParser):
    """Every start tag with its attributes, and the text inside each tag name."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, list[str]] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._open:
            self.text.setdefault(self._open[-1], []).append(data)

    def names(self) -> list[str]:
        return [tag for tag, _ in self.tags]


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


def test_structure_of_the_nanyuan_page(nanyuan: Minutes) -> None:
    page = parse(render(nanyuan))
    names = page.names()
    assert names[:2] == ["html", "head"] and names.count("h1") == 1
    assert ("html", {"lang": "zh-CN"}) in page.tags
    sections = [attrs["id"] for tag, attrs in page.tags if tag == "section"]
    assert sections == [
        "agenda",
        "motions",
        "followups",
        "deferred",
        "unvoted",
        "signatures",
        "timeline",
    ]
    motions = [attrs["id"] for tag, attrs in page.tags if tag == "article"]
    assert motions == [f"motion-{n}" for n in range(1, 13)]
    assert page.text["h1"] == ["电大家属院老旧小区改造 民主协商议事会 会议纪要"]
    assert "通过：赞成 38 人，多于反对 0 人" in "".join(page.text["dd"])
    assert page.text["h2"][0] == "一、会议议程"


def test_printable_without_external_assets(nanyuan: Minutes) -> None:
    text = render(nanyuan)
    page = parse(text)
    style = "".join(page.text["style"])
    assert "@page" in style and "size: A4" in style
    assert "color: #000" in style and "background: #fff" in style
    for tag, attrs in page.tags:
        assert tag not in ("link", "script", "img", "iframe")
        assert not any(k in ("src", "href") for k in attrs), (tag, attrs)
    assert "http" not in text and "url(" not in style


def test_a_motion_typed_as_html_stays_text(bad, hostile) -> None:
    text = render(Minutes.build(hostile.state, hostile.log.events))
    page = parse(text)
    assert "script" not in page.names() and "<script" not in text
    assert "b" not in page.names()  # the title's <b> stays text too
    assert bad.SCRIPT in "".join(page.text["h3"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "幸福里 <b>议事会</b> & 圆桌会 会议纪要" in "".join(page.text["title"])


def test_english_page(bad) -> None:
    run = bad.script(lang="en")
    page = parse(render(Minutes.build(run.state, run.log.events)))
    assert ("html", {"lang": "en"}) in page.tags
    assert page.text["h2"][0] == "1. Agenda"
