"""The chair's window in a child process: `python present_chair.py DATA_DIR vote F A B | close | hide | damage | restore`.

It runs outside the test's process so that the process holding the public view
can refuse every write (tests/present/no_writes.py) while the meeting changes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from meeting_tui.demo import LIVE_ID
from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting


def main(argv: list[str]) -> int:
    archive = open_archive(Path(argv[0]))
    meeting = archive.meeting_path(LIVE_ID)
    aside = meeting.with_name(meeting.name + ".aside")
    if argv[1] in ("hide", "damage"):  # as a manual restore or a bad disk would leave it
        os.replace(meeting, aside)
        if argv[1] == "damage":
            meeting.write_bytes(b'{"meeting": {"1": {')
        return 0
    if argv[1] == "restore":
        os.replace(aside, meeting)
        return 0
    live = LiveMeeting.open(archive, LIVE_ID)
    try:
        if argv[1] == "vote":
            motion = next(m for m in live.state.motions.values() if m.number == 2)
            live.execute(c.record_vote(live.state, motion.id, *map(int, argv[2:5])))
        elif argv[1] == "close":
            live.execute(c.close_meeting(live.state))
    finally:
        live.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
