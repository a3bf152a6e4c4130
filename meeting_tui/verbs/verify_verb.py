"""`verify ID|FILE [--digest D]`: does a meeting's record still match its checkpoint?

A meeting id is read from the archive without its lock (the meeting may be
open in the app); a path is read as a meeting file (`meetings/<id>.json`)
or an exported JSON file, full or redacted. One line on stdout; exit 0 match, 1 mismatch, 2
when nothing could be checked (no such meeting or file, no checkpoint yet).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from meeting_tui import i18n
from meeting_tui.minutes.verify import ERROR, check, record_of_export, record_of_meeting
from meeting_tui.store import open_archive
from meeting_tui.store.errors import StoreError
from meeting_tui.store.record_tables import read_minutes_table, read_salt


def add(verbs: Any) -> None:
    parser = verbs.add_parser(
        "verify",
        help="check a meeting, or an exported JSON file, against its record digest (记录校验码)",
        description="Recompute the Merkle root of a meeting's events and compare it with the "
        "checkpoint saved at its close, and with a digest printed on the notice. "
        "Exit 0 when they match, 1 when they differ, 2 when nothing could be checked.",
    )
    parser.add_argument(
        "target",
        metavar="ID|FILE",
        help="a meeting id, a meeting file (meetings/<id>.json) or an exported .json",
    )
    parser.add_argument(
        "--digest", metavar="D", help="the digest printed on the notice, e.g. ABCD-EFGH-IJKL-MNOP"
    )


def run(args: argparse.Namespace) -> int | None:
    """The verb's exit status, or None when `args.verb` is not `verify`."""
    if args.verb != "verify":
        return None
    target: str = args.target
    path = Path(target)
    if target.lower().endswith(".json") or (path.exists() and path.is_file()):
        try:
            record = record_of_export(path)
        except ValueError as exc:
            print(i18n.t("verify.unreadable", source=target, reason=str(exc)), file=sys.stderr)
            return ERROR
    else:
        archive = open_archive()
        try:
            _row, events = archive.read_meeting(target)
        except StoreError as error:
            print(
                i18n.t("verify.unreadable", source=target, reason=error.message()), file=sys.stderr
            )
            return ERROR
        record = record_of_meeting(
            target, events, read_minutes_table(archive, target), read_salt(archive, target)
        )
    outcome = check(record, args.digest)
    print(outcome.line, file=sys.stdout if outcome.status != ERROR else sys.stderr)
    return outcome.status
