"""The installation key and document ids: stable per data folder, unique across laptops."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from county_meetings import closed_meeting, write_config

from meeting_tui import locations
from meeting_tui.county.document import Identity
from meeting_tui.county.errors import CountyError
from meeting_tui.county.installation import installation_key
from meeting_tui.store.ids import new_meeting_id


def test_the_key_is_made_once_and_read_back_unchanged(tmp_path: Path) -> None:
    first = installation_key(tmp_path)
    assert len(first) == 10 and first.isascii() and first.isalnum() and first == first.lower()
    assert installation_key(tmp_path) == first
    assert locations.installation_key_file(tmp_path).read_text().strip() == first
    assert not list(locations.installation_key_file(tmp_path).parent.glob("*.tmp"))


def test_every_data_folder_gets_its_own_key(tmp_path: Path) -> None:
    keys = {installation_key(tmp_path / f"laptop{n}") for n in range(50)}
    assert len(keys) == 50


def test_processes_racing_on_a_fresh_folder_all_get_the_same_key(tmp_path: Path) -> None:
    code = "import sys; from pathlib import Path; from meeting_tui.county.installation import installation_key; print(installation_key(Path(sys.argv[1])))"
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(6)
    ]
    keys = {racer.communicate(timeout=60)[0].strip() for racer in racers}
    assert len(keys) == 1 and keys == {installation_key(tmp_path)}


def test_a_crash_before_the_link_leaves_no_key_and_the_next_run_makes_one(tmp_path: Path) -> None:
    folder = locations.installation_key_file(tmp_path).parent
    folder.mkdir(parents=True)
    (folder / ".installation-key.999.dead.tmp").write_bytes(b"half")  # a torn temp file
    key = installation_key(tmp_path)
    assert locations.installation_key_file(tmp_path).read_text().strip() == key


@pytest.mark.parametrize("content", [b"", b"not a key\n", b"\xff\xfe", b"abcdefghij-extra"])
def test_a_damaged_key_is_refused_never_replaced(tmp_path: Path, content: bytes) -> None:
    path = locations.installation_key_file(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(CountyError) as refused:
        installation_key(tmp_path)
    assert str(path) in refused.value.message()
    assert path.read_bytes() == content


def test_the_sync_command_reports_a_damaged_key_in_one_line(
    tmp_path, county_url, cli, laptop
) -> None:
    root = tmp_path / "data"
    closed_meeting(root, "20261017-aaaa")
    path = locations.installation_key_file(root)
    path.parent.mkdir(parents=True)
    path.write_text("garbage")
    write_config(laptop, community_code="nanyuan")
    result = cli("--data-dir", str(root), "sync", "--to", county_url)
    assert result.status == 2 and len(result.err.splitlines()) == 1
    assert "installation-key" in result.err and "备份" in result.err


def test_two_laptops_making_meetings_on_the_same_day_never_share_a_document_id(
    tmp_path: Path,
) -> None:
    """Meeting ids are unique per laptop only; the document id adds the installation key."""
    from datetime import date

    day = date(2026, 10, 17)
    a = Identity("410105001", installation_key(tmp_path / "a"))
    b = Identity("410105001", installation_key(tmp_path / "b"))  # same community, two laptops
    same_id = new_meeting_id(day)
    assert a.doc_id(same_id) != b.doc_id(same_id)
    docs_a = {a.doc_id(new_meeting_id(day)) for _ in range(200)}
    docs_b = {b.doc_id(new_meeting_id(day)) for _ in range(200)}
    assert not docs_a & docs_b
