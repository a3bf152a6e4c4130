"""The session keys that keep a facilitator alone from being stuck.

Who votes can change at the meeting (`V`); the agenda grows, skips and
reorders (`i`, `}`, `g`); a closed meeting offers only what still applies,
and a key that no longer applies says why before any form opens.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from meeting_tui import i18n
from meeting_tui.domain import DomainError, MeetingStatus
from meeting_tui.domain import commands as c
from meeting_tui.tui.recording import Make
from meeting_tui.tui.screens.session_actions import SessionActions

if TYPE_CHECKING:
    from meeting_tui.tui.dialogs.form_answers import ItemAnswers, VotingParties

# What a closed meeting still offers: looking, exporting, a recorded reopen, leaving.
OPEN_ON_CLOSED = frozenset(
    {
        "reopen",
        "all_motions",
        "lists",
        "present",
        "retry",
        "cycle_theme",
        "archive",
        "help",
        "quit",
    }
)


class MeetingActions(SessionActions):
    """`SessionActions` plus who votes, agenda changes and what a closed meeting allows."""

    # -- what applies ----------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """On a closed meeting the recording keys leave the footer (and the palette). While the
        vote or deferral form is open over the screen (it holds the focus), none applies: the
        palette offers none of them, as over a dialog."""
        focused = self.focused
        if focused is not None and self.entries.holds(focused):
            return False
        closed = self.live.state.status is MeetingStatus.CLOSED
        if action in ("refuse_closed", "when_closed"):
            return closed
        return not closed or action in OPEN_ON_CLOSED

    def action_refuse_closed(self) -> None:
        """A recording key pressed on a closed meeting: why not, and what to do instead."""
        self.notify(i18n.t("closed.refused"), severity="warning", timeout=8)

    def action_when_closed(self, action: str) -> None:
        """x, m and p on a closed meeting: the session's own action, which is disabled there
        only so that these bindings (with their closed-meeting labels) take its keys."""
        getattr(self, f"action_{action}")()

    def action_reopen(self) -> None:
        self.action_close_meeting()

    def action_close_meeting(self) -> None:
        raise NotImplementedError

    # -- who votes ---------------------------------------------------------------

    def nobody_votes(self) -> str | None:
        """Why no vote could be taken now (and the key that fixes it), or None."""
        try:
            c.require_voters(self.state)
        except DomainError as error:
            if error.key == "error.meeting_closed":
                return None
            return error.message()
        return None

    def warn_if_nobody_votes(self) -> None:
        """On entering the session: a meeting of officials must not find out at its first vote."""
        problem = self.nobody_votes()
        if problem is not None:
            self.notify(problem, severity="warning", timeout=12)

    def action_voting(self) -> None:
        from meeting_tui.tui.dialogs.form_answers import VotingParties
        from meeting_tui.tui.dialogs.voting import voting_fields

        state = self.state
        fields = voting_fields(state)

        def make(a: VotingParties) -> Make:
            return lambda s: c.set_voting_parties(s, a.values())

        def after() -> None:
            self.notify(i18n.t("form.voting.changed", n=self.state.eligible_present))

        hint = i18n.t("form.voting.hint", n=state.eligible_present)
        self._form(i18n.t("form.voting.title"), fields, VotingParties.read, make, hint, after=after)

    # -- the agenda ----------------------------------------------------------------

    def action_add_agenda_item(self) -> None:
        from meeting_tui.tui.dialogs.form import Field
        from meeting_tui.tui.dialogs.form_answers import ItemAnswers, PlacedItemAnswers

        fields = [
            Field("title", i18n.t("form.item.name")),
            Field("minutes", i18n.t("form.item.minutes")),
            Field("notes", i18n.t("form.item.notes")),
        ]
        if self.state.active_item is not None:
            where = [
                (i18n.t("form.agenda_item.after"), "after"),
                (i18n.t("form.agenda_item.end"), "end"),
            ]
            fields.append(Field("where", i18n.t("form.agenda_item.where"), "after", options=where))
        started = self.state.active_item is None

        def make(a: ItemAnswers) -> Make:
            at_end = isinstance(a, PlacedItemAnswers) and a.at_end
            return lambda s: c.insert_item(s, a.title, a.minutes, a.notes, at_end=at_end)

        def after() -> None:
            item = self.state.active_item
            if started and item is not None:
                self.notify(i18n.t("agenda.added_started", title=item.title))

        read: Callable[[Mapping[str, str]], ItemAnswers] = (
            ItemAnswers.read if started else PlacedItemAnswers.read
        )
        self._form(i18n.t("form.agenda_item.title"), fields, read, make, after=after)

    def action_skip_item(self) -> None:
        item = self.state.active_item
        if self.run_command(c.skip_current) and item is not None:
            self.notify(i18n.t("agenda.skipped_to", title=item.title))

    def action_agenda(self) -> None:
        from meeting_tui.tui.dialogs.agenda_dialog import AgendaDialog

        self.app.push_screen(AgendaDialog(self.live), lambda _: self.refresh_panes())
