"""TUI benchmark: keystrokes, cold start and idle of the session screen against a bare Textual app.

Measured from outside in a real pseudo-terminal (tests/pty_app.py), the app
and the bare app (bare_app.py: Header, Static, one Input, Footer) alive side
by side and measured alternately, so both see the same load:

- a key → frame complete (the last byte before 40 ms of silence): a digit in the
  vote form and an arrow key in the motion table at 80×24 and 120×40; then,
  with all 500 motions shown (`l`), `]`, a whole vote burst `v1⇥2⇥3⏎` and a
  whole deferral burst, each written in one write and timed until its result is
  on screen (the vote panel's count, the strip's number of deferrals) and 40 ms
  of quiet follow. The bare app's figure is a digit typed into its Input.
  Every key also pays the type-ahead ordering (tui/key_order.py): it is held
  until the app has settled after the key before.
- cold start → first complete frame: `open` of the 500-motion meeting, and the
  start screen over an archive of 5,000 meetings, vs the bare app's first frame;
- idle for 30 s with the session open (clock running): CPU from /proc/<pid>/stat
  (utime+stime), and peak memory (VmHWM), both processes at once.

`main()` returns the `## TUI` section for docs/performance.md; `python
tests/bench/bench_tui.py --write-docs` runs it alone and writes that section.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import session_meetings as sm
import tui_measures as tm
from pty_app import PtyApp

KEYS = 25  # per key and size
STARTS = 15
# `open`'s first complete frame: the motion table's rows are drawn. Every bench motion's
# proposer is this name and only the table's rows show it, whatever item the key rows before
# have moved the meeting on to ("表决" is also the vote panel's title and the footer's).
FIRST_ROW = "李姓居民"
IDLE_S = 30.0
TARGET_KEY, TARGET_COMMAND = 1.5, 3.0
TARGET_OPEN, TARGET_START = 1.3, 1.5
TARGET_IDLE_CORE, TARGET_IDLE_RATIO, TARGET_MEMORY = 0.01, 1.3, 1.5


NOTES = [
    "Where the time goes (cProfile and pyinstrument of the app, in the pty and in process, "
    "2026-12-01). The machine is shared: pty figures move with its load; the in-process CPU "
    "figures below (process time per key, medians, old and new code run alternately) move "
    "less.",
    "- Since the motion table updates its rows in place (`update_cell`, `add_row` for new "
    "ones) instead of clear + 500 `add_row`, `]` with 500 motions shown fell from 144 ms to "
    "about 50 ms; `Static.update(..., layout=False)` for the vote panel, agenda and header "
    "took the vote digit from 44 to about 31 ms; the start screen builds its rows once and "
    "draws its first 120 before the rest (5,000 meetings: 2.9 s → 1.1 s).",
    "- Vote and deferral confirmed, and `]` (2026-12-02): the vote and deferral forms are "
    "drawn on the session screen (`EntryPanel`, a layer of its own, composed once and shown "
    "or hidden), so no screen is pushed, styled or laid out behind them; the bottom strip no "
    "longer lays out the whole screen on every command (`]`: one frame instead of two); a "
    "changed cell draws its own row only, and the motion table keeps what it drew across a "
    "change of focus and of cursor (Textual keys every row by one update count, the cursor's "
    "place and the focus). Same pty run, 15 bursts each, the code without these changes vs "
    "with them, median (p90): `]` 48 (56) → 13 (22) ms, vote 232 (286) → 166 (220) ms, "
    "deferral 266 (317) → 177 (218) ms; bare app 6 ms (10) (the deferral row now waits for "
    "the strip to count it: it stopped before at the first silent 40 ms, while the dialog was"
    " built). What is left is per key: a burst is 7 (vote) or 20 (deferral) keys, each handed"
    " on once the app is quiet (tui/key_order.py), each answered by its own frame at "
    "Textual's 60 Hz (`Screen._on_timer_update`), each digit a layout pass (Textual's `Input`"
    " sets its `virtual_size`, a layout reactive, on every change) and a redraw of the form's"
    " lines; opening and closing the form redraw the 12 lines it covers. Against one "
    "keystroke of the bare app, 3× cannot be reached by a burst of 7 keys unless a key costs "
    "about 2 ms; it is the vote digit row's per-key cost.",
    "- Vote digit and arrow key: each was answered in two frames, the second painted no "
    "sooner than the next tick of Textual's 60 Hz update timer (the 40 ms rule counts to its "
    "end). The arrow repainted the whole screen (the screen's `selected` was a `reactive`, "
    "which repaints its screen: 12 KB at 80×24), then the vote panel a frame later (it "
    "followed the table by message); the digit drew its field, then the preview line a frame "
    "later (`Input.Changed`). The screen's state is now `var`, the panel follows the table's "
    "cursor and the preview the count fields by watchers, and `key_order.paint_in_one_frame` "
    "hands the screen every pending repaint at once: one partial frame per key "
    "(tests/tui/test_tui_key_frames.py). The vote panel repaints only its rows that changed "
    "(its render at 120×40: 2.7 → 0.3 ms of CPU). What a key costs now (pty byte timeline, "
    "wall-clock marks in the app): about 1 ms of type-ahead round before the key is handed "
    "on, 1 ms for the binding and the panes, 2.5–4 ms of compositor (`_render_chops`: the "
    "table's two rows, the panel's changed rows, and every widget the dirty box crosses), 0.5"
    " ms to write; the bare app repaints one line of its Input. (While the vote form was a "
    "pushed dialog, the session's clock repainted the whole dialog screen once a second, 12 "
    "KB at 80×24, inside some keys' 40 ms window; the form drawn on the session screen ended "
    "that.) Since then (2026-12-02, later): a key that finds the app at rest is handed on at "
    "once, with no round (every message's handling is counted, so a handler half done is "
    "seen; tests/tui/test_tui_type_ahead.py); the screens paint with `LineCompositor` "
    "(tui/line_compositor.py), which asks each widget only for the lines a frame shows and "
    "that no widget in front covers (Textual's asked every widget the dirty box crossed for "
    "all its lines: a digit drew the table, agenda and panel under the form; the same cells "
    "on the terminal, tests/tui/test_tui_line_compositor.py); and the vote preview is not "
    "wrapped to count its rows when it fits on one (0.5 ms a digit). In process, headless, "
    "a digit's paint is 2.7 ms, of which the field's and the preview's two lines are most "
    "(Textual's `Input.render_line` and the `Static`'s content rendered again); interleaved "
    "pty runs on the loaded machine gave a digit 10.5 → 9.2 ms at 80×24 and the arrow "
    "unchanged (7.4 ms; its frame was already two rows and the panel's). What is left is "
    "Textual's per key: the Input's and the Static's render of their changed line, the "
    "binding's dispatch and the frame's writer thread.",
    "- Cold start (profiles 2026-12-02: `-X importtime`, cProfile, and CPU from the "
    "interpreter's start to the first frame in process, headless, medians of 5 with the old "
    "code run alternately). Three causes, fixed: this machine's environment sets "
    "PYTHONDONTWRITEBYTECODE=1, so every started process compiled meeting_tui's ~100 modules "
    "from source (about 60 ms of an open); the benchmarks now compile the package first, as "
    "pip does at install (`tui_measures.compile_package`). app.py imported every screen, the "
    "factory the public view's app (and the publicity package), the vote panel the minutes "
    "package, and the factory loaded every catalogue area (the minutes' and publicity's "
    "packages with them); each screen's module now loads when it is first shown, the start "
    "screen's forms with the key that opens one, and the factory loads the areas the app's "
    "screens say (tests/tui/test_tui_light_start.py checks both first frames). The start "
    "screen added the 4,880 rows after its first screenful in one go just after the first "
    "frame; the driver writes frames from its own thread, which waited for the interpreter, "
    "so that frame reached the terminal 0.2–0.3 s late; the rows now go in slices of 500 on "
    "timers. CPU to the first frame, same run: bare app 215 ms; open 403 → 369 ms; start "
    "screen 435 → 366 ms (old code with bytecode too).",
    "- What is left of open's ~155 ms of CPU over the bare app: meeting_tui's imports before "
    "the app runs (the CLI, the domain, the store, the app: about 43 ms), opening and folding"
    " the 500-motion meeting (about 13 ms), the session screen's module with its panes and "
    "its dialogs' forms (about 28 ms at the time, of which the dialogs' forms about 15–20 ms:"
    " loaded on use since, see below), and Textual's own mount, styling and first render of "
    "the screen's ~50 widgets (in cProfile, `stylesheet.apply` about 4× and the first render "
    "about 6× the bare app's). Meeting 1.3× needs a first screen that Textual styles and "
    "draws faster (the footer is one widget since, see below); the start screen's remaining "
    "~150 ms inside Textual is its table, filter and footer mounted and styled.",
    "- Cold start, later on 2026-12-02 (in process, from the interpreter's start to the app's "
    "`Ready`, 5–6 runs each, old and new code alternately): the interpreter's cyclic "
    "collector ran about 130 times before `open`'s first frame, 40–80 ms, over objects that "
    "live as long as the program (1,244 of 54,000 were garbage at the first frame). The "
    "command's entry point (meeting_tui/launch.py) now raises the collector's first "
    "threshold from 700 to 100,000 new objects before anything is imported, and the app "
    "puts it back once its first frame is on its way, freezing what exists then "
    "(startup.py, tests/test_startup.py): none ran before that frame, and CPU to it was "
    "350–440 → 300–320 ms. The start screen listed the archive twice before its first "
    "frame (its mount, then the resume that follows it; 5,000 meetings, about 15 ms each): "
    "once now. In these pty runs the cold rows moved less than that CPU (the bare app "
    "moved between runs by as much), and the rest is as the bullet above says: "
    "meeting_tui's and Textual's modules (about 400 read from bytecode, `marshal` alone "
    "about 40 ms), and Textual's styling and first render of the screen.",
    "- Arrow key at 120×40: the agenda pane is shown there (26×37), and the clock's tick "
    "painted all of it each second for the one line of the active item's time (5.5 ms, "
    "inside some keys' 40 ms window); it is now a `ChangedRows` as the vote panel is "
    "(tui/widgets/changed_rows.py) and paints that line alone "
    "(tests/tui/test_tui_key_frames.py).",
    "- A vote and a deferral confirmed (2026-12-02) are now timed as what confirms them: the "
    "form opened and filled by the same keys (not timed, waited until the preview counts all "
    "three, or all three answers are shown), then Enter alone, until the form is gone and the"
    " vote panel shows the count (the strip the deferrals); the whole bursts stay as "
    "reference rows. Same period, 9 each, old code then new: Enter 66 (76) → 64 (66) ms for a"
    " vote, 66 (79) → 64 (113) ms for a deferral, bare 4–5 ms: about 13×, not 3×. In process "
    "(Pilot, CPU per Enter, median of 10) about 37 ms, of which under cProfile: one full "
    "layout pass of the screen, since the form's `display` goes off (about 30 %), redrawing "
    "the 12 lines the form covered and the table's changed rows (about 35 %), restyling as "
    "the focus goes back to the table (`Stylesheet.apply`, about 12 %), the command with its "
    "fsynced append, the fold and the panes (about 14 %). 3× would need a form hidden without"
    " a layout pass of the screen and a repaint limited to what it covered (Textual lays out "
    "and redraws the screen on any `display` or `visibility` change).",
    "- A digit in a count field no longer lays out the screen (CountInput sets Input's "
    "`virtual_size` without the layout reactive's pass; "
    "tests/tui/test_tui_count_digit_layout.py): CPU per digit in process 18.5–19.7 → "
    "10.8–11.8 ms (two runs each, old and new alternately). Tab (about 20 ms: restyling as "
    "the focus moves) and `v` (about 41 ms: two layout passes as the form is shown) are "
    "unchanged.",
    "- Open without the session's dialogs: the session modules import every form and dialog "
    "where its key opens one; the vote and deferral forms mount on their first key, their "
    "modules are imported 0.5 s after the first frame (session_entries.py). CPU from the "
    "interpreter's start to the first frame in process, median of 9, old vs new alternately: "
    "459 → 390 ms; pty cold `open` 467 (482) → 411 (440) ms, bare 222 ms: 2.1× → 1.9×, not "
    "1.3×. What is left is the imports before the app runs, the fold of 500 motions, and "
    "Textual's mount, styling and first render of the screen's widgets.",
    "- The footer is one widget (tui/widgets/key_footer.py): Textual's `Footer` mounted a "
    "styled `FooterKey` per key, 3 style applies each. KeyFooter draws the keys as one line "
    "of text (same look; a click on a key runs it; tests/tui/test_tui_key_footer.py). The "
    "session screen at `open` has 13 nodes instead of 50 and 104 stylesheet rules instead of "
    "199; CPU of a cold `open` to first idle, in process, 558 → 386 ms, of which "
    "`stylesheet.apply` 211 → 83 ms. A focus change on the session screen no longer repaints "
    "the whole screen (Textual's `Screen.focused` is a reactive that repaints; SessionScreen "
    "declares it with repaint=False: the widgets gaining and losing focus still redraw; "
    "tests/tui/test_tui_entry_repaints.py): Enter in a form is 2 frames instead of 3 (one "
    "since, see below), CPU per"
    " Enter in process 35 → 32 ms, per `v` 39 → 36 ms. What is left of the Enter, about 32 ms"
    " of CPU against 65 ms of wall time in the pty (half of it not CPU, not measured "
    "further): one full layout pass as the form's `display` goes off (the reflow itself about"
    " 2 ms; the ~21 ms repaint run from inside it, half of that the table's `render_lines`), "
    "`Stylesheet.update_nodes` as the focus goes back (8–9 ms, 23 nodes), and the command "
    "(fsynced append under 1 ms on this disk, the fold, the panes). What remains of the cold "
    "start is the imports before the app runs, the fold of the 500 motions (13 ms), and "
    "Textual's first render (`render_update` about 109 ms in cProfile, the motion table's "
    "`render_lines` 69 ms of it); of the start screen with 5,000 meetings, its table's "
    "`render_lines` as the rows arrive in slices.",
    "- A vote and a deferral confirmed in one frame (2026-12-02). The Enter was answered in "
    "two: the layout pass as the form's `display` went off was painted as soon as the screen "
    "was idle, the table under the form still in its unfocused look; the panes the command "
    "changed, the field and the table restyled as the focus came back (`Blur` and `Focus`, "
    "each handled in the widget's own queue) and the table's scrollbars (Textual repaints "
    "both on every layout pass, in `_scroll_update`) came a frame later, no sooner than the "
    "next 60 Hz tick. The close now holds the frames (`App.batch_update`, "
    "tui/frame_hold.py) until the widgets losing and gaining the focus have handled it, then "
    "hands the screen every pending repaint, the scrollbars' too, and the table repaints a "
    "scrollbar only when its window changed: one frame (tests/tui/test_tui_key_frames.py). "
    "A changed cell finds its row's drawn lines by their place instead of looking up the row "
    "of every line kept (about 1 ms with 500 motions). Three pty runs, old and new code "
    "interleaved, 10–15 each, medians (a loaded machine: the bare app 11–13 ms): vote 87 → "
    "58, 96 → 69, 90 → 71 ms; deferral 74 → 62, 87 → 105, 85 → 71 ms (and against the "
    "line compositor, 12 each: vote 88 → 71, deferral 107 → 70 ms); in process, CPU per "
    "deferral Enter, three runs alternately, 55–60 → 43–52 ms. What is left (wall-clock "
    "marks in the app, "
    "one Enter with 500 motions shown): the command, about 11 ms (the meeting file rewritten "
    "whole and atomically by `MeetingFile.append`, two fsyncs and a rename, 3.5–5 ms; the "
    "panes 4–6.5 ms, of which the table's pass over 500 motions 1–2 ms and the vote panel's "
    "render 1–1.7 ms); the restyles as the focus moves (the field 1.5–3 ms, the table about 4 "
    "ms: Textual's `Stylesheet.apply` for the table and its 16 component classes); the "
    "layout pass and its frame, 10–16 ms (the whole table region, since `:focus` changes its "
    "tint and border, and the 12 lines the form covered); and 4–8 ms between the field's "
    "`Blur` and the table's `Focus` in which no message is handled (not measured further). "
    "3× bare (12–15 ms) would need the "
    "meeting's steps appended to a journal rather than the file rewritten (as the owners' "
    "decisions are, store/journal.py: an append and fsync is about 0.14 ms), the table's "
    "focus look changed without Textual's restyle, and a frame limited to what the form "
    "covered.",
    "- Arrow key (2026-12-02, afternoon). Textual's cursor keys hide the mouse's hover cursor on every "
    "press and repaint the hover row each time, shown or not: with no mouse, the first row "
    "went to the terminal again at every arrow, beside the two rows the cursor left and "
    "reached. The table now repaints it only when the hover cursor's visibility changes "
    "(`FixedWidthTable._set_hover_cursor`; tests/tui/test_tui_fixed_width_table.py). The vote "
    "panel and the agenda pane keep the rendered rows of their last 8 texts "
    "(`ChangedRows`), so a motion shown a moment ago is not wrapped and rendered again. In "
    "process, from the key's dispatch to the frame's flush (pty, 3 runs of 20 arrows, old "
    "and new code alternately, medians): 4.2 → 3.4 ms at 80×24, 4.7 → 3.6 ms at 120×40. "
    "The bench's arrows now start with an up: the cursor starts on the last motion, where "
    "the first down moved nothing and was timed by the hover row's repaint alone. What "
    "is left of a key's time outside the app (the driver's input thread and parser, the "
    "writer thread, the pty) is about 3 ms, as in the bare app.",
    "- Cold start trims (2026-12-02, afternoon): a lock's token is `os.urandom(8).hex()` (as "
    "`secrets.token_hex(8)`, without hmac and hashlib's OpenSSL library), the checkpoint's "
    "salt module loads at the first close, the TOML parser only when a config file exists, "
    "and every table draws a `str` cell or heading as text without a markup parse "
    "(tui/widgets/text_table.py: Textual's DataTable parsed each as Rich markup at every "
    "draw, which also loaded Rich's emoji table at the first, and a tag-like kind or count "
    "in a hand-edited index raised MarkupError on the start screen). "
    "tests/tui/test_tui_light_start.py checks none of these modules loads before the first "
    "frame. Measured before the bench: the program's own modules cost about 53–55 ms of "
    "a cold `open` with every third-party module already loaded (in process, 5 runs); "
    "the largest are the domain's model (9 StrEnums and 10 dataclasses, about 10 ms in "
    "`-X importtime`), the session screen and its widgets; Textual's stylesheet parse is "
    "17 ms against the bare app's 8, its `apply` 30 ms against 14 (more widgets and "
    "rules), the first render 15 ms against 4 (the motion table). Coming to 1.3× the "
    "bare app would need about a third of that gone: fewer and cheaper domain classes "
    "at import, fewer widgets and rules in the first frame.",
    "- First frame made once (2026-12-02, afternoon; traced in the pty with marks on "
    "`App._display`, `Screen._compositor_refresh` and the driver's writes). Textual mounts "
    "the first screen inside its start-up `batch_update` and the frame the screen's first "
    "layout pass asks for was made and then dropped by `App._display` (a batch is open): "
    "the session screen's whole render (14 ms) and the start screen's (30 ms) were waste, "
    "and the frame on the terminal was made again after `Ready`. A screen now makes no "
    "frame while the app starts (`KeyedScreen._compositor_refresh`) and is drawn whole at "
    "`Ready` (`GuardedApp.draw_held_frame`). Pushed after the app's stylesheet was parsed, "
    "the first screen's own files made Textual parse every source again and restyle the "
    "app (`App._load_screen_css`): they are now read with the app's (`read_with_own`), so "
    "the stylesheet is parsed once (parse about 20 → 15 ms, `apply` 37 → 31 ms, medians "
    "of 6 cold `open`s alternately). At 80 columns the session screen is `-narrow` from "
    "its construction (its first resize restyled the whole screen). The start screen adds "
    "a screenful (the terminal's height, not 120 rows) before its first frame and the rest "
    "after the frame is handed to the terminal (`GuardedApp.call_after_frame`): the first "
    "slice of 500 rows ran between the screenful and its frame (about 18 ms). "
    "tests/tui/test_tui_light_start.py checks each. What the first frame still costs, "
    "traced: the render itself, 24 ms for the session screen and 35 ms for the start "
    "screen at 80×24, most of it Textual's `DataTable` drawing each cell through Rich "
    "(`Padding`, `Styled`, `render_lines`, about 0.1 ms a cell).",
    "- First screen as the stack's base (2026-12-02, evening). The app pushed its first "
    "screen over Textual's empty default one, which was styled, resized and resumed first: "
    "the first screen is now the base (`MeetingApp.get_default_screen`), and leaving a "
    "meeting switches the base for the archive (tests/tui/test_tui_light_start.py). In "
    "process, median of 12 alternately, `App.run` → first frame 80 → 65 ms. Tracing the "
    "frames showed that `open`'s first frame did not have the motions: the screen fills "
    "its panes at mount, before the table is laid out, so the rows were made for a text "
    "column of 8 cells, then all made again at the first resize and drawn a frame later; "
    'this row\'s marker ("表决") was on screen before them. The table now makes its rows '
    "in the layout pass that gives it its width (`MotionTable._size_updated`), once, and "
    "the row waits for the table's rows (the bench motions' proposer, which only they "
    "show). The commands' modules load with the first that runs, or with the forms half a "
    "second after the first frame "
    "(domain/commands/__init__.py), and the who-votes check (which loads them) runs after "
    "the first frame: meeting_tui's imports before `App.run` 31 → 27 ms, the app's "
    "construction (with the session screen's imports) 21 → 16.5 ms, in process, 5 runs. "
    "Pty, 20–30 cold `open`s each, the code at the start of this evening vs now, "
    "interleaved: 1.37× → 1.34× the bare app (with the marker above). What is left, "
    "traced in the pty (medians of 10): meeting_tui's 78 modules, about 45 ms "
    "(`-X importtime`: the domain model's 10 dataclasses and 9 StrEnums 6–11 ms, the "
    "motion table's module 4 ms with Textual's DataTable); Textual's `Stylesheet.apply` "
    "32 ms against the bare app's 18 (the motion table's 16 component classes: 9 ms "
    "against 1); the first render 13–16 ms against 4, the motion table's 77 cells 9 ms "
    "of it. 1.3× needs about 10 ms more: fewer modules (or cheaper classes) before the "
    "first frame, or a table that draws a one-line text cell without Rich's `Padding` and "
    "`Styled`.",
    "- A one-line cell without Rich's layout, and the first screen styled once (2026-12-02, "
    "night). A table's one-line text cell is now made as the segments Rich would make of it "
    "(`TextTable._render_cell`, tui/widgets/text_table.py; spans, tabs, other justifications "
    "and overflows are left to Rich, and tests/tui/test_tui_text_table_cells.py holds 400 "
    "random cells and every cell of a real table to Rich's own render): the motion table's "
    "whole render in process 7.05 → 3.8 ms. The first screen was restyled whole as it was "
    "first shown (Textual's `ScreenResume`), each widget having been styled a moment before "
    "as it was mounted; that second pass is skipped the first time only "
    "(`KeyedScreen._on_screen_resume`; tests/tui/test_tui_light_start.py compares the styles "
    "with a forced full restyle): `Stylesheet.apply` before `open`'s first frame 37 → 18 ms "
    "(bare app 14). Pty, 24 cold `open`s each, old and new code interleaved: 293 → 282 ms, "
    "1.35× → 1.30× the bare app (217 ms).",
    "- The harness (2026-12-03). `PtyApp` fed each read to its `pyte` screen before the next "
    "read, and `pyte` takes about 15 ms for the 13.5 KB frame of a vote form closing at "
    "80×24 (2.6 ms for an arrow's 2.6 KB): a big frame's last byte was stamped that much "
    "after it came (traced: the app's last write at 40.0 ms after the key, stamped at 55.2). "
    "It now reads whatever comes within 2 ms of a read before anyone parses, the screen is "
    "parsed only when a condition asks for it, and a key's figure waits for 40 ms of quiet "
    "before it looks at the screen (tests/test_pty_app.py): the same Enter's last write and "
    "its stamp are now 0.5–2.5 ms apart. This lowers our rows more than the bare app's, "
    "whose answer is a line; the cold rows barely moved (14 cold `open`s with each harness, "
    "interleaved: 1.20× and 1.23×). The key rows now take 25 keys and the cold rows 15 "
    "starts (15 and 9 before), as their medians moved by about 0.5 ms between runs.",
    "- The Enter (2026-12-03). The footer read every active binding on each of four focus "
    "signals as a form closed (0.6–1.4 ms each, before the frame); it stays held until the "
    "closing frame is made and reads them once then (`FrameHold.before_release`; "
    "tests/tui/test_tui_key_footer.py), and each binding's copy in words is kept per "
    "language (a read 0.51 → 0.24–0.34 ms). A key handed on at rest with none held behind "
    "it no longer starts rounds of callbacks beside its frame (tui/key_order.py; "
    "tests/tui/test_tui_type_ahead.py). Pty, 12 each, the code of the night vs now, both "
    "with the new harness: vote Enter 40.0 (56) → 41.9 (48) ms, deferral 42.1 (63) → 38.1 "
    "(47): within the machine's noise. Where the Enter's 28–40 ms go now (wall-clock marks "
    "in the app, 500 motions, 80×24): the key and `Input.Submitted` about 3 ms; the command "
    "7.5–9 ms (`MeetingFile.append`, the file rewritten whole with two fsyncs, 2.5–3 ms; the "
    "panes 5–6 ms, of which the motion table's pass over 500 motions about 2 ms and the vote "
    "panel's text wrapped by Rich 1.75 ms); the field's restyle as it loses the focus "
    "1.5–2 ms and the table's as it gains it 3–5 ms (`Stylesheet.apply` for the table and "
    "its component classes); the footer's one read 0.5–1.5 ms; the layout pass and its frame "
    "8–13 ms (Textual's reflow and the repaint of the region the form covered, 12.5 KB); the "
    "write 0.5–2 ms. 3× the bare app is 12 ms: below the layout pass and the restyles alone. "
    "It would need the form hidden without a layout pass (Textual lays out the screen on any "
    "`display` or `visibility` change), the table's focus look without a restyle, and the "
    "meeting's steps appended to a journal (store/journal.py, as the owners' answers are).",
    "- The Enter, again (2026-12-03, afternoon). Closing a form restyled two widgets where "
    "nothing of it showed: the field, hidden in the same step, and the motion table, which "
    "took back under the form the focused look it had before. The table now keeps its look "
    "while a form is open over it and the field hidden with its form is restyled as the form "
    "shows again (tui/widgets/focus_look.py; tests/tui/test_tui_focus_look.py checks every "
    "look against a forced restyle), so neither is restyled and the table is not drawn again "
    "whole: only the lines the form covered. A command looks only at the rows of the motions "
    "its steps name (`domain.motions_changed`, held by a property test on random walks: a "
    "step applied in place changes no other motion; tests/tui/test_tui_motion_table_in_place"
    ".py counts the rows looked at, 1 instead of 62), and measures the columns only when a "
    "changed cell may resize one. The agenda pane, hidden at 80 columns, is no longer written "
    "out on each command and each tick of the clock. A deferral's archive summary (the "
    "month's file rewritten and fsynced, about 2 ms) is written after the frame that shows "
    "it (`LiveMeeting.summaries_after`; a crash before it is written leaves the summary stale "
    "by the meeting file's stamp, and the reader rebuilds it). Wall-clock marks in the app, "
    "key read to last write, 10 Enters each, old code then new: vote 21.9 → 16.7–16.9 ms; "
    "the table's restyle (3–5 ms) and the field's (1.5–2 ms) are gone and the frame's repaint "
    "went 3.9 → 1.8–2.6 ms. Pty, one app at a time, 12 Enters each, twice: vote 19.7 and 24.3 "
    "→ 17.6 and 16.9 ms, deferral 16.8 and 20.5 → 16.2 and 17.2 ms (bare app 3.2–4.2). What "
    "is left, about 12–17 ms in the app: the key to `Input.Submitted` 1.3–1.8 ms; "
    "`MeetingFile.append` 2–5 ms (the whole file rewritten, two fsyncs; a journal line "
    "would be 0.2 ms in process against 1.3); the panes 3–3.5 ms (the vote panel's Rich wrap "
    "1–1.5 ms); the footer's one read and the hold's release 1.5 ms; the layout pass and "
    "frame 3–4.3 ms (reflow 0.8–1.5 ms, then the lines the form covered). 3× bare is "
    "10–13 ms: a journal for the meeting's steps (readers without the lock, the archive "
    "summary's and the county's change stamps, restoring a backup, all taught to read it) "
    "and a form hidden without Textual's layout pass would each take 1–3 ms of it.",
]


FORM_OPEN = "确定Enter"  # the entry form's confirm button, spaces dropped: only while it is shown


def shown(pty: PtyApp) -> str:
    return pty.text().replace(" ", "")


def voted(pty: PtyApp) -> Callable[[], bool]:
    """The form is gone and the vote panel shows the stored count for 赞成."""
    return lambda: FORM_OPEN not in (text := shown(pty)) and "赞成1" in text


def deferred_as(pty: PtyApp, count: int) -> Callable[[], bool]:
    """The form is gone and the strip counts `count` deferrals."""
    return lambda: FORM_OPEN not in (text := shown(pty)) and f"暂缓事项{count}" in text


def fill_vote(pty: PtyApp) -> None:
    """`v`, then 1⇥2⇥3 as the chair types them, until the preview counts all three (not timed)."""
    tm.key(pty, "v", tm.has(pty, "出席的有表决权人数"))
    found = re.search(r"出席的有表决权人数(\d+)", shown(pty))
    assert found, "the vote form shows who may vote"
    tm.key(pty, "1\t2\t3", tm.has(pty, f"未表态 {int(found.group(1)) - 6}"))


def fill_deferral(pty: PtyApp, n: int) -> None:
    """`d`, then the reason, who keeps it and when, until all three are on screen (not timed)."""
    tm.key(pty, "d", tm.has(pty, FORM_OPEN))
    typed = (f"说明不清{n}", "街道办", "十二月")
    tm.key(pty, "\t".join(typed), lambda: all(t in shown(pty) for t in typed))


def ratio_ok(ours: list[float], base: list[float], limit: float) -> bool:
    return tm.stats(ours)[0] <= limit * tm.stats(base)[0]


def session_keys(fx: sm.Fixtures, columns: int, lines: int) -> list[str]:
    """Digit and arrow at this size; at 80×24 also `]`, vote and defer with 500 shown."""
    size = f"{columns}×{lines}"
    ours: dict[str, list[float]] = {
        name: [] for name in ("digit", "arrow", "]", "vote", "defer", "vote burst", "defer burst")
    }
    base: list[float] = []
    with (
        tm.app(["open", sm.LIVE_ID], fx.live500, columns, lines) as app,
        tm.bare(fx.live500, columns, lines) as bare,
    ):
        app.wait_for_text("表决")
        bare.wait_for_text(tm.READY)
        for n in range(KEYS):
            # Up first: the cursor starts on the last motion, where a down moves nothing.
            ours["arrow"].append(tm.key(app, "\x1b[B" if n % 2 else "\x1b[A"))
            base.append(tm.key(bare, "1"))
            tm.key(bare, "\x7f")
        tm.key(app, "v", tm.has(app, "赞成"))
        for _ in range(KEYS):
            ours["digit"].append(tm.key(app, "1"))
            base.append(tm.key(bare, "1"))
            tm.key(app, "\x7f")
            tm.key(bare, "\x7f")
        tm.key(app, "\x1b")
        lines_out = [
            tm.row(
                f"vote digit, {size}",
                ours["digit"],
                base,
                f"≤ {TARGET_KEY}× bare",
                ratio_ok(ours["digit"], base, TARGET_KEY),
            ),
            tm.row(
                f"arrow key in the motion table, {size}",
                ours["arrow"],
                base,
                f"≤ {TARGET_KEY}× bare",
                ratio_ok(ours["arrow"], base, TARGET_KEY),
            ),
        ]
        if columns != 80:
            return lines_out
        tm.key(app, "l", tm.has(app, "全部"))
        for n in range(KEYS):
            ours["]"].append(tm.key(app, "]"))
            ours["vote burst"].append(tm.key(app, "v1\t2\t3\r", voted(app)))
            tm.key(app, "\x1b[B")
            # Until the strip counts it: a silent 40 ms while the form opens is no frame complete.
            deferred = deferred_as(app, 2 * n + 1)
            ours["defer burst"].append(tm.key(app, f"d说明不清{n}\t街道办\t十二月\r", deferred))
            tm.key(app, "\x1b[B")
            fill_vote(app)
            ours["vote"].append(tm.key(app, "\r", voted(app)))
            tm.key(app, "\x1b[B")
            fill_deferral(app, n)
            ours["defer"].append(tm.key(app, "\r", deferred_as(app, 2 * n + 2)))
            tm.key(app, "\x1b[B")
            base.append(tm.key(bare, "1"))
            tm.key(bare, "\x7f")
        for name, what, target in (
            ("]", "`]` next item", True),
            ("vote", "vote confirmed (Enter in the filled form)", True),
            ("defer", "defer confirmed (Enter in the filled form)", True),
            ("vote burst", "(reference) whole vote burst `v1⇥2⇥3⏎`", False),
            ("defer burst", "(reference) whole deferral burst, 20 keys", False),
        ):
            line = tm.row(
                f"{what}, 500 motions shown, {size}",
                ours[name],
                base,
                f"≤ {TARGET_COMMAND}× bare" if target else "—",
                ratio_ok(ours[name], base, TARGET_COMMAND),
            )
            lines_out.append(line if target else line.rsplit("|", 2)[0] + "| |")
    return lines_out


def unordered_arrows(fx: sm.Fixtures) -> str:
    """The arrow key with and without the type-ahead ordering, interleaved: what it costs.

    A meeting is open in one window at a time (its lock), so the second app opens a copy."""
    copy = fx.live500.with_name("live500-copy")
    shutil.copytree(fx.live500, copy, ignore=shutil.ignore_patterns("*.lock"))
    ordered, plain = [], []
    with (
        tm.app(["open", sm.LIVE_ID], fx.live500) as app,
        tm.unordered(["open", sm.LIVE_ID], copy) as bare_keys,
    ):
        app.wait_for_text("表决")
        bare_keys.wait_for_text("表决")
        for n in range(KEYS):
            key = "\x1b[A" if n % 2 else "\x1b[B"
            ordered.append(tm.key(app, key))
            plain.append(tm.key(bare_keys, key))
    return tm.row(
        "(reference) arrow key, 80×24: with type-ahead ordering (ratio to without it)",
        ordered,
        plain,
        "—",
        True,
    ).replace("| ✓ |", "| |")


def cold_starts(fx: sm.Fixtures) -> list[str]:
    opened, started, base = [], [], []
    for _ in range(STARTS):
        opened.append(tm.start(tm.app(["open", sm.LIVE_ID], fx.live500), FIRST_ROW))
        base.append(tm.start_bare(fx.live500))
        started.append(tm.start(tm.app([], fx.archive5000), "全年议题汇总"))
        base.append(tm.start_bare(fx.live500))
    return [
        tm.row(
            "cold start: `open` 500 motions → first frame",
            opened,
            base,
            f"≤ {TARGET_OPEN}× bare",
            ratio_ok(opened, base, TARGET_OPEN),
        ),
        tm.row(
            "cold start: start screen, 5,000 meetings → first frame",
            started,
            base,
            f"≤ {TARGET_START}× bare",
            ratio_ok(started, base, TARGET_START),
        ),
    ]


def idle(fx: sm.Fixtures) -> list[str]:
    with tm.app(["open", sm.LIVE_ID], fx.live500) as app, tm.bare(fx.live500) as bare:
        app.wait_for_text("表决")
        bare.wait_for_text(tm.READY)
        tm.idle([app, bare], 2.0)  # settle; not a quiet wait: the clock writes every second
        ours, theirs = tm.idle([app, bare], IDLE_S)
        memory, bare_memory = tm.peak_memory_mb(app.pid), tm.peak_memory_mb(bare.pid)
    cpu_ok = ours <= TARGET_IDLE_CORE and ours <= TARGET_IDLE_RATIO * max(theirs, 1e-9)
    return [
        f"| idle CPU, session open, {IDLE_S:.0f} s | {ours * 100:.2f} % | {theirs * 100:.2f} % "
        f"| {ours / max(theirs, 1e-9):.1f}× | ≤ 1 % and ≤ {TARGET_IDLE_RATIO}× bare "
        f"| {'✓' if cpu_ok else '✗'} |",
        f"| peak memory (VmHWM), 500 motions | {memory:.0f} MB | {bare_memory:.0f} MB "
        f"| {memory / bare_memory:.1f}× | ≤ {TARGET_MEMORY}× bare "
        f"| {'✓' if memory <= TARGET_MEMORY * bare_memory else '✗'} |",
    ]


def run(root: Path) -> str:
    began = time.perf_counter()
    tm.compile_package()
    fx = sm.build(root)
    rows = session_keys(fx, 80, 24) + session_keys(fx, 120, 40) + [unordered_arrows(fx)]
    rows += cold_starts(fx) + idle(fx)
    return "\n".join(
        [
            "## TUI",
            "",
            f"`python tests/bench/bench_tui.py`; took {time.perf_counter() - began:.0f} s. "
            "Median (p90) of interleaved runs in a real pty, ratio of medians to the bare "
            f"Textual app in the same run. {KEYS} keys per row, {STARTS} cold starts.",
            "",
            "| measure | meeting-tui | bare app | ratio | target | |",
            "|---|---:|---:|---:|---|---|",
            *rows,
            "",
            *NOTES,
        ]
    )


def main() -> str:
    with tempfile.TemporaryDirectory(prefix="bench-tui-") as root:
        return run(Path(root))


if __name__ == "__main__":
    from perf_doc import run_alone  # beside this file: the script's folder is on sys.path

    run_alone(main)
