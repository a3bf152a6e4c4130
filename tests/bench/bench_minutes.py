"""Minutes benchmark: every export format of a 200-motion meeting within 1 s, new ones in 0.4 s.

The meeting is built through the domain's commands (20 agenda items of 10
motions: notes, votes, a recount in ten, follow-ups, deferrals, answers),
about 700 events, far longer than any courtyard meeting. Measured: building
the `Minutes` from the folded state, and each format's export (render +
atomic write with fsync) into a temp folder, repeated; plus the preview's
Rich Markdown render at 100 columns, which the TUI draws on `m`. The formats
added for filing and printing (the 公文 DOCX layout, the sign-in sheet and
the notice in DOCX and HTML) have the tighter target of 400 ms.

`main()` returns the Markdown section for docs/performance.md (collected by
`tests/bench/run_all.py`); `python tests/bench/bench_minutes.py` prints it,
and with `--write-docs` also puts it in docs/performance.md under `## Minutes`.
"""

from __future__ import annotations

import io
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from rich.console import Console
from rich.markdown import Markdown

from meeting_tui.domain import commands as c
from meeting_tui.domain.checkpoint import leaf_hashes, new_salt
from meeting_tui.domain.events import Draft, Event
from meeting_tui.domain.log import MeetingLog
from meeting_tui.minutes import Minutes
from meeting_tui.minutes.export import FORMATS, export
from meeting_tui.minutes.markdown import render as render_markdown
from meeting_tui.minutes.papers_export import export_paper
from meeting_tui.publicity import page_html

MOTIONS, PER_ITEM, RUNS = 200, 10, 5
TARGET_S = 1.0
NEW_TARGET_S = 0.4
HEADCOUNT = {"resident": 80, "staff": 4, "property": 2}
NEW_FORMATS = (
    "export docx (gongwen)",
    "export signin docx",
    "export signin html",
    "export notice docx",
    "export notice html",
)


def target_s(name: str) -> float:
    return NEW_TARGET_S if name in NEW_FORMATS else TARGET_S


CST = timezone(timedelta(hours=8))


def long_meeting(motions: int = MOTIONS) -> list[Event]:
    """A closed meeting of `motions` motions, every outcome represented."""
    log, now = MeetingLog(), datetime(2026, 11, 27, 9, 0, tzinfo=CST)

    def run(drafts: list[Draft]) -> None:
        nonlocal now
        now += timedelta(seconds=20)
        log.commit(log.prepare(drafts, now))

    run(c.create_meeting("20261127-long", "全年议题汇总 议事会", "council", community="南苑社区",
                         location="社区活动中心", facilitator="居委会刘主任", recorder="社区工作人员小王"))  # fmt: skip
    items = motions // PER_ITEM
    run(c.add_items(log.state, [(f"第{n}组议题", 15, "") for n in range(1, items + 1)]))
    run(c.set_headcounts(log.state, HEADCOUNT))
    for n in range(motions):
        if n % PER_ITEM == 0:
            run(c.step_agenda(log.state, 1))
        run(c.raise_motion(log.state, f"第{n + 1}项：楼道照明与电线改造，涉及{n % 7 + 1}号楼",
                           proposer="李姓居民", category="safety", cost=5_000 * (n % 30),
                           note="居民反映电线老化，夜间照明不足；施工方说明工期。"))  # fmt: skip
        motion = max(log.state.motions.values(), key=lambda m: m.number).id
        kind = n % 5
        if kind == 3:
            run(c.respond(log.state, motion, "已列入改造方案，无需表决", "施工方负责人"))
            run(c.mark_answered(log.state, motion))
            continue
        run(c.record_vote(log.state, motion, 45 + n % 20, 10, 5))
        if n % 10 == 0:
            run(c.record_vote(log.state, motion, 52, 9, 4, recount=True))
        if kind == 4:
            run(c.record_vote(log.state, motion, 20, 40, 5, recount=True))
            run(c.defer(log.state, motion, "需与物业协商", "社区工作人员", "下次议事会"))
        else:
            run(c.assign_followup(log.state, motion, "施工方", "2027-06-30"))
    run(c.close_meeting(log.state))
    return log.events


def timed(action: Callable[[], object], runs: int = RUNS) -> list[float]:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - started)
    return seconds


def _preview(markdown: str) -> None:
    console = Console(file=io.StringIO(), width=100, color_system=None, force_terminal=False)
    console.print(Markdown(markdown))


