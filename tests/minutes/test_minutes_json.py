"""The JSON export read back: the same Minutes, and events that fold to the same state."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meeting_tui.domain.fold import fold
from meeting_tui.minutes import SCHEMA_VERSION, Minutes
from meeting_tui.minutes.errors import ExportError
from meeting_tui.minutes.export import export
from meeting_tui.minutes.json import load_minutes_json


def test_round_trip_of_the_nanyuan_meeting(
    nanyuan: Minutes, nanyuan_events, tmp_path: Path
) -> None:
    path = export(nanyuan, "json", tmp_path / "n.json", events=nanyuan_events)
    minutes, events = load_minutes_json(path)
    assert minutes == nanyuan
    assert events == nanyuan_events
    assert fold(events) == fold(nanyuan_events)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["schema_version"] == SCHEMA_VERSION
    assert document["state"]["status"] == "closed"
    assert document["state"]["attendance"]["counts"]["resident"] == 40
    assert len(document["state"]["motions"]) == 12
    assert "电线入地改造" in path.read_text(encoding="utf-8")  # Chinese kept readable


def test_a_newer_schema_is_refused_clearly(
    nanyuan: Minutes, nanyuan_events, tmp_path: Path
) -> None:
    path = export(nanyuan, "json", tmp_path / "n.json", events=nanyuan_events)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["schema_version"] = SCHEMA_VERSION + 1
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        load_minutes_json(path)
    assert "升级" in caught.value.message("zh")


def test_not_a_minutes_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"a": 1}', encoding="utf-8")
    with pytest.raises(ExportError) as caught:
        load_minutes_json(path)
    assert str(path) in caught.value.message("en")
