"""The list of owners' decisions: open one to collect answers, or start a new one from a roster."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from meeting_tui import i18n
from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.owners import decision as d
from meeting_tui.domain.owners.roster_csv import read_roster_file
from meeting_tui.store.errors import StoreError
from meeting_tui.store.live import Clock
from meeting_tui.store.owners import DecisionArchive, LiveDecision
from meeting_tui.tui import keymap
from meeting_tui.tui.dialogs.form import Field, FormDialog
from meeting_tui.tui.dialogs.form_answers import NewDecisionAnswers
from meeting_tui.tui.keymap import Key
from meeting_tui.tui.widgets.key_footer import KeyFooter
from meeting_tui.tui.widgets.text_table import TextTable

LIST_KEYS: tuple[Key, ...] = (
    Key("enter", "open", "owners.key.open", "group.owners"),
    Key("n", "new", "owners.key.new", "group.owners"),
    Key("escape,q", "back", "owners.key.back", "group.owners", display="esc"),
)
COLUMNS = ("id", "title", "kind", "progress", "status")


def candidate_names(text: str) -> list[str]:
    """ "甲物业、乙物业,丙物业" → three names (Chinese and ASCII separators)."""
    for separator in "，,;；/":
        text = text.replace(separator, "、")
    return [name.strip() for name in text.split("、") if name.strip()]


class OwnersListScreen(keymap.KeyedScreen):
    BINDINGS = keymap.bindings(LIST_KEYS, "owners_list")
    CSS_PATH = "owners_list.tcss"

    def __init__(self, decisions: DecisionArchive, clock: Clock) -> None:
        super().__init__()
        self.decisions = decisions
        self.clock = clock

    def compose(self) -> ComposeResult:
        yield Static(i18n.t("owners.list.title"), id="heading")
        yield Static(i18n.t("owners.list.empty"), id="empty")
        yield TextTable(cursor_type="row", zebra_stripes=True, id="decisions")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in COLUMNS:
            table.add_column(i18n.t(f"owners.col.{key}"), key=key)
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        rows = self.decisions.list()
        for row in rows:
            if row.get("broken"):
                status = i18n.t("owners.status.broken")
                cells: list[Any] = [row["id"], "", "", "", status]
            else:
                status = i18n.t("owners.status." + ("closed" if row["closed"] else "open"))
                kind = i18n.t(f"owners.kind.{row['kind']}").split("（")[0]
                progress = f"{row['answered']}/{row['units']}"
                cells = [row["id"], row["title"], kind, progress, status]
            table.add_row(*cells, key=row["id"])
        self.query_one("#empty").display = not rows

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return
        decision_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        self.open_decision(decision_id)

    def open_decision(self, decision_id: str) -> None:
        from meeting_tui.tui.screens.owners import OwnersScreen

        try:
            live = LiveDecision.open(self.decisions, decision_id, self.clock)
        except StoreError as error:
            self.notify(error.message(), severity="error", timeout=12)
            return
        self.app.push_screen(OwnersScreen(live))

    def action_new(self) -> None:
        fields = [
            Field("title", i18n.t("owners.form.title")),
            Field("question", i18n.t("owners.form.question")),
            Field(
                "kind",
                i18n.t("owners.form.kind"),
                "ordinary",
                options=[(i18n.t(f"owners.kind.{k}"), k) for k in ("ordinary", "major")],
            ),
            Field("candidates", i18n.t("owners.form.candidates")),
            Field("community", i18n.t("owners.form.community")),
            Field("roster", i18n.t("owners.form.roster")),
        ]
        archive = self.decisions
        decision_id = archive.new_id(date.today())

        def drafts(a: NewDecisionAnswers) -> list[d.DecisionDraft]:
            return d.create_decision(
                decision_id,
                a.title,
                a.question,
                a.kind,
                candidate_names(a.candidates),
                a.community,
            )

        def check(a: NewDecisionAnswers) -> str | None:
            try:
                drafts(a)
                read_roster_file(Path(a.roster.strip()).expanduser())
            except DomainError as error:
                return error.message()
            return None

        def done(a: NewDecisionAnswers | None) -> None:
            if a is None:
                return
            path = Path(a.roster.strip()).expanduser()
            try:
                roster = read_roster_file(path)
                live = LiveDecision.create(archive, drafts(a), self.clock)
                live.execute(d.import_roster(live.state, roster, path.name))
            except (DomainError, StoreError) as error:
                self.notify(error.message(), severity="error", timeout=12)
                return
            from meeting_tui.tui.screens.owners import OwnersScreen

            self.reload()
            self.app.push_screen(OwnersScreen(live))

        form = FormDialog(i18n.t("owners.form.new"), fields, NewDecisionAnswers.read, check)
        self.app.push_screen(form, done)

    def action_back(self) -> None:
        self.dismiss()
