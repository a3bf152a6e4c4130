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


def clock_text(seconds: int) -> str:
    """`mm:ss` under an hour, `h:mm:ss` above."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class HeaderBar(Horizontal):
    DEFAULT_CSS = """
    HeaderBar { height: 1; background: $panel; color: $foreground; text-style: bold; }
    HeaderBar #title { width: 1fr; min-width: 16; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    HeaderBar #stats { width: auto; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    HeaderBar.-quorum-missing #stats { background: $error; color: $text-on-alarm; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        yield Static(id="stats")

    def show(self, state: MeetingState, now: datetime) -> None:
        title = Text(f"{state.title} · {label(state.kind)}", no_wrap=True, overflow="ellipsis")
        self.query_one("#title", Static).update(title, layout=False)  # 1fr of a one-line bar
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
        shown.update(stats, layout=cell_len(stats) != cell_len(str(shown.content)))
        self.set_class(not state.quorum_met, "-quorum-missing")
