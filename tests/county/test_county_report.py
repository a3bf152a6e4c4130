"""`meeting-tui county`: the report computed by the database's views, in table, CSV and HTML."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from couch_server import couch_json
from county_meetings import closed_meeting, followup_done_and_evaluated, write_config

from meeting_tui.config import Config
from meeting_tui.county import report as report_module
from meeting_tui.county.report import county_report
from meeting_tui.county.report_text import width
from meeting_tui.county.settings import parse_target
from meeting_tui.domain.model import Origin

TODAY = date(2026, 12, 1)


@pytest.fixture
def county(tmp_path: Path, county_url: str, cli, monkeypatch, laptop) -> str:
    """南苑: October (a deferral later taken up) and November; 北湖: October, evaluated."""
    nanyuan, beihu = tmp_path / "nanyuan", tmp_path / "beihu"
    october = closed_meeting(nanyuan, "20261017-aaaa", community="南苑社区", due="2026-11-01")
    closed_meeting(
        nanyuan, "20261105-bbbb", community="南苑社区", day=date(2026, 11, 5), due="2027-01-15",
        take_up=Origin("20261017-aaaa", october["deferred"]),
    )  # fmt: skip
    beihu_ids = closed_meeting(beihu, "20261017-aaaa", community="北湖社区", due="2026-11-10")
    followup_done_and_evaluated(beihu, "20261017-aaaa", beihu_ids["passed"])
    for folder, code in ((nanyuan, "410105001"), (beihu, "410105002")):
        write_config(laptop, community_code=code)
        assert cli("--data-dir", str(folder), "sync", "--to", county_url).status == 0
    return county_url


@pytest.mark.parametrize("lookup", [200, 0], ids=["details-by-key", "details-by-range"])
def test_the_report_counts_both_communities_from_the_views(
    county: str, lookup: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_module, "KEYS_LOOKUP", lookup)
    report = county_report(parse_target(county, Config()), today=TODAY)
    by_code = {c.code: c for c in report.communities}
    assert set(by_code) == {"410105001", "410105002"}
    nanyuan, beihu = by_code["410105001"], by_code["410105002"]
    assert (nanyuan.name, nanyuan.meetings, beihu.name, beihu.meetings) == (
        "南苑社区",
        2,
        "北湖社区",
        1,
    )
    assert nanyuan.motions["passed"] == 3 and nanyuan.motions["rejected"] == 2
    assert nanyuan.motions["deferred"] == 2 and beihu.motions["deferred"] == 1
    # October's deferral was taken up and passed in November: only November's is open.
    assert nanyuan.open_deferrals == 1 and beihu.open_deferrals == 1
    (open_here,) = [d for d in report.deferrals if d.community == "南苑社区"]
    assert (open_here.date, open_here.age_days, open_here.text) == ("2026-11-05", 26, "增设充电桩")
    # Overdue on 1 December: October's follow-up (due 1 November); 北湖's was done.
    assert [(f.community, f.due, f.days_overdue) for f in report.overdue] == [
        ("南苑社区", "2026-11-01", 30)
    ]
    assert beihu.ratings == {"satisfied": 20, "basic": 6, "unsatisfied": 2}
    assert report.age_buckets == [("≤30", 1), ("31–90", 1), ("91–180", 0), (">180", 0)]


def test_a_month_limits_meetings_motions_and_evaluations(county: str) -> None:
    october = county_report(parse_target(county, Config()), "2026-10", today=TODAY)
    assert {c.code: c.meetings for c in october.communities} == {"410105001": 1, "410105002": 1}
    assert october.motion_totals["passed"] == 2
    assert october.rating_totals == {"satisfied": 0, "basic": 0, "unsatisfied": 0}
    november = county_report(parse_target(county, Config()), "2026-11", today=TODAY)
    assert {c.code: c.meetings for c in november.communities if c.meetings} == {"410105001": 1}
    assert november.rating_totals["satisfied"] == 20  # evaluated on 20 November


def test_the_table_and_csv_from_the_command(county: str, cli) -> None:
    table = cli("county", "--from", county)
    assert table.status == 0, table.err
    assert "南苑社区" in table.out and "北湖社区" in table.out
    summary = table.out.split("\n\n")[1:3]  # the two community tables fit 80 columns
    assert all(width(line) <= 80 for part in summary for line in part.splitlines())
    rows = list(csv.reader(io.StringIO(cli("county", "--from", county, "--format", "csv").out)))
    assert rows[0][:3] == ["代码", "社区", "会议"]
    assert [r[1] for r in rows[1:]] == ["南苑社区", "北湖社区", "合计"]
    assert rows[-1][2] == "3"
    english = cli("--lang", "en", "county", "--from", county).out.split("\n\n")[1:3]
    assert all(width(line) <= 80 for part in english for line in part.splitlines())


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs


def test_the_html_report_is_one_self_contained_page_with_svg_charts(
    county: str,
    cli,
    tmp_path: Path,
) -> None:
    out = tmp_path / "county.html"
    result = cli("county", "--from", county, "--format", "html", "--out", str(out))
    assert result.status == 0 and result.out.strip() == str(out)
    html = out.read_text(encoding="utf-8")
    page = _Page()
    page.feed(html)
    assert page.tags.count("svg") == 4  # meetings, outcomes, deferral ages, evaluations
    assert page.tags.count("rect") >= 2 + 6 + 4
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert not any(name in ("src", "href") for name, _ in page.attrs)
    assert not re.search(r"url\(|@import", html)
    assert "南苑社区" in html and "各社区会议数" in html
    again = cli("county", "--from", county, "--format", "html", "--out", str(out))
    assert again.status == 2 and "已存在" in again.err  # never overwritten


def test_text_from_a_meeting_is_escaped_in_the_page(
    tmp_path: Path, county_url: str, cli, laptop
) -> None:
    root = tmp_path / "data"
    closed_meeting(root, "20261017-aaaa", community="<script>alert(1)</script>社区")
    write_config(laptop, community_code="x1")
    cli("--data-dir", str(root), "sync", "--to", county_url)
    html = cli("county", "--from", county_url, "--format", "html").out
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_bad_month_and_missing_views_are_one_line_each(county_url: str, cli) -> None:
    bad = cli("county", "--from", county_url, "--month", "2026-13")
    assert bad.status == 2 and "YYYY-MM" in bad.err and len(bad.err.splitlines()) == 1
    couch_json(county_url, method="PUT")
    empty = cli("county", "--from", county_url)
    assert (
        empty.status == 2 and "meeting-tui sync" in empty.err and len(empty.err.splitlines()) == 1
    )
