"""The archive's list from `index.json` and the names in `meetings/`, with the standard library.

`Archive.list_meetings` makes the whole list: it adds the rows of meeting files
the index does not know, rebuilds a damaged index, and opens the meetings the
index calls in session. `still_listing` is that same list when none of those
is needed — the index parses, it knows every meeting file and no other, and
no row is in session or marked damaged — read with `json` and `os` alone, so
`meeting-tui list` answers without the store's archive, TinyDB or the domain
(verbs/quick_list.py). In every other case it returns None and the caller takes
the whole path. Both paths read the index's rows and the folder's names here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from typing import Any

from meeting_tui.store.ids import is_valid_meeting_id

INDEX_TABLE = "meetings"  # the index's TinyDB table
IN_SESSION = "in_session"  # a row's status while its meeting runs (MeetingStatus.IN_SESSION)

Rows = dict[str, dict[str, Any]]


def index_rows(data: Mapping[str, Any]) -> Rows:
    """id → row of a parsed index; documents that are no row with a text id are left out."""
    table = data.get(INDEX_TABLE, {}).values()
    return {
        row["id"]: row for row in table if isinstance(row, dict) and isinstance(row.get("id"), str)
    }


def meeting_files(entries: Iterable[tuple[str, bool]]) -> dict[str, bool]:
    """id → whether `meetings/<id>.json` is a regular file, from (name, is a file) pairs."""
    return {
        name[:-5]: is_file
        for name, is_file in entries
        if name.endswith(".json") and is_valid_meeting_id(name[:-5])
    }


def newest_first(rows: Rows) -> list[str]:
    """The order of the list: newest id first (ids begin with their date)."""
    return sorted(rows, reverse=True)


def still_listing(root: str) -> list[dict[str, Any]] | None:
    """The list `Archive.list_meetings` would give, or None when it must do more than read.

    None for: no index or meetings folder, an index that does not parse or is
    not the store's shape, a file it does not know or a row without a file, an
    entry there that is no file, a row in session or marked damaged, no row at
    all (the command then says how to begin).
    """
    try:
        with open(os.path.join(root, "index.json"), "rb") as file:
            raw = file.read()
        with os.scandir(os.path.join(root, "meetings")) as entries:
            files = meeting_files((entry.name, entry.is_file()) for entry in entries)
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        return None
    rows = index_rows(data)
    if not rows or rows.keys() != files.keys() or not all(files.values()):
        return None
    if any(row.get("status") == IN_SESSION or row.get("broken") for row in rows.values()):
        return None
    return [dict(rows[meeting_id]) for meeting_id in newest_first(rows)]
