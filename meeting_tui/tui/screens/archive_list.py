"""A screen listing rows gathered across the archive (backlog, follow-ups): heading, table, footer.

Subclasses say which columns (and their widths at this screen size) and which
cells each entry has; the table is rebuilt on resize and keeps its cursor row.

The rows come from the kept lists (store/archive_lists.py: one ordered line per
entry, or made from the archive summary when a meeting changed), read in a
thread worker that posts `Loaded` back, as toolong's `run_scan` does: the screen
shows a loading line meanwhile and never waits on the disk. Only reads happen
in the worker; events are appended on the UI thread. The table holds the rows
a page at a time (`PAGE`): moving the cursor onto the last row shown adds the
next page, so a list of 30,000 follow-ups opens as fast as one of 30.

A screen is made once per app for the same archive and meeting (`open`) and
shown again at the next `b`/`f`: mounting and styling it was most of an
open's time. Shown again, it compares the archive's stamp with the one its
rows were read at and reads again only if a meeting changed, once the rows it
has are drawn; a read that brings the rows already shown (the screen's own `d`
or pick) leaves the table and the problems line as they are, so it draws nothing.
A row the screen changes is changed in place (one row drawn again); a done
follow-up stays in its row, shown done, until the screen is left, and then goes
where the list's order puts it (`replace_in_place`).

The start screen makes both screens ahead (`prepare`: installed, not mounted,
their stylesheet read) and has their kept lists read in a thread after its
first frame (start.py `preload`); a screen whose list is in memory and still
true shows it in its first frame, without a worker or a loading line.

The table is a `FixedWidthTable`: every column has its width, so a page of 200
rows is not measured cell by cell.
"""

from __future__ import annotations

import bisect
import gc
import itertools
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable, Static
from textual.worker import Worker, WorkerState, get_current_worker

from meeting_tui import i18n
from meeting_tui.domain.archive_views import Listing
from meeting_tui.store.archive import Archive
from meeting_tui.store.archive_lists import (
    ArchiveStamp,
    ListKind,
    archive_stamp,
    lists_of,
    read_already,
)
from meeting_tui.store.errors import StoreError
from meeting_tui.tui import keymap
from meeting_tui.tui.widgets.fixed_width_table import FixedWidthTable
from meeting_tui.tui.widgets.key_footer import KeyFooter

Entry = TypeVar("Entry")
PAGE = 200  # rows added to the table at a time
# A list made afresh is kept on disk (store/archive_lists.py) this long after it is
# shown: the worker and the UI share one interpreter, and the keys pressed next go first.
KEEP_AFTER_SECONDS = 1.0


_FROZEN = threading.Event()


def _freeze_once() -> None:
    """After the first read of the archive summary, keep the cyclic collector off what it made.

    That read leaves some 200,000 objects alive for the process's life (the
    summaries and the month files' rows); each later full collection walked
    them all, a stall of 0.1–0.3 s at some keypress. `gc.freeze` moves what
    exists now out of the collector's sight; a `gc.collect()` just before it
    frees the cyclic garbage already there, so none of that is frozen for ever.
    The cost: that one full collection (it walks the 200,000 objects once,
    some 10–15 ms of CPU in this worker, after the list is shown), and
    whatever is frozen and later becomes cyclic garbage (the screen open now, when left) is never collected.
    So it is done once per process: at every read it would leak a screen.
    """
    if not _FROZEN.is_set():
        _FROZEN.set()
        gc.collect()
        gc.freeze()


def cut(text: str, style: Style | str = "") -> Text:
    """A cell that ends in … rather than wrapping."""
    return Text(text, style=style, no_wrap=True, overflow="ellipsis")


