"""Follow-ups across meetings: who carries out each passed motion, by when; done and 居民评."""

from __future__ import annotations

import contextlib
from datetime import date

from rich.text import Text

from meeting_tui import i18n
from meeting_tui.domain import commands as c
from meeting_tui.domain.archive_views import FollowUpEntry, followup_order
from meeting_tui.store.archive import Archive
from meeting_tui.store.archive_lists import FOLLOWUPS, ListKind
from meeting_tui.store.errors import StoreError
from meeting_tui.store.live import Clock, LiveMeeting
from meeting_tui.tui import keymap
from meeting_tui.tui.dialogs.form import Field, FormDialog
from meeting_tui.tui.dialogs.form_answers import EvaluationAnswers
from meeting_tui.tui.keymap import Key
from meeting_tui.tui.recording import Make, record
from meeting_tui.tui.screens.archive_list import ArchiveListScreen, cut

FOLLOWUP_KEYS: tuple[Key, ...] = (
    Key("d", "done", "key.done", "group.archive"),
    Key("e", "evaluate", "key.evaluate", "group.archive"),
    Key("escape,q", "back", "key.back", "group.archive", display="esc"),
)


class FollowUpsScreen(ArchiveListScreen[FollowUpEntry]):
    """Follow-ups of `archive`; `live` is the open meeting (a 居民评 is taken at it), if any."""

    BINDINGS = keymap.bindings(FOLLOWUP_KEYS, "followups")

    def __init__(self, archive: Archive, live: LiveMeeting | None, clock: Clock) -> None:
        super().__init__(archive, "followups.title", "followups.empty")
        self.live, self.clock = live, clock

    # The item, its state and who carries it out stay in view at 80 columns; the origin follows.
    COLUMNS = ("col.due", "col.number", "col.text", "col.status", "col.owner", "col.origin")

    def widths(self) -> dict[str, int]:
        w = {"col.due": 10, "col.number": 3, "col.status": 17, "col.owner": 10}
        left = max(30, self.room() - sum(w.values()))
        if self.size.width < 110:
            w |= {"col.text": max(14, left), "col.origin": 24}
        else:
            w |= {"col.text": left * 3 // 5, "col.origin": left - left * 3 // 5}
        return w

    def today(self) -> str:
        return self.clock().date().isoformat()

    def view(self) -> object:
        return self.today()  # a new day may make a follow-up overdue

    def list_kind(self) -> ListKind[FollowUpEntry]:
        return FOLLOWUPS

    def cells(self, e: FollowUpEntry) -> list[Text | str]:
        if e.done_on:
            status = Text(i18n.t("followups.done", date=e.done_on), style=self.tone("done"))
        elif e.overdue(self.today()):
            status = Text(i18n.t("followups.overdue"), style=self.tone("alarm"))
        else:
            status = Text(i18n.t("followups.open"))
        return [
            e.due or "—",
            str(e.number),
            cut(e.text),
            status,
            cut(e.owner),
            cut(e.meeting_title),
        ]

    def _record(self, entry: FollowUpEntry, make: Make) -> bool:
        """Record on the motion's own meeting: the open one, or that file opened briefly."""
        current = self.live
        if current is not None and current.meeting_id == entry.origin.meeting_id:
            done = record(self, current, make)
        else:
            try:
                other = LiveMeeting.open(self.archive, entry.origin.meeting_id, self.clock)
            except StoreError as error:  # open in another window, or damaged
                self.notify(error.message(), severity="error", timeout=12)
                return False
            try:
                done = record(self, other, make)
            finally:
                with contextlib.suppress(StoreError):
                    other.close()
        return done

    def action_done(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        if entry.done_on == self.today():  # `d` again on the row just marked: nothing to add
            self.app.bell()
            return
        today = date.fromisoformat(self.today())
        if self._record(entry, lambda s: c.complete_followup(s, entry.origin.motion_id, today)):
            # Its row says so (已落实 and the date, under the cursor): no toast, which was a
            # widget mounted, two layout passes and frames after the row's.
            done = entry._replace(done_on=today.isoformat())
            self.replace_in_place(entry, done, followup_order(self.today()))

    def action_evaluate(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        live = self.live
        at_meeting = live.meeting_id if live is not None else ""
        fields = [
            Field("satisfied", i18n.t("field.satisfied"), count=True),
            Field("basic", i18n.t("field.basic"), count=True),
            Field("unsatisfied", i18n.t("field.unsatisfied"), count=True),
        ]

        def done(a: EvaluationAnswers | None) -> None:
            if a is None:
                return
            make = lambda s: c.evaluate_followup(  # noqa: E731
                s, entry.origin.motion_id, a.satisfied, a.basic, a.unsatisfied, at_meeting
            )
            if self._record(entry, make):
                self.notify(i18n.t("followups.evaluated", text=entry.text))

        title = i18n.t("form.evaluate.title", text=entry.text)
        self.app.push_screen(FormDialog(title, fields, EvaluationAnswers.read), done)
