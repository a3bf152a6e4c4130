"""`python -m meeting_tui` is the same as the `meeting-tui` command."""

from meeting_tui.launch import main

raise SystemExit(main())
