"""Durable TinyDB storage for meetings: nothing acknowledged is ever lost.

One file per meeting (`meetings/<id>.json`), written atomically and fsynced
before an append returns; a lock per meeting; rotating backups; damaged files
quarantined, never overwritten; a small index for the archive list.
"""

from __future__ import annotations

from pathlib import Path

from meeting_tui import locations
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


def open_archive(root: Path | None = None) -> Archive:
    """The archive in `root`, or in the configured data folder (`locations.data_directory()`)."""
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
