"""`export`: write a meeting's minutes (md, html, docx, csv, json), sign-in sheet or notice.

`--format signin` and `--format notice` write the papers printed before the
meeting, as DOCX or HTML (`--as`, or the `--out` suffix). `--layout` picks
the Word layout (community or gongwen); without it, `docx_layout` in the
config file, else community.

Reads the meeting without its lock (`Archive.read_meeting`), so the minutes
can be exported while the meeting is still open in another window. A closed
meeting's minutes come from the version saved at its close.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from meeting_tui import config, i18n, locations
from meeting_tui.domain.events import events_from_json
from meeting_tui.domain.fold import fold
from meeting_tui.domain.model import MeetingState
from meeting_tui.domain.privacy import shorten_name
from meeting_tui.minutes.checkpoints import export_seal
from meeting_tui.minutes.export import FORMATS, export, for_sharing
from meeting_tui.minutes.papers_export import FILE_TYPES, PAPERS, export_paper
from meeting_tui.minutes.record import minutes_for_export
from meeting_tui.minutes.word_layouts import LAYOUTS
from meeting_tui.store import open_archive
from meeting_tui.store.errors import CorruptMeetingFileError
from meeting_tui.store.record_tables import read_minutes_table, read_salt


def add(verbs: Any) -> None:
    parser = verbs.add_parser(
        "export",
        help="write the minutes (会议纪要) as md, html, docx, csv or json; "
        "the sign-in sheet (签到表) or the notice (会议通知) as docx or html",
        description="Write the minutes, sign-in sheet or notice of a meeting and print the "
        "path written. Default place: exports/<ID>/ in the data folder.",
    )
    parser.add_argument("meeting_id", metavar="ID")
    parser.add_argument(
        "--format",
        required=True,
        choices=[*FORMATS, *PAPERS],
        help="minutes file format, or signin / notice",
    )
    parser.add_argument(
        "--as",
        dest="file_type",
        choices=list(FILE_TYPES),
        help="signin / notice: docx or html (default: the --out suffix, else docx)",
    )
    parser.add_argument(
        "--layout",
        choices=list(LAYOUTS),
        help="Word layout: community (宋体/黑体) or gongwen (GB/T 9704 公文); "
        "default: docx_layout in the config file, else community",
    )
    parser.add_argument(
        "--rows",
        type=int,
        metavar="N",
        help="signin: rows for N people (default: the headcount, or the roster and spare rows)",
    )
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
    layout = args.layout or _configured_layout()
    if args.format in PAPERS:
        if args.redact:
            state = redacted_roster(state)
        written = export_paper(
            state,
            args.format,
            args.out,
            as_=args.file_type,
            layout=layout,
            rows=args.rows,
            force=args.force,
            root=archive.root,
        )
        print(written)
        return 0
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
        layout=layout,
        seal=seal,
    )
    print(written)
    return 0


def _configured_layout() -> str:
    """`docx_layout` from the config file; a value it does not know is named, and community used."""
    settings, problem = config.load()
    if problem:
        print(i18n.t("publish.config_problem", problem=problem), file=sys.stderr)
    chosen = settings.docx_layout or "community"
    if chosen not in LAYOUTS:
        where = str(locations.config_file())
        options = ", ".join(LAYOUTS)
        print(i18n.t("paper.config_layout", file=where, value=chosen, options=options),
              file=sys.stderr)  # fmt: skip
        chosen = "community"
    return chosen


def redacted_roster(state: MeetingState) -> MeetingState:
    """The state with the roster's names shortened (李建国 → 李某), for a sheet that is shared."""
    for attendee in state.attendance.roster:
        attendee.name = shorten_name(attendee.name)
    return state
