"""Vote entry: 赞成/反对/弃权 as digits or counted with +/-, the verdict previewed as you type."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input

from meeting_tui import i18n
from meeting_tui.domain import DecisionRule, VoteMethod, evaluate, label
from meeting_tui.tui.dialogs.count_input import CountInput
from meeting_tui.tui.dialogs.form import Answers, Field, FormDialog


class VoteDialog(FormDialog):
    def __init__(
        self,
        number: int,
        present: int,
        rule: DecisionRule,
        quorum: int | None,
        check: Callable[[Answers], str | None],
        text: str = "",
    ) -> None:
        fields = [
            Field("for", i18n.t("field.for"), count=True),
            Field("against", i18n.t("field.against"), count=True),
            Field("abstain", i18n.t("field.abstain"), count=True),
            Field(
                "method",
                i18n.t("form.vote.method"),
                VoteMethod.HANDS.value,
                options=[
                    (label(m), m.value) for m in VoteMethod if m is not VoteMethod.ACCLAMATION
                ],
            ),
        ]
        hint = f"{i18n.t('form.vote.eligible', present=present)} · {i18n.t('form.vote.help')}"
        if text:  # the motion's whole text, so the chair reads out what is voted on
            hint = f"{text}\n{hint}"
        super().__init__(i18n.t("form.vote.title", number=number), fields, check, hint)
        self.present, self.rule, self.quorum = present, rule, quorum

    def on_mount(self) -> None:
        self.preview()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.preview()

    def preview(self) -> None:
        fields = [self.query_one(f"#f-{k}", CountInput) for k in ("for", "against", "abstain")]
        typed = [f.number for f in fields]
        if not any(f.text for f in fields):
            self.show_error(i18n.t("form.vote.nothing_yet"), ok=True)
            return
        counts = [n for n in typed if n is not None]
        if len(counts) < len(typed) and self.check:  # a minus sign: the command says why
            self.show_error(self.check(self.answers()) or "")
            return
        if sum(counts) > self.present:
            self.show_error(i18n.t("error.too_many_votes", cast=sum(counts), present=self.present))
            return
        outcome = evaluate(self.rule, counts[0], counts[1], counts[2], self.present, self.quorum)
        text = i18n.t(
            "form.vote.preview", not_voting=self.present - sum(counts), outcome=outcome.explain()
        )
        self.show_error(text, ok=True)
