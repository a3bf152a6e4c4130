"""The top line: what meeting (cut short if need be), then who is here, quorum and the clock (never cut)."""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from meeting_tui import i18n
from meeting_tui.domain import MeetingState, MeetingStatus, Party, label
from meeting_tui.domain.floor import Speech, SpeechState


def redraw(cell: Static, content: str | Text, *, layout: bool = False) -> None:
    """Update `cell` only when what it shows changes.

    The clock's tick redraws the header and the agenda once a second; a cell
    whose words did not change (the title, the agenda at a paused item) is left
    alone, so it is not painted again, and nor is a dialog open over the screen
    (Textual repaints a whole dialog when the screen under it changes).
    """
    if cell.content != content:
        cell.update(content, layout=layout)


def clock_text(seconds: int) -> str:
    """`mm:ss` under an hour, `h:mm:ss` above."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class HeaderBar(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static(id="title")
        yield Static(id="floor")
        yield Static(id="stats")

    def show_floor(self, speech: Speech | None, now: datetime) -> bool:
        """The speaker's countdown: only this cell changes, with no layout pass (ten cells wide).

        True when the speech is over its limit (the screen rings the bell once).
        """
        cell = self.query_one("#floor", Static)
        cell.set_class(speech is not None, "-speaking")
        if speech is None:
            cell.remove_class("-overrun")
            return False
        line, over = clock_line(speech, now)
        cell.set_class(over, "-overrun")
        if str(cell.content) != line:
            cell.update(line, layout=False)
        return over

    def show(self, state: MeetingState, now: datetime) -> None:
        title = Text(f"{state.title} · {label(state.kind)}", no_wrap=True, overflow="ellipsis")
        redraw(self.query_one("#title", Static), title)  # 1fr of a one-line bar: no layout
        parts = [
            i18n.t(
                "header.present", present=state.attendance.total, eligible=state.eligible_present
            )
        ]
        if state.voting_parties != (Party.RESIDENT,) or not state.eligible_present:
            # Who votes, when it is not the usual residents or when nobody of them is here.
            parties = "·".join(i18n.t(f"party_short.{p.value}") for p in state.voting_parties)
            parts.append(i18n.t("header.voters", parties=parties))
        if state.status is MeetingStatus.CLOSED:
            parts.insert(0, i18n.t("header.closed"))
        if state.quorum:
            parts.append(
                i18n.t("header.quorum_ok")
                if state.quorum_met
                else i18n.t(
                    "header.quorum_missing", present=state.eligible_present, quorum=state.quorum
                )
            )
        parts.append(f"{now:%H:%M}")
        if state.started_at:
            end = datetime.fromisoformat(state.ended_at) if state.ended_at else now
            seconds = int((end - datetime.fromisoformat(state.started_at)).total_seconds())
            parts.append(i18n.t("header.elapsed", time=clock_text(seconds)))
        stats = " · ".join(parts)
        shown = self.query_one("#stats", Static)
        # `width: auto`: a layout pass only when the clock's line changes its width.
        redraw(shown, stats, layout=cell_len(stats) != cell_len(str(shown.content)))
        self.set_class(not state.quorum_met, "-quorum-missing")


def clock_line(speech: Speech, now: datetime) -> tuple[str, bool]:
    """发言 01:48 (time left), 超时 00:12, 暂停 01:48; the time spoken when there is no limit.

    Always ten cells wide, so the header never needs a layout pass for it.
    """
    remaining = speech.remaining(now)
    over = remaining is not None and remaining < 0
    if speech.state is SpeechState.PAUSED:
        word = i18n.t("floor.clock.paused")
    elif over:
        word = i18n.t("floor.clock.over")
    else:
        word = i18n.t("floor.clock.speaking")
    seconds = speech.spoken(now) if remaining is None else abs(remaining)
    return f"{word} {clock_text(min(seconds, 99 * 60 + 59))}", over
