"""The tables a closed record keeps beside its events: saved minutes versions and the checkpoint salt.

The minutes package builds what a version says (text, checkpoint, proof);
the store reads and writes these tables, so no caller outside the store
touches a meeting file's tables by name. The lock-free readers serve the
verbs that work while the meeting is open in another window.

The salt is made at the first close and never changed; it is in the file
and in the full JSON export (which holds every name anyway), never in a
public output.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

from meeting_tui.store.archive import Archive
from meeting_tui.store.errors import StoreError

MINUTES_TABLE = "minutes"
SALT_TABLE = "checkpoint_salt"


class Tables(Protocol):
    """The tables of a record file (a meeting's or an owners' decision's `MeetingFile`)."""

    def table(self, name: str) -> list[dict[str, Any]]: ...

    def write_table(self, name: str, docs: Iterable[Mapping[str, Any]]) -> None: ...


def salt_of(docs: Sequence[Mapping[str, Any]]) -> str | None:
    """The meeting's salt from its `checkpoint_salt` table, or None if it has none (yet)."""
    for doc in docs:
        salt = doc.get("salt")
        if isinstance(salt, str) and len(salt) == 64:
            try:
                bytes.fromhex(salt)
            except ValueError:
                continue
            return salt
    return None


def salt_docs(salt: str) -> list[dict[str, Any]]:
    return [{"salt": salt}]


def fresh_salt() -> str:
    from meeting_tui.domain.checkpoint import new_salt  # at the first close; not at every start

    return new_salt()


def salt_in(file: Tables) -> str:
    """The file's salt, made and stored (one durable write) at its first checkpoint."""
    salt = salt_of(file.table(SALT_TABLE))
    if salt is None:
        salt = fresh_salt()
        file.write_table(SALT_TABLE, salt_docs(salt))
    return salt


def read_minutes_table(archive: Archive, meeting_id: str) -> list[dict[str, Any]]:
    """The saved minutes of a meeting, read without its lock (it may be open elsewhere).

    Like `Archive.read_meeting`, this relies on atomic writes: it sees a whole
    file, old or new. An unreadable file gives no saved versions; reading its
    events reports the damage.
    """
    with contextlib.suppress(OSError, StoreError):
        return [
            doc for doc in archive.read_table(meeting_id, MINUTES_TABLE) if isinstance(doc, dict)
        ]
    return []


def read_salt(archive: Archive, meeting_id: str) -> str | None:
    """The meeting's checkpoint salt, read without its lock; None if none was made yet."""
    with contextlib.suppress(OSError, StoreError):
        return salt_of(
            [d for d in archive.read_table(meeting_id, SALT_TABLE) if isinstance(d, dict)]
        )
    return None
