"""The vote form: 赞成/反对/弃权 as digits or counted with +/-, the verdict previewed as you type.

Drawn on the session screen (an `EntryPanel`, composed once and shown per
vote), not pushed as a screen: see entry_panel.py for why. The preview asks
the vote command's own check (`commands.judge_vote`, passed in as `judge`):
what the form refuses and what it says will happen are what the command will
refuse and record, with no rule of its own here.
"""

from __future__ import annotations

from collections.abc import Callable

from meeting_tui import i18n
from meeting_tui.domain import RuleOutcome, VoteMethod, label
from meeting_tui.tui.dialogs.count_input import CountInput
from meeting_tui.tui.dialogs.entry_panel import Check, Done, EntryPanel
from meeting_tui.tui.dialogs.form import Field
from meeting_tui.tui.dialogs.form_answers import VoteAnswers
from meeting_tui.tui.key_order import paint_in_one_frame

# The verdict the command would record for these answers, or the reason it refuses them.
Judge = Callable[[VoteAnswers], RuleOutcome | str]


def vote_fields() -> list[Field]:
    return [
        Field("for", i18n.t("field.for"), count=True),
        Field("against", i18n.t("field.against"), count=True),
        Field("abstain", i18n.t("field.abstain"), count=True),
        Field(
            "method",
            i18n.t("form.vote.method"),
            VoteMethod.HANDS.value,
            options=[(label(m), m.value) for m in VoteMethod if m is not VoteMethod.ACCLAMATION],
        ),
    ]


class VoteEntry(EntryPanel[VoteAnswers]):
    def __init__(self) -> None:
        super().__init__(vote_fields(), VoteAnswers.read, id="vote-entry")
        self.judge: Judge | None = None

    def open_vote(
        self,
        number: int,
        present: int,
        judge: Judge,
        check: Check[VoteAnswers],
        done: Done[VoteAnswers],
        text: str = "",
    ) -> None:
        """The vote on motion `number`, with its whole text so the chair reads out what is voted on."""
        hint = f"{i18n.t('form.vote.eligible', present=present)} · {i18n.t('form.vote.help')}"
        if text:
            hint = f"{text}\n{hint}"
        self.judge = judge
        self.open(i18n.t("form.vote.title", number=number), done, check=check, hint=hint)

    def on_mount(self) -> None:
        # Followed by watching each field's value, not by its `Changed` message: the preview
        # line is then drawn in the digit's own frame, not one frame after the field.
        for field in self._count_fields():
            self.watch(field, "value", self._typed, init=False)

    def opened(self) -> None:
        self.preview()

    def _typed(self) -> None:
        if self.is_open:
            self.preview()
            paint_in_one_frame(self.screen)

    def _count_fields(self) -> list[CountInput]:
        return [self.query_one(f"#f-{k}", CountInput) for k in ("for", "against", "abstain")]

    def preview(self) -> None:
        fields = self._count_fields()
        if not any(f.text for f in fields):
            self.show_error(i18n.t("form.vote.nothing_yet"), ok=True)
            return
        if self.judge is None:
            return
        outcome = self.judge(self.answers())
        if isinstance(outcome, str):  # refused, in the command's words
            self.show_error(outcome)
            return
        text = i18n.t("form.vote.preview", not_voting=outcome.not_voting, outcome=outcome.explain())
        self.show_error(text, ok=True)
