"""`sync` and `county`: closed meetings to the county database, and the county's report back.

Both read their settings from the config file (see `county/settings.py`);
`--to` / `--from` override the database address. Every failure is one line
naming what happened and what to do, exit status 2 (1 when some meetings
were refused and will be retried).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from meeting_tui import config, i18n
from meeting_tui.county import report_html, report_text, settings
from meeting_tui.county.errors import CountyError
from meeting_tui.county.replicate import sync
from meeting_tui.county.report import FORMATS, check_month, county_report, write_report
from meeting_tui.store import open_archive


def add(verbs: Any) -> None:
    pusher = verbs.add_parser(
        "sync",
        help="send every closed meeting to the county's CouchDB database",
        description="Send closed meetings (minutes versions, event log) to the county database "
        "named by county_url in the config file, or by --to. Only what the database lacks is "
        "sent; open meetings never are.",
    )
    pusher.add_argument("--to", metavar="URL", help="https://server[:port]/database")
    pusher.add_argument(
        "--insecure", action="store_true", help="allow plain http:// to a host other than this one"
    )
    report = verbs.add_parser(
        "county",
        help="the county's report from the CouchDB views: meetings, motions, deferrals, follow-ups",
        description="Read the county views (installed by sync) and print the report.",
    )
    report.add_argument(
        "--from", dest="source", metavar="URL", help="https://server[:port]/database"
    )
    report.add_argument("--month", metavar="YYYY-MM", help="only this month's meetings and motions")
    report.add_argument("--format", choices=list(FORMATS), default="table", help="output format")
    report.add_argument("--out", metavar="FILE", help="write to FILE instead of printing")
    report.add_argument(
        "--insecure", action="store_true", help="allow plain http:// to a host other than this one"
    )


def run(args: argparse.Namespace) -> int | None:
    """The verb's exit status, or None when `args.verb` is not `sync` or `county`."""
    if args.verb not in ("sync", "county"):
        return None
    try:
        return _sync(args) if args.verb == "sync" else _county(args)
    except CountyError as error:
        print(i18n.t("cli.error", message=error.message()), file=sys.stderr)
        return 2


def _sync(args: argparse.Namespace) -> int:
    cfg, _problem = config.load()
    target = settings.parse_target(args.to or cfg.county_url, cfg, insecure=args.insecure)
    code = settings.community_code(cfg)
    privacy = settings.privacy(cfg)
    archive = open_archive()
    try:
        result = sync(archive, target, code, privacy)
    except CountyError as error:
        if "done" in error.values:
            progress = i18n.t("county.sync.progress", **error.values)
            print(i18n.t("cli.error", message=f"{error.message()} {progress}"), file=sys.stderr)
            return 2
        raise
    if result.design_installed:
        print(i18n.t("county.sync.design", url=target.display))
    print(i18n.t("county.sync.done", sent=result.sent, url=target.display, closed=result.closed))
    for problem in result.unreadable:
        print(i18n.t("cli.error", message=problem), file=sys.stderr)
    for meeting_id, reason in result.refused:
        print(
            i18n.t("county.sync.refused_doc", meeting_id=meeting_id, reason=reason), file=sys.stderr
        )
    if result.refused:
        print(i18n.t("county.sync.refused_total", count=len(result.refused)), file=sys.stderr)
    return 1 if result.refused or result.unreadable else 0


def _county(args: argparse.Namespace) -> int:
    cfg, _problem = config.load()
    target = settings.parse_target(args.source or cfg.county_url, cfg, insecure=args.insecure)
    month = check_month(args.month)
    report = county_report(target, month)
    if args.format == "html":
        body = report_html.render(report)
    elif args.format == "csv":
        body = report_text.render_csv(report)
    else:
        body = report_text.render_table(report)
    if args.out:
        print(write_report(body, args.out))
    else:
        sys.stdout.write(body)
    return 0
