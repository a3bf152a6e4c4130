"""Saved minutes: close → version 1; reopen and close → version 2 with version 1 kept.

Exports of a closed meeting render from the saved version, so neither a
later change of wording in the program nor a later follow-up changes the
finalised minutes.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from meeting_tui import i18n
from meeting_tui.demo import LIVE_ID
from meeting_tui.domain import commands as c
from meeting_tui.minutes.export import render
from meeting_tui.minutes.record import (
    MINUTES_TABLE,
    close_and_record,
    minutes_for_export,
    saved_versions,
)
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.store.record_tables import read_minutes_table

CST = timezone(timedelta(hours=8))


def _clock():
    moments = iter(
        datetime(2026, 11, 21, 11, 0, tzinfo=CST) + timedelta(minutes=n) for n in range(999)
    )
    return lambda: next(moments)


def _open(data_dir: Path) -> LiveMeeting:
    return LiveMeeting.open(open_archive(data_dir), LIVE_ID, _clock())


def test_close_records_version_1_and_reclose_adds_version_2(data_dir: Path) -> None:
    live = _open(data_dir)
    try:
        assert close_and_record(live) == 1
        live.execute(c.reopen_meeting(live.state, "补记一项居民意见"))
        gate = next(m for m in live.state.motions.values() if m.number == 2)
        live.execute(c.record_vote(live.state, gate.id, 30, 4, 4))
        assert close_and_record(live) == 2
    finally:
        live.close()
    docs = read_minutes_table(open_archive(data_dir), LIVE_ID)  # without the lock, from disk
    versions = saved_versions(docs)
    assert [v.version for v in versions] == [1, 2]
    first, second = (v.minutes for v in versions)
    assert first.motions[1].state_label == "待表决" and first.unvoted
    assert second.motions[1].state_label == "通过" and not second.unvoted
    assert second.reopenings[0].text == "补记一项居民意见"
    assert versions[0].closed_seq < versions[1].closed_seq


def test_export_renders_from_the_saved_version(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = _open(data_dir)
    try:
        close_and_record(live)
        docs = live.file.table(MINUTES_TABLE)
        events = list(live.log.events)
        state = live.state
    finally:
        live.close()
    saved = render(minutes_for_export(state, events, docs), "md")
    # A later program calls 通过 something else; the finalised minutes must not change.
    i18n.load_all()  # the new wording replaces the catalogue's, not the other way round
    monkeypatch.setitem(i18n._catalog, "motion.passed", ("已通过（新措辞）", "adopted"))
    assert "已通过（新措辞）" not in render(minutes_for_export(state, events, docs), "md").decode()
    assert render(minutes_for_export(state, events, docs), "md") == saved
    fresh = render(minutes_for_export(state, events, []), "md").decode("utf-8")
    assert "已通过（新措辞）" in fresh  # without a saved version it is built anew


def test_later_follow_up_does_not_change_the_saved_minutes(data_dir: Path) -> None:
    live = _open(data_dir)
    try:
        close_and_record(live)
        live.execute(c.complete_followup(live.state, "m1", "2027-04-01"))  # allowed once closed
        assert live.state.motions["m1"].followup.done_on == "2027-04-01"
        saved = minutes_for_export(live.state, live.log.events, live.file.table(MINUTES_TABLE))
        fresh = minutes_for_export(live.state, live.log.events, [])
    finally:
        live.close()
    assert saved.motions[0].done_on == ""
    assert fresh.motions[0].done_on == "2027年4月1日"


def test_an_open_meeting_gets_fresh_minutes(data_dir: Path) -> None:
    live = _open(data_dir)
    try:
        close_and_record(live)
        live.execute(c.reopen_meeting(live.state, "补记"))
        minutes = minutes_for_export(live.state, live.log.events, live.file.table(MINUTES_TABLE))
    finally:
        live.close()
    assert minutes.status == "in_session"
    assert "会议尚未结束" in render(minutes, "md").decode("utf-8")


def test_saved_minutes_in_another_language_are_built_afresh(data_dir: Path) -> None:
    live = _open(data_dir)
    try:
        close_and_record(live)
        minutes = minutes_for_export(
            live.state, live.log.events, live.file.table(MINUTES_TABLE), "en"
        )
    finally:
        live.close()
    assert minutes.lang == "en" and minutes.motions[0].state_label == "passed"


def test_damaged_saved_documents_are_skipped() -> None:
    assert saved_versions([{"version": "x"}, {"nothing": 1}]) == []
