"""meeting-tui with the type-ahead ordering switched off, to measure what tui/key_order.py costs.

For the benchmark only (no `bench_` prefix): `MeetingApp.on_event` hands keys
straight to Textual, as a bare App does; everything else is the real app.
"""

from __future__ import annotations

import sys

from textual.app import App

from meeting_tui.cli import main
from meeting_tui.tui.app import MeetingApp

MeetingApp.on_event = App.on_event  # type: ignore[method-assign]

if __name__ == "__main__":
    sys.exit(main())
