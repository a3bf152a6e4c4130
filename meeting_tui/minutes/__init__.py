"""Minutes (会议纪要) from the folded meeting: one model, five renderers, saved versions, export.

Headless: nothing here imports Textual. Importing the package registers the
minutes' words in the i18n catalog.
"""

from meeting_tui.minutes import messages as _messages  # registers the zh/en texts
from meeting_tui.minutes.build import build_minutes
from meeting_tui.minutes.model import SCHEMA_VERSION, Minutes, MotionEntry, VoteEntry

del _messages

__all__ = ["SCHEMA_VERSION", "Minutes", "MotionEntry", "VoteEntry", "build_minutes"]
