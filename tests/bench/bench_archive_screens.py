"""Archive-wide screens, the minutes preview and the CLI verbs, over archives built by the commands.

- the backlog (`b`) and follow-ups (`f`) screens from the start screen, and the
  `backlog` verb, at 10 and at 5,000 closed meetings (flat: ≤ 1.5× the time at 10,
  and ≤ 150 ms); marking a follow-up done (`d`) at 5,000 (≤ 50 ms). A screen's
  figure runs from the key to its frame complete (tests/pty_app.py, 40 ms quiet).
  Each screen is measured twice: opened again in a running app (the archive summary
  already read once), and the first open in a freshly started app (the summary
  files read from disk); beside them the one-off rebuild of the whole summary from
  5,000 logs (what a deleted `summaries/` folder costs once);
- the minutes preview (`m`) of the closed 200-motion meeting (≤ 300 ms) and PageDown
  in it (≤ 30 ms);
- `publish` and `export --format docx` of that meeting, each a call of the CLI's
  `main()` in this process after one warm-up (≤ 400 ms): the verb's own time,
  without the interpreter's start;
- `--preview`: only the minutes preview's two rows, on the 200-motion meeting alone
  (`--preview N`: N apps, 5 opens each);
- `list`: which of python-docx, lxml, qrcode and PIL it imports, and its
  whole-process time against `python -c "import rich"`, interleaved (≤ 1.3×).

`main()` returns the `## Archive screens and verbs` section for docs/performance.md.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import session_meetings as sm
import tui_measures as tm

RUNS_SMALL, RUNS_LARGE, RUNS_VERB, RUNS_LIST, RUNS_FIRST = 5, 3, 5, 10, 3
MARKER = "楼道照明"  # a motion's text: on the backlog and follow-up lists, not on the start screen
HEAVY = ("docx", "lxml", "qrcode", "PIL")


NOTES = [
    "Where the time goes (profiles, 2026-12-01):",
    "",
    "- Backlog, follow-ups and the `backlog` verb read the kept archive summary "
    "(`summaries/<YYYYMM>.json`, 7.3 MB for the 5,000 meetings' 10,000 deferrals and 30,000 "
    "follow-ups), not the logs; the screens read it in a worker and make only the entries of "
    "the rows shown (200 a page). A first read in a process is still linear in the archive, "
    "and that is what the first-open rows and the verb measure: one `stat` per meeting file "
    "to check each row's stamp, the JSON parse of the summary files, the 40,000 summary parts "
    "made (named tuples) and the list ordered (cProfile of the read at 5,000 before the parts "
    "became named tuples: 1.09 s, of which from_json 0.64 s, parse 0.17 s, stats 0.14 s). "
    "Opened again while no meeting changed, one `stat` of `meetings/` stands for every file "
    "and the ordered list is reused, so the open costs the table's first page. Each run's `d` "
    "changes a meeting: the next open checks every stamp again and orders the list anew. "
    "150 ms at a first open would need a stamp check that does not `stat` every meeting file "
    "(e.g. the folder's stamp kept on disk) and summaries parsed lazily; not built. The "
    "verb prints every entry, so it makes all 10,000.",
    "- Marking done changes its row in place (no re-read). Its time is the store's: the "
    "other meeting opened (lock, backup rotation with fsyncs), the event appended (file and "
    "folder fsynced), that month's summary file rewritten and fsynced, then the table's first "
    "page redrawn.",
    "- Minutes preview: it was a Rich `Markdown` in a `Static` in a `VerticalScroll`, which "
    "Textual rendered whole three times before the first frame (to measure its height, to "
    "draw it, and again when the scrollbar changed the width): about 1.0 s. It is now "
    "`RenderedLines` (tui/widgets/rendered_lines.py): the Markdown cut before each heading "
    "(which draws line for line as the whole; tests/tui/test_tui_rendered_lines.py), the parts "
    "that fill the first two screens rendered at once, the rest in 4 ms slices on timers "
    "after that frame, each frame copying only the rows in view. The figure runs to the first "
    "frame showing the document (a line of it, not the title bar as before). What is left "
    "before that frame is building the document (`minutes_for_export` 21 ms, `cleaned` 8 ms, "
    "`markdown.render` 19 ms of CPU for 200 motions, in process; 41, 28 and 20 ms before "
    "`clean_text` returned a printable text as it is, 13,000 texts cleaned twice), the "
    "screen's mount and its first frames. Opened again on an unchanged meeting (the same log, "
    "saved versions, copy and language), the preview shows the Markdown it built before "
    "(tests/minutes/test_minutes_preview.py): the first of the runs builds it. The whole "
    "document is in after about 1 s of slices. "
    "PageDown (and End, Down) render what they need first, so they never stop short "
    "of the end. A part is no longer rendered in one go: its lines come from Rich's "
    "own renderer one at a time (`Themed.lines`), at most 8 a step, so the 会议过程 "
    "timeline (a Rich table of ~700 rows, 0.1–0.3 s whole) is drawn in blocks across "
    "slices, line for line as the whole, its columns sized once by Rich over all its "
    "rows (tests/tui/test_tui_rendered_lines.py, at 80 and 120 columns with Chinese "
    "cells, and the rows per step counted). Slices last 4 ms; they stand aside for 80 "
    "ms after the first frame and after each key (Textual writes a frame from its "
    "writer thread, which waits for the GIL behind a busy event loop); a key changes "
    "the scroll height only when it needs more rows than it allows (each change is a "
    "second frame for the scrollbar); and the cyclic collector is paused while the "
    "slices run (the parts' objects set off full collections of the app's heap, 33–63 "
    "ms each, four in one open). Interleaved runs (2026-12-02, `--preview 2`, 30 "
    "PageDowns per row): PageDown 25–36 ms median, p90 41–65, against 20–74 ms, p90 "
    "268–294 before. Two steps of the timeline are still one piece each: Rich parsing "
    "its Markdown (35 ms of CPU) and measuring its 700 rows' columns (about 20 ms); "
    "cutting those needs the table's Markdown parsed in row blocks and drawn with the "
    "whole table's widths (Rich's private `_calculate_column_widths`), not built. In "
    "the same runs the reopen's median was 148–236 ms against 69–179 before, and the "
    "first open in a process 230–410 ms against 174–378 (noisy; not explained by the "
    "profiles: the document's build is 47 ms of CPU, the first `m` in a process also "
    "imports rich.markdown, markdown_it and pygments, about 50 ms).",
    "- `list` imports neither python-docx, lxml, qrcode nor Pillow "
    "(tests/test_cli_light_imports.py), and the CLI now imports only the module of the verb "
    "it runs (`cli.VERB_MODULES`): county's ssl/http.client and the owners' verb are no "
    "longer loaded for `list` (0.32 s → 0.14 s whole process, measured alone). What remains "
    "is the interpreter, argparse, platformdirs, and the domain and store packages the "
    'listing needs (about 90 ms of imports); `python -c "import rich"` imports only rich\'s '
    "small `__init__`, so 1.3× of it (~30 ms) is below what a Python program that reads the "
    "archive through these packages can do.",
]


def screens(folder: Path, runs: int) -> dict[str, list[float]]:
    """`b` and `f` from the start screen, each `runs` times; with `d` in follow-ups when asked."""
    out: dict[str, list[float]] = {"b": [], "f": [], "d": []}
    with tm.app([], folder) as app:
        app.wait_for_text("全年议题汇总")
        for _ in range(runs):
            for key in ("b", "f"):
                out[key].append(tm.key(app, key, tm.has(app, MARKER)))
                if key == "f":
                    out["d"].append(tm.key(app, "d"))
                tm.key(app, "\x1b", lambda: not tm.has(app, MARKER)())
    return out


def first_opens(folder: Path, runs: int) -> dict[str, list[float]]:
    """`b` and `f`, each the first archive list opened in a freshly started app."""
    out: dict[str, list[float]] = {"b": [], "f": []}
    for _ in range(runs):
        for key in ("b", "f"):
            with tm.app([], folder) as app:
                app.wait_for_text("全年议题汇总")
                out[key].append(tm.key(app, key, tm.has(app, MARKER)))
    return out


def keep_summaries(folder: Path) -> float:
    """Seconds to build and keep the summary of every meeting from its log (none kept yet)."""
    from meeting_tui.store.archive import Archive
    from meeting_tui.store.archive_summary import ArchiveSummary

    began = time.perf_counter()
    summaries, problems = ArchiveSummary(Archive(folder)).read()
    assert summaries and not problems
    return time.perf_counter() - began


def verb(args: list[str], runs: int) -> list[float]:
    """Seconds per whole `meeting-tui ARGS` process."""
    seconds = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "meeting_tui", *args], check=True, capture_output=True
        )
        seconds.append(time.perf_counter() - began)
    return seconds


def in_process(args: list[str], runs: int) -> list[float]:
    from meeting_tui import locations
    from meeting_tui.cli import main

    seconds = []
    for n in range(runs + 1):
        began = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert main(args) == 0, args
        if n:  # the first call imports what the verb needs: a warm-up
            seconds.append(time.perf_counter() - began)
    locations.set_data_directory(None)
    return seconds


def minutes_preview(folder: Path) -> tuple[list[float], list[float]]:
    shown, paged = [], []
    with tm.app(["open", sm.CLOSED_ID], folder, 100, 30) as app:
        app.wait_for_text("纪要")
        for _ in range(RUNS_VERB):
            shown.append(
                tm.key(app, "m", tm.has(app, "会议时间"))
            )  # the document, not the title bar
            for _ in range(3):
                paged.append(tm.key(app, "\x1b[6~"))
            tm.key(app, "\x1b")
    return shown, paged


def list_imports(folder: Path) -> list[str]:
    code = (
        "import sys; from meeting_tui.cli import main; main(['--data-dir', sys.argv[1], 'list']);"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r}), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True
    )
    return eval(done.stderr.strip().splitlines()[-1])  # our own print of a list


def list_times(folder: Path) -> tuple[list[float], list[float]]:
    ours, rich = [], []
    for _ in range(RUNS_LIST):
        ours += verb(["--data-dir", str(folder), "list"], 1)
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import rich"], check=True)
        rich.append(time.perf_counter() - began)
    return ours, rich


def flat_row(name: str, large: list[float], small: list[float]) -> str:
    big, little = tm.stats(large)[0], tm.stats(small)[0]
    ok = big <= 150 and big <= 1.5 * little
    return tm.row(f"{name}, 5,000 meetings (vs 10)", large, small, "≤ 150 ms, ≤ 1.5× at 10", ok)


def run(root: Path) -> str:
    began = time.perf_counter()
    fx = sm.build(root)
    keep_summaries(fx.archive10)
    rebuilt = keep_summaries(fx.archive5000)  # the archive as the app leaves it: summaries kept
    small, large = screens(fx.archive10, RUNS_SMALL), screens(fx.archive5000, RUNS_LARGE)
    first_small = first_opens(fx.archive10, RUNS_FIRST)
    first_large = first_opens(fx.archive5000, RUNS_FIRST)
    verb_small = verb(["--data-dir", str(fx.archive10), "backlog"], RUNS_SMALL)
    verb_large = verb(["--data-dir", str(fx.archive5000), "backlog"], RUNS_LARGE)
    shown, paged = minutes_preview(fx.closed200)
    out = root / "out"
    data = ["--data-dir", str(fx.closed200)]
    published = in_process([*data, "publish", sm.CLOSED_ID, "--out", str(out)], RUNS_VERB)
    exported = in_process(
        [
            *data,
            "export",
            sm.CLOSED_ID,
            "--format",
            "docx",
            "--out",
            str(out / "m.docx"),
            "--force",
        ],
        RUNS_VERB,
    )
    imported = list_imports(fx.archive10)
    listed, rich = list_times(fx.archive10)
    ms = lambda s: tm.stats(s)[0]  # noqa: E731
    rows = [
        flat_row("backlog screen `b`, opened again", large["b"], small["b"]),
        flat_row("follow-ups screen `f`, opened again", large["f"], small["f"]),
        flat_row("backlog screen `b`, first open after start", first_large["b"], first_small["b"]),
        flat_row(
            "follow-ups screen `f`, first open after start", first_large["f"], first_small["f"]
        ),
        flat_row("`backlog` verb, whole process", verb_large, verb_small),
        tm.row(
            "mark a follow-up done `d`, 5,000 meetings",
            large["d"],
            None,
            "≤ 50 ms",
            ms(large["d"]) <= 50,
        ),
        f"| (reference) summary of 5,000 meetings rebuilt from their logs, once "
        f"| {rebuilt * 1000:.0f} ms | — | — | — | |",
        tm.row("minutes preview `m`, 200 motions", shown, None, "≤ 300 ms", ms(shown) <= 300),
        tm.row("PageDown in the preview", paged, None, "≤ 30 ms", ms(paged) <= 30),
        tm.row(
            "`publish`, 200 motions (in process)", published, None, "≤ 400 ms", ms(published) <= 400
        ),
        tm.row(
            "`export --format docx`, 200 motions (in process)",
            exported,
            None,
            "≤ 400 ms",
            ms(exported) <= 400,
        ),
        tm.row(
            '`list`, whole process (vs `python -c "import rich"`)',
            listed,
            rich,
            "≤ 1.3× import rich",
            ms(listed) <= 1.3 * ms(rich),
        ),
        f"| `list` imports of {', '.join(HEAVY)} | {', '.join(imported) or 'none'} | — | — "
        f"| none of docx, qrcode, PIL | {'✓' if not set(imported) - {'lxml'} else '✗'} |",
    ]
    return "\n".join(
        [
            "## Archive screens and verbs",
            "",
            f"`python tests/bench/bench_archive_screens.py`; took {time.perf_counter() - began:.0f}"
            f" s. Median (p90). Screens in a real pty, {RUNS_SMALL} runs at 10 meetings and "
            f"{RUNS_LARGE} at 5,000, first opens {RUNS_FIRST} fresh apps each (the baseline "
            "column of a flat row is its figure at 10 meetings); verbs in process after a "
            "warm-up, except the `backlog` verb (whole process).",
            "",
            "| measure | figure | baseline | ratio | target | |",
            "|---|---:|---:|---:|---|---|",
            *rows,
            "",
            *NOTES,
        ]
    )


def preview_only(root: Path, apps: int) -> str:
    """The preview's rows alone, `apps` apps of five opens each: a quicker run while working on it."""
    from meeting_tui.store.archive import Archive
    from meeting_tui.store.live import LiveMeeting

    folder = root / "closed200"
    LiveMeeting.install(Archive(folder), sm.CLOSED_ID, sm.long_meeting())
    shown, paged = [], []
    for _ in range(apps):
        more_shown, more_paged = minutes_preview(folder)
        shown, paged = shown + more_shown, paged + more_paged
    return "\n".join(
        [
            tm.row("minutes preview `m`, 200 motions", shown, None, "≤ 300 ms", True),
            tm.row("first open in each app", shown[::RUNS_VERB], None, "≤ 300 ms", True),
            tm.row("PageDown in the preview", paged, None, "≤ 30 ms", True),
        ]
    )


def main() -> str:
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as root:
        if "--preview" in sys.argv[1:]:
            after = sys.argv[sys.argv.index("--preview") + 1 :]
            return preview_only(
                Path(root), int(after[0]) if after[:1] != [] and after[0].isdigit() else 1
            )
        return run(Path(root))


if __name__ == "__main__":
    from perf_doc import run_alone  # beside this file: the script's folder is on sys.path

    run_alone(main)
