"""The fields of the who-votes form (表决权), shared by the setup and the session screens."""

from __future__ import annotations

from meeting_tui import i18n
from meeting_tui.domain import MeetingState, Party, label
from meeting_tui.tui.dialogs.form import Field
from meeting_tui.tui.dialogs.form_answers import YES


def voting_fields(state: MeetingState) -> list[Field]:
    """One ‹有表决权 / 无表决权› line per party, with how many of it are present."""
    options = [(i18n.t("form.voting.yes"), YES), (i18n.t("form.voting.no"), "no")]
    return [
        Field(
            p.value,
            i18n.t("form.voting.party", party=label(p), n=state.attendance.present(p)),
            YES if p in state.voting_parties else "no",
            options=options,
        )
        for p in Party
    ]
