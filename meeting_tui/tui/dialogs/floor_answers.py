"""What the floor's forms return: one frozen dataclass per form (see form_answers.py)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from meeting_tui.domain import Party
from meeting_tui.tui.dialogs.form_answers import FormAnswers


class SpeakerStance(StrEnum):
    """The stance choice of the speaker form: the four stances, or a point of order."""

    FOR = "for"
    AGAINST = "against"
    QUESTION = "question"
    OTHER = "other"
    ORDER = "order"  # 程序问题: goes to the top of the queue


@dataclass(frozen=True)
class SpeakerAnswers(FormAnswers):
    name: str
    party: Party
    stance: SpeakerStance


@dataclass(frozen=True)
class SpeechNoteAnswers(FormAnswers):
    note: str


@dataclass(frozen=True)
class ChairAnswers(FormAnswers):
    to: str
    reason: str


@dataclass(frozen=True)
class FloorLimitsAnswers(FormAnswers):
    speech: str  # as typed: 2, 1:30, 90秒, 0 — the command reads it and says what is wrong
    cap: str
