"""The headless meeting core: events, commands, rules, and fold(events) -> MeetingState.

Pure code: no I/O (but for reading an agenda file's bytes), no Textual.
"""

from meeting_tui.domain.errors import DomainError
from meeting_tui.domain.events import Draft, Event, EventKind, stamp, timestamp
from meeting_tui.domain.fold import advance, apply, fold, motions_changed
from meeting_tui.domain.messages import label
from meeting_tui.domain.model import (
    MICRO_PROJECT_LIMIT_YUAN,
    AgendaItem,
    Category,
    DecisionRule,
    ItemState,
    MeetingKind,
    MeetingState,
    MeetingStatus,
    Motion,
    MotionState,
    Origin,
    Party,
    QuorumPolicy,
    Vote,
    VoteMethod,
)
from meeting_tui.domain.rules import RuleOutcome, evaluate

__all__ = [
    "MICRO_PROJECT_LIMIT_YUAN",
    "AgendaItem",
    "Category",
    "DecisionRule",
    "DomainError",
    "Draft",
    "Event",
    "EventKind",
    "ItemState",
    "MeetingKind",
    "MeetingState",
    "MeetingStatus",
    "Motion",
    "MotionState",
    "Origin",
    "Party",
    "QuorumPolicy",
    "RuleOutcome",
    "Vote",
    "VoteMethod",
    "advance",
    "apply",
    "evaluate",
    "fold",
    "label",
    "motions_changed",
    "stamp",
    "timestamp",
]