def measure(workdir: Path) -> tuple[list[tuple[str, list[float], int]], int]:
    """(name, seconds per run, output bytes) per measure; and the number of events."""
    events = long_meeting()
    log = MeetingLog(events)
    rows: list[tuple[str, list[float], int]] = []
    rows.append(
        ("build `Minutes` from the state", timed(lambda: Minutes.build(log.state, events)), 0)
    )
    minutes = Minutes.build(log.state, events)
    for fmt in FORMATS:
        target = workdir / f"long.{fmt}"
        seconds = timed(lambda fmt=fmt, target=target: export(minutes, fmt, target, events=events, force=True))  # type: ignore[misc]  # fmt: skip
        rows.append((f"export {fmt}", seconds, target.stat().st_size))
    target = workdir / "long-gongwen.docx"
    seconds = timed(lambda: export(minutes, "docx", target, force=True, layout="gongwen"))
    rows.append(("export docx (gongwen)", seconds, target.stat().st_size))
    for kind in ("signin", "notice"):
        for ftype in ("docx", "html"):
            target = workdir / f"long-{kind}.{ftype}"
            seconds = timed(lambda kind=kind, target=target: export_paper(log.state, kind, target, force=True))  # type: ignore[misc]  # fmt: skip
            rows.append((f"export {kind} {ftype}", seconds, target.stat().st_size))
    redacted = minutes.redacted()
    rows.append(("redact the minutes", timed(minutes.redacted), 0))
    md = render_markdown(redacted)
    rows.append(("preview: Rich Markdown at 100 columns", timed(lambda: _preview(md), 3), 0))
    # The meeting's names are compiled once into one pattern: one scan per text.
    rows.append(("publicity page: redact and render", timed(lambda: page_html(log.state)), 0))
    raw, salt = [e.to_json() for e in events], new_salt()
    rows.append(
        ("checkpoint: Merkle root of the salted log", timed(lambda: leaf_hashes(raw, salt)), 0)
    )
    return rows, len(events)


def run(workdir: Path) -> str:
    started = time.perf_counter()
    rows, events = measure(workdir)
    lines = [
        "## Minutes",
        "",
        f"`python tests/bench/bench_minutes.py` — {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}; bench took {time.perf_counter() - started:.0f} s.",
        "",
        f"A closed meeting of {MOTIONS} motions ({events} events: notes, votes, recounts, "
        f"follow-ups, deferrals, answers), built through the domain commands. Each export is "
        f"render + atomic write (temp file, fsync, `os.replace`), {RUNS} runs.",
        "",
        f"The sign-in sheet has a row per person counted ({sum(HEADCOUNT.values())}); the "
        "notice lists the 20 agenda items with their slots.",
        "",
        "| measure | median | max | size | target | |",
        "|---|---:|---:|---:|---|---|",
    ]
    for name, seconds, size in rows:
        median, worst = statistics.median(seconds), max(seconds)
        is_export = name.startswith("export")
        limit = target_s(name)
        target = (f"≤ {limit * 1000:.0f} ms" if limit < 1 else f"≤ {limit:.0f} s") if is_export else "(reference)"  # fmt: skip
        verdict = ("✓" if worst <= limit else "✗") if is_export else ""
        size_text = f"{size / 1024:.0f} KB" if size else ""
        lines.append(
            f"| {name} | {median * 1000:.0f} ms | {worst * 1000:.0f} ms | {size_text} "
            f"| {target} | {verdict} |"
        )
    lines += [
        "",
        "DOCX is the slowest format. python-docx's `add_paragraph`/`add_row` look styles up "
        "by name and rescan the body per element (1.7 s for this meeting), and making the "
        "40,000 elements one by one (`OxmlElement`) still cost 0.3–0.6 s once the tables got "
        "fixed widths, repeated headers and cell widths; so the styles, page and footer go "
        "through python-docx and the body's paragraphs and tables are written as WordML text "
        "and parsed once at save. The TUI preview draws with Rich's Markdown renderer rather "
        "than Textual's `Markdown` widget, which mounted ~600 widgets and took 3–5 s to redraw "
        "the 12-motion 南苑 minutes; Rich draws those in 0.2–0.4 s.",
        "",
        "Redaction compiles a meeting's names once into one pattern (`privacy.Redactor`), so "
        "each text is scanned once. Before, every text re-filtered every name: the publicity "
        "page of this meeting made 604,736 `shorten_name` calls and took 2.6 s; it now makes "
        "609 (measured once by wrapping the function, 2026-12-01).",
    ]
    return "\n".join(lines) + "\n"


def main() -> str:
    """Run the minutes benchmark in a temp folder; return its Markdown section."""
    with tempfile.TemporaryDirectory(prefix="bench-minutes-") as workdir:
        return run(Path(workdir))


if __name__ == "__main__":
    from perf_doc import run_alone  # beside this file: the script's folder is on sys.path

    run_alone(main)
