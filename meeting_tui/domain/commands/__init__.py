"""Commands validate input against the current state and return drafts of events.

They never write anything: the caller stamps the drafts, appends them to the
store, and only then applies them. A refused command raises `DomainError`.
"""

from meeting_tui.domain.commands.agenda import (
    activate_item,
    add_item,
    add_items,
    edit_item,
    finish_item,
    insert_item,
    move_item,
    remove_item,
    skip_current,
    skip_item,
    step_agenda,
    toggle_timer,
)
from meeting_tui.domain.commands.backlog import pull_deferral
from meeting_tui.domain.commands.meeting import (
    add_attendee,
    close_meeting,
    create_meeting,
    edit_meeting,
    remove_attendee,
    reopen_meeting,
    set_attendance,
    set_headcounts,
    set_voting_parties,
    start_meeting,
)
from meeting_tui.domain.commands.motions import (
    acclaim,
    assign_followup,
    complete_followup,
    defer,
    edit_motion,
    evaluate_followup,
    mark_answered,
    note_motion,
    raise_motion,
    record_vote,
    require_voters,
    respond,
    withdraw,
)
from meeting_tui.domain.commands.publicity import set_name_choice
from meeting_tui.domain.commands.undo import describe, undo, undo_target

__all__ = [
    "acclaim",
    "activate_item",
    "add_attendee",
    "add_item",
    "add_items",
    "assign_followup",
    "close_meeting",
    "complete_followup",
    "create_meeting",
    "defer",
    "describe",
    "edit_item",
    "edit_meeting",
    "edit_motion",
    "evaluate_followup",
    "finish_item",
    "insert_item",
    "mark_answered",
    "move_item",
    "note_motion",
    "pull_deferral",
    "raise_motion",
    "record_vote",
    "remove_attendee",
    "remove_item",
    "reopen_meeting",
    "require_voters",
    "respond",
    "set_attendance",
    "set_headcounts",
    "set_name_choice",
    "set_voting_parties",
    "skip_current",
    "skip_item",
    "start_meeting",
    "step_agenda",
    "toggle_timer",
    "undo",
    "undo_target",
    "withdraw",
]
