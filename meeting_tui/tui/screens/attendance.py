"""Attendance: headcount per party (digits and +/-) and an optional named roster for sign-in."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import DataTable, Input, Label, Static

from meeting_tui import i18n
from meeting_tui.domain import Draft, Party, label
from meeting_tui.domain import commands as c
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui import keymap
from meeting_tui.tui.dialogs.count_input import CountInput
from meeting_tui.tui.dialogs.form import Field, FormDialog
from meeting_tui.tui.dialogs.form_answers import PersonAnswers
from meeting_tui.tui.keymap import Key
from meeting_tui.tui.recording import Make, problem, record
from meeting_tui.tui.widgets.key_footer import KeyFooter
from meeting_tui.tui.widgets.text_table import TextTable

ATTENDANCE_KEYS: tuple[Key, ...] = (
    Key("ctrl+s", "save", "key.save", "group.meeting"),
    Key("ctrl+n", "add_person", "key.add_person", "group.meeting"),
    # An Input binds ctrl+x (cut), and a count field nearly always has the focus here.
    Key("ctrl+x", "remove_person", "key.remove_person", "group.meeting", priority=True),
    Key("escape", "back", "key.back", "group.meeting"),
)


class AttendanceScreen(keymap.KeyedScreen):
    BINDINGS = keymap.bindings(ATTENDANCE_KEYS, "attendance")
    CSS_PATH = "attendance.tcss"

    def __init__(self, live: LiveMeeting) -> None:
        super().__init__()
        self.live = live

    def compose(self) -> ComposeResult:
        state = self.live.state
        yield Static(i18n.t("attendance.title"), id="heading")
        with Vertical():
            with Grid():
                for party in Party:
                    star = " *" if party in state.voting_parties else ""
                    yield Label(f"{label(party)}{star}")
                    yield CountInput(state.attendance.present(party), id=f"count-{party.value}")
            yield Static(id="eligible")
            yield Static(i18n.t("attendance.roster"), id="roster-title")
            yield TextTable(cursor_type="row", id="roster")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("form.person.name", "form.party", "form.person.building"):
            table.add_column(i18n.t(key), key=key)
        self.refresh_view()

    def counts(self) -> dict[str, str]:
        """As typed (an emptied field is 0), for the command to refuse `-5` with a reason."""
        return {p.value: self._field(p).text or "0" for p in Party}

    def _field(self, party: Party) -> CountInput:
        return self.query_one(f"#count-{party.value}", CountInput)

    def refresh_view(self) -> None:
        voting = self.live.state.voting_parties
        eligible = sum(self._field(p).number or 0 for p in Party if p in voting)
        self.query_one("#eligible", Static).update(i18n.t("attendance.eligible", n=eligible))
        table = self.query_one(DataTable)
        table.clear()
        for person in self.live.state.attendance.roster:
            table.add_row(
                Text(person.name), label(person.party), Text(person.building), key=person.id
            )

    @on(Input.Changed)
    def _changed(self) -> None:
        self.refresh_view()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def _run(self, make: Make | list[Draft]) -> bool:
        done = record(self, self.live, make)
        self.refresh_view()
        return done

    def action_save(self) -> None:
        before = len(self.live.events)
        counts = dict(self.counts())
        if self._run(lambda s: c.set_headcounts(s, counts)) and len(self.live.events) > before:
            self.notify(i18n.t("attendance.eligible", n=self.live.state.eligible_present))

    def action_add_person(self) -> None:
        fields = [
            Field("name", i18n.t("form.person.name")),
            Field(
                "party",
                i18n.t("form.party"),
                Party.RESIDENT.value,
                options=[(label(p), p.value) for p in Party],
            ),
            Field("building", i18n.t("form.person.building")),
        ]

        def make(a: PersonAnswers) -> Make:
            return lambda s: c.add_attendee(s, a.name, a.party, a.building)

        def check(a: PersonAnswers) -> str | None:
            return problem(self.live, make(a))

        def done(a: PersonAnswers | None) -> None:
            if a is not None:
                self._run(make(a))

        form = FormDialog(i18n.t("form.person.title"), fields, PersonAnswers.read, check)
        self.app.push_screen(form, done)

    def action_remove_person(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return
        person_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        self._run(c.remove_attendee(self.live.state, person_id))

    def action_back(self) -> None:
        """Leaving saves the headcounts: nothing typed is lost."""
        self.action_save()
        self.app.pop_screen()
