"""The archive's stamp and a kept file's header, with the standard library alone.

The kept lists and what the `backlog` verb printed (store/archive_lists.py)
are trusted while the `meetings/` folder's and the index's stamps are the ones
in their header. Both are read here, without the store's archive, TinyDB or the
domain, so the command's entry point can print a kept backlog before the CLI
loads (verbs/quick_backlog.py); `archive_lists` and `archive_summary` read them
through the same functions.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

from meeting_tui.store import fs

HEADER_AT_MOST = 1024  # bytes: the header line is about 200


def folder_stamp(meetings_dir: Path | str, index_path: Path | str) -> tuple[int, ...] | None:
    """`meetings/`'s (mtime_ns, ctime_ns, inode) and the index's (the same, and its size).

    Every replace of a meeting file moves the folder's stamp; a meeting marked
    broken (or repaired) by another reader moves only the index's, and the
    index is what a read lists. None while either cannot be looked at.
    """
    try:
        folder = os.stat(meetings_dir)
        index = os.stat(index_path)
    except OSError:
        return None
    return (
        folder.st_mtime_ns,
        folder.st_ctime_ns,
        folder.st_ino,
        index.st_mtime_ns,
        index.st_ctime_ns,
        index.st_ino,
        index.st_size,
    )


def read_kept(
    path: Path, stamp: list[int] | None, made_by: list[str]
) -> tuple[dict[str, Any], bytes] | None:
    """(header, body) of a kept file made by `made_by` at `stamp` and whole; None otherwise.

    A header of another stamp, release or language is refused before the body
    (megabytes, for a list) is read; a body whose CRC-32 is not the header's
    (torn, or edited by hand) is refused after. `stamp=None` takes a file made at
    any stamp (a kept backlog brought up to date, store/backlog_update.py).
    """
    try:
        with os.fdopen(fs.open_file(path, os.O_RDONLY), "rb") as file:
            head = file.readline(HEADER_AT_MOST)
            try:
                header = json.loads(head)
            except (ValueError, RecursionError):  # not JSON, or nested past the parser's depth
                return None
            if (
                not isinstance(header, dict)
                or header.get("made_by") != made_by
                or (stamp is not None and header.get("stamp") != stamp)
                or not isinstance(header.get("stamp"), list)
            ):
                return None  # made before a change: the megabytes after it are not read
            body = file.read()
    except OSError:
        return None
    if header.get("crc32") != zlib.crc32(body):
        return None
    return header, body


def printed_path(summaries_dir: Path, name: str) -> Path:
    """`summaries/<name>.printed`: a verb's whole output kept (`backlog.zh`, `backlog.json`)."""
    return summaries_dir / f"{name}.printed"
