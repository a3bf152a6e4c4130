"""The county's report, read from the views `sync` installs: grouped rows, never whole documents.

One report answers what the street office and the 民政局 ask: how many
meetings each community held (in a month, or in all), how the motions came
out, which deferrals are still open and for how long, which follow-ups are
overdue, and how residents rated the work done. Open deferrals and overdue
follow-ups are as of today whatever month is asked for: they are the work
still waiting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from meeting_tui.county.couch import CouchDatabase
from meeting_tui.county.design import DESIGN_NAME
from meeting_tui.county.errors import CountyError, ServerRefusedError
from meeting_tui.county.settings import Target

FORMATS = ("table", "csv", "html")
MOTION_STATES = ("passed", "rejected", "deferred", "answered", "withdrawn", "raised")
RATINGS = ("satisfied", "basic", "unsatisfied")
AGE_BUCKETS = ((30, "≤30"), (90, "31–90"), (180, "91–180"), (None, ">180"))
KEYS_LOOKUP = 200  # more open deferrals than this: one range scan instead
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


@dataclass
class CommunityRow:
    code: str
    name: str = ""
    meetings: int = 0
    motions: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MOTION_STATES, 0))
    open_deferrals: int = 0
    overdue: int = 0
    ratings: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RATINGS, 0))


@dataclass(frozen=True)
class OpenDeferral:
    community: str
    date: str
    age_days: int
    title: str
    number: int
    text: str
    reason: str
    owner: str


@dataclass(frozen=True)
class OverdueFollowUp:
    community: str
    due: str
    days_overdue: int
    meeting_date: str
    title: str
    number: int
    text: str
    owner: str


@dataclass
class CountyReport:
    source: str
    month: str | None
    today: str
    communities: list[CommunityRow]
    deferrals: list[OpenDeferral]
    overdue: list[OverdueFollowUp]

    @property
    def motion_totals(self) -> dict[str, int]:
        return {s: sum(c.motions[s] for c in self.communities) for s in MOTION_STATES}

    @property
    def rating_totals(self) -> dict[str, int]:
        return {r: sum(c.ratings[r] for c in self.communities) for r in RATINGS}

    @property
    def age_buckets(self) -> list[tuple[str, int]]:
        counts = dict.fromkeys((label for _, label in AGE_BUCKETS), 0)
        for d in self.deferrals:
            label = next(lb for limit, lb in AGE_BUCKETS if limit is None or d.age_days <= limit)
            counts[label] += 1
        return list(counts.items())


def check_month(month: str | None) -> str | None:
    if month is None:
        return None
    if not _MONTH.fullmatch(month):
        raise CountyError("county.report.bad_month", month=month)
    return month


def county_report(
    target: Target, month: str | None = None, today: date | None = None
) -> CountyReport:
    """Query the six views; raises `CountyError` (offline, no views yet, refused)."""
    day = (today or date.today()).isoformat()
    span: dict[str, Any] = {} if month is None else {"startkey": [month], "endkey": [month, {}]}
    rows: dict[str, CommunityRow] = {}

    def community(code: str) -> CommunityRow:
        return rows.setdefault(code, CommunityRow(code))

    with CouchDatabase(target) as db:
        try:
            db.request("GET", "/")
            meetings = db.view(DESIGN_NAME, "meetings", group_level=3, **span)
        except ServerRefusedError as exc:
            if exc.status == 404:
                raise CountyError("county.report.no_views", url=target.display) from None
            raise
        for row in meetings:
            _month, code, name = row["key"]
            entry = community(code)
            entry.meetings += int(row["value"])
            entry.name = entry.name or str(name or "")
        for row in db.view(DESIGN_NAME, "motions", group_level=3, **span):
            _month, state, code = row["key"]
            motions = community(code).motions
            motions[state] = motions.get(state, 0) + int(row["value"])
        for row in db.view(DESIGN_NAME, "evaluations", group_level=3, **span):
            _month, code, rating = row["key"]
            ratings = community(code).ratings
            ratings[rating] = ratings.get(rating, 0) + int(row["value"])
        deferrals = _open_deferrals(db, day, community)
        overdue = []
        for row in db.view(DESIGN_NAME, "followups_open", endkey=[day], inclusive_end=False):
            due, code = row["key"]
            v = row["value"]
            community(code).overdue += 1
            overdue.append(
                OverdueFollowUp(
                    str(v.get("community") or code), due, _days(due, day), str(v.get("date", "")),
                    str(v.get("title", "")),
                    int(v.get("number", 0)), str(v.get("text", "")), str(v.get("owner", "")),
                )
            )  # fmt: skip
    for entry in rows.values():
        entry.name = entry.name or entry.code
    ordered = sorted(rows.values(), key=lambda c: c.code)
    deferrals.sort(key=lambda d: (-d.age_days, d.community, d.number))
    overdue.sort(key=lambda f: (-f.days_overdue, f.community, f.number))
    return CountyReport(target.display, month, day, ordered, deferrals, overdue)


def _open_deferrals(db: CouchDatabase, day: str, community: Any) -> list[OpenDeferral]:
    """Groups of the `deferrals` view summing to more than 0, with their details.

    A few open ones are looked up by key; many are read in one range scan of
    `deferral_details` (PouchDB answers `keys` one lookup at a time).
    """
    open_keys = [
        row["key"] for row in db.view(DESIGN_NAME, "deferrals", group=True) if row["value"] > 0
    ]
    details: dict[tuple[str, ...], dict[str, Any]] = {}
    if len(open_keys) <= KEYS_LOOKUP:
        rows = db.view(DESIGN_NAME, "deferral_details", keys=open_keys) if open_keys else []
    else:
        rows = db.view(DESIGN_NAME, "deferral_details")
    for row in rows:
        details[tuple(row["key"])] = row["value"]
    found: list[OpenDeferral] = []
    for key in open_keys:
        code, deferred_on = key[0], key[1]
        community(code).open_deferrals += 1
        v = details.get(tuple(key), {})
        found.append(
            OpenDeferral(
                str(v.get("community") or code), deferred_on, _days(deferred_on, day),
                str(v.get("title", "")), int(v.get("number", 0)), str(v.get("text", "")),
                str(v.get("reason", "")), str(v.get("owner", "")),
            )
        )  # fmt: skip
    return found


def _days(earlier: str, later: str) -> int:
    try:
        return (date.fromisoformat(later) - date.fromisoformat(earlier[:10])).days
    except ValueError:
        return 0


def write_report(body: str, out: str) -> Path:
    """Write the report to a new file (never over an existing one); the path written."""
    path = Path(out).expanduser()
    try:
        with open(path, "x", encoding="utf-8-sig" if path.suffix == ".csv" else "utf-8") as handle:
            handle.write(body)
    except FileExistsError:
        raise CountyError("county.report.out_exists", path=str(path)) from None
    except OSError as exc:
        raise CountyError("county.report.out_failed", path=str(path), reason=exc.strerror) from None
    return path
