"""Archive-wide screens, the minutes preview and the CLI verbs, over archives built by the commands.

- the backlog (`b`) and follow-ups (`f`) screens from the start screen, and the
  `backlog` verb (its kept text printed, and its first run after a meeting file was
  written again, which reads the changed meeting and makes the list anew), at 10 and at 5,000 closed meetings (flat: ≤ 1.5× the time at 10,
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
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import session_meetings as sm
import tui_measures as tm

RUNS_SMALL, RUNS_LARGE, RUNS_VERB, RUNS_LIST, RUNS_FIRST = 5, 3, 5, 10, 7
MARKER = "楼道照明"  # a motion's text: on the backlog and follow-up lists, not on the start screen
HEAVY = ("docx", "lxml", "qrcode", "PIL")


NOTES = [
    "Where the time goes (profiles, 2026-12-02):",
    "",
    "- Backlog, follow-ups and the `backlog` verb read the kept lists "
    "(store/archive_lists.py): `summaries/backlog.lines` and `followups.lines`, one JSON line "
    "per entry in the list's order (5.2 and 4.5 MB at 5,000 meetings), under a header with the "
    "stamps of `meetings/` and of the index taken before the list was made, a count and a "
    "CRC-32. While both stamps hold, no meeting changed: the file is read and split into "
    "lines, and a row decodes its line when shown (in a fresh process, 16 ms of CPU for the "
    "backlog's first page and 21 ms for the follow-ups', against 0.72 s for the summary read "
    "and ordering before: one `stat` per meeting file, 13 month files parsed, 40,000 parts "
    "made). The first-open rows measure that: a list kept by a screen opened after the last "
    "meeting (the bench keeps both first, as that screen would), read by the start screen "
    "ahead of the key (below). Any change in `meetings/` "
    "(a step, an open, a file copied in, a crash between a meeting write and the summary "
    "write) moves the folder's stamp, and the next read is the full one: every meeting's "
    "stamp checked against its summary row, stale rows rebuilt from the logs, the list "
    "ordered anew; after it the list is kept again (in slices, 1 s after the screen is "
    "drawn) once the folder has been still for 2 s. The opened-again rows measure that full "
    "path in process, since each run's `d` changes a meeting: the read after one meeting "
    "changed took 0.23 s of CPU (cProfile) before, and now about 30–45 ms for each list "
    "(str paths for the 5,000 stats; the listings make their tuples with the cyclic "
    "collector off, as it walked the whole heap every 7,000 allocations; the follow-ups' "
    "order is kept and only the changed meeting's are placed anew, domain/followup_order.py; "
    "a stale kept file's header is read without its body; the loop offers the interpreter "
    "to the UI thread every 100 meetings, `time.sleep(0)`, so the screen's frames no longer "
    "wait for it). After the first summary read the "
    "screens freeze the collector's generations once (`gc.freeze`): the 200,000 objects that "
    "read leaves had made full collections of 0.1–0.3 s at random keys (seen in process; the "
    "p90s here are still this shared machine's load). Mounting the screen was about 90–110 "
    "ms of stylesheet `apply` per open (cProfile at 10 meetings, the same at 5,000), most "
    "of it the footer's one styled `FooterKey` widget per key: the footer is now one widget "
    "drawing its keys as a line of text (tui/widgets/key_footer.py; CPU of a first open in "
    "process about 100 → 60–80 ms), and each screen is made once per app and shown again "
    "(`ArchiveListScreen.open`), reading again only if the archive's stamp moved and "
    "leaving the table as it is when the read brings the rows shown (CPU of an open again "
    "in process, 10 meetings, about 100 → 22–28 ms). Since 2026-12-02 the start screen "
    "makes both screens ahead, from 0.1 s after its first frame, between its slices of rows "
    "(`StartScreen.preload`, one step per message: each screen's module imported, the "
    "screen made and installed but not mounted, so no widget, layout or frame, and its "
    "stylesheet file read: the first push had parsed the app's whole stylesheet again and "
    "restyled every widget, 25–45 ms; then a thread reads both kept lists), and a screen "
    "whose list is in memory and still true draws its rows in its first frame, without a "
    "worker's round trip or a loading line. The table is a `FixedWidthTable` (a page's 1,600 "
    "cells were measured on idle, 20–40 ms), and the push's resize no longer draws the 200 "
    "rows a second time. Rows of the start screen still to come wait while another screen "
    "is shown (each slice redrew the whole list screen above it). Shown again after a "
    "change, the screen draws the rows it has and only then starts its re-read, and a "
    "re-read that brings the same rows and problems draws nothing (the problems line was "
    "updated anyway: a layout pass and the scrollbars redrawn a frame after the list was "
    "complete, 100–150 ms after the key at 5,000 meetings). Interleaved pty runs "
    "(2026-12-02, main then this code, load average about 2.3 on the 2 cores, medians): "
    "first open `b` 10 meetings 158 → 110 ms, 5,000 199 → 95 ms; `f` 188 → 106, 185 → "
    "93 ms; opened again `b` 101 → 74 (10), 143 → 88 ms (5,000); `f` 99 → 63, 116 → 86 "
    "ms (those runs still had the toast of the `d`, laid out again on each screen shown). "
    "What remains is the push and the frames of a whole screen. The "
    "verb "
    "prints what it printed last (`summaries/backlog.<lang>.printed`, kept under the same "
    "stamps) while no meeting changed, else the kept lines decoded in one `json.loads` and "
    "written in one `write` (0.08–0.12 s in process at 5,000), and keeps that text; the "
    "bench's first run keeps it and the measured runs print it. Since 2026-12-03 that kept "
    "text is printed before `meeting_tui.cli` is imported (verbs/quick_backlog.py, asked by "
    "launch.py after the quick `list`; it imports the standard library and store/kept_files.py "
    "alone): it checks the two stamps, the release that kept the text, the language and the "
    "CRC-32, and prints; anything else (another folder option, a change in `meetings/` or the "
    "index, a torn or edited file, another release) runs the whole verb "
    "(tests/test_cli_quick_list.py). Before, the whole-process time was the interpreter and "
    "the CLI's imports (`meeting_tui.cli` with the domain and store packages, 80–110 ms on "
    "this loaded machine, near 150 ms at times at 10 meetings as at 5,000); now it is the "
    "interpreter, `json`, `zlib` and one read. The first run after a meeting changed has its "
    "own rows (since 2026-12-03; two since 2026-12-04): a meeting file written again (renamed "
    "over the old one, as a step writes it), then the whole verb in a fresh process, once "
    "after the verb's own last run and once after a screen kept the list since. Until "
    "2026-12-04 it read the archive summary whole (cProfile at 5,000 meetings: 13 month files "
    "parsed, 0.15 s; their 5,000 rows made into summaries, 0.25 s; 5,000 stats) and made the "
    "list's 10,000 entries and their lines anew (0.27 s): 1.2–1.5 s wall against 0.11–0.16 s "
    "at 10 meetings. Now it brings the kept list up to date (store/backlog_update.py): beside "
    "the list is its basis (`summaries/backlog.basis`: each meeting's file stamp, date, "
    "number of deferrals and what it took up, 365 KB at 5,000), the index is listed and each "
    "meeting file's stamp taken as the full read does, the changed meeting's summary is read "
    "(its month's row, or its log folded when the file is newer than its month), its own "
    "lines and those of the deferrals it took up, then or now, are made anew, and every "
    "other line is the kept one; the text printed at the kept list's stamp is spliced the "
    "same way, only the new lines decoded (verbs/backlog_verb.py; when the screen kept the "
    "list after the text was printed, every line is decoded, about 0.1 s more). "
    "tests/store/test_store_backlog_update.py checks it against the logs folded and the "
    "verb's text and JSON against the full read, after each kind of change. What remains "
    "(cProfile, 2026-12-04, 0.32 s under the profiler, 0.19–0.30 s wall): the interpreter "
    "and the CLI's imports (`meeting_tui.cli` 62 ms, the domain package 38 of it), the "
    "index listed through the store (`list_meetings` 68 ms: the index's TinyDB file parsed, "
    "`meetings/` listed), 5,000 stats (18 ms) and the comparison with the basis (20 ms), the "
    "basis and the kept files read and parsed (about 30 ms). ≤ 150 ms would need this on the "
    "light path before the CLI loads, as the kept text is (verbs/quick_backlog.py), with the "
    "index read as the quick `list` reads it; the 10-meeting figure is that floor already.",
    "- Marking done: the store's part is the other meeting opened (lock, a backup when its "
    "newest differs), the event appended (file and folder fsynced), that month's summary "
    "rewritten and fsynced — through the process's shared summary, so the month is parsed "
    "once, and with each row's JSON kept, so only the changed row is encoded (about 17 ms of "
    "CPU, 21 ms wall in process at 5,000 meetings, 2026-12-02; of it the open's sweep of "
    "leftovers lists `meetings/` twice, about 5 ms, and the index is read twice, about 4 ms). "
    "The screen's part is now one row: the done follow-up stays in its row, shown 已落实 "
    "with the date, and goes among the done ones when the list is left "
    "(`ArchiveListScreen.replace_in_place`); the table is a `FixedWidthTable`, whose "
    "`update_cells` draws that row alone (a row removed and another added had Textual's "
    "DataTable drop every line it drew: 22 lines drawn again, 60–120 ms traced), and no toast "
    "is mounted (a widget, two layout passes and a second frame 30–60 ms after the row's; a "
    "line in the heading instead was also a second frame, since its refresh reached the "
    "screen after the table's). Interleaved pty runs at 5,000 meetings (2026-12-02, 3 apps "
    "each, 8 `d` per app): median 24 ms (p90 61) against 129 ms (p90 171) before. The "
    "reordering on leaving is about 15 ms of CPU after the start screen's frame.",
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
    "(tests/test_cli_light_imports.py). The CLI imports only the module of the verb it runs "
    "(`cli.VERB_MODULES`), and since 2026-12-02 that module imports only what the verb runs "
    "(`new`'s commands and agenda files, `backlog`'s summary, `open`'s live meeting load in "
    "their branches), platformdirs loads only when no folder is named, the store package "
    "loads its names on first use, and the benchmark compiles the bytecode first (this "
    "machine's environment sets PYTHONDONTWRITEBYTECODE=1: each run compiled the modules "
    "again, about 40 ms). The floor, measured interleaved (process CPU by wait4, medians of "
    "20): `import rich` 23 ms; a stdlib-only script that parses the same arguments with "
    "argparse, reads index.json with json and lists meetings/ 30 ms (1.3×); `list` 102 → "
    "80 ms (4.4× → 3.4×). What `list` imports beyond that floor: the domain package (about "
    "11 ms, its model's dataclasses; the catalogue's `domain` words and the store's meeting "
    "files load it), the store's archive, index, lock and storage with TinyDB (about 8 ms), "
    "the catalogue and the CLI (about 5 ms). 1.3× `import rich` is the floor of a program "
    "that uses argparse at all; coming near it would need the listing to read the index "
    "without the store's archive and the domain, and the domain's words loadable without "
    "the domain package. Since later on 2026-12-02 the command's entry point holds the "
    "cyclic collector back while the program starts (meeting_tui/startup.py): `list` made "
    "28 collections while its modules loaded, now none (tests/test_startup.py). Since "
    "2026-12-02 (afternoon) the command's entry point answers a plain `list` (with `--json` or not, "
    "after `--data-dir DIR` or none) before the CLI loads, when the archive is still: the "
    "index parses, it knows every meeting file and no other, and no row is in session or "
    "damaged (meeting_tui/verbs/quick_list.py, store/listing.py). That path reads "
    "index.json with `json` and lists meetings/ with `os.scandir`, so it is the stdlib floor "
    "above; every other case (an index to repair, a file it does not know, a meeting in "
    "session, an empty archive, another option) takes the whole CLI as before, and "
    "tests/test_cli_quick_list.py compares the two byte for byte on the same archives. "
    "Measured interleaved before the bench (20 runs, 10 meetings): `import rich` 33 ms, "
    "`list` 39 ms (1.18×).",
    "- The opened-again rows (2026-12-02, afternoon) no longer count the first round: it "
    "was each screen's first open in the bench's app, 0.5–0.8 s at 5,000 meetings (the "
    "p90 of every earlier run), and with 3 runs the median was the second slowest. Each "
    "counted `b` and `f` now follows a `d`, so each is the full re-read of a changed "
    "archive; the first open has rows of its own.",
    "- The first opens (2026-12-03) take 7 fresh apps per screen and archive (3 before), the "
    "10- and 5,000-meeting archives in turns within each run (before: all 10 first, then all "
    "5,000): in the bench of 2026-12-03 13:44 the 5,000-meeting `b` took 84 ms as in the run "
    "before (82), but its 10-meeting baseline came out at 53 ms against about 75, and the "
    "ratio of two medians of 3, measured minutes apart, read 1.6×.",
]


def screens(folder: Path, runs: int) -> dict[str, list[float]]:
    """`b` and `f` opened again from the start screen, each `runs` times, a `d` in follow-ups.

    A round first that is not counted: each screen's first open in this app (the
    first-open rows measure that). Counted, it was the slowest of the 3 runs at
    5,000 meetings (0.5–0.8 s: the p90), and the median of 3 was the second slowest.
    """
    out: dict[str, list[float]] = {"b": [], "f": [], "d": []}
    with tm.app([], folder) as app:
        app.wait_for_text("全年议题汇总")
        for counted in [False] + [True] * runs:
            for key in ("b", "f"):
                took = tm.key(app, key, tm.has(app, MARKER))
                if key == "f":
                    done = tm.key(app, "d")
                    if counted:
                        out["d"].append(done)
                if counted:
                    out[key].append(took)
                tm.key(app, "\x1b", lambda: not tm.has(app, MARKER)())
    return out


def first_opens(folders: list[Path], runs: int) -> list[dict[str, list[float]]]:
    """`b` and `f`, each the first archive list opened in a freshly started app, per folder.

    The folders take turns within each run, so both see the machine's load of the moment."""
    out: list[dict[str, list[float]]] = [{"b": [], "f": []} for _ in folders]
    for _ in range(runs):
        for key in ("b", "f"):
            for folder, figures in zip(folders, out, strict=True):
                with tm.app([], folder) as app:
                    app.wait_for_text("全年议题汇总")
                    figures[key].append(tm.key(app, key, tm.has(app, MARKER)))
    return out


