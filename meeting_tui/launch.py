"""The `meeting-tui` command's entry point: the collector held back, then the CLI (startup.py)."""

from __future__ import annotations

from meeting_tui import startup


def main() -> int:
    startup.pause()
    from meeting_tui.cli import main as run

    return run()
