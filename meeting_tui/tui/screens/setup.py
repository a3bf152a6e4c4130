"""Setup: the meeting's details and its agenda, typed in or imported from a file."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from meeting_tui import i18n
from meeting_tui.domain import (
    DecisionRule,
    DomainError,
    Draft,
    MeetingKind,
    MeetingState,
    Party,
    QuorumPolicy,
    label,
)
from meeting_tui.domain import commands as c
from meeting_tui.domain.agenda_file import read_agenda_file
from meeting_tui.domain.errors import party_names
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui import keymap
from meeting_tui.tui.dialogs.confirm import ConfirmDialog
from meeting_tui.tui.dialogs.floor_answers import FloorLimitsAnswers
from meeting_tui.tui.dialogs.floor_forms import limits_dialog, limits_summary, make_limits
from meeting_tui.tui.dialogs.form import Field, FormDialog
from meeting_tui.tui.dialogs.form_answers import (
    ItemAnswers,
    MeetingDetailsAnswers,
    PathAnswers,
    VotingParties,
)
from meeting_tui.tui.dialogs.voting import voting_fields
from meeting_tui.tui.keymap import Key
from meeting_tui.tui.recording import Make, problem, record
from meeting_tui.tui.screens.lifecycle_messages import MeetingLeft, MeetingStarted
from meeting_tui.tui.widgets.key_footer import KeyFooter
from meeting_tui.tui.widgets.text_table import TextTable

R = TypeVar("R")  # the result of a form

# The footer shows what fits, in this order: at 80 columns the first six (s among them).
SETUP_KEYS: tuple[Key, ...] = (
    Key("a", "add_item", "key.add_item", "group.setup"),
    Key("i", "import_agenda", "key.import", "group.setup"),
    Key("p", "attendance", "key.attendance_screen", "group.setup"),
    Key("s", "start", "key.start_meeting", "group.setup"),
    Key("m", "details", "key.details", "group.setup"),
    Key("b", "backlog", "key.backlog", "group.setup"),
    Key("f", "followups", "key.followups", "group.setup"),
    Key("V", "voting", "key.voting", "group.setup", show=False),
    Key("e,enter", "edit_item", "key.edit_item", "group.setup", display="e"),
    Key("x,delete", "remove_item", "key.remove_item", "group.setup", display="x"),
    Key("K,ctrl+up", "move(-1)", "key.move_up", "group.setup", show=False, display="K"),
    Key("J,ctrl+down", "move(1)", "key.move_down", "group.setup", show=False, display="J"),
    Key("L", "floor_limits", "key.floor_limits", "group.setup", show=False),
    Key("escape", "back", "key.back", "group.setup", show=False),
)

VOTING_PRESETS: dict[str, list[str]] = {
    "resident": [Party.RESIDENT.value],
    "resident_staff": [Party.RESIDENT.value, Party.STAFF.value],
    "all": [p.value for p in Party],
}


def voting_preset(state: MeetingState) -> str:
    """The preset naming who votes now; "custom" for a set chosen party by party (V)."""
    chosen = [p.value for p in state.voting_parties]
    return next((k for k, v in VOTING_PRESETS.items() if v == chosen), "custom")


def voting_options(state: MeetingState) -> list[tuple[str, str]]:
    """The presets, and the current custom set first when there is one, so saving keeps it."""
    options = [(i18n.t(f"voting.{k}"), k) for k in VOTING_PRESETS]
    if voting_preset(state) == "custom":
        parties = party_names([p.value for p in state.voting_parties])
        options.insert(0, (parties, "custom"))
    return options


class SetupScreen(keymap.KeyedScreen):
    BINDINGS = keymap.bindings(SETUP_KEYS, "setup")
    CSS_PATH = "setup.tcss"

    def __init__(self, live: LiveMeeting) -> None:
        super().__init__()
        self.live = live

    @property
    def state(self) -> MeetingState:
        return self.live.state

    def compose(self) -> ComposeResult:
        yield Static(id="heading", markup=False)
        yield Static(id="summary", markup=False)
        yield TextTable(cursor_type="row", zebra_stripes=True, id="agenda-table")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_view()
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        self.refresh_view()

    def _columns(self, table: DataTable[Any]) -> None:
        """Number and minutes narrow; title and notes share the rest, so nothing scrolls sideways."""
        left = max(24, self.size.width - 2 - 2 * 4 - 3 - 4)
        table.clear(columns=True)
        table.add_column("#", key="n", width=3)
        table.add_column(i18n.t("form.item.name"), key="title", width=left // 2)
        table.add_column(i18n.t("col.minutes"), key="minutes", width=4)
        table.add_column(i18n.t("form.item.notes"), key="notes", width=left - left // 2)

    def on_screen_resume(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        s = self.state
        self.query_one("#heading", Static).update(i18n.t("setup.title", title=s.title))
        summary = i18n.t(
            "setup.summary",
            kind=label(s.kind),
            community=s.community or "—",
            location=s.location or "—",
            planned=s.planned_start or "—",
            facilitator=s.facilitator or "—",
            recorder=s.recorder or "—",
            rule=label(s.default_rule),
            quorum=s.quorum or i18n.t("setup.no_quorum"),
        )
        self.query_one("#summary", Static).update(summary)
        table = self.query_one(DataTable)
        row = table.cursor_row
        self._columns(table)
        for n, item in enumerate(s.items, start=1):
            origin = " ↩" if item.origin else ""
            table.add_row(
                str(n),
                Text(item.title + origin, no_wrap=True, overflow="ellipsis"),
                str(item.timebox_min or ""),
                Text(item.notes.replace("\n", " "), no_wrap=True, overflow="ellipsis"),
                key=item.id,
            )
        if s.items:
            table.move_cursor(row=min(max(row, 0), len(s.items) - 1), animate=False)

    def run(self, make: Make | Sequence[Draft]) -> bool:
        done = record(self, self.live, make)
        self.refresh_view()
        return done

    def _form(
        self,
        title: str,
        fields: list[Field],
        read: Callable[[Mapping[str, str]], R],
        make: Callable[[R], Make],
    ) -> None:
        """A form whose answers become a command, checked inline before the form closes."""

        def done(a: R | None) -> None:
            if a is not None:
                self.run(make(a))

        def check(a: R) -> str | None:
            return problem(self.live, make(a))

        self.app.push_screen(FormDialog(title, fields, read, check), done)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        """The table takes enter for itself (select_cursor): enter on an item edits it."""
        event.stop()
        self.action_edit_item()

    def selected_item(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    # -- actions -------------------------------------------------------------

    def action_details(self) -> None:
        s = self.state
        fields = [
            Field("title", i18n.t("form.meeting.name"), s.title),
            Field(
                "kind",
                i18n.t("form.kind"),
                s.kind.value,
                options=[(label(k), k.value) for k in MeetingKind],
            ),
            Field("community", i18n.t("form.community"), s.community),
            Field("location", i18n.t("form.location"), s.location),
            Field("planned_start", i18n.t("form.planned_start"), s.planned_start),
            Field("facilitator", i18n.t("form.facilitator"), s.facilitator),
            Field("recorder", i18n.t("form.recorder"), s.recorder),
            Field(
                "voting",
                i18n.t("form.voting"),
                voting_preset(s),
                options=voting_options(s),
            ),
            Field(
                "default_rule",
                i18n.t("form.rule"),
                s.default_rule.value,
                options=[(label(r), r.value) for r in DecisionRule],
            ),
            Field("quorum", i18n.t("form.quorum"), str(s.quorum or 0), count=True),
            Field(
                "quorum_policy",
                i18n.t("form.quorum_policy"),
                s.quorum_policy.value,
                options=[(label(q), q.value) for q in QuorumPolicy],
            ),
        ]

        def make(a: MeetingDetailsAnswers) -> Make:
            changes: dict[str, object] = {
                "title": a.title,
                "kind": a.kind,
                "community": a.community,
                "location": a.location,
                "planned_start": a.planned_start,
                "facilitator": a.facilitator,
                "recorder": a.recorder,
                "default_rule": a.default_rule,
                "quorum": a.quorum,
                "quorum_policy": a.quorum_policy,
            }
            if a.voting in VOTING_PRESETS:  # "custom" keeps the set chosen party by party
                changes["voting_parties"] = VOTING_PRESETS[a.voting]
            return lambda s: c.edit_meeting(s, **changes)

        self._form(i18n.t("form.meeting.title"), fields, MeetingDetailsAnswers.read, make)

    def _item_fields(self, title: str = "", minutes: str = "", notes: str = "") -> list[Field]:
        return [
            Field("title", i18n.t("form.item.name"), title),
            Field("minutes", i18n.t("form.item.minutes"), minutes),
            Field("notes", i18n.t("form.item.notes"), notes),
        ]

    def action_add_item(self) -> None:
        def make(a: ItemAnswers) -> Make:
            return lambda s: c.add_item(s, a.title, a.minutes, a.notes)

        self._form(i18n.t("form.item.title"), self._item_fields(), ItemAnswers.read, make)

    def action_edit_item(self) -> None:
        item_id = self.selected_item()
        item = self.state.find_item(item_id or "")
        if item is None:
            return
        fields = self._item_fields(item.title, str(item.timebox_min or ""), item.notes)

        def make(a: ItemAnswers) -> Make:
            return lambda s: c.edit_item(
                s, item.id, title=a.title, timebox_min=a.minutes, notes=a.notes
            )

        self._form(i18n.t("form.item.title"), fields, ItemAnswers.read, make)

    def action_remove_item(self) -> None:
        item_id = self.selected_item()
        if item_id is None:
            return
        self.run(lambda s: c.remove_item(s, item_id))

    def action_move(self, step: int) -> None:
        item_id = self.selected_item()
        if item_id is None:
            return
        item = self.state.find_item(item_id)
        assert item is not None
        index = self.state.items.index(item) + step
        if self.run(c.move_item(self.state, item_id, index)):
            self.query_one(DataTable).move_cursor(row=max(0, min(index, len(self.state.items) - 1)))

    def action_import_agenda(self) -> None:
        def done(a: PathAnswers | None) -> None:
            if a is None:
                return
            try:
                entries = read_agenda_file(a.path.strip())
            except DomainError as error:
                self.notify(error.message(), severity="error", timeout=15)
                return
            rows = [(e.title, e.minutes, e.notes) for e in entries]
            listing = "\n".join(
                f"{n}. {e.title}" + (f" ({e.minutes}′)" if e.minutes else "")
                for n, e in enumerate(entries, 1)
            )
            question = i18n.t(
                "import.preview",
                n=len(entries),
                minutes=sum(e.minutes or 0 for e in entries),
                items=listing,
            )

            def go(yes: bool | None) -> None:
                if yes:
                    try:
                        drafts = c.add_items(self.state, rows)
                    except DomainError as error:
                        self.notify(error.message(), severity="error", timeout=15)
                        return
                    if self.run(drafts):
                        self.notify(i18n.t("import.done", n=len(entries)))

            self.app.push_screen(ConfirmDialog(question), go)

        fields = [Field("path", i18n.t("form.import.path"))]
        self.app.push_screen(
            FormDialog(i18n.t("form.import.title"), fields, PathAnswers.read), done
        )

    def action_backlog(self) -> None:
        from meeting_tui.tui.screens.backlog import BacklogScreen

        BacklogScreen.open(self.app, self.live.archive, self.live)

    def action_followups(self) -> None:
        """Follow-ups with this meeting open: a 居民评 is recorded as taken at this meeting."""
        from meeting_tui.tui.screens.followups import FollowUpsScreen

        FollowUpsScreen.open(self.app, self.live.archive, self.live, self.live.clock)

    def action_attendance(self) -> None:
        from meeting_tui.tui.screens.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen(self.live))

    def action_voting(self) -> None:
        """Who votes, party by party (the details form offers only the usual sets)."""
        s = self.state
        fields = voting_fields(s)

        def make(a: VotingParties) -> Make:
            return lambda s: c.edit_meeting(s, voting_parties=a.values())

        self._form(i18n.t("form.voting.title"), fields, VotingParties.read, make)

    def action_start(self) -> None:
        """Start the meeting at its first item; with nobody to vote, ask first and name the fixes."""
        s = self.state
        if s.eligible_present:
            self._start()
            return
        question = i18n.t(
            "voters.setup_question",
            parties=party_names([p.value for p in s.voting_parties]),
            present=s.attendance.total,
        )
        self.app.push_screen(ConfirmDialog(question), lambda yes: self._start() if yes else None)

    def _start(self) -> None:
        if self.run(lambda s: c.step_agenda(s, 1) if s.items else c.start_meeting(s)):
            self.post_message(MeetingStarted())

    def action_floor_limits(self) -> None:
        """限时限次: the per-speech limit and the per-person cap, "0" for none (floor_forms.py)."""

        def done(a: FloorLimitsAnswers | None) -> None:
            if a is not None and self.run(make_limits(a)):
                self.notify(limits_summary(self.state))

        check = lambda a: problem(self.live, make_limits(a))  # noqa: E731
        self.app.push_screen(limits_dialog(self.state, check), done)

    def action_back(self) -> None:
        self.post_message(MeetingLeft())
