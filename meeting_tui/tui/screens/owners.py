"""Collecting an owners' decision: type the room, press one key; the double tally follows live.

Flow: the room number goes in the input ("3-2-501", Enter); the unit's line
says who owns it, its area and its answer so far; then `1`/`2`/`3` (or a
candidate's number, `0` to abstain) records the answer — durably, before the
screen shows it — and the input is ready for the next room. `w` withdraws
the unit's answer, `esc` goes back to the room number. The tally (bars
against the 2/3 mark) and each building's share update after every answer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from meeting_tui import i18n, locations
from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.owners import decision as d
from meeting_tui.domain.owners.digest import owners_digest_line
from meeting_tui.domain.owners.roster import Roster, Unit
from meeting_tui.domain.owners.rules import format_area
from meeting_tui.domain.owners.tally import option_label, outcome
from meeting_tui.domain.text import safe_filename
from meeting_tui.minutes.errors import ExportError
from meeting_tui.minutes.export import place_file
from meeting_tui.minutes.owners_checkpoints import close_and_seal
from meeting_tui.minutes.owners_record import render_csv, render_docx
from meeting_tui.publicity.owners_notice import build_notice, render_html
from meeting_tui.store.errors import StoreError
from meeting_tui.store.owners import LiveDecision
from meeting_tui.tui import keymap
from meeting_tui.tui.dialogs.confirm import ConfirmDialog
from meeting_tui.tui.dialogs.form import Field, FormDialog
from meeting_tui.tui.dialogs.form_answers import CollectorAnswers, ReasonAnswers
from meeting_tui.tui.keymap import Key
from meeting_tui.tui.widgets.key_footer import KeyFooter
from meeting_tui.tui.widgets.owners_entry import RoomEntry
from meeting_tui.tui.widgets.owners_roster import RosterWindow
from meeting_tui.tui.widgets.owners_tally import BuildingProgressPanel, OwnersTally, TextPanel

OWNERS_KEYS: tuple[Key, ...] = (
    Key("f2", "method", "owners.key.method", "group.owners", priority=True),
    Key("f3", "collector", "owners.key.collector", "group.owners", priority=True),
    Key("f5", "close_count", "owners.key.close", "group.owners", priority=True),
    Key("f6", "export", "owners.key.export", "group.owners", priority=True),
    Key("escape", "escape", "owners.key.back", "group.owners", display="esc"),
)
ROSTER_COLUMNS = ("unit", "owners", "area", "answer", "method", "collector")
ROSTER_WIDTHS = (10, 14, 8, 16, 8, 8)


class OwnersScreen(keymap.KeyedScreen):
    BINDINGS = keymap.bindings(OWNERS_KEYS, "owners")
    CSS_PATH = "owners.tcss"

    def __init__(self, live: LiveDecision, collector: str = "") -> None:
        super().__init__()
        self.live = live
        self.method = d.BallotMethod.VISIT
        self.collector = collector

    @property
    def state(self) -> d.DecisionState:
        return self.live.state

    def compose(self) -> ComposeResult:
        yield TextPanel(id="header")
        with Horizontal(id="entry"):
            yield Label(i18n.t("owners.room"))
            yield RoomEntry(
                self.find_room, placeholder=i18n.t("owners.room.placeholder"), id="room"
            )
            yield TextPanel(id="keys")
        yield TextPanel(id="unit")
        with Horizontal(id="middle"):
            yield OwnersTally(id="tally")
            yield BuildingProgressPanel(id="buildings")
        yield RosterWindow(
            self.state.roster or Roster(()),
            self._cells,
            [i18n.t(f"owners.roster_col.{key}") for key in ROSTER_COLUMNS],
            ROSTER_WIDTHS,
            id="roster",
        )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_view()
        self._back_to_room()
        if not self.collector:
            self.action_collector()

    def _cells(self, unit: Unit) -> list[str]:
        ballot = self.state.current.get(unit.id)
        return [
            unit.id,
            "、".join(unit.owners),
            format_area(unit.area),
            self._answer(ballot.answer) if ballot else "",
            i18n.t(f"owners.method.{ballot.method}") if ballot else "",
            ballot.collector if ballot else "",
        ]

    def _answer(self, option: str) -> str:
        """赞成, or "3 丙物业": the key that chose it, then the name."""
        name = option_label(self.state, option)
        return f"{option} {name}" if option.isdigit() else name

    def refresh_view(self) -> None:
        result = self.live.tally()
        self.query_one(OwnersTally).show(self.state, result)
        self.query_one(BuildingProgressPanel).show(result)
        status = i18n.t("owners.status." + ("closed" if self.state.closed else "open"))
        header = i18n.t(
            "owners.header",
            title=self.state.title,
            kind=i18n.t(f"owners.kind.{self.state.kind}").split("（")[0],
            status=status,
            method=i18n.t(f"owners.method.{self.method}"),
            collector=self.collector or i18n.t("owners.no_collector"),
        )
        self.query_one("#header", TextPanel).set_text(header)

    def say(self, text: str, *, error: bool = False) -> None:
        line = self.query_one("#unit", TextPanel)
        line.set_class(error, "-error")
        line.set_text(text)

    # -- entry ---------------------------------------------------------------

    def find_room(self, typed: str) -> bool:
        """Enter in the room input: show the unit and which keys answer, or say what is wrong."""
        if self.state.roster is None:
            self.say(i18n.t("owners.roster.missing"), error=True)
            return False
        try:
            unit = self.state.roster.find(typed)
        except DomainError as error:
            self.say(error.message(), error=True)
            return False
        ballot = self.state.current.get(unit.id)
        now = (
            i18n.t("owners.unit.has", answer=option_label(self.state, ballot.answer))
            if ballot
            else i18n.t("owners.unit.no_answer")
        )
        keys = (
            i18n.t("owners.unit.keys_selection", n=len(self.state.candidates))
            if self.state.is_selection
            else i18n.t("owners.unit.keys_question")
        )
        owners = "、".join(unit.owners)
        area = format_area(unit.area)
        self.say(i18n.t("owners.unit.line", unit=unit.id, owners=owners, area=area, now=now))
        self.query_one("#keys", TextPanel).set_text(keys)
        self.query_one(RosterWindow).show_unit(unit.id)
        return True

    def _back_to_room(self) -> None:
        self.query_one("#keys", TextPanel).set_text(i18n.t("owners.room.placeholder"))
        self.query_one("#room", RoomEntry).focus()

    @on(RoomEntry.Cancelled)
    def _cancelled(self) -> None:
        self._back_to_room()

    @on(RoomEntry.Answered)
    def _answered(self, message: RoomEntry.Answered) -> None:
        """Record the answer (durably) for the room it was typed after."""
        if not self.collector:
            self.action_collector()
            return
        try:
            events = self.live.record(message.room, message.key, str(self.method), self.collector)
        except (DomainError, StoreError) as error:
            self.say(error.message(), error=True)
            self._back_to_room()
            return
        unit_id = str(events[0].payload["unit"])
        ballot = self.state.current[unit_id]
        for event in events:
            self._update_row(str(event.payload["unit"]))
        saved = "owners.saved_correction" if ballot.corrects else "owners.saved"
        self.say(i18n.t(saved, unit=unit_id, answer=option_label(self.state, ballot.answer)))
        self.refresh_view()
        self._back_to_room()

    def _update_row(self, unit_id: str) -> None:
        self.query_one(RosterWindow).show_unit(unit_id)

    @on(RoomEntry.WithdrawAsked)
    def _withdraw_asked(self, message: RoomEntry.WithdrawAsked) -> None:
        if self.state.roster is None:
            return
        unit = self.state.roster.find(message.room)
        ballot = self.state.current.get(unit.id)
        if ballot is None:
            self.say(i18n.t("owners.ballot.nothing_to_withdraw", unit=unit.id), error=True)
            return
        question = i18n.t(
            "owners.confirm.withdraw", unit=unit.id, answer=option_label(self.state, ballot.answer)
        )
        field = Field("reason", i18n.t("owners.form.withdraw_reason"))

        def done(a: ReasonAnswers | None) -> None:
            if a is None:
                self._back_to_room()
                return
            try:
                self.live.withdraw(unit.id, a.reason, self.collector)
            except (DomainError, StoreError) as error:
                self.say(error.message(), error=True)
                return
            self._update_row(unit.id)
            self.say(i18n.t("owners.withdrawn", unit=unit.id))
            self.refresh_view()
            self._back_to_room()

        self.app.push_screen(FormDialog(question, [field], ReasonAnswers.read), done)

    def action_escape(self) -> None:
        """esc with the room input empty and focused goes back; otherwise it clears first."""
        room = self.query_one("#room", RoomEntry)
        if room.value or self.focused is not room:
            room.value = ""
            self.say("")
            self._back_to_room()
            return
        try:
            self.live.retry()  # never leave an answer the disk refused behind
        except StoreError as error:
            self.say(error.message(), error=True)
            return
        self.dismiss()

    # -- settings, close, export -------------------------------------------------

    def action_method(self) -> None:
        self.method = (
            d.BallotMethod.WRITTEN if self.method is d.BallotMethod.VISIT else d.BallotMethod.VISIT
        )
        self.refresh_view()

    def action_collector(self) -> None:
        field = Field("collector", i18n.t("owners.form.collector"), self.collector)

        def check(a: CollectorAnswers) -> str | None:
            return None if a.collector.strip() else i18n.t("owners.ballot.no_collector")

        def done(a: CollectorAnswers | None) -> None:
            if a is not None:
                self.collector = a.collector.strip()
                self.refresh_view()

        self.app.push_screen(
            FormDialog(
                i18n.t("owners.form.collector_title"), [field], CollectorAnswers.read, check
            ),
            done,
        )

    def action_close_count(self) -> None:
        if self.state.closed:
            self._reopen()
            return
        question = i18n.t("owners.confirm.close", result=outcome(self.state).explain())

        def done(yes: bool | None) -> None:
            if not yes:
                return
            try:
                close_and_seal(self.live)
            except (DomainError, StoreError) as error:
                self.notify(error.message(), severity="error", timeout=12)
            else:
                results = self.live.results()
                self.notify(owners_digest_line(self.live.state, results), timeout=12)
            self.refresh_view()  # a close stored before its checkpoint failed still shows

        self.app.push_screen(ConfirmDialog(question), done)

    def _reopen(self) -> None:
        field = Field("reason", i18n.t("owners.form.reason"))

        def check(a: ReasonAnswers) -> str | None:
            try:
                d.reopen_count(self.state, a.reason)
            except DomainError as error:
                return error.message()
            return None

        def done(a: ReasonAnswers | None) -> None:
            if a is None:
                return
            try:
                self.live.reopen_count(a.reason)
            except (DomainError, StoreError) as error:
                self.notify(error.message(), severity="error", timeout=12)
                return
            self.refresh_view()

        form = FormDialog(i18n.t("owners.form.reopen"), [field], ReasonAnswers.read, check)
        self.app.push_screen(form, done)

    def action_export(self) -> None:
        folder = locations.exports_directory(self.state.id, self.live.data_root)
        self._export(self.state, self.live.results(), folder)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _export(self, state: d.DecisionState, results: list[dict[str, Any]], folder: Path) -> None:
        """The announcement and the record, never overwriting an earlier export (-2, -3 …)."""
        outputs: tuple[tuple[str, str, Callable[[], bytes]], ...] = (
            (
                "表决结果公告",
                ".html",
                lambda: render_html(build_notice(state, results=results)).encode("utf-8"),
            ),
            ("表决记录", ".csv", lambda: render_csv(state, results=results)),
            ("表决记录", ".docx", lambda: render_docx(state, results=results)),
        )
        written = []
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for stem, suffix, render in outputs:
                base = safe_filename(f"{state.title}_{stem}", default=state.id)
                written.append(place_file(folder / f"{base}{suffix}", render(), unique=True).name)
        except (OSError, ExportError) as error:
            message = str(error)
            self.app.call_from_thread(self.notify, message, severity="error", timeout=12)
            return
        text = i18n.t("owners.exported", files=f"{folder}/ " + "、".join(written))
        self.app.call_from_thread(self.notify, text, timeout=10)

    def on_unmount(self) -> None:
        """Everything is saved already; leaving releases the decision's lock.

        (If the disk still refuses an answer at the app's exit, the file stays as
        it was last written and its lock is taken over as stale next time.)
        """
        with contextlib.suppress(StoreError):
            self.live.close()
