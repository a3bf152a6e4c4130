"""`export`: write a meeting's minutes as md, html, docx, csv or json, and print the path.

Reads the meeting without its lock (`Archive.read_meeting`), so the minutes
can be exported while the meeting is still open in another window. A closed
meeting's minutes come from the version saved at its close.
"""

from __future__ import annotations

import argparse
from typing import Any

from meeting_tui.domain.events import events_from_json
from meeting_tui.domain.fold import fold
from meeting_tui.minutes.checkpoints import export_seal
from meeting_tui.minutes.export import FORMATS, export, for_sharing
from meeting_tui.minutes.record import minutes_for_export, read_minutes_table, read_salt
from meeting_tui.store import open_archive
from meeting_tui.store.errors import CorruptMeetingFileError


def add(verbs: Any) -> None:
    parser = verbs.add_parser(
        "export",
        help="write the minutes (会议纪要) of a meeting as md, html, docx, csv or json",
        description="Write the minutes of a meeting and print the path written. "
        "Default place: exports/<ID>/ in the data folder.",
    )
    parser.add_argument("meeting_id", metavar="ID")
    parser.add_argument("--format", required=True, choices=list(FORMATS), help="file format")
    parser.add_argument("--out", metavar="PATH", help="a folder, or the file to write")
    parser.add_argument(
        "--redact",
        action="store_true",
        help="shorten names (李建国 → 李某) and mask phone and ID numbers",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(args: argparse.Namespace) -> int | None:
    """The verb's exit status, or None when `args.verb` is not `export`."""
    if args.verb != "export":
        return None
    archive = open_archive()
    _row, rows = archive.read_meeting(args.meeting_id)
    try:
        events = events_from_json(rows)
    except ValueError as exc:
        path = str(archive.meeting_path(args.meeting_id))
        raise CorruptMeetingFileError(
            "store.meeting.bad_events", file=path, reason=str(exc)
        ) from exc
    state = fold(events)
    saved = read_minutes_table(archive, args.meeting_id)
    minutes = minutes_for_export(state, events, saved)
    salt = read_salt(archive, args.meeting_id) if args.format == "json" else None
    seal = export_seal(saved, salt, rows, redacted=args.redact)
    if args.redact:
        minutes, events = for_sharing(minutes, events)
    written = export(
        minutes,
        args.format,
        args.out,
        force=args.force,
        events=events,
        root=archive.root,
        seal=seal,
    )
    print(written)
    return 0
