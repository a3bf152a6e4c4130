"""Minutes as CSV: one row per motion, for the spreadsheet the community office keeps.

UTF-8 with a byte-order mark, because Chinese Excel opens a BOM-less UTF-8
file as GBK and shows mojibake. A cell that starts with `=`, `+`, `@` (or a
tab or carriage return) gets a leading `'`, so a spreadsheet shows it as
text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io

from meeting_tui.minutes import sections as s
from meeting_tui.minutes.model import Minutes, MotionEntry

COLUMNS = (
    "number",
    "item",
    "text",
    "proposer",
    "category",
    "state",
    "for",
    "against",
    "abstain",
    "present",
    "rule",
    "result",
    "owner",
    "due",
    "deferral_reason",
)
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def row(motion: MotionEntry) -> list[str]:
    vote = motion.vote
    counts: list[object] = (
        [
            vote.in_favour,
            vote.against,
            vote.abstain,
            vote.eligible_present,
            motion.rule,
            vote.reason,
        ]
        if vote
        else ["", "", "", "", "", ""]
    )
    values: list[object] = [
        motion.number,
        motion.item,
        motion.text,
        motion.proposer or motion.party,
        motion.category,
        motion.state_label,
        *counts,
        motion.owner,
        motion.due,
        motion.deferral_reason,
    ]
    return [_cell(v) for v in values]


def render(minutes: Minutes) -> str:
    """The whole file as text, BOM first; rows end in CRLF as the csv module and Excel expect."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([s.t(minutes, f"minutes.col.{c}") for c in COLUMNS])
    for motion in minutes.motions:
        writer.writerow(row(motion))
    for line in s.checkpoint_lines(minutes):  # the record digest, after the motions
        writer.writerow([_cell(line)])
    return BOM + buffer.getvalue()
