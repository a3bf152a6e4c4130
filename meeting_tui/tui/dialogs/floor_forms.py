"""The floor's forms: a speaker registered in a few keystrokes, the chair's handover, the limits.

Each returns its fields and turns the answers into a domain command, so the
form checks the very command it will run (the setup screen and the session
share the limits form).
"""

from __future__ import annotations

from collections.abc import Callable

from meeting_tui import i18n
from meeting_tui.domain import MeetingState, Party, label
from meeting_tui.domain import commands as c
from meeting_tui.domain.floor import Stance
from meeting_tui.domain.floor_messages import cap_text, limit_text
from meeting_tui.tui.dialogs.floor_answers import (
    ChairAnswers,
    FloorLimitsAnswers,
    SpeakerAnswers,
    SpeakerStance,
)
from meeting_tui.tui.dialogs.form import Field, FormDialog
from meeting_tui.tui.recording import Make


def speaker_fields(state: MeetingState) -> list[Field]:
    """Name (offered from the roster and earlier speakers), party, stance or point of order."""
    known = [a.name for a in state.attendance.roster]
    known += [s.name for s in state.floor.speeches.values()]
    stances = [(label(s), s.value) for s in Stance]
    stances.append((i18n.t("form.speaker.order"), SpeakerStance.ORDER.value))
    return [
        Field("name", i18n.t("form.speaker.name"), suggestions=list(dict.fromkeys(known))),
        Field(
            "party",
            i18n.t("form.speaker.party"),
            Party.RESIDENT.value,
            options=[(label(p), p.value) for p in Party],
        ),
        Field("stance", i18n.t("form.speaker.stance"), Stance.FOR.value, options=stances),
    ]


def make_speaker(answers: SpeakerAnswers, subject: dict[str, str]) -> Make:
    order = answers.stance is SpeakerStance.ORDER
    stance = Stance.OTHER.value if order else answers.stance.value
    motion_id, item_id = subject.get("motion_id"), subject.get("item_id")
    return lambda s: c.add_speaker(
        s, answers.name, answers.party, stance, point_of_order=order,
        motion_id=motion_id, item_id=item_id,
    )  # fmt: skip


def chair_fields() -> list[Field]:
    return [
        Field("to", i18n.t("form.chair.to")),
        Field("reason", i18n.t("form.chair.reason")),
    ]


def make_chair(answers: ChairAnswers) -> Make:
    return lambda s: c.hand_over_chair(s, answers.to, answers.reason)


def _minutes(seconds: int | None) -> str:
    if seconds is None:
        return "0"
    return str(seconds // 60) if seconds % 60 == 0 else f"{seconds // 60}:{seconds % 60:02d}"


def limits_fields(state: MeetingState) -> list[Field]:
    floor = state.floor
    cap = floor.speeches_per_person
    return [
        Field("speech", i18n.t("form.limits.speech"), _minutes(floor.speech_limit_s)),
        Field("cap", i18n.t("form.limits.cap"), str(cap or 0)),
    ]


def limits_dialog(
    state: MeetingState, check: Callable[[FloorLimitsAnswers], str | None]
) -> FormDialog[FloorLimitsAnswers]:
    """The limits form (setup's L and the session's L), checked by the command it will run."""
    title, hint = i18n.t("form.limits.title"), i18n.t("form.limits.hint")
    return FormDialog(title, limits_fields(state), FloorLimitsAnswers.read, check, hint)


def make_limits(answers: FloorLimitsAnswers) -> Make:
    return lambda s: c.set_floor_limits(s, answers.speech, answers.cap)


def limits_summary(state: MeetingState) -> str:
    """每次 2 分钟 · 每人 2 次, for the setup screen and the notice after a change."""
    floor = state.floor
    return i18n.t(
        "floor.limits.saved",
        rules=f"{limit_text(floor.speech_limit_s)} · {cap_text(floor.speeches_per_person)}",
    )
