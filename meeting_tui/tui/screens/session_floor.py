"""The floor's keys on the session screen: register, call, pause, end, summarise, the chair.

The queue belongs to the matter in discussion: the selected motion, else the
active agenda item (一时一件). Each key runs one domain command through the
live meeting, so the step is on disk before the strip or the header shows it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from meeting_tui import i18n
from meeting_tui.domain import EventKind
from meeting_tui.domain import commands as c
from meeting_tui.domain.floor import last_speech
from meeting_tui.domain.floor_messages import limit_text
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.recording import Make
from meeting_tui.tui.screens.session_meeting import MeetingActions
from meeting_tui.tui.widgets.floor_strip import FloorStrip, subject_name
from meeting_tui.tui.widgets.header_bar import HeaderBar

if TYPE_CHECKING:
    from meeting_tui.tui.dialogs.floor_answers import (
        FloorLimitsAnswers,
        SpeakerAnswers,
        SpeechNoteAnswers,
    )


class FloorActions(MeetingActions):
    """`MeetingActions` plus the speakers' queue and the chair's handover."""

    def __init__(self, live: LiveMeeting) -> None:
        super().__init__(live)
        self._floor_belled: set[str] = set()  # speeches whose overrun already rang the bell

    def floor_subject(self) -> dict[str, str]:
        """The matter a new speaker is registered on: the selected motion, else the active item."""
        motion = self.selected_motion
        if motion is not None:
            return {"motion_id": motion.id}
        item = self.state.active_item
        return {"item_id": item.id} if item is not None else {}

    def floor_subject_key(self) -> str | None:
        subject = self.floor_subject()
        return next(iter(subject.values()), None)

    def show_floor(self, now: datetime) -> None:
        """The strip and the header's countdown, after a step or a change of selection."""
        self.query_one(FloorStrip).show(self.state, self.floor_subject_key())
        self.query_one(HeaderBar).show_floor(self.state.floor.current, now)

    def tick_floor(self, now: datetime) -> None:
        """Once a second: the countdown's own cell; the bell and a notice once when it runs out."""
        speech = self.state.floor.current
        over = self.query_one(HeaderBar).show_floor(speech, now)
        if over and speech is not None and speech.id not in self._floor_belled:
            self._floor_belled.add(speech.id)
            self.app.bell()
            limit = limit_text(speech.limit_s)
            self.notify(i18n.t("floor.overrun", name=speech.name, limit=limit), severity="warning")

    # -- the queue ---------------------------------------------------------------

    def action_add_speaker(self) -> None:
        from meeting_tui.tui.dialogs.floor_answers import SpeakerAnswers
        from meeting_tui.tui.dialogs.floor_forms import make_speaker, speaker_fields

        subject = self.floor_subject()
        motion_id, item_id = subject.get("motion_id"), subject.get("item_id")
        if self._refused(lambda s: c.add_speaker(s, "·", motion_id=motion_id, item_id=item_id)):
            return
        key = next(iter(subject.values()))
        hint = i18n.t("form.speaker.hint", subject=subject_name(self.state, key))

        def make(a: SpeakerAnswers) -> Make:
            return make_speaker(a, subject)

        def after() -> None:
            added = self.state.history[-1]
            if added.kind is EventKind.SPEAKER_ADDED:
                speech = self.state.floor.speeches[added.payload["speaker_id"]]
                if speech.over_cap:
                    warning = i18n.t(
                        "floor.over_cap", name=speech.name, nth=speech.nth, cap=speech.cap
                    )
                    self.notify(warning, severity="warning", timeout=10)

        title = i18n.t("form.speaker.title")
        self._form(title, speaker_fields(self.state), SpeakerAnswers.read, make, hint, after=after)

    def action_next_speaker(self) -> None:
        subject = self.floor_subject()
        self.run_command(lambda s: c.start_speaker(s, **subject))

    def action_pause_speaker(self) -> None:
        self.run_command(c.toggle_pause)

    def action_end_speaker(self) -> None:
        self.run_command(c.end_speaker)

    def action_speech_note(self) -> None:
        from meeting_tui.tui.dialogs.floor_answers import SpeechNoteAnswers
        from meeting_tui.tui.dialogs.form import Field

        speech = last_speech(self.state.floor)
        if speech is None:
            self.run_command(lambda s: c.note_speech(s, ""))  # says why: nobody has spoken
            return
        fields = [Field("note", i18n.t("form.note.text"), speech.note)]
        speaker_id = speech.id

        def make(a: SpeechNoteAnswers) -> Make:
            return lambda s: c.note_speech(s, a.note, speaker_id)

        title = i18n.t("form.note.title", name=speech.name)
        self._form(title, fields, SpeechNoteAnswers.read, make)

    def action_floor_queue(self) -> None:
        from meeting_tui.tui.dialogs.floor_dialog import FloorDialog

        key = self.floor_subject_key()
        if key is None:
            self.run_command(lambda s: c.add_speaker(s, "·"))  # says why: no matter in discussion
            return
        self.app.push_screen(FloorDialog(self.live, key), lambda _: self.refresh_panes())

    # -- the chair and the rules -------------------------------------------------------

    def action_chair(self) -> None:
        """主持中立: hand the chair over (a form), or take it back (at once; `u` undoes it)."""
        from meeting_tui.tui.dialogs.floor_answers import ChairAnswers
        from meeting_tui.tui.dialogs.floor_forms import chair_fields, make_chair

        if self.state.floor.chair_deputy:
            if self.run_command(c.take_back_chair):
                self.notify(i18n.t("floor.taken_back"))
            return

        def after() -> None:
            self.notify(i18n.t("floor.handed_over", name=self.state.floor.chair_deputy))

        title, hint = i18n.t("form.chair.title"), i18n.t("form.chair.hint")
        self._form(title, chair_fields(), ChairAnswers.read, make_chair, hint, after=after)

    def action_floor_limits(self) -> None:
        from meeting_tui.tui.dialogs.floor_forms import limits_dialog, limits_summary, make_limits

        def done(a: FloorLimitsAnswers | None) -> None:
            if a is not None and self.run_command(make_limits(a)):
                self.notify(limits_summary(self.state))

        check = lambda a: self.check(make_limits(a))  # noqa: E731
        self.app.push_screen(limits_dialog(self.state, check), done)
