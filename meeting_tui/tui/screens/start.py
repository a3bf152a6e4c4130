"""The start screen: the archive, newest and still-running meetings first; new, resume, demo."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from meeting_tui import i18n
from meeting_tui.domain import DomainError, MeetingKind, MeetingStatus, label
from meeting_tui.domain import commands as c
from meeting_tui.store.errors import StoreError
from meeting_tui.store.ids import new_meeting_id
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui import keymap
from meeting_tui.tui import strings_owners as _owners_strings  # the `o` key's words
from meeting_tui.tui.dialogs.form import Answers, Field, FormDialog
from meeting_tui.tui.keymap import Key
from meeting_tui.tui.lifecycle_access import app_of

START_KEYS: tuple[Key, ...] = (
    Key("enter", "open", "key.open", "group.archive"),
    Key("n", "new_meeting", "key.new_meeting", "group.archive"),
    Key("d", "demo", "key.demo", "group.archive"),
    Key("b", "backlog", "key.backlog", "group.archive"),
    Key("f", "followups", "key.followups", "group.archive"),
    Key("o", "owners", "key.owners", "group.archive"),
    Key("slash", "filter", "key.filter", "group.archive", display="/"),
    Key("ctrl+r", "restore", "key.restore", "group.archive", show=False),
    Key("q", "quit", "key.quit", "group.meeting"),
)
del _owners_strings
COLUMNS = ("date", "title", "kind", "community", "status", "motions", "passed", "deferred")


def sort_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Meetings still in session first (a crash leaves them there), then newest first."""
    newest = sorted(
        rows, key=lambda r: (str(r.get("date", "")), str(r.get("id", ""))), reverse=True
    )
    return sorted(newest, key=lambda r: r.get("status") != MeetingStatus.IN_SESSION.value)


def matches(row: dict[str, Any], needle: str) -> bool:
    hay = " ".join(str(row.get(k, "")) for k in ("id", "date", "title", "community"))
    return needle.casefold() in hay.casefold()


