"""Loading ready-made event logs (the 南苑 demo meetings) into an archive."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from meeting_tui.store.archive import Archive


def load_meeting_log(
    archive: Archive,
    meeting_id: str,
    meeting_row: Mapping[str, Any],
    events: Iterable[Mapping[str, Any]],
    *,
    replace: bool = False,
) -> bool:
    """Put a whole meeting (row + event log) into `archive`; True if it was written.

    Loading twice is harmless: an existing meeting is left as it is, unless
    `replace=True`, which first copies the existing file to the quarantine
    folder (a demo someone practised on is set aside, never destroyed) and
    then writes the fresh log.
    """
    path = archive.meeting_path(meeting_id)
    if path.exists():
        if not replace:
            return False
        archive.set_aside(meeting_id)
    with archive.create_meeting(meeting_id, meeting_row, events):
        pass
    return True
