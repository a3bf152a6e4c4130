"""Minutes (会议纪要) from the folded meeting: one model, five renderers, saved versions, export.

Headless: nothing here imports Textual. The minutes' words are the `minutes`
area of the i18n catalogue.
"""

from meeting_tui.minutes.build import build_minutes
from meeting_tui.minutes.model import SCHEMA_VERSION, Minutes, MotionEntry, VoteEntry

__all__ = ["SCHEMA_VERSION", "Minutes", "MotionEntry", "VoteEntry", "build_minutes"]
