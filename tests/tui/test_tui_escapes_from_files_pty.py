"""Escape sequences inside a meeting file (hand-edited or foreign) never reach the terminal.

Typed text is cleaned on the way in; these tests write the hostile text straight
into the files, as an editor or another program would, then run the real app
on a pty and assert on the exact bytes it wrote: the raw sequences are absent,
and a visible ␛ shows where they were.
"""

from __future__ import annotations

import json
from pathlib import Path

from pty_app import PtyApp

from meeting_tui.demo import LIVE_ID

TITLE = "\x1b]0;PWNED\x07议事会\x1b[2JWIPE"
MOTION = "修\u202e路灯\x9b31m\x1b[5m闪"
ITEM = "\x1b]8;;http://evil.example/\x07链接\x1b]8;;\x07"
RAW = [b"\x1b]0;PWNED", b"\x1b[2JWIPE", "\u202e".encode(), b"\xc2\x9b31m", b"\x1b[5m", b"\x1b]8;;"]


def plant(data_dir: Path) -> None:
    """The in-session demo, its title, motion 2 and item 3 rewritten with escapes, index too."""
    path = data_dir / "meetings" / f"{LIVE_ID}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["meeting"]["1"]["title"] = TITLE
    for event in data["events"].values():
        payload = event["payload"]
        if event["kind"] == "meeting_created":
            payload["title"] = TITLE
        elif event["kind"] == "motion_raised" and payload["motion_id"] == "m2":
            payload["text"] = MOTION
        elif event["kind"] == "item_added" and payload["item_id"] == "i3":
            payload["title"] = ITEM
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    index = data_dir / "index.json"
    rows = json.loads(index.read_text(encoding="utf-8"))
    for row in rows["meetings"].values():
        if row["id"] == LIVE_ID:
            row["title"] = TITLE
    index.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def assert_no_raw_sequence(app: PtyApp) -> None:
    written = bytes(app.output)
    for raw in RAW:
        assert raw not in written, f"{raw!r} reached the terminal"


def test_session_screen_shows_marks_not_sequences(data_dir: Path) -> None:
    plant(data_dir)
    with PtyApp(["open", LIVE_ID], data_dir=data_dir, columns=120, lines=30) as app:
        app.wait_for_text("␛0;PWNED议事会")  # the header: ESC ] became ␛
        app.wait_for_text("修路灯")  # the bidi override is gone, the text reads in order
        app.wait_for_text("链接")
        assert app.quit() == 0
    assert_no_raw_sequence(app)


def test_start_screen_archive_rows_show_marks_not_sequences(data_dir: Path) -> None:
    plant(data_dir)
    with PtyApp([], data_dir=data_dir, columns=120, lines=30) as app:
        app.wait_for_text("␛0;PWNED议事会")
        assert app.quit() == 0
    assert_no_raw_sequence(app)
