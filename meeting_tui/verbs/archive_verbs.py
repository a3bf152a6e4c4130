"""`demo`, `open`, `list`, `new`: the archive from the command line (`backlog` is backlog_verb.py).

Each verb imports what it alone needs where it runs: `list` reads the index
and prints, and pays for neither the commands and agenda files of `new` nor
the live meeting of `open`.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from meeting_tui import i18n
from meeting_tui.domain import MeetingKind
from meeting_tui.store import open_archive
from meeting_tui.verbs.choices import accepted, choice_type
from meeting_tui.verbs.quick_list import json_text, table_lines

if TYPE_CHECKING:
    from meeting_tui.store.archive import Archive


def add(verbs: Any) -> None:
    verbs.add_parser(
        "demo", help="load the 南苑 demo meetings into the archive and open the live one"
    )
    opener = verbs.add_parser("open", help="open a meeting by its id")
    opener.add_argument("meeting_id", metavar="ID")
    lister = verbs.add_parser("list", help="list the meetings in the archive")
    lister.add_argument("--json", action="store_true", help="print JSON for scripts")
    new = verbs.add_parser("new", help="create a meeting and print its id")
    new.add_argument("--title", required=True)
    new.add_argument(
        "--kind",
        type=choice_type(MeetingKind),
        default=MeetingKind.BENCH.value,
        metavar="KIND",
        help=f"kind of meeting: {accepted(MeetingKind)} (default bench)",
    )
    new.add_argument("--community", default="")
    new.add_argument("--location", default="")
    new.add_argument("--agenda", metavar="FILE", help="agenda file: text, Markdown list or CSV")
    new.add_argument("--open", action="store_true", help="open the new meeting")


def run(args: argparse.Namespace) -> int | None:
    """The verb's exit status, or None when `args.verb` is not one of these."""
    if opens_app(args) and not has_terminal():
        print(i18n.t("cli.no_terminal"), file=sys.stderr)
        return 2
    archive = open_archive()
    if args.verb == "demo":
        from meeting_tui.demo import LIVE_ID, install_demo
        from meeting_tui.store.live import local_now

        loaded = install_demo(archive, now=local_now())
        if loaded:
            print(i18n.t("cli.demo_loaded", ids=", ".join(loaded)))
        return open_in_app(archive, LIVE_ID)
    if args.verb == "open":
        return open_in_app(archive, args.meeting_id)
    if args.verb == "list":
        rows = archive.list_meetings()
        for notice in archive.take_notices():  # an index rebuilt: said once, on stderr
            print(notice.message(), file=sys.stderr)
        if args.json:
            sys.stdout.write(json_text(rows))
        elif not rows:
            print(i18n.t("cli.empty"))
        else:
            sys.stdout.write(table_lines(rows, damaged=i18n.t("store.status.damaged")))
        return 0
    if args.verb == "new":
        return new_meeting(archive, args)
    if args.verb is None:
        return open_in_app(archive)
    return None


def new_meeting(archive: Archive, args: argparse.Namespace) -> int:
    """`new`: the meeting made (with its agenda file's items), its bare id printed for scripts."""
    from meeting_tui.domain import commands as c
    from meeting_tui.domain.agenda_file import read_agenda_file
    from meeting_tui.store.live import LiveMeeting

    entries = read_agenda_file(args.agenda) if args.agenda else []
    live = LiveMeeting.create_new(
        archive,
        lambda meeting_id: c.create_meeting(
            meeting_id, args.title, args.kind, community=args.community, location=args.location
        ),
    )
    meeting_id = live.meeting_id
    if entries:
        live.execute(c.add_items(live.state, [(e.title, e.minutes, e.notes) for e in entries]))
    print(meeting_id)  # the bare id, for scripts: ID=$(meeting-tui new --title …)
    print(i18n.t("cli.created", id=meeting_id, title=live.state.title), file=sys.stderr)
    live.close()
    if args.open:
        return open_in_app(archive, meeting_id)
    return 0


def opens_app(args: argparse.Namespace) -> bool:
    """Verbs that open the screens and write first; `open` checks its id first, then this."""
    return args.verb in (None, "demo") or (args.verb == "new" and args.open)


def has_terminal() -> bool:
    """Textual needs a terminal on both sides; without one it would wait forever for keys."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def open_in_app(archive: Archive, meeting_id: str | None = None) -> int:
    """The app on `meeting_id`, or on the start screen; refused (status 2) without a terminal.

    Built by `make_app`, the factory the tests use. The meeting is opened
    first, so an unknown or locked id gets its own one line before the
    question of a terminal; without one the lock is let go again at once.
    """
    from meeting_tui.store.live import LiveMeeting

    if meeting_id is not None and not has_terminal():
        LiveMeeting.open(archive, meeting_id).close()
    if not has_terminal():
        print(i18n.t("cli.no_terminal"), file=sys.stderr)
        return 2
    from meeting_tui.tui.factory import make_app

    make_app(meeting_id, data_dir=archive.root).run()
    return 0
