"""Following a meeting another window writes, without its lock and without ever writing.

The chair's window replaces `meetings/<id>.json` atomically on every append,
so a reader sees either the old file or the new one. The public view asks
`changed()` a few times a second — one `stat` — and reads the file again only
when its (mtime_ns, size, inode) moved, so following costs nothing while the
room is quiet.

Beside the meeting file the chair's window keeps `meetings/<id>.present.json`:
what the public view emphasises (agenda, current motion, results so far). It is
display state, not a meeting event: it never enters the log, the minutes or the
checkpoint, and losing it only means the view shows its default.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meeting_tui.store import fs
from meeting_tui.store.archive import Archive
from meeting_tui.store.storage import write_atomically

EMPHASES = ("motion", "agenda", "results")
DEFAULT_EMPHASIS = "motion"


@dataclass(frozen=True)
class FileStamp:
    """What a cheap `stat` says of a file: an atomic replace changes the inode at least."""

    mtime_ns: int
    size: int
    inode: int


def stamp(path: Path) -> FileStamp | None:
    """The file's stamp, or None while it is missing (or cannot be looked at)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return FileStamp(st.st_mtime_ns, st.st_size, st.st_ino)


def display_state_path(archive: Archive, meeting_id: str) -> Path:
    """`meetings/<id>.present.json` (not a meeting file: `<id>.present` is no meeting id)."""
    return archive.meeting_path(meeting_id).with_name(f"{meeting_id}.present.json")


def read_emphasis(archive: Archive, meeting_id: str) -> str:
    """What the chair asked the view to emphasise; the default when unset or unreadable."""
    try:
        data = json.loads(fs.read_bytes(display_state_path(archive, meeting_id)))
    except (OSError, ValueError):
        return DEFAULT_EMPHASIS
    value = data.get("emphasis") if isinstance(data, dict) else None
    return value if value in EMPHASES else DEFAULT_EMPHASIS


def write_emphasis(archive: Archive, meeting_id: str, emphasis: str) -> None:
    """Written atomically by the chair's window only (a `StoreError` when the disk refuses)."""
    if emphasis not in EMPHASES:
        raise ValueError(f"unknown emphasis {emphasis!r}: one of {', '.join(EMPHASES)}")
    raw = json.dumps({"emphasis": emphasis}, ensure_ascii=False).encode("utf-8")
    write_atomically(display_state_path(archive, meeting_id), raw)


class MeetingFollower:
    """The meeting file and its display state, re-read only when a stamp moved."""

    def __init__(self, archive: Archive, meeting_id: str) -> None:
        self.archive = archive
        self.meeting_id = meeting_id
        self.path = archive.meeting_path(meeting_id)  # validates the id
        self.display_path = display_state_path(archive, meeting_id)
        self._seen: tuple[FileStamp | None, FileStamp | None] | None = None

    def changed(self) -> bool:
        """True once for each change of either file (and at the first call)."""
        now = (stamp(self.path), stamp(self.display_path))
        if now == self._seen:
            return False
        self._seen = now
        return True

    def read_events(self) -> list[dict[str, Any]]:
        """The events, lock-free; a damaged file raises without being copied or marked."""
        return self.archive.read_meeting(self.meeting_id, report_damage=False)[1]

    def read_emphasis(self) -> str:
        return read_emphasis(self.archive, self.meeting_id)
