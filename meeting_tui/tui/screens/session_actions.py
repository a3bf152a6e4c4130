"""What each key of the session screen does: open the right form, run the right command."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeVar

from textual import work
from textual.reactive import var

from meeting_tui import i18n
from meeting_tui.domain import Category, Draft, MeetingState, Motion, Party, RuleOutcome, label
from meeting_tui.domain import commands as c
from meeting_tui.domain.archive_summary import MeetingSummary
from meeting_tui.domain.suggestions import answer_suggestions
from meeting_tui.store.errors import StoreError
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.keymap import KeyedScreen
from meeting_tui.tui.recording import Make, judged, problem, record
from meeting_tui.tui.screens.session_entries import EntryForms

if TYPE_CHECKING:
    from meeting_tui.tui.dialogs import form_answers as fa
    from meeting_tui.tui.dialogs.form import Field

R = TypeVar("R")


class SessionActions(KeyedScreen):
    """The session screen's state and actions; `SessionScreen` adds the layout and panes."""

    # `var`, not `reactive`: a change repaints the panes that show it (their watchers), never
    # the whole screen, which a reactive of the screen does on every arrow key.
    selected: var[str | None] = var(None, init=False)
    show_all: var[bool] = var(False, init=False)
    lists_open: var[bool] = var(False, init=False)

    def __init__(self, live: LiveMeeting) -> None:
        super().__init__()
        self.live = live
        self._archive: list[MeetingSummary] | None = None
        self.entries = EntryForms(self)

    @work(thread=True, exclusive=True, exit_on_error=False, group="suggestions")
    def read_archive_answers(self) -> None:
        """Read the archive's summaries for the suggestions ahead of the first form (only reads)."""
        summaries = self.live.archive_summaries()
        if self._archive is None:
            self._archive = summaries  # one reference handed over; the UI thread only reads it

    def suggestions(self, kind: str) -> list[str]:
        """Owners or dates to come back, from this meeting, its parties and the archive (read once).

        Usually read already by `read_archive_answers`; a form opened before that
        finished reads the summary here (the reader is shared and takes turns).
        """
        if self._archive is None:
            self._archive = self.live.archive_summaries()
        return answer_suggestions(self.state, self._archive, kind)

    @property
    def state(self) -> MeetingState:
        return self.live.state

    @property
    def selected_motion(self) -> Motion | None:
        return self.state.motions.get(self.selected or "")

    def refresh_panes(self) -> None:
        raise NotImplementedError

    # -- running commands ----------------------------------------------------

    def run_command(self, make: Make) -> bool:
        """Run a domain command and store its events; the panes show whatever the store holds."""
        done = record(self, self.live, make)
        self.refresh_panes()
        return done

    def check(self, make: Make) -> str | None:
        return problem(self.live, make)

    # -- helpers -------------------------------------------------------------

    def _refused(self, make: Make) -> bool:
        """Say now, before any form opens, why the step it would end in cannot be taken."""
        reason = self.check(make)
        if reason is not None:
            self.notify(reason, severity="error", timeout=8)
        return reason is not None

    def _motion_or_say(self) -> Motion | None:
        motion = self.selected_motion
        if motion is None:
            self.notify(i18n.t("notify.no_motion"), severity="warning")
        return motion

    def _form(
        self,
        title: str,
        fields: list[Field],
        read: Callable[[Mapping[str, str]], R],
        make: Callable[[R], Make],
        hint: str = "",
        after: Callable[[], None] | None = None,
    ) -> None:
        """Open a form whose answers become a command, checked inline before it closes."""
        from meeting_tui.tui.dialogs.form import FormDialog

        def done(answers: R | None) -> None:
            if answers is not None and self.run_command(make(answers)) and after:
                after()

        def check(answers: R) -> str | None:
            return self.check(make(answers))

        self.app.push_screen(FormDialog(title, fields, read, check, hint), done)

    def _confirm(self, question: str, then: Callable[[], object]) -> None:
        from meeting_tui.tui.dialogs.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                then()

        self.app.push_screen(ConfirmDialog(question), answered)

    @staticmethod
    def _motion_fields(m: Motion | None) -> list[Field]:
        from meeting_tui.tui.dialogs.form import Field

        return [
            Field("text", i18n.t("form.text"), m.text if m else ""),
            Field("proposer", i18n.t("form.proposer"), m.proposer if m else ""),
            Field(
                "party",
                i18n.t("form.party"),
                m.party.value if m else Party.RESIDENT.value,
                options=[(label(p), p.value) for p in Party],
            ),
            Field(
                "category",
                i18n.t("form.category"),
                m.category.value if m else Category.OTHER.value,
                options=[(label(cat), cat.value) for cat in Category],
            ),
            Field("cost", i18n.t("form.cost"), str(m.cost) if m and m.cost is not None else ""),
            Field("note", i18n.t("form.note"), m.note if m else ""),
            Field(  # the per-proposer opt-in: their full name on the public page
                "show_proposer_name",
                i18n.t("form.show_proposer_name"),
                "yes" if m and m.show_proposer_name else "",
                options=[
                    (i18n.t("form.show_proposer_name.no"), ""),
                    (i18n.t("form.show_proposer_name.yes"), "yes"),
                ],
            ),
        ]

    # -- motions -------------------------------------------------------------

    def action_new_motion(self) -> None:
        from meeting_tui.tui.dialogs import form_answers as fa
        from meeting_tui.tui.dialogs.form import FormDialog

        if not self.state.items:
            self.notify(i18n.t("agenda.empty_add"), severity="error", timeout=8)
            return
        if self._refused(lambda s: c.raise_motion(s, "·")):
            return
        before = set(self.state.motions)

        def make(a: fa.MotionAnswers) -> Make:
            return lambda s: c.raise_motion(s, a.text, **a.details())

        def done(answers: fa.MotionAnswers | None) -> None:
            if answers is not None and self.run_command(make(answers)):
                new = set(self.state.motions) - before
                self.selected = new.pop() if new else self.selected
                self.refresh_panes()
                self._warn_cost(self.selected)

        def check(answers: fa.MotionAnswers) -> str | None:
            return self.check(make(answers))

        fields = self._motion_fields(None)
        dialog = FormDialog(i18n.t("form.motion.title_new"), fields, fa.MotionAnswers.read, check)
        self.app.push_screen(dialog, done)

    def action_edit_motion(self) -> None:
        from meeting_tui.tui.dialogs import form_answers as fa

        if (m := self._motion_or_say()) is None:
            return
        title = i18n.t("form.motion.title_edit", number=m.number)

        def make(a: fa.MotionAnswers) -> Make:
            return lambda s: c.edit_motion(s, m.id, text=a.text, **a.details())

        fields = self._motion_fields(m)
        self._form(title, fields, fa.MotionAnswers.read, make, after=lambda: self._warn_cost(m.id))

    def _warn_cost(self, motion_id: str | None) -> None:
        """民生微实事 are under 100,000 yuan: say so when a motion's estimate reaches it."""
        motion = self.state.motions.get(motion_id or "")
        if motion is not None and motion.over_micro_limit:
            cost = f"{motion.cost:,}"
            self.notify(i18n.t("vote.cost_warning", cost=cost), severity="warning", timeout=10)

    def action_respond(self) -> None:
        from meeting_tui.tui.dialogs import form_answers as fa
        from meeting_tui.tui.dialogs.form import Field

        if (m := self._motion_or_say()) is None:
            return
        fields = [
            Field("response", i18n.t("form.response"), m.response),
            Field("responder", i18n.t("form.responder"), m.responder),
            Field("note", i18n.t("form.note"), m.note),
        ]

        def make(a: fa.ResponseAnswers) -> Make:
            def drafts(s: MeetingState) -> list[Draft]:
                out = c.respond(s, m.id, a.response, a.responder) if a.response else []
                if a.note != m.note:
                    out += c.note_motion(s, m.id, a.note)
                return out

            return drafts

        title = i18n.t("form.respond.title", number=m.number)
        self._form(title, fields, fa.ResponseAnswers.read, make)

    def action_answered(self) -> None:
        from meeting_tui.tui.dialogs import form_answers as fa
        from meeting_tui.tui.dialogs.form import Field

        if (m := self._motion_or_say()) is None:
            return
        if m.response:
            self.run_command(lambda s: c.mark_answered(s, m.id))
            return
        if self._refused(lambda s: c.mark_answered(s, m.id, "·")):
            return
        fields = [
            Field("response", i18n.t("form.response")),
            Field("responder", i18n.t("form.responder")),
        ]

        def make(a: fa.AnsweredAnswers) -> Make:
            return lambda s: c.mark_answered(s, m.id, a.response, a.responder)

        title = i18n.t("form.respond.title", number=m.number)
        self._form(title, fields, fa.AnsweredAnswers.read, make)

    def action_defer(self) -> None:
        from meeting_tui.tui.dialogs.deferral_entry import DeferralEntry

        if (m := self._motion_or_say()) is None:
            return
        if self._refused(lambda s: c.defer(s, m.id, "·", "·")):
            return

        def make(a: fa.DeferralAnswers) -> Make:
            return lambda s: c.defer(s, m.id, a.reason, a.owner, a.target)

        def done(answers: fa.DeferralAnswers | None) -> None:
            if answers is not None:
                self.run_command(make(answers))

        owners, targets = self.suggestions("owner"), self.suggestions("target")
        self.entries.use(
            DeferralEntry,
            lambda entry: entry.open_deferral(
                m.number, owners, targets, lambda a: self.check(make(a)), done
            ),
        )

    def action_withdraw(self) -> None:
        if (m := self._motion_or_say()) is None:
            return
        question = i18n.t("confirm.withdraw", number=m.number, text=m.text)
        self._confirm(question, lambda: self.run_command(lambda s: c.withdraw(s, m.id)))

    def action_followup(self) -> None:
        from meeting_tui.tui.dialogs import form_answers as fa
        from meeting_tui.tui.dialogs.form import Field

        if (m := self._motion_or_say()) is None:
            return
        if self._refused(lambda s: c.assign_followup(s, m.id, "·")):
            return
        f = m.followup
        owners = self.suggestions("owner")
        fields = [
            Field("owner", i18n.t("form.owner"), f.owner if f else "", suggestions=owners),
            Field("due", i18n.t("form.due"), (f.due or "") if f else ""),
        ]

        def make(a: fa.FollowupAnswers) -> Make:
            return lambda s: c.assign_followup(s, m.id, a.owner, a.due)

        title = i18n.t("form.followup.title", number=m.number)
        self._form(title, fields, fa.FollowupAnswers.read, make, i18n.t("form.suggest_hint"))

    # -- votes ---------------------------------------------------------------

    def action_vote(self) -> None:
        if (m := self._motion_or_say()) is None:
            return
        if self._refused(lambda s: c.record_vote(s, m.id, 1, 0, 0, recount=m.state.decided)):
            return
        if m.state.decided:
            question = i18n.t("confirm.recount", number=m.number, state=label(m.state))
            self._confirm(question, lambda: self._open_vote(m, recount=True))
        else:
            self._open_vote(m, recount=False)

    def _open_vote(self, m: Motion, recount: bool) -> None:
        from meeting_tui.tui.dialogs.vote_form import VoteEntry

        def make(a: fa.VoteAnswers) -> Make:
            return lambda s: c.record_vote(
                s, m.id, a.in_favour, a.against, a.abstain, method=a.method, recount=recount
            )

        def judge(a: fa.VoteAnswers) -> RuleOutcome | str:
            return judged(
                self.live,
                lambda s: c.judge_vote(s, m.id, a.in_favour, a.against, a.abstain, recount=recount),
            )

        def done(answers: fa.VoteAnswers | None) -> None:
            if answers is not None:
                self.run_command(make(answers))

        present = self.state.eligible_present
        check = lambda a: self.check(make(a))  # noqa: E731
        self.entries.use(
            VoteEntry,
            lambda entry: entry.open_vote(m.number, present, judge, check, done, text=m.text),
        )

    def action_acclaim(self) -> None:
        if (m := self._motion_or_say()) is None:
            return
        recount = m.state.decided
        if self._refused(lambda s: c.acclaim(s, m.id, recount=recount)):
            return
        question = i18n.t("confirm.acclaim", number=m.number, present=self.state.eligible_present)
        if recount:
            question = (
                i18n.t("confirm.recount", number=m.number, state=label(m.state)) + "\n" + question
            )
        self._confirm(
            question,
            lambda: self.run_command(lambda s: c.acclaim(s, m.id, recount=recount)),
        )

    # -- meeting and agenda --------------------------------------------------

    def action_attendance(self) -> None:
        from meeting_tui.tui.dialogs import form_answers as fa
        from meeting_tui.tui.dialogs.form import Field

        state = self.state
        voting = set(state.voting_parties)
        fields = [
            Field(
                p.value,
                f"{label(p)}{' *' if p in voting else ''}",
                str(state.attendance.present(p)),
                count=True,
            )
            for p in Party
        ]
        hint = "* " + i18n.t("form.attendance.voting")

        def make(a: fa.PartyCounts) -> Make:
            # Only the counts that changed: an untouched 0 is no step to undo.
            return lambda s: c.set_headcounts(
                s, {p.value: n for p, n in a.counts.items() if n != str(s.attendance.present(p))}
            )

        self._form(i18n.t("form.attendance.title"), fields, fa.PartyCounts.read, make, hint)

    def action_undo(self) -> None:
        target = c.undo_target(self.state)
        if target is None:
            self.run_command(c.undo)  # says "nothing to undo"
            return
        what = c.describe(target, self.state)

        def go() -> None:
            if self.run_command(c.undo):
                self.notify(i18n.t("notify.undone", what=what))

        self._confirm(i18n.t("confirm.undo", what=what), go)

    def action_prev_item(self) -> None:
        self.run_command(lambda s: c.step_agenda(s, -1))

    def action_next_item(self) -> None:
        self.run_command(lambda s: c.step_agenda(s, 1))

    def action_timer(self) -> None:
        self.run_command(lambda s: c.toggle_timer(s))

    def action_all_motions(self) -> None:
        self.show_all = not self.show_all

    def action_lists(self) -> None:
        self.lists_open = not self.lists_open

    def action_retry(self) -> None:
        try:
            events = self.live.retry()
        except StoreError as error:
            self.notify(
                i18n.t("notify.saved_error", message=error.message()), severity="error", timeout=15
            )
            return
        if events:
            self.notify(i18n.t("notify.retried", count=len(events)))
        self.refresh_panes()

    def action_help(self) -> None:
        from meeting_tui.tui.dialogs.help import HelpScreen

        self.app.push_screen(HelpScreen())

    # The key table binds every key on this screen, so app-wide actions need a target here.

    def action_cycle_theme(self) -> None:
        self.app.action_cycle_theme()  # type: ignore[attr-defined]

    async def action_quit(self) -> None:
        """Everything is saved already, unless the disk refused a change: the app tries once more."""
        await self.app.action_quit()
