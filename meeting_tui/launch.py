"""The `meeting-tui` command's entry point: the collector held back (startup.py), then the CLI.

A plain `list` of a still archive (verbs/quick_list.py) and a `backlog` printed
before while no meeting changed (verbs/quick_backlog.py) are answered before
the CLI loads.
"""

from __future__ import annotations

import sys

from meeting_tui import startup


def main() -> int:
    startup.pause()
    from meeting_tui.verbs import quick_list

    status = quick_list.run(sys.argv[1:])  # a plain `list` of a still archive, without the CLI
    if status is not None:
        return status
    from meeting_tui.verbs import quick_backlog

    status = quick_backlog.run(sys.argv[1:])  # the backlog printed before, while still true
    if status is not None:
        return status
    from meeting_tui.cli import main as run

    return run()
