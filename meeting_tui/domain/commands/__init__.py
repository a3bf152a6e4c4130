"""Commands validate input against the current state and return drafts of events.

They never write anything: the caller stamps the drafts, appends them to the
store, and only then applies them. A refused command raises `DomainError`.

The names below load with their module on first use (PEP 562), not with the
package: the session screen and the store name the package, and a cold `open`
draws its first frame before any command runs (the screen's forms load the
modules soon after, `tui/screens/session_entries.py`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
    from meeting_tui.domain.commands.floor import (
        add_speaker,
        end_speaker,
        hand_over_chair,
        move_speaker,
        note_speech,
        remove_speaker,
        set_floor_limits,
        start_speaker,
        take_back_chair,
        toggle_pause,
    )
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
        judge_vote,
        mark_answered,
        note_motion,
        raise_motion,
        record_vote,
        require_voters,
        respond,
        withdraw,
    )
    from meeting_tui.domain.commands.publicity import set_name_choice
    from meeting_tui.domain.commands.undo_steps import describe, undo, undo_target

# Each exported name → the module of the commands that defines it.
_HOMES = {
    "acclaim": "motions",
    "activate_item": "agenda",
    "add_attendee": "meeting",
    "add_item": "agenda",
    "add_items": "agenda",
    "add_speaker": "floor",
    "assign_followup": "motions",
    "close_meeting": "meeting",
    "complete_followup": "motions",
    "create_meeting": "meeting",
    "defer": "motions",
    "describe": "undo_steps",
    "edit_item": "agenda",
    "edit_meeting": "meeting",
    "edit_motion": "motions",
    "end_speaker": "floor",
    "evaluate_followup": "motions",
    "finish_item": "agenda",
    "hand_over_chair": "floor",
    "insert_item": "agenda",
    "judge_vote": "motions",
    "mark_answered": "motions",
    "move_item": "agenda",
    "move_speaker": "floor",
    "note_motion": "motions",
    "note_speech": "floor",
    "pull_deferral": "backlog",
    "raise_motion": "motions",
    "record_vote": "motions",
    "remove_attendee": "meeting",
    "remove_item": "agenda",
    "remove_speaker": "floor",
    "reopen_meeting": "meeting",
    "require_voters": "motions",
    "respond": "motions",
    "set_attendance": "meeting",
    "set_floor_limits": "floor",
    "set_headcounts": "meeting",
    "set_name_choice": "publicity",
    "set_voting_parties": "meeting",
    "skip_current": "agenda",
    "skip_item": "agenda",
    "start_meeting": "meeting",
    "start_speaker": "floor",
    "step_agenda": "agenda",
    "take_back_chair": "floor",
    "toggle_pause": "floor",
    "toggle_timer": "agenda",
    "undo": "undo_steps",
    "undo_target": "undo_steps",
    "withdraw": "motions",
}

# The modules, for a caller that loads them all ahead of the first key.
MODULES = tuple(sorted(set(_HOMES.values())))


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    found = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = found  # found once: a key's command is a plain attribute after
    return found


__all__ = [
    "acclaim",
    "activate_item",
    "add_attendee",
    "add_item",
    "add_items",
    "add_speaker",
    "assign_followup",
    "close_meeting",
    "complete_followup",
    "create_meeting",
    "defer",
    "describe",
    "edit_item",
    "edit_meeting",
    "edit_motion",
    "end_speaker",
    "evaluate_followup",
    "finish_item",
    "hand_over_chair",
    "insert_item",
    "judge_vote",
    "mark_answered",
    "move_item",
    "move_speaker",
    "note_motion",
    "note_speech",
    "pull_deferral",
    "raise_motion",
    "record_vote",
    "remove_attendee",
    "remove_item",
    "remove_speaker",
    "reopen_meeting",
    "require_voters",
    "respond",
    "set_attendance",
    "set_floor_limits",
    "set_headcounts",
    "set_name_choice",
    "set_voting_parties",
    "skip_current",
    "skip_item",
    "start_meeting",
    "start_speaker",
    "step_agenda",
    "take_back_chair",
    "toggle_pause",
    "toggle_timer",
    "undo",
    "undo_target",
    "withdraw",
]
