"""The full ballot record of an owners' decision, for the archive: CSV and DOCX.

Every answer ever recorded is a row, in the order it was recorded: the unit,
its owners and area, the answer, how and by whom it was collected, which
earlier answer it corrected, and a withdrawal with its reason. This is the
filed record (names included); the public announcement is in
`publicity/owners_notice.py` and carries none of it.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Mapping, Sequence
from typing import Any

from meeting_tui import i18n
from meeting_tui.domain.owners.decision import Ballot, DecisionState
from meeting_tui.domain.owners.digest import owners_digest_line
from meeting_tui.domain.owners.report import tally_lines
from meeting_tui.domain.owners.roster import Unit
from meeting_tui.domain.owners.rules import format_area
from meeting_tui.domain.owners.tally import option_label
from meeting_tui.minutes.csv import BOM, safe_cell
from meeting_tui.minutes.word_layouts import COMMUNITY, Font


def columns(lang: str | None = None) -> list[str]:
    return i18n.t("owners.record.columns", lang).split(",")


def ballot_rows(state: DecisionState, lang: str | None = None) -> list[list[str]]:
    """One row per answer recorded, oldest first; `计入` says whether it counts now."""
    roster_units = state.roster.by_id if state.roster else {}
    number_of = {b.seq: n for n, b in enumerate(state.history, start=1)}
    rows = []
    for n, ballot in enumerate(state.history, start=1):
        unit = roster_units.get(ballot.unit)
        rows.append(_row(state, n, ballot, unit, number_of, lang))
    return rows


def _row(
    state: DecisionState,
    n: int,
    ballot: Ballot,
    unit: Unit | None,
    number_of: dict[int, int],
    lang: str | None,
) -> list[str]:
    counted = state.current.get(ballot.unit) == ballot
    return [
        str(n),
        (ballot.collected_at or ballot.at).replace("T", " ")[:16],
        unit.building if unit else "",
        unit.entrance if unit else "",
        unit.room if unit else ballot.unit,
        "、".join(unit.owners) if unit else "",
        format_area(unit.area) if unit else "",
        i18n.t(f"owners.area_source.{unit.area_source}", lang) if unit else "",
        option_label(state, ballot.answer, lang),
        i18n.t(f"owners.method.{ballot.method}", lang),
        ballot.collector,
        str(number_of.get(ballot.corrects, "")) if ballot.corrects else "",
        (ballot.withdrawn_at or "").replace("T", " ")[:19],
        ballot.withdrawn_reason,
        ballot.withdrawn_by,
        i18n.t("owners.record.counted" if counted else "owners.record.not_counted", lang),
    ]


Results = Sequence[Mapping[str, Any]]  # the decision file's saved results (their checkpoints)


def render_csv(state: DecisionState, lang: str | None = None, results: Results = ()) -> bytes:
    """UTF-8 with BOM (Chinese Excel reads BOM-less UTF-8 as GBK); formula-like cells quoted.

    After the rows, an empty row and the record digest line, as on paper.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns(lang))
    for row in ballot_rows(state, lang):
        writer.writerow([safe_cell(value, minus=True) for value in row])
    writer.writerow([])
    writer.writerow([safe_cell(owners_digest_line(state, results, lang), minus=True)])
    return (BOM + buffer.getvalue()).encode("utf-8")


# The community layout turned to landscape: 16 columns; the time, unit and area
# columns as wide as their values (never wrapped), the others share the rest.
RECORD_LAYOUT = dataclasses.replace(
    COMMUNITY,
    landscape=True,
    margins_mm=(20, 15, 20, 15),
    body=Font("宋体", "Times New Roman", 10.5),
    table=Font("宋体", "Times New Roman", 9.0),
)
SHORT_COLUMNS = (0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 15)  # all but 选项, 更正, the withdrawal


def record_widths(
    head: Sequence[str], rows: Sequence[Sequence[str]], size: float, total: int
) -> list[int]:
    """`wordml.fit_widths`, then each free column wide enough for its heading on two lines.

    Without that, 更正第几条 and 撤回经手人 (rarely filled, so given little
    room) stand one character a line; the room comes from what the other
    free columns (选项, 撤回时间 …) were given beyond their own heading.
    """
    from math import ceil

    from meeting_tui.minutes import wordml

    widths = wordml.fit_widths(head, rows, SHORT_COLUMNS, size, total)
    free = [n for n in range(len(head)) if n not in SHORT_COLUMNS]
    em = size * 20
    need = {n: round(ceil(len(head[n]) / 2) * em * 1.1) + wordml.CELL_PADDING for n in free}
    room = sum(widths[n] for n in free)
    if sum(need.values()) > room:
        return widths
    beyond = {n: max(0, widths[n] - need[n]) for n in free}
    extra, spare = room - sum(need.values()), sum(beyond.values()) or 1
    for n in free:
        widths[n] = need[n] + extra * beyond[n] // spare
    widths[free[-1]] += total - sum(widths)
    return widths


def render_docx(state: DecisionState, lang: str | None = None, results: Results = ()) -> bytes:
    """Landscape A4 on the minutes' WordML writer: 宋体 body, 黑体 headings, black on white.

    The table is WordML text parsed once (`minutes.wordml.Writer`), fast
    enough for 3,000 answers. python-docx is imported here, when a record is
    written, not by every verb.
    """
    from meeting_tui.minutes import wordml

    language = lang or i18n.current_language()
    title = i18n.t("owners.record.title", lang, title=state.title)
    w = wordml.Writer(RECORD_LAYOUT, language, title)
    if language == "zh":
        w.page_numbers("第 ", " 页 共 ", " 页")
    else:
        w.page_numbers("Page ", " of ", "")
    w.paragraph((wordml.title_lines(title, RECORD_LAYOUT), False), style="Title")
    w.paragraph((owners_digest_line(state, results, lang), False))
    w.paragraph((i18n.t("owners.record.summary", lang), False), style="Heading 1")
    for line in tally_lines(state, lang):
        w.paragraph((line, False))
    w.paragraph((i18n.t("owners.record.ballots", lang), False), style="Heading 1")
    head, rows = columns(lang), ballot_rows(state, lang)
    size, total = RECORD_LAYOUT.table.size, RECORD_LAYOUT.text_width
    widths = record_widths(head, rows, size, total)
    w.table(head, rows, widths, short=SHORT_COLUMNS)
    buffer = io.BytesIO()
    w.save(buffer)
    return buffer.getvalue()
