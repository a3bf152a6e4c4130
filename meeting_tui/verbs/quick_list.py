"""`meeting-tui list` answered before the CLI loads, when the archive is still.

The command's entry point (launch.py) asks here first. A command line that is
`list`, with `--json` or not, after `--data-dir DIR` or none, on an archive whose
index knows every meeting file and has no row in session or damaged
(store/listing.py) is listed with the standard library alone: the whole CLI
costs its argument parser, the domain package, the store's archive and TinyDB,
about 50 ms of a 90 ms process. Anything else — another verb or option, `--help`,
an archive to repair, one to open, an empty one — returns None, and the whole CLI
answers as always, with its messages. Both paths print through `table_lines`.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

# C0 and C1 control characters (ESC, BEL, CSI…): shown as nothing, never sent to the terminal.
_CONTROLS = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)])


def table_lines(rows: Iterable[Mapping[str, Any]], damaged: str) -> str:
    """The listing for people: id, date, status (`damaged` for a broken row) and title."""
    lines = []
    for row in rows:
        status = damaged if row.get("broken") else str(row.get("status", ""))
        line = f"{row.get('id', '')}  {row.get('date', '')}  {status:<10}  {row.get('title', '')}"
        lines.append(line.translate(_CONTROLS) + "\n")
    return "".join(lines)


# DEL and the C1 controls, which `json.dumps` leaves as they are: escaped, as JSON allows.
_C1_ESCAPED = {code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)}


def json_text(rows: list[dict[str, Any]]) -> str:
    """The listing for scripts: no control code reaches the terminal, every value decodes."""
    return json.dumps(rows, ensure_ascii=False, indent=1).translate(_C1_ESCAPED) + "\n"


def options_and_words(argv: Sequence[str]) -> tuple[str | None, str | None, list[str]] | None:
    """(`--data-dir` or None, `--lang` or None, the words after them); None for any other option.

    Only the spellings that need no guess: `--data-dir DIR`, `--data-dir=DIR`,
    `--lang zh|en`, `--lang=zh|en`, once each. Anything else (an abbreviation, an
    empty folder, a language argparse would refuse) is the whole CLI's to answer.
    """
    found: dict[str, str] = {}
    words = list(argv)
    while words and words[0].startswith("-"):
        word = words.pop(0)
        name, equals, value = word.partition("=")
        if name not in ("--data-dir", "--lang") or name in found:
            return None
        if not equals:
            if not words:
                return None
            value = words.pop(0)
        if not value or value.startswith("-"):
            return None
        if name == "--lang" and value not in ("zh", "en"):
            return None
        found[name] = value
    return found.get("--data-dir"), found.get("--lang"), words


def folder_and_form(argv: Sequence[str]) -> tuple[str | None, bool] | None:
    """(the `--data-dir` given or None, `--json`) for a plain `list` command line, else None."""
    parsed = options_and_words(argv)
    if parsed is None:
        return None
    folder, lang, words = parsed
    if lang is None and words in (["list"], ["list", "--json"]):
        return folder, len(words) == 2
    return None


def print_text(text: str | bytes, lang: str | None = None) -> int:
    """Write `text` to standard output: the exit status, as the whole CLI's would be.

    `bytes` go to the binary stream as they are: the caller has seen that standard
    output writes a text as its UTF-8 (`writes_utf8_as_is`) and the bytes are that.
    A fault of the output is said as the whole CLI says it, in `lang` (`--lang`) if given.
    """
    try:
        if isinstance(text, bytes):
            sys.stdout.flush()
            _write_all(sys.stdout.buffer, text)
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # a closed pipe (`| head`), a full disk: one line, as the CLI says it
        from meeting_tui import i18n
        from meeting_tui.cli import os_error_status

        if lang is not None:
            i18n.set_language(lang)
        return os_error_status(exc)
    return 0


def _write_all(out: Any, data: bytes) -> None:
    """All of `data` to a binary stream, unbuffered too (`-u`: a raw file may write a part)."""
    view = memoryview(data)
    while view:
        written = out.write(view)
        if not written:  # a non-blocking output that took nothing (None), or 0: said as an error
            raise BlockingIOError("standard output took none of what was written")
        view = view[written:]
    out.flush()


def writes_utf8_as_is(stream: Any) -> bool:
    """Whether `stream` writes a text as its UTF-8 bytes, to a binary stream under it.

    Its encoding is UTF-8 (under any spelling) and a newline stays `\\n`; any other
    (`PYTHONIOENCODING=gb18030`, a stream replaced by a test) is written as text.
    """
    import codecs

    if getattr(stream, "buffer", None) is None or os.linesep != "\n":
        return False
    try:
        return codecs.lookup(stream.encoding).name == "utf-8"
    except (LookupError, TypeError, AttributeError):
        return False


def run(argv: Sequence[str]) -> int | None:
    """0 once the still archive is printed; None when the whole CLI must answer."""
    asked = folder_and_form(argv)
    if asked is None:
        return None
    from meeting_tui import locations
    from meeting_tui.store.listing import still_listing

    folder, as_json = asked
    if folder is not None:
        locations.set_data_directory(folder)
    rows = still_listing(str(locations.data_directory()))
    if rows is None:
        return None
    return print_text(json_text(rows) if as_json else table_lines(rows, damaged=""))
