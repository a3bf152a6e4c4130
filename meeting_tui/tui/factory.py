"""One way to build the app, shared by the command line and the tests (like posting's make_posting)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from meeting_tui import i18n
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting, local_now
from meeting_tui.tui.app import MeetingApp

if TYPE_CHECKING:  # the public view's app (and its projection) loads only for `present`
    from meeting_tui.tui.present_app import PresentApp

# The words the start, setup and session screens say, in before any disk can refuse a file
# handle. The minutes', publicity's, owners' and county's areas load with the screens that
# say them (`i18n.t` loads an area on first use): importing them pulls in the minutes and
# publicity packages, a fifth of the start-up before the first frame.
APP_AREAS = ("domain", "store", "verbs", "tui")


def make_app(
    meeting_id: str | None = None,
    *,
    data_dir: Path | None = None,
    clock: Callable[[], datetime] = local_now,
    lang: str | None = None,
    theme: str | None = None,
    config_path: Path | None = None,
) -> MeetingApp:
    """The app on the archive in `data_dir`: on `meeting_id` (opened and locked), else the start screen."""
    if lang:
        i18n.set_language(lang)
    i18n.load(*APP_AREAS)
    archive = open_archive(data_dir)
    live = LiveMeeting.open(archive, meeting_id, clock) if meeting_id else None
    return MeetingApp(archive, live, clock=clock, config_path=config_path, theme=theme)


def make_present_app(
    meeting_id: str,
    *,
    data_dir: Path | None = None,
    clock: Callable[[], datetime] = local_now,
    lang: str | None = None,
    theme: str | None = None,
) -> PresentApp:
    """The read-only public view of `meeting_id` (no lock taken: the chair's window may hold it)."""
    from meeting_tui.tui.present_app import PresentApp

    if lang:
        i18n.set_language(lang)
    i18n.load_all()
    return PresentApp(open_archive(data_dir), meeting_id, clock=clock, theme=theme)
