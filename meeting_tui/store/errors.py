"""Store errors a person can act on: what went wrong with which file, and the fix.

Each error carries an i18n key (see `store/messages.py`) and the values that
fill it, like `DomainError`, so the UI, the CLI and tests all show the same
sentence in the reader's language.
"""

from __future__ import annotations

from typing import Any

from meeting_tui import i18n


class StoreError(i18n.CatalogueError):
    """A store operation refused or failed; `str(error)` says why and what to do."""


class InvalidMeetingIdError(StoreError):
    """An id that could escape the data folder or break a URL (ids become file names)."""


class UnknownMeetingError(StoreError):
    """No meeting file for this id."""


class MeetingExistsError(StoreError):
    """Creating a meeting whose file is already there would overwrite it."""


class MeetingLockedError(StoreError):
    """Another window (process) holds the meeting's lock file."""


class IndexBusyError(StoreError):
    """Another window kept the archive index locked for too long."""


class CorruptMeetingFileError(StoreError):
    """A file that does not parse: it is copied aside and never overwritten."""


class EventSequenceError(StoreError):
    """An append whose seq is not exactly last_seq + 1 (a double or lost append)."""


class InvalidEventError(StoreError):
    """An event that is not `{seq, at, kind, payload}` plain JSON."""


class WriteFailedError(StoreError):
    """The disk refused a write (read-only folder, permissions …); nothing was half-written."""

    def __init__(self, key: str, /, *, errno: int | None = None, **values: Any) -> None:
        super().__init__(key, **values)
        self.errno = errno


class DiskFullError(WriteFailedError):
    """No space left on the device (or quota exceeded)."""


class ReadFailedError(StoreError):
    """The disk refused a read (EIO, EMFILE, a folder where a file belongs …); nothing was changed."""

    def __init__(self, key: str, /, *, errno: int | None = None, **values: Any) -> None:
        super().__init__(key, **values)
        self.errno = errno


class StoreNotice(StoreError):
    """Not raised: something the store did on its own that the person should hear about once
    (an index rebuilt, a list not refreshed after a saved change)."""


def refusal_message(error: StoreError, lang: str | None = None) -> str:
    """The sentence for an operation refused outright (create, open): nothing waits in memory.

    A write error's own sentence promises a retry of the change kept in
    memory, which is true for an append in a running meeting and false for a
    `new` or `open` that never got going.
    """
    refused = f"{error.key}.refused"
    if isinstance(error, WriteFailedError) and i18n.has(refused):
        return i18n.t(refused, lang, **error.values)
    return error.message(lang)
