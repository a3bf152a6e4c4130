"""The publish preview (`v` on the publish screen): the page as residents will read it.

Before anything is written the facilitator reads the page's own text, with
every name the redactor shortened shown in reverse and every name it kept
underlined, and below it the list of those names with what was decided
(缩写 / 单位，保留 / 已同意公示全名). `space` (or `enter`) flips the chosen one:
a shortened proposer who agreed to be named is shown, a body misread as a
person is kept, a kept word that is in fact a person is shortened. Each
flip is an event (`name_choice_set`), so the choice is in the record.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from meeting_tui import i18n
from meeting_tui.domain import DomainError
from meeting_tui.domain import commands as c
from meeting_tui.domain.privacy import NameDecision
from meeting_tui.publicity.page_text import marked_spans, page_lines
from meeting_tui.publicity.view import Posting, PublicView, public_view
from meeting_tui.store.errors import StoreError
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui import keymap
from meeting_tui.tui.keymap import Key
from meeting_tui.tui.widgets.key_footer import KeyFooter

PREVIEW_KEYS: tuple[Key, ...] = (
    Key("space", "flip", "preview.key.flip", "group.meeting"),
    Key("escape", "back", "publish.key.back", "group.view", display="esc"),
)

SHORTENED_STYLE = "reverse bold"
KEPT_STYLE = "underline"


def decision_label(d: NameDecision) -> str:
    """李建国 → 李某 · 缩写; 警务站 · 单位，保留."""
    why = i18n.t(f"preview.names.{d.reason}")
    shown = f"{d.name} → {d.shown_as}" if d.shown_as != d.name else d.name
    return f"{shown} · {why}"


def marked_text(view: PublicView) -> Text:
    """The page's lines, each published name marked: reverse when shortened, underlined when kept."""
    out = Text()
    for line in page_lines(view):
        last = 0
        for start, end, decision in marked_spans(line, view.names):
            out.append(line[last:start])
            out.append(line[start:end], SHORTENED_STYLE if decision.shortened else KEPT_STYLE)
            last = end
        out.append(line[last:] + "\n")
    return out


def visible_names(view: PublicView) -> list[NameDecision]:
    """The decisions about names that the page actually shows, in the order they appear."""
    text = "\n".join(page_lines(view))
    seen = [(text.find(d.shown_as), d) for d in view.names if len(d.shown_as) >= 2]
    return [d for at, d in sorted(seen, key=lambda pair: pair[0]) if at >= 0]


class PublishPreviewScreen(keymap.KeyedScreen):
    """The page's text with names marked, and the list of names to flip."""

    BINDINGS = keymap.bindings(PREVIEW_KEYS, "preview")

    CSS_PATH = "publish_preview.tcss"

    def __init__(self, live: LiveMeeting, posting: Posting) -> None:
        super().__init__()
        self.live = live
        self.posting = posting
        self.view: PublicView = public_view(live.state, posting)
        self.names: list[NameDecision] = []

    def compose(self) -> ComposeResult:
        yield Static(i18n.t("preview.page.heading"), id="preview-heading")
        with VerticalScroll(id="page-text"):
            yield Static(id="page-body")
        yield Static(i18n.t("preview.names.heading"), id="names-heading")
        yield OptionList(id="names")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show()
        self.query_one("#names", OptionList).focus()

    def show(self) -> None:
        self.view = public_view(self.live.state, self.posting)
        self.query_one("#page-body", Static).update(marked_text(self.view))
        self.names = visible_names(self.view)
        names = self.query_one("#names", OptionList)
        highlighted = names.highlighted
        names.clear_options()
        if not self.names:
            names.add_option(Option(i18n.t("preview.names.none"), disabled=True))
            return
        names.add_options(  # Text, not markup: a name may hold "[" or "]"
            [Option(Text(decision_label(d)), id=str(i)) for i, d in enumerate(self.names)]
        )
        if highlighted is not None:
            names.highlighted = min(highlighted, len(self.names) - 1)

    def chosen(self) -> NameDecision | None:
        index = self.query_one("#names", OptionList).highlighted
        if index is None or not 0 <= index < len(self.names):
            return None
        return self.names[index]

    def action_flip(self) -> None:
        decision = self.chosen()
        if decision is None:
            return
        try:
            self.live.execute(c.set_name_choice(self.live.state, decision.name, decision.shortened))
        except (DomainError, StoreError) as error:
            self.notify(error.message(), severity="error", timeout=10)
            return
        self.show()
        after = next((d for d in self.view.names if d.name == decision.name), decision)
        self.notify(i18n.t("preview.names.flipped", name=after.name, shown_as=after.shown_as))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_flip()

    def action_back(self) -> None:
        self.dismiss(None)
