"""Minutes as CSV: one row per motion, for the spreadsheet the community office keeps.

Every row names its meeting (id, date, title), so the files of a year's
meetings can be pasted under one another; the result is there twice, in
words for a person (未通过：赞成 14 人，少于反对 20 人；事项暂缓) and as a code
for a filter or a script (passed, rejected, deferred, answered, withdrawn,
open). The cost is a plain number of yuan, so a sum works.

UTF-8 with a byte-order mark, because Chinese Excel opens a BOM-less UTF-8
file as GBK and shows mojibake. A cell that starts with `=`, `+`, `@` (or a
tab or carriage return) gets a leading `'`, so a spreadsheet shows it as
text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io

from meeting_tui.minutes import floor_sections as fs
from meeting_tui.minutes import sections as s
from meeting_tui.minutes.model import Minutes, MotionEntry

COLUMNS = (
    "meeting_id",
    "date",
    "title",
    "number",
    "item",
    "text",
    "proposer",
    "category",
    "cost",
    "state",
    "for",
    "against",
    "abstain",
    "present",
    "rule",
    "result",
    "result_code",
    "owner",
    "due",
    "deferral_reason",
    "deferral_owner",
    "target",
    "origin",
    "debate",
)
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "@", "\t", "\r")


def safe_cell(value: object, *, minus: bool = False) -> str:
    """A cell Excel will not run as a formula: one starting with = + @ (or a tab or return)
    gets a leading '; with `minus`, so does one starting with - that is not a number."""
    text = "" if value is None else str(value)
    risky = text.startswith(_FORMULA_START) or (
        minus and text.startswith("-") and not text[1:].replace(".", "", 1).isdigit()
    )
    return "'" + text if risky else text


def row(minutes: Minutes, motion: MotionEntry) -> list[str]:
    """One motion, with the meeting it belongs to: rows of many meetings can be merged."""
    vote = motion.vote
    counts: list[object] = (
        [vote.in_favour, vote.against, vote.abstain, vote.eligible_present, motion.rule]
        if vote
        else ["", "", "", "", ""]
    )
    values: list[object] = [
        minutes.meeting_id,
        minutes.date,
        minutes.title,
        motion.number,
        motion.item,
        motion.text,
        motion.proposer or motion.party,
        motion.category,
        "" if motion.cost is None else motion.cost,
        motion.state_label,
        *counts,
        s.result_text(minutes, motion),
        s.state_code(motion),
        motion.owner,
        motion.due,
        motion.deferral_reason,
        motion.deferral_owner,
        motion.deferral_target,
        motion.origin,
        fs.compact(minutes, fs.of_motion(minutes, motion.number)),
    ]
    return [safe_cell(v) for v in values]


def render(minutes: Minutes) -> str:
    """The whole file as text, BOM first; rows end in CRLF as the csv module and Excel expect."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([s.t(minutes, f"minutes.col.{c}") for c in COLUMNS])
    for motion in minutes.motions:
        writer.writerow(row(minutes, motion))
    for line in s.checkpoint_lines(minutes):  # the record digest, after the motions
        writer.writerow([safe_cell(line)])
    return BOM + buffer.getvalue()
