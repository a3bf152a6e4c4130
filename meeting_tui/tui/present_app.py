"""`meeting-tui present ID`: the public view, the laptop turned round or a projector for the room.

A separate, read-only App: it takes no lock and opens no file for writing, so
it can run beside the chair's window on the same meeting. Five times a second
it stats the meeting file and its display state (`store.follow`), re-reads
only when a stamp moved, and shows the redacted `Projection` large enough to
read from a few metres. A file briefly missing, damaged or unreadable keeps
the last good picture on screen with one line saying why; nothing raises.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from meeting_tui import config, i18n, startup
from meeting_tui.domain.events import events_from_json
from meeting_tui.domain.fold import fold
from meeting_tui.domain.model import MeetingState
from meeting_tui.publicity.projection import Projection, ShownVote, project, timebox_text
from meeting_tui.store.archive import Archive
from meeting_tui.store.errors import StoreError
from meeting_tui.store.follow import MeetingFollower
from meeting_tui.store.live import local_now
from meeting_tui.tui.guarded_app import GuardedApp
from meeting_tui.tui.widgets.tally_digits import TallyDigits, scale_for

POLL_S = 0.2  # 5 stats a second: a change shows within 200 ms plus one read and a redraw
COUNTS = (("for", "field.for"), ("against", "field.against"), ("abstain", "field.abstain"))


class ShareBar(Static):
    """A bar as wide as its share of those present, drawn to the width it is given."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.share = 0.0

    def set_share(self, count: int, total: int) -> None:
        self.share = count / total if total > 0 and count > 0 else 0.0
        self.refresh()

    def render(self) -> Text:
        width = self.content_region.width or self.size.width
        cells = max(1, round(width * self.share)) if self.share > 0 else 0
        return Text("█" * min(cells, width))


