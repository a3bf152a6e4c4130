"""The `meeting-tui` command's entry point: the collector held back (startup.py), then the CLI.

A plain `list` of a still archive is answered before the CLI loads (verbs/quick_list.py).
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
    from meeting_tui.cli import main as run

    return run()
