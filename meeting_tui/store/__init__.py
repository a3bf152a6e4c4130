"""Durable TinyDB storage for meetings: nothing acknowledged is ever lost.

One file per meeting (`meetings/<id>.json`), written atomically and fsynced
before an append returns; a lock per meeting; rotating backups; damaged files
quarantined, never overwritten; a small index for the archive list.

The names below load with their module on first use (PEP 562), not with the
package: the catalogue's `store` area (`store.messages`) and the store's
errors are read by every command, and need neither TinyDB, the locks nor the
meeting files.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from meeting_tui import locations

if TYPE_CHECKING:
    from meeting_tui.store.archive import Archive
    from meeting_tui.store.demo import load_meeting_log
    from meeting_tui.store.errors import (
        CorruptMeetingFileError,
        DiskFullError,
        EventSequenceError,
        IndexBusyError,
        InvalidEventError,
        InvalidMeetingIdError,
        MeetingExistsError,
        MeetingLockedError,
        StoreError,
        UnknownMeetingError,
        WriteFailedError,
    )
    from meeting_tui.store.ids import is_valid_meeting_id, new_meeting_id
    from meeting_tui.store.meeting_file import MeetingFile
    from meeting_tui.store.storage import AtomicJSONStorage, write_atomically

# Each exported name → the module of the store that defines it.
_HOMES = {
    "Archive": "archive",
    "AtomicJSONStorage": "storage",
    "CorruptMeetingFileError": "errors",
    "DiskFullError": "errors",
    "EventSequenceError": "errors",
    "IndexBusyError": "errors",
    "InvalidEventError": "errors",
    "InvalidMeetingIdError": "errors",
    "MeetingExistsError": "errors",
    "MeetingFile": "meeting_file",
    "MeetingLockedError": "errors",
    "StoreError": "errors",
    "UnknownMeetingError": "errors",
    "WriteFailedError": "errors",
    "is_valid_meeting_id": "ids",
    "load_meeting_log": "demo",
    "new_meeting_id": "ids",
    "write_atomically": "storage",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


def open_archive(root: Path | None = None) -> Archive:
    """The archive in `root`, or in the configured data folder (`locations.data_directory()`)."""
    from meeting_tui.store.archive import Archive

    return Archive(root if root is not None else locations.data_directory())


__all__ = [
    "Archive",
    "AtomicJSONStorage",
    "CorruptMeetingFileError",
    "DiskFullError",
    "EventSequenceError",
    "IndexBusyError",
    "InvalidEventError",
    "InvalidMeetingIdError",
    "MeetingExistsError",
    "MeetingFile",
    "MeetingLockedError",
    "StoreError",
    "UnknownMeetingError",
    "WriteFailedError",
    "is_valid_meeting_id",
    "load_meeting_log",
    "new_meeting_id",
    "open_archive",
    "write_atomically",
]