class PresentApp(GuardedApp):
    """The public view of one meeting; `projection` is what it shows now (read by tests)."""

    FALLBACK_THEME = "sunlight"
    CSS_PATH = ["app.tcss", "present_app.tcss"]
    ENABLE_COMMAND_PALETTE = (
        False  # its 截图 (screenshot) would write a file: this view never writes
    )
    BINDINGS = [Binding("q", "quit", "present.quit", show=False)]

    def __init__(
        self,
        archive: Archive,
        meeting_id: str,
        *,
        clock: Callable[[], datetime] = local_now,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.follower = MeetingFollower(archive, meeting_id)
        self.clock = clock
        self.state: MeetingState | None = None
        self.emphasis = self.follower.read_emphasis()
        self.projection: Projection | None = None
        self.choose_theme(theme or config.load()[0].theme)

    def compose(self) -> ComposeResult:
        with Vertical(id="stage"):
            yield Static(id="title")
            yield Static(id="subtitle")
            with Horizontal(id="item-row"):
                yield Static(id="item")
                yield Static(id="timebox")
            with Vertical(id="motion-box"):
                yield Static(id="motion-head")
                # The tally and verdict above the text, as on the session's vote panel: a long
                # motion at 80×24 may run off the bottom, the count the room checks never does.
                with Horizontal(id="tally"):
                    for name, key in COUNTS:
                        with Vertical(classes="count"):
                            yield Static(i18n.t(key), classes="count-label")
                            yield TallyDigits("0", id=f"count-{name}")
                            yield ShareBar(id=f"bar-{name}")
                yield Static(id="not-voting")
                yield Static(id="verdict")
                yield Static(id="motion-text")
            yield Static(id="decisions")
            yield Static(id="agenda")
        yield Static(id="problem")

    def on_ready(self) -> None:
        """The first frame is on its way: the collector, paused while starting, goes on."""
        startup.resume()

    def on_mount(self) -> None:
        self.follow()
        self.set_interval(POLL_S, self.follow)
        self.set_interval(1, self.tick)

    def on_resize(self, event: events.Resize) -> None:
        """The digits grow with the screen: a projector's room sits metres away."""
        for digits in self.query(TallyDigits):
            digits.set_scale(scale_for(event.size))

    def follow(self) -> None:
        """One stat of each file; a read, a fold and a redraw only when one of them moved."""
        if not self.follower.changed():
            return
        self.emphasis = self.follower.read_emphasis()
        try:
            self.state = fold(events_from_json(self.follower.read_events()))
        except StoreError as error:
            self._problem(error.message())
            return
        except (ValueError, KeyError, TypeError) as error:
            self._problem(i18n.t("present.damaged_events", message=str(error)))
            return
        self._problem("")
        self.show()

    def tick(self) -> None:
        """Once a second, only while an item's clock runs: the time box counts on screen."""
        item = self.state.active_item if self.state is not None else None
        closed = self.projection is None or self.projection.closed
        if item is not None and item.running_since is not None and not closed:
            self._text("#timebox", timebox_text(item, self.clock()))

    def _problem(self, message: str) -> None:
        if message:
            key = "present.missing" if self.state is not None else "present.first_missing"
            message = i18n.t(key, message=message)
        self.query_one("#problem", Static).update(Text(message))

    def show(self) -> None:
        if self.state is None:
            return
        p = self.projection = project(self.state, self.emphasis, now=self.clock())
        stage = self.query_one("#stage")
        for emphasis in ("agenda", "results", "motion"):
            stage.set_class(p.emphasis == emphasis, f"-{emphasis}")
        motion = p.motion
        stage.set_class(p.closed, "-closed")
        stage.set_class(motion is None or p.closed, "-no-motion")
        stage.set_class(motion is None or motion.vote is None, "-no-vote")
        self._text("#title", p.title)
        self._text("#subtitle", p.subtitle)
        self._text("#item", p.item or ("" if p.closed else i18n.t("present.between")))
        self._text("#timebox", p.timebox)
        if motion is not None:
            head = i18n.t("present.motion", n=motion.number, state=motion.state)
            if motion.proposer:
                head += " · " + i18n.t("present.proposer", name=motion.proposer)
            self._text("#motion-head", head)
            self._text("#motion-text", motion.text)
            self._tally(motion.vote)
        self._decisions(p)
        self._text("#agenda", "\n".join([i18n.t("present.agenda"), *p.agenda]))

    def _text(self, selector: str, value: str) -> None:
        self.query_one(selector, Static).update(Text(value))

    def _tally(self, vote: ShownVote | None) -> None:
        verdict = self.query_one("#verdict", Static)
        if vote is None:
            verdict.set_classes("")
            verdict.update(Text(i18n.t("present.no_vote")))
            return
        counts = {"for": vote.in_favour, "against": vote.against, "abstain": vote.abstain}
        for name, count in counts.items():
            self.query_one(f"#count-{name}", TallyDigits).update(str(count))
            self.query_one(f"#bar-{name}", ShareBar).set_share(count, vote.eligible_present)
        self._text(
            "#not-voting",
            i18n.t("present.not_voting", n=vote.not_voting, present=vote.eligible_present)
            + " · "
            + i18n.t("present.method", method=vote.method),
        )
        verdict.set_classes("-passed" if vote.passed else "-rejected")
        verdict.update(Text(vote.reason))

    def _decisions(self, p: Projection) -> None:
        lines = Text(i18n.t("present.final" if p.closed else "present.decisions") + "\n")
        lines.stylize("bold")
        if not p.decisions:
            lines.append(i18n.t("present.no_decisions"))
        colours = self.get_css_variables()  # the theme's own, whose contrast is checked
        for d in p.decisions:
            colour = (
                "" if d.passed is None else colours["text-success" if d.passed else "text-error"]
            )
            lines.append(f"{d.number}. {d.state}", style=f"bold {colour}".strip())
            tally = f"  {d.tally}" if d.tally else ""
            lines.append(f"{tally}  {d.text}\n")
        self.query_one("#decisions", Static).update(lines)
