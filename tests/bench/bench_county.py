"""County benchmark: syncing 500 closed meetings to a local CouchDB-protocol server, then the
county report over 5,000 meetings from the views.

The server is pouchdb-server in memory on 127.0.0.1 (as the tests use it;
Apache CouchDB computes views in Erlang/JS workers and will differ). The
500 meetings are made through the domain commands (3 motions each: passed
with a follow-up, rejected, deferred), 10 communities. Measured: the first
`sync` (builds, redacts and sends all 500), the second (sends 0: one stat
per meeting, the checkpoint read, no `_revs_diff`). For the report, the 500
documents are copied under 10 other installations to make 5,000 and
stored with `_bulk_docs`; the first report builds the view indexes, the
next ones read them.

`main()` returns the Markdown section for docs/performance.md; run alone
with `--write-docs` to put it under `## County sync and report`.
"""

from __future__ import annotations

import platform
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "county"))

from couch_server import couch_json, server_binary, start_or_give_up  # noqa: E402
from county_meetings import closed_meeting  # noqa: E402

from meeting_tui.config import Config  # noqa: E402
from meeting_tui.county.couch import CouchDatabase  # noqa: E402
from meeting_tui.county.replicate import sync  # noqa: E402
from meeting_tui.county.report import county_report  # noqa: E402
from meeting_tui.county.settings import parse_target  # noqa: E402

MEETINGS, COMMUNITIES, COPIES, REPORT_RUNS = 500, 10, 10, 5


def _make_archive(root: Path) -> None:
    start = date(2026, 1, 5)
    for n in range(MEETINGS):
        day = start + timedelta(days=n % 300)
        closed_meeting(
            root, f"{day:%Y%m%d}-m{n:03d}", community=f"第{n % COMMUNITIES + 1}社区", day=day
        )


def _copies(url: str) -> int:
    """Store the synced documents again under other installations: 5,000 meetings in all."""
    rows = couch_json(url, "/_all_docs?include_docs=true")["rows"]
    docs = [r["doc"] for r in rows if not r["id"].startswith("_design/")]
    target = parse_target(url, Config())
    stored = len(docs)
    with CouchDatabase(target) as db:
        for copy in range(1, COPIES):
            batch = []
            for doc in docs:
                code, _key, meeting = doc["_id"].split(":")
                clone = {k: v for k, v in doc.items() if k not in ("_rev", "_attachments")}
                clone["_id"] = f"{code}-{copy}:copy{copy:06d}:{meeting}"
                clone["community_code"] = f"{code}-{copy}"
                clone["_rev"] = "1-" + "0" * 31 + "1"
                clone["_revisions"] = {"start": 1, "ids": ["0" * 31 + "1"]}
                batch.append(clone)
            for start in range(0, len(batch), 250):
                db.bulk_docs_replicated(batch[start : start + 250])
            stored += len(batch)
    return stored


def run(workdir: Path) -> str:
    began = time.perf_counter()
    root = workdir / "data"
    started = time.perf_counter()
    _make_archive(root)
    made_s = time.perf_counter() - started
    server = start_or_give_up(workdir / "server")
    try:
        url = f"{server.url}/county"
        target = parse_target(url, Config())
        started = time.perf_counter()
        first = sync(_archive(root), target, "c0", "redacted")
        first_s = time.perf_counter() - started
        started = time.perf_counter()
        second = sync(_archive(root), target, "c0", "redacted")
        second_s = time.perf_counter() - started
        assert first.sent == MEETINGS and second.sent == 0, (first, second)
        total = _copies(url)
        started = time.perf_counter()
        report = county_report(target, today=date(2026, 12, 1))
        index_s = time.perf_counter() - started
        assert sum(c.meetings for c in report.communities) == total == MEETINGS * COPIES
        warm = []
        for _ in range(REPORT_RUNS):
            started = time.perf_counter()
            county_report(target, today=date(2026, 12, 1))
            warm.append(time.perf_counter() - started)
        started = time.perf_counter()
        month = county_report(target, "2026-06", today=date(2026, 12, 1))
        month_s = time.perf_counter() - started
    finally:
        server.stop()
    figures = [
        ("first sync", first_s, f"{first.sent} sent"),
        ("second sync", second_s, f"{second.sent} sent"),
        ("report, first (builds the 6 view indexes)", index_s, f"{total} meetings"),
        ("report (indexes built)", statistics.median(warm), f"median of {REPORT_RUNS}"),
        ("report for one month", month_s, f"{sum(c.meetings for c in month.communities)} meetings"),
    ]
    lines = [
        "## County sync and report",
        "",
        f"`python tests/bench/bench_county.py` — {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, {date.today()}; pouchdb-server 4.2 in memory on "
        f"127.0.0.1; bench took {time.perf_counter() - began:.0f} s.",
        "",
        f"{MEETINGS} closed meetings of 3 motions in {COMMUNITIES} communities, made through the "
        f"domain commands ({made_s:.0f} s), synced redacted (the default) in batches of 20; then "
        f"{COPIES - 1} copies of those documents under other installations make {total} for the "
        "report, which reads only grouped view rows (plus the open deferrals' and overdue "
        "follow-ups' rows).",
        "",
        "The issue sets no time targets; these are reference figures. What is asserted is",
        "the behaviour: the first sync sends all 500, the second sends 0, and the report counts",
        "all 5,000.",
        "",
        "| measure | time | |",
        "|---|---:|---|",
    ]
    for name, seconds, note in figures:
        lines.append(f"| {name} | {seconds * 1000:,.0f} ms | {note} |")
    lines += [
        "",
        "The second sync costs a `stat` per meeting file (unchanged files are not read again), "
        "the design document and checkpoint reads, and no `_revs_diff` or `_bulk_docs`. The "
        "first report pays for the view indexes once; CouchDB keeps them on disk and updates "
        "them incrementally as later syncs arrive. Measured on pouchdb-server only; Apache "
        "CouchDB was not measured here.",
    ]
    return "\n".join(lines) + "\n"


def _archive(root: Path):
    from meeting_tui.store import open_archive

    return open_archive(root)


def main() -> str:
    if server_binary() is None:  # say so in the document rather than stop the other benches
        return (
            "## County sync and report\n\nNot run: pouchdb-server is missing "
            "(`npm install --prefix .ci/node pouchdb-server`, as `.ci/run` does).\n"
        )
    with tempfile.TemporaryDirectory(prefix="bench-county-") as workdir:
        return run(Path(workdir))


if __name__ == "__main__":
    from perf_doc import run_alone  # beside this file: the script's folder is on sys.path

    run_alone(main)
