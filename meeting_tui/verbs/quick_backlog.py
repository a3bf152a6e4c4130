"""`meeting-tui backlog` printed before the CLI loads, while no meeting changed since.

The whole verb (verbs/backlog_verb.py) keeps what it printed under the
archive's stamp (`summaries/backlog.<lang>.printed`, `backlog.json.printed`,
store/archive_lists.py); asked again while no meeting changed, all it does is
print that text. Reaching it through the CLI costs its argument parser and the
domain and store packages, about two thirds of the process. So the command's
entry point (launch.py) asks here after `list`: a command line that is
`backlog`, with `--json` or not, after `--data-dir DIR` and `--lang zh|en` or
neither, whose kept text has the archive's two stamps, this release and that
language in its header and a body its CRC-32 holds (store/kept_files.py) is
printed with the standard library alone. Anything else — a stale, torn or
missing file, another option — returns None, and the whole verb answers (and
keeps its text for next time).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from meeting_tui.verbs.quick_list import options_and_words, print_text, writes_utf8_as_is


def backlog_form(argv: Sequence[str]) -> tuple[str | None, str, bool] | None:
    """(the `--data-dir` given or None, the language, `--json`) for a plain `backlog`, else None."""
    parsed = options_and_words(argv)
    if parsed is None:
        return None
    folder, lang, words = parsed
    if words in (["backlog"], ["backlog", "--json"]):
        return folder, lang or "zh", len(words) == 2
    return None


def run(argv: Sequence[str]) -> int | None:
    """The exit status once the kept backlog is printed; None when the whole CLI must answer."""
    asked = backlog_form(argv)
    if asked is None:
        return None
    from meeting_tui import __version__, locations
    from meeting_tui.store.kept_files import folder_stamp, printed_path, read_kept

    folder, lang, as_json = asked
    if folder is not None:
        locations.set_data_directory(folder)
    root = Path(os.path.abspath(locations.data_directory()))  # as the store's Archive takes it
    stamp = folder_stamp(locations.meetings_directory(root), locations.index_file(root))
    if stamp is None:
        return None
    name = "backlog.json" if as_json else f"backlog.{lang}"
    path = printed_path(locations.summaries_directory(root), name)
    kept = read_kept(path, list(stamp), [__version__, lang])
    if kept is None:
        return None
    body = kept[1]
    if writes_utf8_as_is(sys.stdout):  # as kept: spared decoding and encoding 1.5 MB (about 6 ms)
        return print_text(body, lang)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:  # its CRC held, yet no release wrote it: the whole verb's to answer
        return None
    return print_text(text, lang)