class ArchiveListScreen(keymap.KeyedScreen, Generic[Entry]):
    CSS_PATH = "archive_list.tcss"
    COMPONENT_CLASSES = {"archive-list--done", "archive-list--alarm", "archive-list--muted"}
    COLUMNS: tuple[str, ...] = ()

    def tone(self, part: str) -> Style:
        """The theme's colour for a done, alarming or settled row (see themes.py)."""
        return self.get_component_rich_style(f"archive-list--{part}", partial=True)

    @dataclass
    class Loaded(Message):
        """The worker read the archive: the screen's entries, and the meetings it could not read."""

        entries: Listing[Any]
        problems: list[str]
        stamp: ArchiveStamp | None = None  # the archive's stamp the entries are true at
        bubble = False  # for this screen alone

    @classmethod
    def open(cls, app: App[Any], *made_with: Any) -> None:
        """Show this list: the screen made before if it was made with the same objects, else a new one.

        The screen is installed under its class's name, so leaving it (pop)
        keeps it, rows and all; a different archive or meeting makes it anew.
        """
        name = cls._installed_as()
        if app.is_screen_installed(name):
            kept = app.get_screen(name)
            if kept in app.screen_stack:  # shown already, under something: a new one on top
                app.push_screen(cls(*made_with))
                return
            if isinstance(kept, ArchiveListScreen) and _same(kept.made_with, made_with):
                app.push_screen(name)
                return
            app.uninstall_screen(name)
        cls._install(app, made_with)
        app.push_screen(name)

    @classmethod
    def prepare(cls, app: App[Any], *made_with: Any) -> None:
        """Make the screen ahead of its key, as `open` would, and read its stylesheet.

        Not mounted (no widget, no layout, no frame): `open` with the same objects
        then pushes this screen. Reading the stylesheet at the first push was the
        largest part of a first open: Textual parses every source of the app's
        stylesheet again and restyles every widget of the app (`App._load_screen_css`,
        Textual 8.2.8, pinned in pyproject.toml), and it skips both for a screen whose
        files the stylesheet has already (`Stylesheet.has_source`).
        tests/tui/test_tui_archive_list_ahead.py fails if a push still parses it.
        No widget is restyled here: the file's rules are all for this screen's widgets.
        """
        if app.is_screen_installed(cls._installed_as()):
            return
        screen = cls._install(app, made_with)
        stylesheet, new = app.stylesheet, False
        for path in screen.css_path:
            if not stylesheet.has_source(str(path), ""):
                stylesheet.read(path)
                new = True
        if new:
            stylesheet.reparse()

    @classmethod
    def _installed_as(cls) -> str:
        return f"archive-list.{cls.__name__}"

    @classmethod
    def _install(cls, app: App[Any], made_with: tuple[Any, ...]) -> ArchiveListScreen[Any]:
        screen = cls(*made_with)
        screen.made_with = made_with
        app.install_screen(screen, cls._installed_as())
        return screen

    def __init__(self, archive: Archive, title_key: str, empty_key: str) -> None:
        super().__init__()
        self.archive = archive
        self.title_key, self.empty_key = title_key, empty_key
        self.entries: Listing[Entry] = Listing.empty()
        self.working = True  # a read is under way (from the start: on_mount begins it)
        self._shown = 0  # rows in the table: the first pages of `entries`
        self._row_keys = itertools.count()  # a row's key (rows come and go: not its place)
        self.made_with: tuple[Any, ...] = ()  # what `open` made it with (the same: shown again)
        self.stamp: ArchiveStamp | None = None  # the archive's stamp the rows were read at
        self.shown_view: object = None  # `view()` when the rows were drawn
        self.read_once = False  # a read came back (shown again: check the stamp)
        self.interrupted = False  # left while a read was under way: read at the next showing
        # Entries changed in their rows that belong elsewhere in the order, with that order.
        self._unplaced: list[tuple[Entry, Callable[[Entry], Any]]] = []
        self._stale = False  # a redraw was skipped while a read was under way
        self._problems_said: list[str] = []  # the lines `show_problems` shows
        self._drawn_width = -1  # the screen's width when `show` last drew the table

    def compose(self) -> ComposeResult:
        yield Static(i18n.t(self.title_key), id="heading")
        yield Static("", id="problems")
        yield Static(i18n.t("archive_list.loading"), id="loading")
        yield Static(i18n.t(self.empty_key), id="empty")
        yield FixedWidthTable(cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        # Read ahead (the start screen's `preload`) and no meeting changed since: shown
        # now, in the first frame, without a worker's round trip or a loading line.
        kept = read_already(self.archive, self.list_kind())
        if kept is None:
            self.reload()
        else:
            self._take(kept.entries, [], kept.stamp)
        self.query_one(DataTable).focus()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show())

    def on_resize(self) -> None:
        """Columns sized anew for a new width; the first resize (the push's) finds the rows
        drawn at this width already when they were drawn at mount."""
        if self.size.width != self._drawn_width:
            self.show()

    def on_screen_suspend(self) -> None:
        """Left: a read or a keep under way stops, as when the screen was thrown away on leaving.

        Left for good (not covered by a form): the rows changed in place take
        their places.
        """
        self.interrupted = self.working
        self.workers.cancel_group(self, "archive-read")
        if self not in self.app.screen_stack:
            self._place_unplaced()

    def on_screen_resume(self) -> None:
        """Shown again: read again only if a meeting changed since the rows were read."""
        if self.interrupted:  # left before its read was back
            self.interrupted = False
            self.reload()
            return
        if not self.read_once or self.working:
            return  # the first showing (on_mount reads), or a read under way
        if self.view() != self.shown_view:
            self.show()
        # No stamp: the read was made while the archive was being written; read again.
        if self.stamp is None or archive_stamp(self.archive) != self.stamp:
            # The rows shown first, read again once they are drawn: the worker's read of
            # 5,000 meetings' stamps took the interpreter from that frame. `working` from
            # now, as for any re-read.
            self.working = True
            self.call_after_refresh(self._read_again)

    def _read_again(self) -> None:
        """The re-read `on_screen_resume` put after the frame (left since: at the next showing)."""
        if self.is_current and self.working:
            self.reload()

    def view(self) -> object:
        """What the cells depend on besides the entries (follow-ups: today, for 逾期)."""
        return None

    def room(self) -> int:
        """Cells left for the columns once the scrollbar and cell padding are paid for."""
        return self.size.width - 2 - 2 * len(self.COLUMNS)

    def widths(self) -> dict[str, int]:
        raise NotImplementedError

    def cells(self, entry: Entry) -> Sequence[Text | str]:
        raise NotImplementedError

    def list_kind(self) -> ListKind[Entry]:
        """Which kept list the rows are (store/archive_lists.py)."""
        raise NotImplementedError

    def reload(self) -> None:
        """Read the archive again in the worker; the table changes when `Loaded` arrives."""
        self.working = True
        self.query_one("#loading").display = not self.entries  # a re-read keeps the rows in view
        self._read_archive()

    @work(thread=True, exclusive=True, exit_on_error=False, group="archive-read")
    def _read_archive(self) -> None:
        """The screen's list (only reads, then keeps it); a meeting that cannot be read is named."""
        worker = get_current_worker()
        keep, summarised, read_stamp = None, False, None
        try:
            read = lists_of(self.archive).read(self.list_kind())
            entries, problems, keep, read_stamp = read.entries, read.problems, read.keep, read.stamp
            summarised = read.lines is None  # made from the archive summary, not the kept file
        except StoreError as error:  # the archive list itself cannot be read
            entries, problems = Listing.empty(), [error]
        if not worker.is_cancelled:
            said = [problem.message() for problem in problems]
            self.post_message(self.Loaded(entries, said, None if problems else read_stamp))
        if summarised:
            _freeze_once()
        # Kept unless the screen is left (or the app quits) first: an exit never waits for it,
        # and a list not kept now is made and kept at a later open.
        if keep is not None and not worker.cancelled_event.wait(KEEP_AFTER_SECONDS):
            keep()

    @on(Worker.StateChanged)
    def _read_failed(self, event: Worker.StateChanged) -> None:
        """A fault the read did not foresee: named on the screen, never a list left loading."""
        if event.worker.group != "archive-read" or event.state is not WorkerState.ERROR:
            return
        self.working = False
        self.query_one("#loading").display = False
        error = event.worker.error
        reason = f"{type(error).__name__}: {error}" if error is not None else "?"
        self.show_problems([i18n.t("archive_list.failed", reason=reason)])

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self._take(message.entries, message.problems, message.stamp)

    def _take(
        self, entries: Listing[Entry], problems: list[str], stamp: ArchiveStamp | None
    ) -> None:
        """The rows read (and the archive's stamp they are true at): drawn unless shown already."""
        # Back under a form after this screen's own `d`: the read brings the rows shown, each
        # in its place, and the rows changed in place stay where they are until the screen is left.
        own = bool(self._unplaced) and self._shows_already(entries, self._placed())
        same = own or self._shows_already(entries, self.entries)
        if not own:
            self.entries, self._unplaced = entries, []  # in their order: none to place
        self.stamp, self.read_once = stamp, True
        self.working = False
        self.query_one("#loading").display = False
        self.show_problems(problems)
        if not same:
            self.show()

    def _shows_already(self, entries: Listing[Entry], mine: Listing[Entry]) -> bool:
        """The table's page of `mine` is these entries' first ones, as many: no redraw needed."""
        shown = self._shown
        if self._stale or not shown or len(entries) != len(mine) or self.view() != self.shown_view:
            return False
        return all(entries[n] == mine[n] for n in range(shown))

    def replace_entry(self, old: Entry, new: Entry) -> None:
        """One row changed by this screen (a pick, a done): changed here, not re-read.

        Only that row's cells are replaced (`FixedWidthTable.update_cells`: it
        alone is drawn again). Redrawing the page (200 rows) was most of a `d`,
        and so was a row removed and another added: Textual's table drops every
        line it drew on either.
        """
        index = self.entries.index_of(old)
        self.entries.pop(index)
        self.entries.insert(index, new)
        self._unplaced = [(new if e is old else e, order) for e, order in self._unplaced]
        table = self.query_one(FixedWidthTable)
        if self.working or index >= self._shown or table.row_count != self._shown:
            self.show()
            return
        key = table.coordinate_to_cell_key(Coordinate(index, 0)).row_key
        table.update_cells(key, dict(zip(self.COLUMNS, self.cells(new), strict=True)))

    def replace_in_place(self, old: Entry, new: Entry, order: Callable[[Entry], Any]) -> None:
        """A changed entry whose place in the order is elsewhere (a done follow-up: the end).

        It stays in its row while the screen is shown: the facilitator sees what
        they just did, and a `d` pressed twice marks the same follow-up again
        rather than the one that would have moved under the cursor. It takes
        its place by `order` when the screen is left (`on_screen_suspend`), so
        the list shown again is the one a fresh read brings.
        """
        self.replace_entry(old, new)
        if all(entry is not new for entry, _order in self._unplaced):  # not changed twice
            self._unplaced.append((new, order))

    def _placed(self) -> Listing[Entry]:
        """The entries with those changed in place at their places (a bisection each)."""
        placed = self.entries.copy()
        for entry, _order in self._unplaced:
            placed.pop(placed.index_of(entry))
        for entry, order in self._unplaced:
            placed.insert(bisect.bisect(placed, order(entry), key=order), entry)
        return placed

    def _place_unplaced(self) -> None:
        """The entries changed in place go to their places; the table follows (not in view)."""
        if self._unplaced:
            self.entries, self._unplaced = self._placed(), []
            self.show()

    def show(self) -> None:
        if self.working:
            self._stale = True  # the read's `Loaded` draws the table
            return
        self._stale = False
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        widths = self.widths()
        for key in self.COLUMNS:
            table.add_column(i18n.t(key), key=key, width=widths[key])
        self._shown = 0
        self._add_rows(max(PAGE, row + 2))
        if self.entries:
            table.move_cursor(row=min(max(row, 0), self._shown - 1), animate=False)
        self.query_one("#empty").display = not self.entries
        self.shown_view = self.view()
        self._drawn_width = self.size.width

    def _add_rows(self, count: int) -> None:
        table = self.query_one(DataTable)
        end = min(len(self.entries), self._shown + count)
        for n in range(self._shown, end):
            table.add_row(*self.cells(self.entries[n]), key=str(next(self._row_keys)))
        self._shown = end

    @on(DataTable.RowHighlighted)
    def _next_page(self, event: DataTable.RowHighlighted) -> None:
        """The cursor on the last row shown: the next page joins the table."""
        if event.cursor_row >= self._shown - 1 and self._shown < len(self.entries):
            self._add_rows(PAGE)

    def show_problems(self, problems: Sequence[str]) -> None:
        """Meetings that could not be read, one line each: a cross-archive view hides none.

        The same lines as shown already change nothing: an update lays the screen
        out again, and a re-read with nothing new (after the screen's own `d`)
        drew its scrollbars again, a frame after the list was complete.
        """
        said = list(problems)
        if said == self._problems_said:
            return
        self._problems_said = said
        box = self.query_one("#problems", Static)
        box.update(Text("\n".join(f"⚠ {p}" for p in said)))
        box.display = bool(said)

    def selected(self) -> Entry | None:
        table = self.query_one(DataTable)
        if self.working or not self.entries or table.row_count == 0:
            return None
        return self.entries[table.cursor_row]

    def action_back(self) -> None:
        self.app.pop_screen()


def _same(made_with: tuple[Any, ...], now: tuple[Any, ...]) -> bool:
    """Made with the very same objects (archive, meeting, clock)."""
    return len(made_with) == len(now) and all(a is b for a, b in zip(made_with, now, strict=True))
