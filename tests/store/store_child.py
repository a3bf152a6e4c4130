"""A second process for the store tests: holds a meeting open, or appends until killed.

    python store_child.py hold ROOT ID     open the meeting, print "open", wait for stdin EOF
    python store_child.py append ROOT ID   create/open it, print "ready N", then append
                                           events forever, printing each acknowledged seq

Run with the test's `sys.executable`; the parent reads stdout line by line.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from meeting_tui.store import Archive, UnknownMeetingError


def crash_event(seq: int) -> dict[str, Any]:
    """The event number `seq` of the crash test; the parent rebuilds it to compare."""
    return {
        "seq": seq,
        "at": "2026-11-27T14:32:05+08:00",
        "kind": "vote_recorded",
        "payload": {"motion": seq % 12 + 1, "for": 38, "note": f"第{seq}次表决：电线入地改造"},
    }


def hold(archive: Archive, meeting_id: str) -> None:
    meeting = archive.open_meeting(meeting_id)
    print("open", flush=True)
    sys.stdin.read()
    meeting.close()


def append_forever(archive: Archive, meeting_id: str) -> None:
    try:
        meeting = archive.open_meeting(meeting_id)
    except UnknownMeetingError:
        meeting = archive.create_meeting(meeting_id, {"title": "崩溃测试 板凳会"})
    print("ready", meeting.last_seq, flush=True)
    while True:
        seq = meeting.next_seq
        meeting.append([crash_event(seq)])
        print(seq, flush=True)  # only printed once the append returned: acknowledged


def main() -> None:
    mode, root, meeting_id = sys.argv[1:4]
    archive = Archive(Path(root))
    if mode == "hold":
        hold(archive, meeting_id)
    else:
        append_forever(archive, meeting_id)


if __name__ == "__main__":
    main()