class StartScreen(Screen[None]):
    DEFAULT_CSS = """
    StartScreen #heading { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    StartScreen #filter { margin: 0 1; }
    StartScreen #empty { padding: 1 2; color: $text-muted; height: auto; }
    StartScreen DataTable { height: 1fr; }
    """

    def __init__(self) -> None:
        super().__init__()
        keymap.install(self, START_KEYS, "start")
        self.rows: list[dict[str, Any]] = []
        self._columns_for = -1

    def compose(self) -> ComposeResult:
        yield Static(i18n.t("start.title"), id="heading")
        yield Input(placeholder=i18n.t("start.filter"), compact=True, id="filter")
        yield Static(i18n.t("start.empty"), id="empty")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="archive")
        yield Footer()

    # Cells of each fixed column; the title takes what is left, so the counts stay in view.
    WIDTHS = {
        "date": 10,
        "kind": 8,
        "community": 10,
        "status": 8,
        "motions": 4,
        "passed": 4,
        "deferred": 4,
    }

    def on_mount(self) -> None:
        self.reload()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        self.show()

    def _columns(self, table: DataTable[Any]) -> None:
        """Rows always go; columns are laid out again only when the width changed."""
        if table.columns and self._columns_for == self.size.width:
            table.clear()
            return
        self._columns_for = self.size.width
        fixed = sum(self.WIDTHS.values()) + 2 * len(COLUMNS) + 2
        title = max(10, self.size.width - fixed)
        table.clear(columns=True)
        for key in COLUMNS:
            table.add_column(i18n.t(f"col.{key}"), key=key, width=self.WIDTHS.get(key, title))

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.rows = sort_rows(app_of(self).archive.list_meetings())
        self.show()

    def show(self) -> None:
        needle = self.query_one("#filter", Input).value.strip()
        table = self.query_one(DataTable)
        self._columns(table)
        for row in self.rows:
            if needle and not matches(row, needle):
                continue
            table.add_row(*self._cells(row), key=str(row.get("id")))
        self.query_one("#empty").display = not self.rows

    @staticmethod
    def _cells(row: dict[str, Any]) -> list[Text | str]:
        def enum_label(kind: type[Any], value: Any) -> str:
            try:
                return label(kind(value))
            except ValueError:
                return str(value or "")

        status = enum_label(MeetingStatus, row.get("status"))
        if row.get("broken"):
            status = i18n.t("start.broken")
        style = "bold" if row.get("status") == MeetingStatus.IN_SESSION.value else ""
        return [
            str(row.get("date", "")),
            Text(str(row.get("title", "")), style=style, no_wrap=True, overflow="ellipsis"),
            enum_label(MeetingKind, row.get("kind")),
            Text(str(row.get("community", "")), no_wrap=True, overflow="ellipsis"),
            Text(status, style="red" if row.get("broken") else style),
            str(row.get("motions", "")),
            str(row.get("passed", "")),
            str(row.get("deferred", "")),
        ]

    @on(Input.Changed, "#filter")
    def _filter(self) -> None:
        self.show()

    @on(Input.Submitted, "#filter")
    def _filtered(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def selected_id(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    # -- actions -------------------------------------------------------------

    def action_open(self) -> None:
        meeting_id = self.selected_id()
        if meeting_id:
            app_of(self).open_meeting(meeting_id)

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_demo(self) -> None:
        from meeting_tui.demo import LIVE_ID, install_demo

        app = app_of(self)
        try:
            install_demo(app.archive)
        except StoreError as error:
            self.notify(error.message(), severity="error", timeout=12)
            return
        self.reload()
        app.open_meeting(LIVE_ID)

    def action_new_meeting(self) -> None:
        fields = [
            Field("title", i18n.t("form.meeting.name")),
            Field(
                "kind",
                i18n.t("form.kind"),
                MeetingKind.BENCH.value,
                options=[(label(k), k.value) for k in MeetingKind],
            ),
            Field("community", i18n.t("form.community")),
            Field("location", i18n.t("form.location")),
        ]
        meeting_id = new_meeting_id(date.today())

        def check(a: Answers) -> str | None:
            try:
                c.create_meeting(
                    meeting_id,
                    a["title"],
                    a["kind"],
                    community=a["community"],
                    location=a["location"],
                )
            except DomainError as error:
                return error.message()
            return None

        def done(a: Answers | None) -> None:
            if a is None:
                return
            app = app_of(self)
            drafts = c.create_meeting(
                meeting_id, a["title"], a["kind"], community=a["community"], location=a["location"]
            )
            try:
                live = LiveMeeting.create(app.archive, meeting_id, drafts, app.clock)
            except StoreError as error:
                self.notify(error.message(), severity="error", timeout=12)
                return
            live.close()
            self.reload()
            app.open_meeting(meeting_id)

        self.app.push_screen(FormDialog(i18n.t("form.new_meeting"), fields, check), done)

    def action_backlog(self) -> None:
        from meeting_tui.tui.screens.backlog import BacklogScreen

        self.app.push_screen(BacklogScreen())

    def action_followups(self) -> None:
        from meeting_tui.tui.screens.followups import FollowUpsScreen

        self.app.push_screen(FollowUpsScreen())

    def action_owners(self) -> None:
        from meeting_tui.tui.screens.owners_list import OwnersListScreen

        self.app.push_screen(OwnersListScreen())

    def action_restore(self) -> None:
        meeting_id = self.selected_id()
        if not meeting_id:
            return
        try:
            path = app_of(self).archive.restore_backup(meeting_id)
        except StoreError as error:
            self.notify(error.message(), severity="error", timeout=12)
            return
        self.notify(i18n.t("start.restored", file=str(path)))
        self.reload()

    def action_quit(self) -> None:
        self.app.exit()
