"""The record digest end to end: close → checkpoint → every format → `meeting-tui verify`.

Real files in a tmp archive; tampering is done the way a person would do
it, by editing the JSON file on disk.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from meeting_tui import locations
from meeting_tui.cli import main
from meeting_tui.demo import LIVE_ID
from meeting_tui.domain import commands as c
from meeting_tui.minutes.record import close_and_record
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.store.record_tables import read_minutes_table


@pytest.fixture(autouse=True)
def default_data_dir_after_each_test():
    yield
    locations.set_data_directory(None)


def cli(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def closed(data_dir: Path) -> str:
    """Close the live demo meeting (recording its minutes); its digest."""
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID)
    try:
        close_and_record(live)
    finally:
        live.close()
    doc = read_minutes_table(open_archive(data_dir), LIVE_ID)[-1]
    assert doc["minutes"]["digest"] == doc["checkpoint"]["digest"]
    return str(doc["checkpoint"]["digest"])


def export(data_dir: Path, capsys, *args: str) -> Path:
    assert cli(data_dir, "export", LIVE_ID, *args, "--force") == 0
    return Path(capsys.readouterr().out.strip())


def verify(data_dir: Path, capsys, *args: str) -> tuple[int, str]:
    status = cli(data_dir, "verify", *args)
    out = capsys.readouterr()
    return status, (out.out + out.err).strip()


def test_the_digest_is_printed_in_every_format(data_dir: Path, capsys) -> None:
    digest = closed(data_dir)
    assert len(digest) == 19 and digest.count("-") == 3
    for fmt in ("md", "html", "csv"):
        assert digest in export(data_dir, capsys, "--format", fmt).read_text(encoding="utf-8-sig")
    docx = export(data_dir, capsys, "--format", "docx")
    with zipfile.ZipFile(io.BytesIO(docx.read_bytes())) as z:
        assert digest in z.read("word/document.xml").decode()
    redacted = export(data_dir, capsys, "--format", "md", "--redact")
    assert digest in redacted.read_text(encoding="utf-8")


def test_full_and_redacted_exports_verify_against_the_same_printed_digest(
    data_dir: Path, capsys
) -> None:
    digest = closed(data_dir)
    full = export(data_dir, capsys, "--format", "json")
    redacted = export(data_dir, capsys, "--format", "json", "--redact")
    assert "salt" not in json.loads(redacted.read_text(encoding="utf-8"))["seal"]
    meeting_file = open_archive(data_dir).meeting_path(LIVE_ID)
    for target in (LIVE_ID, str(meeting_file), str(full), str(redacted)):
        status, line = verify(data_dir, capsys, target, "--digest", digest.lower())
        assert status == 0, line
        assert digest in line and "\n" not in line
    status, line = verify(data_dir, capsys, str(redacted), "--digest", "AAAA-BBBB-CCCC-DDDD")
    assert status == 1 and "AAAA-BBBB-CCCC-DDDD" in line


def test_an_edited_vote_in_an_export_is_found_and_named(data_dir: Path, capsys) -> None:
    closed(data_dir)
    for redact in ((), ("--redact",)):
        path = export(data_dir, capsys, "--format", "json", *redact)
        document = json.loads(path.read_text(encoding="utf-8"))
        vote = next(e for e in document["events"] if e["kind"] == "vote_recorded")
        vote["payload"]["for"] += 1
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        status, line = verify(data_dir, capsys, str(path))
        assert status == 1
        assert f"第 {vote['seq']} 条" in line


def test_an_edited_name_in_the_meeting_file_is_found(data_dir: Path, capsys) -> None:
    closed(data_dir)
    path = open_archive(data_dir).meeting_path(LIVE_ID)
    data = json.loads(path.read_text(encoding="utf-8"))
    first = data["events"]["1"]
    first["payload"]["title"] = first["payload"]["title"] + "（改）"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    status, line = verify(data_dir, capsys, LIVE_ID)
    assert status == 1 and "第 1 条" in line


def test_a_reopen_gives_a_new_digest_that_provably_extends_the_first(
    data_dir: Path, capsys
) -> None:
    first = closed(data_dir)
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID)
    try:
        live.execute(c.reopen_meeting(live.state, "补记一项居民意见"))
        close_and_record(live)
    finally:
        live.close()
    docs = read_minutes_table(open_archive(data_dir), LIVE_ID)
    second = docs[-1]["checkpoint"]["digest"]
    assert second != first and docs[-1]["consistency"]["from_version"] == 1
    status, line = verify(data_dir, capsys, LIVE_ID, "--digest", second)
    assert status == 0 and "第 2 版" in line, line
    # The old printed digest is not the record's digest any more: said, not hidden.
    status, line = verify(data_dir, capsys, LIVE_ID, "--digest", first)
    assert status == 1


def test_a_rewritten_first_version_breaks_the_consistency_proof(data_dir: Path, capsys) -> None:
    closed(data_dir)
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID)
    try:
        live.execute(c.reopen_meeting(live.state, "补记"))
        close_and_record(live)
    finally:
        live.close()
    path = open_archive(data_dir).meeting_path(LIVE_ID)
    data = json.loads(path.read_text(encoding="utf-8"))
    version1 = data["minutes"]["1"]["checkpoint"]
    version1["root"] = "00" * 32
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    status, line = verify(data_dir, capsys, LIVE_ID)
    assert status == 1 and "不是第 1 版的延续" in line


def test_nothing_to_check_exits_2_with_one_line(data_dir: Path, capsys, tmp_path) -> None:
    status, line = verify(data_dir, capsys, LIVE_ID)  # still in session: no checkpoint
    assert status == 2 and "结束会议" in line
    status, line = verify(data_dir, capsys, "no-such-meeting")
    assert status == 2 and "\n" not in line
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    status, line = verify(data_dir, capsys, str(bad))
    assert status == 2 and "bad.json" in line


def test_publish_prints_the_digest_period_committee_and_phone(
    data_dir: Path, capsys, tmp_path: Path, monkeypatch
) -> None:
    digest = closed(data_dir)
    settings = tmp_path / "config.toml"
    settings.write_text(
        'committee = "南苑社区居民委员会"\noffice_phone = "0951-5012345"\n', encoding="utf-8"
    )
    monkeypatch.setenv("MEETING_TUI_CONFIG", str(settings))
    out = tmp_path / "gs"
    args = ["publish", LIVE_ID, "--out", str(out), "--posted-on", "2026-11-22", "--days", "10"]
    assert cli(data_dir, *args) == 0
    capsys.readouterr()
    for name in (f"{LIVE_ID}.html", f"{LIVE_ID}-notice.html"):
        page = (out / name).read_text(encoding="utf-8")
        assert digest in page
        assert "公示期：2026年11月22日至2026年12月2日" in page
        assert "南苑社区居民委员会" in page and "联系电话：0951-5012345" in page
    with pytest.raises(SystemExit) as refused:  # argparse's own refusal, status 2
        cli(data_dir, "publish", LIVE_ID, "--out", str(out), "--posted-on", "22/11")
    assert refused.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err


def test_the_tui_s_json_exports_verify_too(data_dir: Path, capsys, tmp_path: Path) -> None:
    """`m` then `5` (full) and `r`, `5` (redacted) in the app: both files verify."""
    import asyncio

    from meeting_tui.tui.factory import make_app
    from meeting_tui.tui.screens.minutes_preview import MinutesPreviewScreen

    digest = closed(data_dir)

    async def scenario() -> None:
        app = make_app(LIVE_ID, data_dir=data_dir, config_path=tmp_path / "c.toml")
        async with app.run_test(size=(80, 24)) as pilot:
            app.push_screen(MinutesPreviewScreen(app.live))
            await pilot.pause()
            assert digest in app.screen.source  # the preview prints the digest line
            for keys in (("5",), ("r", "5")):
                await pilot.press(*keys)
                await app.workers.wait_for_complete()
                await pilot.pause()

    asyncio.run(scenario())
    written = sorted((data_dir / "exports" / LIVE_ID).glob("*.json"))
    assert len(written) == 2
    for path in written:
        status, line = verify(data_dir, capsys, str(path), "--digest", digest)
        assert status == 0, line
