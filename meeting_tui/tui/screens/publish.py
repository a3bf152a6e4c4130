"""The publish screen (`p`): the QR code big enough to scan off the laptop, and the files to print.

At the end of a meeting residents hold their phones up to the laptop, so the
code takes the left of the screen in explicit black on white (a dark theme
must not invert it) and the URL is written beside it in full. Writing the
page, notice, SVG and PNG is disk I/O, so it runs in a thread worker and
reports back by notification naming the files.

Size: a URL of up to 84 characters (the byte capacity of version 5 at M) gives a code
of version ≤ 5, 41 columns × 21 rows with its quiet zone, which fits 80×24
beside the text column and above the footer. A longer URL still shows, with
a line asking for a bigger window.
"""

from __future__ import annotations

import copy
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from meeting_tui import i18n, locations
from meeting_tui.domain import MeetingState
from meeting_tui.minutes.record import saved_digest
from meeting_tui.publicity import Posting, PublicityError, PublishResult, publish, qr
from meeting_tui.publicity.publish import file_names
from meeting_tui.publicity.url import local_url, publicity_url
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui import keymap
from meeting_tui.tui.keymap import Key
from meeting_tui.tui.screens.publish_preview import PublishPreviewScreen
from meeting_tui.tui.widgets.key_footer import KeyFooter

PUBLISH_KEYS: tuple[Key, ...] = (
    Key("v", "preview", "publish.key.preview", "group.view"),
    Key("w", "write", "publish.key.write", "group.meeting"),
    Key("escape", "back", "publish.key.back", "group.view", display="esc"),
)


class PublishScreen(keymap.KeyedScreen):
    """The QR code and URL of the meeting's publicity page; `w` writes the files."""

    BINDINGS = keymap.bindings(PUBLISH_KEYS, "publish")

    CSS_PATH = "publish.tcss"

    def __init__(
        self, live: LiveMeeting, base_url: str | None = None, out_dir: Path | None = None
    ) -> None:
        """`base_url` defaults to the app's settings; `out_dir` to the meeting's exports folder."""
        super().__init__()
        self.live = live
        self._base_url = base_url
        self._out_dir = out_dir
        self.url = ""

    @property
    def base_url(self) -> str:
        if self._base_url is not None:
            return self._base_url
        settings = getattr(self.app, "settings", None)
        return str(getattr(settings, "base_url", "") or "")

    @property
    def out_dir(self) -> Path:
        return self._out_dir or locations.exports_directory(
            self.live.meeting_id, self.live.archive.root
        )

    def _url(self) -> tuple[str, str]:
        """The URL the code carries and a note under it (a warning when it is only local)."""
        meeting_id = self.live.meeting_id
        if self.base_url.strip():
            try:
                return publicity_url(self.base_url, meeting_id), i18n.t("publish.screen.scan")
            except PublicityError as error:
                self.notify(error.message(), severity="error", timeout=12)
        page = self.out_dir / file_names(meeting_id)["page"]
        return local_url(page), i18n.t("publish.screen.local")

    def compose(self) -> ComposeResult:
        self.url, note = self._url()
        self.set_class(not self.url.startswith(("http://", "https://")), "-local")
        with Horizontal(id="publish-body"):
            yield Static(qr.rich_code(self.url), id="qr")
            with Vertical(id="publish-info"):
                yield Static(i18n.t("publish.screen.title"), id="publish-title")
                yield Static(self.live.state.title, id="meeting-title", markup=False)
                yield Static(self.url, id="url", markup=False)
                yield Static(note, id="url-note")
                yield Static("", id="too-small")
                yield Static("", id="written", markup=False)
                yield Static(i18n.t("publish.screen.hint"), id="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._check_fit()

    def on_resize(self) -> None:
        self._check_fit()

    def _check_fit(self) -> None:
        """Warn when the window cannot show the whole code: a clipped code does not scan."""
        cols, rows = qr.terminal_size(self.url)
        needed_cols, needed_rows = cols + 20, rows + 1  # a text column beside it, the footer below
        too_small = self.size.width < needed_cols or self.size.height < needed_rows
        self.set_class(too_small, "-too-small")
        if too_small:
            text = i18n.t("publish.screen.too_small", cols=needed_cols, rows=needed_rows)
            self.query_one("#too-small", Static).update(text)

    def action_back(self) -> None:
        self.dismiss(None)

    def posting(self) -> Posting:
        """Today's posting: the committee and phone from the settings, the digest saved at close."""
        settings = getattr(self.app, "settings", None)
        digest, covered = saved_digest(self.live.events, self.live.saved_minutes())
        return Posting(
            posted_on=self.live.clock().date(),  # the app's clock: today, or a test's fixed day
            committee=str(getattr(settings, "committee", "") or ""),
            office_phone=str(getattr(settings, "office_phone", "") or ""),
            digest=digest,
            digest_events=covered,
        )

    def action_preview(self) -> None:
        self.app.push_screen(PublishPreviewScreen(self.live, self.posting()))

    def action_write(self) -> None:
        self.notify(i18n.t("publish.screen.writing"), timeout=3)
        # A copy, so the thread never reads state the UI thread might be folding.
        state = copy.deepcopy(self.live.state)
        self.write_files(state, self.out_dir, self.base_url, self.posting())

    @work(thread=True, exclusive=True, exit_on_error=False, name="publish")
    def write_files(
        self, state: MeetingState, out_dir: Path, base_url: str, posting: Posting
    ) -> PublishResult:
        return publish(state, out_dir, base_url, posting)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.name != "publish":
            return
        if event.state is WorkerState.SUCCESS and isinstance(worker.result, PublishResult):
            self._show_written(worker.result)
        elif event.state is WorkerState.ERROR:
            error = worker.error
            reason = error.message() if isinstance(error, PublicityError) else str(error)
            self.notify(i18n.t("publish.screen.failed", reason=reason), severity="error")

    def _show_written(self, result: PublishResult) -> None:
        separator = "、" if i18n.current_language() == "zh" else ", "
        files = separator.join(path.name for path in result.files)
        text = i18n.t("publish.screen.written", folder=str(result.page.parent), files=files)
        self.query_one("#written", Static).update(text)
        self.notify(text, timeout=10)
