"""`present ID`: the read-only public view of a meeting that may be open in another window."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from meeting_tui import i18n
from meeting_tui.store import open_archive
from meeting_tui.tui.theme_names import THEMES
from meeting_tui.verbs.archive_verbs import has_terminal


def add(verbs: Any) -> None:
    present = verbs.add_parser(
        "present",
        help="show a meeting to the room, read-only: follows the chair's window live",
    )
    present.add_argument("meeting_id", metavar="ID")
    present.add_argument(
        "--theme", choices=THEMES, default=None, help="colours (default: as configured)"
    )


def run(args: argparse.Namespace) -> int | None:
    if args.verb != "present":
        return None
    archive = open_archive()
    archive.read_meeting(args.meeting_id, report_damage=False)  # an unknown id: one line, now
    if not has_terminal():
        print(i18n.t("cli.no_terminal"), file=sys.stderr)
        return 2
    from meeting_tui.tui.factory import make_present_app

    make_present_app(args.meeting_id, data_dir=archive.root, theme=args.theme).run()
    return 0
