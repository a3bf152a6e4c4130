"""`owners …`: owners' decisions (业主共同决定) from the command line.

`owners new` creates a decision (optionally with its roster), `import-roster`
sets the roster, `ballot` / `withdraw` record answers as they come in over
days, `tally` prints the double count, `close` / `reopen` end and resume the
count (the close seals the record: its digest is printed), `export` writes
the ballot record (CSV, DOCX) and the announcement (Markdown, HTML), `verify`
checks the record against that digest, `list` shows every decision.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from meeting_tui import i18n, locations
from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.owners import decision as d
from meeting_tui.domain.owners.digest import owners_digest_line
from meeting_tui.domain.owners.report import tally_lines
from meeting_tui.domain.owners.roster_csv import read_roster_file
from meeting_tui.domain.owners.tally import outcome, tally
from meeting_tui.domain.text import safe_filename
from meeting_tui.minutes.owners_checkpoints import close_and_seal
from meeting_tui.minutes.owners_record import render_csv, render_docx
from meeting_tui.minutes.verify import ERROR, check, record_of_export
from meeting_tui.publicity.owners_notice import build_notice, render_html, render_markdown
from meeting_tui.store import write_atomically
from meeting_tui.store.errors import UnknownMeetingError
from meeting_tui.store.owners import RESULTS_TABLE, DecisionArchive, LiveDecision

FORMATS = {
    "csv": ("表决记录", ".csv"),
    "docx": ("表决记录", ".docx"),
    "notice-md": ("表决结果公告", ".md"),
    "notice-html": ("表决结果公告", ".html"),
}


def add(verbs: Any) -> None:
    owners = verbs.add_parser(
        "owners",
        help="owners' decisions (业主共同决定): roster, ballots over days, the double count",
        description="Owners' common decisions under Civil Code art. 278: counted by area and by head.",
    )
    sub = owners.add_subparsers(dest="owners_verb", metavar="OWNERS_VERB", required=True)
    lister = sub.add_parser("list", help="list the decisions and how far each count is")
    lister.add_argument("--json", action="store_true", help="print JSON for scripts")
    new = sub.add_parser("new", help="create a decision and print its id")
    new.add_argument("--title", required=True)
    new.add_argument("--question", default="", help="the question as put to the owners")
    new.add_argument("--kind", choices=["ordinary", "major"], default="ordinary")
    new.add_argument(
        "--candidate",
        action="append",
        default=[],
        help="a candidate (repeat; none: yes/no/abstain)",
    )
    new.add_argument("--community", default="")
    new.add_argument("--roster", metavar="FILE", help="the household roster (CSV)")
    roster = sub.add_parser(
        "import-roster", help="set a decision's household roster from a CSV file"
    )
    roster.add_argument("decision_id", metavar="ID")
    roster.add_argument("file", metavar="FILE")
    ballot = sub.add_parser("ballot", help="record (or correct) one unit's answer")
    ballot.add_argument("decision_id", metavar="ID")
    ballot.add_argument("unit", metavar="UNIT", help="building-entrance-room, e.g. 3-2-501")
    ballot.add_argument(
        "answer", metavar="ANSWER", help="1/2/3 (yes/no/abstain) or a candidate's number"
    )
    ballot.add_argument("--by", required=True, help="who collected it")
    ballot.add_argument("--method", choices=["written", "visit"], default="written")
    ballot.add_argument("--note", default="")
    ballot.add_argument(
        "--when", default="", help="when it was collected, e.g. 2026-11-20T19:30 (default: now)"
    )
    withdraw = sub.add_parser("withdraw", help="withdraw one unit's answer before the count closes")
    withdraw.add_argument("decision_id", metavar="ID")
    withdraw.add_argument("unit", metavar="UNIT")
    withdraw.add_argument("--reason", default="")
    withdraw.add_argument("--by", default="", help="who took the withdrawal")
    tally_parser = sub.add_parser("tally", help="print the double count, by area and by head")
    tally_parser.add_argument("decision_id", metavar="ID")
    tally_parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    close = sub.add_parser("close", help="close the count and store the result")
    close.add_argument("decision_id", metavar="ID")
    reopen = sub.add_parser("reopen", help="reopen a closed count, with a reason")
    reopen.add_argument("decision_id", metavar="ID")
    reopen.add_argument("--reason", required=True)
    verify = sub.add_parser(
        "verify",
        help="check a decision's record against the digest (记录校验码) made at its close",
    )
    verify.add_argument("decision_id", metavar="ID")
    verify.add_argument(
        "--digest", metavar="D", help="the digest printed on the announcement or the record"
    )
    export = sub.add_parser(
        "export",
        help="write the ballot record (csv, docx) or the announcement (notice-md, notice-html)",
    )
    export.add_argument("decision_id", metavar="ID")
    export.add_argument("--format", required=True, choices=list(FORMATS))
    export.add_argument("--out", metavar="PATH", help="the file to write")
    export.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(args: argparse.Namespace) -> int | None:
    if args.verb != "owners":
        return None
    archive = DecisionArchive(locations.data_directory())
    verb = args.owners_verb
    if verb == "list":
        return _list(archive, args.json)
    if verb == "new":
        return _new(archive, args)
    if verb == "verify":
        return _verify(archive, args.decision_id, args.digest)
    if verb in ("tally", "export"):
        state = archive.read(args.decision_id)
        return _tally(state, args.json) if verb == "tally" else _export(archive, state, args)
    live = LiveDecision.open(archive, args.decision_id)
    try:
        return _change(live, args)
    finally:
        live.close()


def _list(archive: DecisionArchive, as_json: bool) -> int:
    rows = archive.list()
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif not rows:
        print(i18n.t("owners.cli.none"))
    for row in [] if as_json else rows:
        state = "✓" if row.get("closed") else " "
        print(
            f"{row['id']}  {state} {row.get('answered', '?')}/{row.get('units', '?')}  {row.get('title', '')}"
        )
    return 0


def _new(archive: DecisionArchive, args: argparse.Namespace) -> int:
    roster = read_roster_file(args.roster) if args.roster else None
    decision_id = archive.new_id(date.today())
    drafts = d.create_decision(
        decision_id, args.title, args.question, args.kind, args.candidate, args.community
    )
    live = LiveDecision.create(archive, drafts)
    try:
        if roster is not None:
            live.execute(d.import_roster(live.state, roster, Path(args.roster).name))
    finally:
        live.close()
    print(i18n.t("owners.cli.created", id=decision_id, title=live.state.title))
    return 0


def _change(live: LiveDecision, args: argparse.Namespace) -> int:
    from meeting_tui.domain.owners.rules import format_area
    from meeting_tui.domain.owners.tally import option_label

    verb = args.owners_verb
    if verb == "import-roster":
        roster = read_roster_file(args.file)
        live.execute(d.import_roster(live.state, roster, Path(args.file).name))
        print(
            i18n.t(
                "owners.cli.roster",
                units=len(roster.units),
                owners=roster.total_owners,
                area=format_area(roster.total_area),
            )
        )
    elif verb == "ballot":
        events = live.record(args.unit, args.answer, args.method, args.by, args.note, args.when)
        ballot = live.state.current[events[0].payload["unit"]]
        key = "owners.cli.corrected" if ballot.corrects else "owners.cli.recorded"
        for event in events:
            print(
                i18n.t(
                    key, unit=event.payload["unit"], answer=option_label(live.state, ballot.answer)
                )
            )
    elif verb == "withdraw":
        events = live.withdraw(args.unit, args.reason, args.by)
        print(i18n.t("owners.cli.withdrawn", unit=events[0].payload["unit"]))
    elif verb == "close":
        close_and_seal(live)
        print(i18n.t("owners.cli.closed", result=outcome(live.state).explain()))
        print(owners_digest_line(live.state, live.file.table(RESULTS_TABLE)))
    elif verb == "reopen":
        live.reopen_count(args.reason)
        print(i18n.t("owners.cli.reopened"))
    return 0


def _tally(state: d.DecisionState, as_json: bool) -> int:
    if not as_json:
        print("\n".join(tally_lines(state)))
        return 0
    result = tally(state)
    verdict = outcome(state, result)
    data = {
        "id": state.id,
        "kind": str(state.kind),
        "closed": state.closed,
        "total": {"area": result.total.area, "owners": result.total.heads},
        "participating": {"area": result.participating.area, "owners": result.participating.heads},
        "answers": {o: {"area": c.area, "owners": c.heads} for o, c in result.options.items()},
        "passed": verdict.passed,
        "chosen": verdict.chosen,
        "reason": verdict.explain(),
        "buildings": [
            {"building": b.building, "units": b.units, "answered": b.answered, "share": b.share}
            for b in result.buildings
        ],
        "area_unit": "0.01 m2",
    }
    print(json.dumps(data, ensure_ascii=False, indent=1))
    return 0


def _export(archive: DecisionArchive, state: d.DecisionState, args: argparse.Namespace) -> int:
    stem, suffix = FORMATS[args.format]
    from meeting_tui.minutes.export import resolve_target  # the minutes' renderers: only here

    name = safe_filename(f"{state.title}_{stem}", default=state.id) + suffix
    path = resolve_target(name, state.id, args.out, archive.root)  # as `meeting-tui export`
    if path.exists() and not args.force:
        raise DomainError("owners.cli.exists", path=str(path))
    results = archive.read_results(state.id)
    if args.format == "csv":
        raw = render_csv(state, results=results)
    elif args.format == "docx":
        raw = render_docx(state, results=results)
    elif args.format == "notice-md":
        raw = render_markdown(build_notice(state, results=results)).encode("utf-8")
    else:
        raw = render_html(build_notice(state, results=results)).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, raw)
    print(path)
    return 0


def _verify(archive: DecisionArchive, decision_id: str, printed: str | None) -> int:
    """As `meeting-tui verify owners/<id>.json`: exit 0 match, 1 mismatch, 2 nothing to check."""
    path = archive.path(decision_id)
    if not path.exists():
        raise UnknownMeetingError("owners.store.unknown", id=decision_id)
    try:
        record = record_of_export(path)
    except ValueError as exc:
        print(i18n.t("verify.unreadable", source=str(path), reason=str(exc)), file=sys.stderr)
        return ERROR
    outcome_ = check(record, printed)
    print(outcome_.line, file=sys.stdout if outcome_.status != ERROR else sys.stderr)
    return outcome_.status
