"""`publish ID [--base-url URL] [--out DIR]`: the publicity files of a meeting, and its QR code.

Reads the meeting without taking its lock (a facilitator may still have it
open in the app), writes page, notice, SVG and PNG, then prints the QR code,
the URL and the paths. On a terminal the code is drawn in explicit black on
white (true colour, or the fixed colours of the 256-colour cube); into a pipe or a file it is written as plain half-block characters
(dark glyphs on a light page are a scannable code), and the URL is always
printed as text below it.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console

from meeting_tui import config, i18n, locations
from meeting_tui.domain import fold
from meeting_tui.domain.events import events_from_json
from meeting_tui.minutes.record import saved_digest
from meeting_tui.publicity import Posting, PublicityError, PublishResult, publish, qr
from meeting_tui.store import open_archive
from meeting_tui.store.record_tables import read_minutes_table


def add(verbs: Any) -> None:
    parser = verbs.add_parser(
        "publish",
        help="write the publicity page (公示), A4 notice and QR code (SVG, PNG); print QR and URL",
    )
    parser.add_argument("meeting_id", metavar="ID")
    parser.add_argument(
        "--base-url",
        metavar="URL",
        default=None,
        help="where the page will be put online (default: base_url in the config file)",
    )
    parser.add_argument(
        "--out", metavar="DIR", help="folder for the files (default: the meeting's exports folder)"
    )
    parser.add_argument(
        "--posted-on",
        metavar="YYYY-MM-DD",
        type=_iso_date,
        help="the day the notice goes up (default: today); the 公示期 starts then",
    )
    parser.add_argument(
        "--days", type=_days, default=7, help="length of the 公示期 in days (default 7)"
    )


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write YYYY-MM-DD") from None


def _days(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 90:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of days from 1 to 90")
    return int(text)


def run(args: argparse.Namespace) -> int | None:
    """The verb's exit status, or None when `args.verb` is not `publish`."""
    if args.verb != "publish":
        return None
    archive = open_archive()
    _, rows = archive.read_meeting(args.meeting_id)
    events = events_from_json(rows)
    state = fold(events)
    settings, problem = config.load()
    if problem:
        print(i18n.t("publish.config_problem", problem=problem), file=sys.stderr)
    base_url = settings.base_url if args.base_url is None else args.base_url
    digest, covered = saved_digest(events, read_minutes_table(archive, args.meeting_id))
    posting = Posting(
        posted_on=args.posted_on or date.today(),
        days=args.days,
        committee=settings.committee,
        office_phone=settings.office_phone,
        digest=digest,
        digest_events=covered,
    )
    out = Path(args.out) if args.out else locations.exports_directory(args.meeting_id, archive.root)
    try:
        result = publish(state, out, base_url, posting)
    except PublicityError as error:
        print(i18n.t("cli.error", message=error.message()), file=sys.stderr)
        return 2
    report(result, sys.stdout)
    return 0


def report(result: PublishResult, out: TextIO) -> None:
    """The QR code, the URL and the files written, to `out`."""
    if result.local:
        print(i18n.t("publish.no_base_url", config=str(locations.config_file())), file=out)
    print_code(result.url, out)
    print(i18n.t("publish.url", url=result.url), file=out)
    print(i18n.t("publish.written"), file=out)
    for path in result.files:
        print(f"  {path}", file=out)
    if not result.local:
        print(i18n.t("publish.upload", page=result.page.name, base=result.base_url), file=out)


def print_code(url: str, out: TextIO) -> None:
    """The terminal QR code: styled on a TTY, plain half-blocks otherwise.

    An output whose encoding has no block characters (a GBK pipe on an old
    Windows) gets a one-line pointer to the SVG/PNG instead of a traceback.
    """
    lines = qr.terminal_lines(url)
    encoding = getattr(out, "encoding", None) or "utf-8"
    try:
        "".join(lines).encode(encoding)
    except (UnicodeEncodeError, LookupError):
        print(i18n.t("publish.no_glyphs"), file=out)
        return
    if out.isatty():
        console = Console(file=out, highlight=False, soft_wrap=True)
        if console.color_system == "standard":
            # The 16 ANSI colours follow the terminal theme; the 256-colour cube's
            # black (16) and white (231) are fixed, and every such terminal has them.
            console = Console(file=out, highlight=False, soft_wrap=True, color_system="256")
        console.print(qr.rich_code(url))
    else:
        print("\n".join(lines), file=out)
