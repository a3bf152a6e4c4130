"""Type-ahead through a real pseudo-terminal: whole bursts in ONE write, the result read from disk.

Each burst is what a fast typist, a paste or an SSH link delivers in one read.
The app runs as `python -m meeting_tui open <demo>` (tests/pty_app.py); after
it quits, the events on disk must be exactly what the keys said, field by field.
Motion 2 of the in-session demo is selected; 38 residents and 6 others are present.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pty_app import PtyApp

from meeting_tui.demo import LIVE_ID
from meeting_tui.store import open_archive


@pytest.fixture
def session(data_dir: Path) -> Iterator[PtyApp]:
    """The in-session demo on an 80×24 terminal, shown and ready for keys."""
    with PtyApp(["open", LIVE_ID], data_dir=data_dir, columns=80, lines=24) as app:
        app.wait_for_text("表决")
        yield app


def events_after(data_dir: Path, before: int) -> list[dict[str, Any]]:
    return [dict(e) for e in open_archive(data_dir).read_meeting(LIVE_ID)[1][before:]]


@pytest.fixture
def before(data_dir: Path) -> int:
    return len(open_archive(data_dir).read_meeting(LIVE_ID)[1])


def test_vote_burst_lands_field_by_field(session: PtyApp, data_dir: Path, before: int) -> None:
    session.write("v1\t2\t3\r")
    session.wait_for_text("赞成 1 ≤ 反对 2")  # the vote panel shows the stored count
    assert session.quit() == 0
    (event,) = events_after(data_dir, before)
    assert event["kind"] == "vote_recorded"
    counts = {k: event["payload"][k] for k in ("for", "against", "abstain")}
    assert counts == {"for": 1, "against": 2, "abstain": 3}


def test_motion_burst_keeps_its_tab_and_a_following_n_opens_a_new_form(
    session: PtyApp, data_dir: Path, before: int
) -> None:
    """n + text + Tab + proposer + Enter + n in one write: the last n must not join the text."""
    session.write("n修路灯\t王阿姨\rn")
    screen = lambda: session.text().replace(" ", "")  # noqa: E731
    # Motion 3 is stored and selected (the vote panel says so) and a second, empty form is open.
    session.wait_until(lambda: "#3待表决" in screen() and "事项内容" in screen(), "motion 3 + form")
    session.write("\x1b")
    session.wait_for_absent("事项内容")
    assert session.quit() == 0
    (event,) = events_after(data_dir, before)
    assert event["kind"] == "motion_raised"
    assert (event["payload"]["text"], event["payload"]["proposer"]) == ("修路灯", "王阿姨")


def test_attendance_burst(session: PtyApp, data_dir: Path, before: int) -> None:
    session.write("a40\t4\r")
    session.wait_for_text("出席 47")  # 40 residents + 4 staff + 1 + 2
    assert session.quit() == 0
    changes = {e["payload"]["party"]: e["payload"]["count"] for e in events_after(data_dir, before)}
    assert changes == {"resident": 40, "staff": 4}


def defer_in_one_burst(session: PtyApp, data_dir: Path, before: int) -> None:
    """The deferral typed as one write; the stored event holds its three answers as typed."""
    session.write("d说明不清\t街道办\t十二月\r")
    session.wait_for_text("暂缓事项 1")
    assert session.quit() == 0
    (event,) = events_after(data_dir, before)
    assert event["kind"] == "motion_deferred"
    payload = event["payload"]
    assert (payload["reason"], payload["owner"], payload["target"]) == (
        "说明不清",
        "街道办",
        "十二月",
    )


def test_defer_burst(session: PtyApp, data_dir: Path, before: int) -> None:
    defer_in_one_burst(session, data_dir, before)


def test_keys_typed_while_the_vote_dialog_closes_go_to_the_session(
    session: PtyApp, data_dir: Path, before: int
) -> None:
    """Enter then `n` at once: the vote is stored as typed and `n` opens the motion form."""
    session.write("v20\t5\rn")
    session.wait_for_text("事项内容")
    session.write("\x1b")
    session.wait_for_absent("事项内容")
    assert session.quit() == 0
    (event,) = events_after(data_dir, before)
    counts = [event["payload"][k] for k in ("for", "against", "abstain")]
    assert counts == [20, 5, 0]


def test_a_vote_typed_and_cancelled_then_a_deferral_burst(
    session: PtyApp, data_dir: Path, before: int
) -> None:
    """`v30` Esc in one write cancels the vote form on the session screen (nothing stored);
    the deferral burst after it fills the deferral form, not the hidden vote form. (Esc and
    a letter in ONE write are read by the terminal as alt+letter, so Esc ends its write.)"""
    session.write("v30\x1b")
    session.wait_for_quiet(0.3)  # the Esc read alone, before the next write
    session.wait_for_absent("表决：事项 2")
    defer_in_one_burst(session, data_dir, before)


def test_a_refused_vote_stays_open_and_the_keys_after_it_correct_it(
    session: PtyApp, data_dir: Path, before: int
) -> None:
    """Enter on 39 of 38 present is refused under the fields; the backspace and digit typed in
    the same write land in the still open form, and the second Enter stores 38 for, 0, 0."""
    session.write("v39\r\x7f8\r]")
    session.wait_for_text("议题 4/8")  # `]` after the form: the session had its key
    assert session.quit() == 0
    kinds = [e["kind"] for e in events_after(data_dir, before)]
    assert kinds[0] == "vote_recorded" and len(kinds) >= 2
    vote = events_after(data_dir, before)[0]["payload"]
    assert [vote[k] for k in ("for", "against", "abstain")] == [38, 0, 0]
