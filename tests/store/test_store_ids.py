"""Meeting ids go into file names and QR URLs: only a strict, safe shape passes."""

from __future__ import annotations

import string
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meeting_tui.domain import commands as c
from meeting_tui.store import Archive, InvalidMeetingIdError, is_valid_meeting_id, new_meeting_id
from meeting_tui.store.live import LiveMeeting


def test_new_id_is_date_then_four_base32_chars() -> None:
    meeting_id = new_meeting_id(date(2026, 11, 27))
    assert meeting_id.startswith("20261127-")
    assert len(meeting_id) == 13
    assert set(meeting_id[9:]) <= set(string.ascii_lowercase + "234567")
    assert is_valid_meeting_id(meeting_id)


def test_ids_sort_by_date() -> None:
    days = [date(2025, 12, 31), date(2026, 1, 2), date(2026, 11, 27)]
    ids = [new_meeting_id(day) for day in reversed(days)]
    assert [i[:8] for i in sorted(ids)] == ["20251231", "20260102", "20261127"]


def test_new_ids_differ() -> None:
    ids = {new_meeting_id(date(2026, 11, 27)) for _ in range(200)}
    assert len(ids) > 190


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "../20261127-k3f9",
        "20261127-k3f9/..",
        "20261127-..",
        "20261127/k3f9",
        "20261127\\k3f9",
        "20261127-K3F9",
        "20261127-k3f",
        "20261127-k3f9\n",
        "2026112-k3f9",
        "20261127-会议",
        "２0261127-k3f9",
        "20261127-k3f9.json",
        "20261127 k3f9",
    ],
)
def test_unsafe_ids_are_refused(bad: str) -> None:
    assert not is_valid_meeting_id(bad)


def test_non_strings_are_refused() -> None:
    assert not is_valid_meeting_id(None)
    assert not is_valid_meeting_id(20261127)


@given(st.text())
def test_valid_ids_are_plain_url_safe_ascii(text: str) -> None:
    if is_valid_meeting_id(text):
        assert text.isascii()
        assert set(text) <= set(string.ascii_lowercase + string.digits + "-")


@given(st.text(), st.sampled_from(["/", "\\", "..", "é", "会", "\x00", "\u200b"]), st.text())
def test_any_string_with_a_dangerous_part_is_refused(head: str, part: str, tail: str) -> None:
    assert not is_valid_meeting_id(head + part + tail)


@given(st.dates())
def test_generated_ids_are_always_valid(day: date) -> None:
    assert is_valid_meeting_id(new_meeting_id(day))


def test_archive_refuses_an_unsafe_id_before_touching_a_path(archive: Archive) -> None:
    with pytest.raises(InvalidMeetingIdError) as caught:
        archive.open_meeting("../../etc/passwd")
    assert "20261127-k3f9" in caught.value.message("zh")
    assert "20261127-k3f9" in caught.value.message("en")


def test_a_new_meeting_whose_drawn_id_is_taken_draws_again_and_leaves_the_other_whole(
    tmp_path: Path,
) -> None:
    """Four characters a day clash about once in ten among 460 meetings made on one day: a
    drawn id already in the archive is drawn again, never an error and never an overwrite."""
    archive = Archive(tmp_path / "data")
    first = LiveMeeting.create_new(
        archive, lambda mid: c.create_meeting(mid, "第一次 楼道议事"), ids=iter(["20261202-aaaa"])
    )
    first.close()
    before = archive.meeting_path("20261202-aaaa").read_bytes()
    second = LiveMeeting.create_new(
        archive,
        lambda mid: c.create_meeting(mid, "第二次 楼道议事"),
        ids=iter(["20261202-aaaa", "20261202-aaaa", "20261202-bbbb"]),
    )
    assert (second.meeting_id, second.state.title) == ("20261202-bbbb", "第二次 楼道议事")
    second.close()
    assert archive.meeting_path("20261202-aaaa").read_bytes() == before


def test_a_new_meeting_draws_its_id_from_the_clock_s_day(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "data")
    day = datetime(2031, 1, 5, 23, 59, tzinfo=UTC)  # not today: `date.today()` would fail it
    live = LiveMeeting.create_new(
        archive, lambda mid: c.create_meeting(mid, "圆桌会"), clock=lambda: day
    )
    assert live.meeting_id.startswith("20310105-")
    assert is_valid_meeting_id(live.meeting_id)
    live.close()


def test_a_drawn_id_whose_meeting_another_window_holds_is_drawn_again(tmp_path: Path) -> None:
    """The lock is taken before the file is looked for: a held one said "locked", not a clash."""
    archive = Archive(tmp_path / "data")
    held = LiveMeeting.create_new(
        archive, lambda mid: c.create_meeting(mid, "楼道议事"), ids=iter(["20261202-aaaa"])
    )  # open in this window, as another window would hold it
    try:
        other = LiveMeeting.create_new(
            archive,
            lambda mid: c.create_meeting(mid, "圆桌会"),
            ids=iter(["20261202-aaaa", "20261202-bbbb"]),
        )
        assert other.meeting_id == "20261202-bbbb"
        other.close()
    finally:
        held.close()
    assert archive.read_meeting("20261202-aaaa")[0]["title"] == "楼道议事"
