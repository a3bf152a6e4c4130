"""The minutes preview (`m`): the 会议纪要 as it will print, and one key per export format.

The facilitator reads the minutes back to the room before people leave, so
the preview is the Markdown rendering of the very document the exports
write. It is drawn by Rich's Markdown renderer, rendered once to lines
(`RenderedLines`), not by Textual's `Markdown` widget: that widget mounts a
widget per block, and for the 12-motion 南苑 minutes (about 600 widgets) it
took 3–5 s to redraw on this machine against 0.2–0.4 s here, and a
200-motion meeting would freeze the screen for half a minute. Exports are disk I/O (a DOCX of a long meeting takes a moment), so
each runs in a thread worker and reports by a notification naming the file;
the UI thread only builds the document, so the thread never reads state the
UI might be changing.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import Any

from rich.markdown import Markdown
from textual import work
from textual.app import ComposeResult
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from meeting_tui import i18n
from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.events import Event
from meeting_tui.domain.model import MeetingStatus
from meeting_tui.minutes import checkpoints, markdown
from meeting_tui.minutes.export import export, for_sharing
from meeting_tui.minutes.model import Minutes
from meeting_tui.minutes.record import (
    closing_seq,
    minutes_for_export,
    saved_versions,
)
from meeting_tui.minutes.word_layouts import LAYOUTS
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui import keymap
from meeting_tui.tui.keymap import Key
from meeting_tui.tui.themes import Themed, markdown_theme
from meeting_tui.tui.widgets.key_footer import KeyFooter
from meeting_tui.tui.widgets.rendered_lines import RenderedLines

FORMAT_KEYS = {"1": "md", "2": "html", "3": "docx", "4": "csv", "5": "json"}
PREVIEW_KEYS: tuple[Key, ...] = (
    *(
        Key(k, f"export('{fmt}')", f"preview.key.{fmt}", "group.meeting", display=k)
        for k, fmt in FORMAT_KEYS.items()
    ),
    Key("r", "toggle_redact", "preview.key.redact", "group.view"),
    Key("escape", "back", "preview.key.back", "group.view", display="esc"),
    Key("q", "back", "preview.key.back", "group.view", show=False),
)


# The Markdown last shown, by what it was made from (`_made_from`). The chair opens the
# preview again and again (reading the minutes back to the room, checking a name): on an
# unchanged meeting it is shown without being built again, about 0.1 s of CPU for 200
# motions. Any step appends an event and a close saves a version, so the key changes.
_LAST_BUILT: dict[tuple[object, ...], str] = {}


class MinutesPreviewScreen(keymap.KeyedScreen):
    """The minutes in Markdown; 1–5 export md/html/docx/csv/json, r toggles the redacted copy."""

    BINDINGS = keymap.bindings(PREVIEW_KEYS, "minutes")

    CSS_PATH = "minutes_preview.tcss"

    def __init__(self, live: LiveMeeting, out_dir: Path | None = None) -> None:
        """`out_dir` defaults to the meeting's exports folder in its archive."""
        super().__init__()
        self.live = live
        self.out_dir = out_dir
        self.redact = False
        self.source = ""  # the Markdown shown, as the md export would write it

    def compose(self) -> ComposeResult:
        yield Static("", id="preview-status", markup=False)
        yield RenderedLines(id="preview")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show())

    # -- the document ----------------------------------------------------------

    def document(self) -> tuple[Minutes, list[Event]]:
        """What an export writes now: the saved version once closed, redacted when chosen."""
        state, events = self.live.state, list(self.live.events)
        minutes = minutes_for_export(state, events, self.live.saved_minutes())
        return for_sharing(minutes, events) if self.redact else (minutes, events)

    def _status(self) -> str:
        """Which copy this is, and whether it is the version saved at the close."""
        closed = self.live.state.status is MeetingStatus.CLOSED
        seq = closing_seq(self.live.events) if closed else None
        saved = [v for v in saved_versions(self.live.saved_minutes()) if v.closed_seq == seq]
        mode = i18n.t("preview.mode.redacted" if self.redact else "preview.mode.full")
        if saved:
            where = i18n.t("preview.saved", version=saved[-1].version)
        else:
            where = i18n.t("preview.not_recorded" if closed else "preview.unsaved")
        return f"{i18n.t('preview.title')} · {mode} · {where}"

    def _made_from(self) -> tuple[object, ...]:
        """What the document shown depends on: the meeting's log so far, its saved versions,
        the redacted or full copy and the language."""
        events = self.live.events
        last = (events[-1].seq, events[-1].at, str(events[-1].kind)) if events else None
        saved = len(self.live.saved_minutes())
        return (id(self.live), len(events), last, saved, self.redact, i18n.current_language())

    def show(self) -> None:
        self.set_class(self.redact, "-redacted")
        self.query_one("#preview-status", Static).update(self._status())
        made_from = self._made_from()
        source = _LAST_BUILT.get(made_from)
        if source is None:
            minutes, _events = self.document()
            source = markdown.render(minutes.cleaned())
            _LAST_BUILT.clear()
            _LAST_BUILT[made_from] = source
        self.source = source
        theme = markdown_theme(self.app.theme_variables)
        parts = [
            partial(lambda text: Themed(Markdown(text), theme), part)
            for part in markdown.parts_at_headings(self.source)
        ]
        self.query_one("#preview", RenderedLines).show(parts)

    # -- keys ------------------------------------------------------------------

    def action_toggle_redact(self) -> None:
        self.redact = not self.redact
        self.show()

    def action_back(self) -> None:
        self.dismiss(None)

    def action_export(self, fmt: str) -> None:
        minutes, events = self.document()
        self.notify(i18n.t("preview.exporting", format=fmt), timeout=3)
        seal = None
        if fmt == "json":  # the checkpoints, and the salt or the redacted copy's hashes
            seal = checkpoints.export_seal(
                self.live.saved_minutes(),
                self.live.salt(),
                self.live.stored_events(),
                redacted=self.redact,
            )
        self.write_export(minutes, fmt, events, seal)

    @work(thread=True, exclusive=True, exit_on_error=False, name="minutes-export")
    def write_export(
        self,
        minutes: Minutes,
        fmt: str,
        events: list[Event],
        seal: dict[str, Any] | None = None,
    ) -> Path:
        # No --force in a TUI: a second export of the same format gets name-2.ext.
        folder = None if self.out_dir is None else os.path.join(self.out_dir, "")
        return export(
            minutes,
            fmt,
            folder,
            events=events,
            root=self.live.archive.root,
            unique=True,
            layout=self.docx_layout,
            seal=seal,
        )

    @property
    def docx_layout(self) -> str:
        """`docx_layout` from the app's config (community or gongwen); community otherwise."""
        chosen = str(getattr(getattr(self.app, "settings", None), "docx_layout", ""))
        return chosen if chosen in LAYOUTS else "community"

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.name != "minutes-export":
            return
        if event.state is WorkerState.SUCCESS and isinstance(worker.result, Path):
            self.notify(i18n.t("minutes.exported", path=str(worker.result)), timeout=10)
        elif event.state is WorkerState.ERROR:
            error = worker.error
            message = error.message() if isinstance(error, DomainError) else str(error)
            self.notify(i18n.t("preview.failed", message=message), severity="error", timeout=15)
