"""What restoring a meeting's backup would take back, read without touching anything.

`Archive.restore_backup` puts the newest backup that parses back in place. On
a healthy file that silently drops every step recorded since the backup was
written, so the start screen asks first and says exactly what would be lost:
this module compares the backup with the current file (read-only, no lock).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meeting_tui.store.archive import Archive
from meeting_tui.store.errors import CorruptMeetingFileError, StoreError
from meeting_tui.store.meeting_file import EVENTS_TABLE, check_layout
from meeting_tui.store.storage import decode

MOTION_RAISED = "motion_raised"


@dataclass(frozen=True)
class BackupComparison:
    backup: Path
    backup_events: int
    damaged: bool  # the current file does not parse (or is missing)
    lost_events: int  # steps in the current file after the backup's last one
    lost_motions: int  # motions raised among them


def _events(path: Path) -> list[dict[str, Any]]:
    """The events of a meeting file; CorruptMeetingFileError if it does not parse."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CorruptMeetingFileError("store.file.unreadable", file=str(path)) from exc
    data = check_layout(decode(raw, path), path)
    return list(data.get(EVENTS_TABLE, {}).values())


def compare_backup(archive: Archive, meeting_id: str) -> BackupComparison | None:
    """The newest backup that parses, against the current file; None when there is none."""
    for bak in archive.backups(meeting_id):
        try:
            kept = _events(bak)
        except StoreError:
            continue
        last_kept = max((int(e["seq"]) for e in kept), default=0)
        try:
            current = _events(archive.meeting_path(meeting_id))
        except StoreError:
            return BackupComparison(bak, len(kept), True, 0, 0)
        lost = [e for e in current if int(e["seq"]) > last_kept]
        motions = sum(e.get("kind") == MOTION_RAISED for e in lost)
        return BackupComparison(bak, len(kept), False, len(lost), motions)
    return None
