"""`backlog`: every deferral across the archive, printed from the kept list.

Its own module, so the verb imports neither the domain's commands nor the
meeting service (`new` and `open` need those): it reads
`summaries/backlog.lines` (store/archive_lists.py), or makes that list from the
archive summary when a meeting changed since, and prints it. What it printed
is kept too (`summaries/backlog.<lang>.printed`, `backlog.json.printed`, under
the same stamps as the list): asked again while no meeting changed, it prints
that text and decodes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from meeting_tui import i18n
from meeting_tui.domain.archive_lines import (
    B_DATE,
    B_MEETING,
    B_MOTION,
    B_NUMBER,
    B_OWNER,
    B_REASON,
    B_RESOLUTION,
    B_STATUS,
    B_TARGET,
    B_TEXT,
    B_TITLE,
    B_WHERE,
    backlog_rows,
    row_counts,
    row_where,
)
from meeting_tui.store import open_archive
from meeting_tui.store.archive import Archive
from meeting_tui.store.archive_lists import BACKLOG, KeptLists, ListRead, archive_stamp, lists_of


def add(verbs: Any) -> None:
    backlog = verbs.add_parser("backlog", help="list deferred items across all meetings")
    backlog.add_argument("--json", action="store_true", help="print JSON for scripts")


def run(args: argparse.Namespace) -> int | None:
    """The verb's exit status, or None when `args.verb` is not `backlog`."""
    if args.verb != "backlog":
        return None
    return print_backlog(open_archive(), as_json=args.json)


def print_backlog(archive: Archive, *, as_json: bool) -> int:
    """Open deferrals first; each with its origin, reason, owner, last vote and where it went.

    Printed from the kept list's lines (store/archive_lists.py), decoded in one
    parse: no entry objects are made for 10,000 lines that are only printed.
    """
    lists = lists_of(archive)
    name = "backlog.json" if as_json else f"backlog.{i18n.current_language()}"
    stamp = archive_stamp(archive)
    printed = None if stamp is None else lists.printed(name, stamp)
    if printed is not None:  # no meeting changed since this was printed last
        sys.stdout.write(printed)
        return 0
    # The kept list, brought up to date from the meetings changed since, or made from the summaries.
    read = lists.read(BACKLOG, update=True)
    for problem in read.problems:  # a meeting that cannot be read is named, never dropped silently
        print(problem.message(), file=sys.stderr)
    try:
        text = _spliced(lists, name, read, as_json=as_json)
        if text is None:
            rows = backlog_rows(read.all_lines(BACKLOG))
            text = _as_json(rows) if as_json else _as_text(rows)
        sys.stdout.write(text)
    finally:
        if read.keep is not None:  # made afresh: kept for the next reader, after the printing
            read.keep()
    if read.stamp is not None:
        lists.keep_printed(name, read.stamp, text)
    return 0


def _spliced(lists: KeptLists, name: str, read: ListRead[Any], *, as_json: bool) -> str | None:
    """The text printed last with only the changed entries printed anew; None if it cannot be.

    For a list brought up to date (store/backlog_update.py) whose kept text was
    printed at the stamp the kept list was made at: each line kept byte for byte
    keeps its printed part, and only the lines made anew are decoded.
    """
    update = read.update
    if update is None or read.lines is None:
        return None
    before = lists.printed(name, update.was)
    if before is None:
        return None
    parts = _json_parts(before) if as_json else _text_parts(before)
    if parts is None or len(parts) != update.was_count:
        return None
    anew = backlog_rows([read.lines[n] for n, at in enumerate(update.reused) if at is None])
    said: dict[tuple[Any, ...], str] = {}
    made = iter([_json_part(r) if as_json else _text_line(r, said) for r in anew])
    whole = [parts[at] if at is not None else next(made) for at in update.reused]
    return _json_whole(whole) if as_json else _text_whole(whole)


def _as_json(rows: list[list[Any]]) -> str:
    return _json_whole([_json_part(r) for r in rows])


def _json_part(r: list[Any]) -> str:
    """One entry as `json.dumps` of the whole list with `indent=1` writes it, without its comma."""
    where = r[B_WHERE]
    entry = {
        "meeting_id": r[B_MEETING],
        "motion_id": r[B_MOTION],
        "meeting_title": r[B_TITLE],
        "date": r[B_DATE],
        "number": r[B_NUMBER],
        "text": r[B_TEXT],
        "reason": r[B_REASON],
        "owner": r[B_OWNER],
        "target": r[B_TARGET],
        "vote": None if (counts := row_counts(r)) is None else list(counts),
        "status": r[B_STATUS],
        "resolved_in": None if where is None else {"meeting_id": where[0], "motion_id": where[1]},
        "resolution": r[B_RESOLUTION] or None,
    }
    return " " + json.dumps(entry, ensure_ascii=False, indent=1).replace("\n", "\n ")


def _json_whole(parts: list[str]) -> str:
    """The list as `json.dumps(..., indent=1)` writes it: a string holds no raw newline."""
    return "[\n" + ",\n".join(parts) + "\n]\n" if parts else "[]\n"


def _json_parts(text: str) -> list[str] | None:
    """`_json_whole`'s parts back: each entry ends in a line " }", which nothing inside it is."""
    if text == "[]\n":
        return []
    if not (text.startswith("[\n {") and text.endswith("\n }\n]\n")):
        return None
    parts = text[2:-3].split("\n },\n")
    return [part + "\n }" for part in parts[:-1]] + parts[-1:]


def _as_text(rows: list[list[Any]]) -> str:
    """One line per deferral; all in one string: 10,000 prints one by one cost as much again."""
    said: dict[tuple[Any, ...], str] = {}
    return _text_whole([_text_line(r, said) for r in rows])


def _text_line(r: list[Any], said: dict[tuple[Any, ...], str]) -> str:
    counts = row_counts(r)
    vote = "-" if counts is None else "/".join(map(str, counts))
    return (
        f"{r[B_DATE]}  {r[B_MEETING]} #{r[B_NUMBER]}  {row_where(r, said)}  "
        f"{r[B_TEXT]}  [{r[B_OWNER]}; {r[B_REASON]}; {vote}]\n"
    )


def _text_whole(lines: list[str]) -> str:
    return "".join(lines) if lines else i18n.t("backlog.empty") + "\n"


def _text_parts(text: str) -> list[str] | None:
    """The printed lines back, one per entry (a kept entry's text holds no line break)."""
    if not text.endswith("\n"):
        return None
    return [line + "\n" for line in text[:-1].split("\n")]