def keep_summaries(folder: Path) -> float:
    """Seconds to build and keep the summary of every meeting from its log (none kept yet)."""
    from meeting_tui.store.archive import Archive
    from meeting_tui.store.archive_summary import ArchiveSummary

    began = time.perf_counter()
    summaries, problems = ArchiveSummary(Archive(folder)).read()
    assert summaries and not problems
    return time.perf_counter() - began


def verb(args: list[str], runs: int, before: Callable[[], None] | None = None) -> list[float]:
    """Seconds per whole `meeting-tui ARGS` process (`before` each one, untimed)."""
    seconds = []
    for _ in range(runs):
        if before is not None:
            before()
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "meeting_tui", *args], check=True, capture_output=True
        )
        seconds.append(time.perf_counter() - began)
    return seconds


def rewrite_a_meeting(folder: Path) -> None:
    """One meeting file written again as a step writes it (a new file renamed over the old):
    the folder's stamp and that meeting's move, so nothing kept for the verb holds."""
    meeting = min((folder / "meetings").glob("*.json"))
    temp = meeting.with_name(meeting.name + ".bench")
    temp.write_bytes(meeting.read_bytes())
    os.replace(temp, meeting)


def backlog_verb(folder: Path, runs: int) -> tuple[list[float], list[float], list[float]]:
    """Whole processes: (a meeting changed since a screen kept the list, a meeting changed since
    the verb's last run, no meeting changed since then: the kept text printed by the quick path).

    Each run after a change rewrites the same meeting again, so each finds one meeting changed
    since the list was kept (nothing is kept from a folder written in the last file-clock tick).
    """
    args = ["--data-dir", str(folder), "backlog"]
    since_screen = verb(args, runs, before=lambda: rewrite_a_meeting(folder))
    settle(folder)
    verb(args, 1)  # keeps the list and its text again: not timed
    since_verb = verb(args, runs, before=lambda: rewrite_a_meeting(folder))
    settle(folder)
    verb(args, 1)
    return since_screen, since_verb, verb(args, runs)


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


