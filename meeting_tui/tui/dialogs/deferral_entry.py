"""Deferral entry (暂缓): why, who keeps it, when it comes back — drawn on the session screen.

An `EntryPanel` (see entry_panel.py for why it is not a pushed dialog). Who
keeps it and when it comes back start empty; as the chair types, each field
suggests what this meeting, its parties and earlier meetings answered (`→`
accepts), given afresh each time the form opens.
"""

from __future__ import annotations

from meeting_tui import i18n
from meeting_tui.tui.dialogs.entry_panel import Check, Done, EntryPanel
from meeting_tui.tui.dialogs.form import Field
from meeting_tui.tui.dialogs.form_answers import DeferralAnswers


class DeferralEntry(EntryPanel[DeferralAnswers]):
    def __init__(self) -> None:
        fields = [
            Field("reason", i18n.t("form.reason")),
            Field("owner", i18n.t("form.owner")),
            Field("target", i18n.t("form.target")),
        ]
        super().__init__(fields, DeferralAnswers.read, id="deferral-entry")

    def open_deferral(
        self,
        number: int,
        owners: list[str],
        targets: list[str],
        check: Check[DeferralAnswers],
        done: Done[DeferralAnswers],
    ) -> None:
        self.open(
            i18n.t("form.defer.title", number=number),
            done,
            check=check,
            hint=i18n.t("form.suggest_hint"),
            suggestions={"owner": owners, "target": targets},
        )