def settle(folder: Path) -> None:
    """Wait until the archive's last write is older than a file-clock tick, as after a meeting.

    Lists are kept on disk only from a still archive (store/archive_lists.py); the
    archive was just built, and a real one was last written at the last meeting.
    """
    from meeting_tui.store.archive_summary import RACY_NS

    newest = max(
        os.stat(folder / "meetings").st_mtime_ns, os.stat(folder / "index.json").st_mtime_ns
    )
    time.sleep(max(0.0, (newest + RACY_NS - time.time_ns()) / 1e9 + 0.1))


def keep_lists(folder: Path) -> None:
    """Make and keep the backlog and follow-up lists, as a screen opened after the last meeting did."""
    from meeting_tui.store.archive import Archive
    from meeting_tui.store.archive_lists import BACKLOG, FOLLOWUPS, KeptLists

    settle(folder)
    for kind in (BACKLOG, FOLLOWUPS):
        read = KeptLists(Archive(folder)).read(kind)
        assert read.keep is not None and not read.problems, kind.name
        read.keep()


def run(root: Path, archive_only: bool = False) -> str:
    began = time.perf_counter()
    tm.compile_package()
    fx = sm.build(root)
    keep_summaries(fx.archive10)
    rebuilt = keep_summaries(fx.archive5000)  # the archive as the app leaves it: summaries kept
    small, large = screens(fx.archive10, RUNS_SMALL), screens(fx.archive5000, RUNS_LARGE)
    keep_lists(fx.archive10)
    keep_lists(fx.archive5000)
    first_small, first_large = first_opens([fx.archive10, fx.archive5000], RUNS_FIRST)
    changed_small, after_verb_small, verb_small = backlog_verb(fx.archive10, RUNS_VERB)
    changed_large, after_verb_large, verb_large = backlog_verb(fx.archive5000, RUNS_VERB)
    if archive_only:  # `--archive-only`: the archive rows alone, printed, never written to the doc
        rows = [
            flat_row("backlog screen `b`, opened again", large["b"], small["b"]),
            flat_row("follow-ups screen `f`, opened again", large["f"], small["f"]),
            flat_row("`b`, first open after start", first_large["b"], first_small["b"]),
            flat_row("`f`, first open after start", first_large["f"], first_small["f"]),
            flat_row("`backlog` verb, whole process, kept text", verb_large, verb_small),
            flat_row("`backlog` verb, changed since a screen kept", changed_large, changed_small),
            flat_row("`backlog` verb, changed since its run", after_verb_large, after_verb_small),
            tm.row(
                "`d`, 5,000 meetings", large["d"], None, "≤ 50 ms", tm.stats(large["d"])[0] <= 50
            ),
        ]
        return "\n".join(rows)
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
        flat_row(
            "`backlog` verb, whole process, its kept text printed (no meeting changed since "
            "its last run)",
            verb_large,
            verb_small,
        ),
        flat_row(
            "`backlog` verb, whole process, first run after a meeting changed since its last run",
            after_verb_large,
            after_verb_small,
        ),
        flat_row(
            "`backlog` verb, whole process, first run after a meeting changed, the list kept by a "
            "screen since its last run",
            changed_large,
            changed_small,
        ),
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
        return run(Path(root), archive_only="--archive-only" in sys.argv[1:])


if __name__ == "__main__":
    from perf_doc import run_alone  # beside this file: the script's folder is on sys.path

    run_alone(main)
