"""`meeting-tui sync` against a real pouchdb-server: what is sent, once, and what is not."""

from __future__ import annotations

import base64
import json
from datetime import date
from pathlib import Path

import pytest
from couch_server import couch_json, meeting_docs
from county_meetings import (
    closed_meeting,
    followup_done_and_evaluated,
    reopen_and_close,
    write_config,
)

from meeting_tui import locations


@pytest.fixture
def two_laptops(tmp_path: Path) -> tuple[Path, Path]:
    """南苑 and 北湖: each its own data folder, config file and community code."""
    nanyuan, beihu = tmp_path / "nanyuan", tmp_path / "beihu"
    closed_meeting(nanyuan, "20261017-aaaa", community="南苑社区", day=date(2026, 10, 17))
    closed_meeting(nanyuan, "20261105-bbbb", community="南苑社区", day=date(2026, 11, 5))
    closed_meeting(nanyuan, "20261120-open", community="南苑社区", close=False)
    closed_meeting(beihu, "20261017-aaaa", community="北湖社区", day=date(2026, 10, 17))
    write_config(tmp_path / "nanyuan.toml", community_code="nanyuan")
    write_config(tmp_path / "beihu.toml", community_code="beihu")
    return nanyuan, beihu


def sync_as(cli, monkeypatch, folder: Path, *args: str):
    monkeypatch.setenv("MEETING_TUI_CONFIG", str(folder.parent / f"{folder.name}.toml"))
    return cli("--data-dir", str(folder), "sync", *args)


def test_two_communities_sync_into_one_database_and_a_second_sync_sends_nothing(
    two_laptops, county_url, cli, monkeypatch, laptop
) -> None:
    nanyuan, beihu = two_laptops
    first = sync_as(cli, monkeypatch, nanyuan, "--to", county_url)
    assert first.status == 0, first.err
    assert "已发送 2 份" in first.out
    assert sync_as(cli, monkeypatch, beihu, "--to", county_url).status == 0
    docs = meeting_docs(county_url)
    # The same meeting id on two laptops: two documents, never one overwriting the other.
    assert len(docs) == 3
    assert {d["meeting_id"] for d in docs} == {"20261017-aaaa", "20261105-bbbb"}
    assert sorted(d["community"] for d in docs) == ["北湖社区", "南苑社区", "南苑社区"]
    assert all(d["_id"].split(":")[0] == d["community_code"] for d in docs)
    assert len({d["installation"] for d in docs}) == 2
    # The open meeting was not sent.
    assert not any(d["meeting_id"] == "20261120-open" for d in docs)

    again = sync_as(cli, monkeypatch, nanyuan, "--to", county_url)
    assert again.status == 0
    assert "已发送 0 份" in again.out
    assert meeting_docs(county_url) == docs  # nothing written, not even a new revision


def test_the_document_carries_minutes_versions_event_log_and_privacy(
    tmp_path, county_url, cli, laptop
) -> None:
    root = tmp_path / "data"
    closed_meeting(root, "20261017-aaaa")
    write_config(laptop, community_code="nanyuan")
    assert cli("--data-dir", str(root), "sync", "--to", county_url).status == 0
    (doc,) = meeting_docs(county_url)
    assert doc["privacy"] == "redacted"
    assert [v["version"] for v in doc["minutes"]] == [1]
    assert doc["minutes"][0]["minutes"]["is_redacted"] is True
    attachment = couch_json(county_url, f"/{doc['_id'].replace(':', '%3A')}/events.json")
    kinds = [e["kind"] for e in attachment]
    assert kinds[0] == "meeting_created" and "meeting_closed" in kinds
    text = json.dumps([doc, attachment], ensure_ascii=False)
    # Redacted: neither the proposer's nor the facilitator's full name, nor the phone number.
    for secret in ("李建国", "刘相文", "13812345678"):
        assert secret not in text
    assert "李某" in text and "138****5678" in text


def test_privacy_full_sends_the_internal_record_and_says_so(
    tmp_path, county_url, cli, laptop
) -> None:
    root = tmp_path / "data"
    closed_meeting(root, "20261017-aaaa")
    write_config(laptop, community_code="nanyuan", county_privacy="full")
    assert cli("--data-dir", str(root), "sync", "--to", county_url).status == 0
    (doc,) = meeting_docs(county_url)
    assert doc["privacy"] == "full"
    assert "李建国" in json.dumps(doc, ensure_ascii=False)


def test_a_reopened_and_reclosed_meeting_is_a_new_revision_with_the_old_one_in_its_history(
    tmp_path, county_url, cli, laptop
) -> None:
    root = tmp_path / "data"
    ids = closed_meeting(root, "20261017-aaaa")
    write_config(laptop, community_code="nanyuan")
    assert cli("--data-dir", str(root), "sync", "--to", county_url).status == 0
    (first,) = meeting_docs(county_url)
    assert first["_rev"].startswith("1-")

    reopen_and_close(root, "20261017-aaaa")
    result = cli("--data-dir", str(root), "sync", "--to", county_url)
    assert "已发送 1 份" in result.out
    (second,) = meeting_docs(county_url)
    assert second["_rev"].startswith("2-")
    assert [v["version"] for v in second["minutes"]] == [1, 2]  # version 1 kept
    doc_path = "/" + second["_id"].replace(":", "%3A")
    history = couch_json(county_url, doc_path + "?revs=true")["_revisions"]
    assert history["start"] == 2
    assert history["ids"][1] == first["_rev"].split("-", 1)[1]
    old = couch_json(county_url, doc_path + f"?rev={first['_rev']}")
    assert [v["version"] for v in old["minutes"]] == [1]
    assert "_conflicts" not in second

    # A follow-up done and evaluated after the close is news for the county too.
    followup_done_and_evaluated(root, "20261017-aaaa", ids["passed"])
    assert "已发送 1 份" in cli("--data-dir", str(root), "sync", "--to", county_url).out
    (third,) = meeting_docs(county_url)
    assert third["_rev"].startswith("3-")
    (passed,) = [m for m in third["motions"] if m["id"] == ids["passed"]]
    assert passed["followup"]["done_on"] == "2026-11-20"
    assert passed["followup"]["evaluation"]["satisfied"] == 20


def test_a_recreated_database_gets_everything_again(tmp_path, county_url, cli, laptop) -> None:
    """The checkpoint comparison: a database that lost our `_local` checkpoint is asked afresh."""
    root = tmp_path / "data"
    closed_meeting(root, "20261017-aaaa")
    closed_meeting(root, "20261018-bbbb")
    write_config(laptop, community_code="nanyuan")
    assert cli("--data-dir", str(root), "sync", "--to", county_url).status == 0
    couch_json(county_url, method="DELETE")
    result = cli("--data-dir", str(root), "sync", "--to", county_url)
    assert result.status == 0
    assert "已发送 2 份" in result.out
    assert len(meeting_docs(county_url)) == 2


def test_the_installation_key_is_made_once_and_kept(tmp_path, county_url, cli, laptop) -> None:
    root = tmp_path / "data"
    closed_meeting(root, "20261017-aaaa")
    write_config(laptop, community_code="nanyuan")
    assert not locations.installation_key_file(root).exists()
    cli("--data-dir", str(root), "sync", "--to", county_url)
    key = locations.installation_key_file(root).read_text().strip()
    cli("--data-dir", str(root), "sync", "--to", county_url)
    assert locations.installation_key_file(root).read_text().strip() == key
    (doc,) = meeting_docs(county_url)
    assert doc["_id"] == f"nanyuan:{key}:20261017-aaaa"


def test_credentials_are_sent_but_never_printed_nor_written_to_the_data_folder(
    tmp_path, county_url, couch_server, proxies, cli, laptop, monkeypatch
) -> None:
    """The password from the environment reaches the server as Basic auth, and nowhere else.

    The proxy records the Authorization header and forwards without it (the
    in-memory server is an admin party that refuses unknown users).
    """
    root = tmp_path / "data"
    closed_meeting(root, "20261017-aaaa")
    write_config(laptop, community_code="nanyuan", county_user="nanyuan", county_password="in-file")
    monkeypatch.setenv("MEETING_TUI_COUNTY_PASSWORD", "s3cret-口令")
    proxy = proxies(couch_server.url, lambda method, path, count: None)
    database = county_url.rsplit("/", 1)[1]
    result = cli("--data-dir", str(root), "sync", "--to", f"{proxy.url}/{database}")
    assert result.status == 0, result.err
    token = base64.b64encode("nanyuan:s3cret-口令".encode()).decode()
    assert proxy.authorizations and set(proxy.authorizations) == {f"Basic {token}"}
    offline = cli("--data-dir", str(root), "sync", "--to", "http://127.0.0.1:9/county")
    in_url = cli("--data-dir", str(root), "sync", "--to", "http://u:pw-in-url@127.0.0.1:9/county")
    assert offline.status == in_url.status == 2
    for run in (result, offline, in_url):
        assert "s3cret" not in run.out + run.err and "pw-in-url" not in run.out + run.err
        assert "in-file" not in run.out + run.err
    exported = cli("--data-dir", str(root), "export", "20261017-aaaa", "--format", "json")
    assert exported.status == 0
    files = [path for path in root.rglob("*") if path.is_file()]
    assert any("exports" in path.parts for path in files)
    for path in files:
        data = path.read_bytes()
        assert b"s3cret" not in data and b"pw-in-url" not in data and b"in-file" not in data, path


def test_sync_upgrades_an_older_design_document(tmp_path, county_url, cli, laptop) -> None:
    from meeting_tui.county.design import DESIGN_VERSION

    root = tmp_path / "data"
    closed_meeting(root, "20261017-aaaa")
    write_config(laptop, community_code="nanyuan")
    assert "_design/county" in cli("--data-dir", str(root), "sync", "--to", county_url).out
    design = couch_json(county_url, "/_design/county")
    older = {**design, "meeting_tui_design_version": DESIGN_VERSION - 1, "views": {}}
    couch_json(county_url, "/_design/county", "PUT", older)
    result = cli("--data-dir", str(root), "sync", "--to", county_url)
    assert "_design/county" in result.out and "已发送 0 份" in result.out
    upgraded = couch_json(county_url, "/_design/county")
    assert upgraded["meeting_tui_design_version"] == DESIGN_VERSION
    assert set(upgraded["views"]) >= {"meetings", "motions", "deferrals", "evaluations"}
    assert "_design/county" not in cli("--data-dir", str(root), "sync", "--to", county_url).out


@pytest.mark.parametrize("privacy", ["redacted", "full"])
def test_the_checkpoint_saved_with_a_minutes_version_travels_with_it_and_the_salt_does_not(
    privacy, tmp_path, county_url, cli, laptop
) -> None:
    """Each minutes version carries the checkpoint made at its close (digest, size, root);
    the county gets it with the version, never the salt that hides the names in its leaves."""
    from meeting_tui.minutes import checkpoints
    from meeting_tui.minutes.record import MINUTES_TABLE
    from meeting_tui.store import open_archive

    root = tmp_path / "data"
    closed_meeting(root, "20261017-aaaa")
    archive = open_archive(root)
    (version,) = archive.read_table("20261017-aaaa", MINUTES_TABLE)
    (salt_doc,) = archive.read_table("20261017-aaaa", checkpoints.SALT_TABLE)
    salt = checkpoints.salt_of([salt_doc])
    assert salt and version["checkpoint"]["digest"]
    write_config(laptop, community_code="nanyuan", county_privacy=privacy)
    assert cli("--data-dir", str(root), "sync", "--to", county_url).status == 0
    (doc,) = meeting_docs(county_url)
    assert doc["minutes"][0]["checkpoint"] == version["checkpoint"]
    assert salt not in json.dumps(doc)


def test_a_damaged_meeting_file_is_named_and_the_others_are_still_sent(
    tmp_path, county_url, cli, laptop
) -> None:
    root = tmp_path / "data"
    closed_meeting(root, "20261017-aaaa")
    closed_meeting(root, "20261018-bbbb")
    (root / "meetings" / "20261018-bbbb.json").write_text('{"meeting": {"1": ', encoding="utf-8")
    write_config(laptop, community_code="nanyuan")
    result = cli("--data-dir", str(root), "sync", "--to", county_url)
    assert result.status == 1
    assert "已发送 1 份" in result.out
    assert "20261018-bbbb.json" in result.err and len(result.err.strip().splitlines()) == 1
    assert [d["meeting_id"] for d in meeting_docs(county_url)] == ["20261017-aaaa"]
    again = cli("--data-dir", str(root), "sync", "--to", county_url)  # still said, not forgotten
    assert again.status == 1 and "20261018-bbbb" in again.err and "ctrl+r" in again.err


def test_a_name_the_facilitator_chose_to_shorten_is_shortened_for_the_county_too(
    tmp_path, county_url, cli, laptop
) -> None:
    """The publish preview's choice (a body's name shortened) holds in the redacted document,
    as it does in `export --redact`."""
    from meeting_tui.domain import commands as c
    from meeting_tui.minutes.record import close_and_record
    from meeting_tui.store import open_archive
    from meeting_tui.store.live import LiveMeeting

    root = tmp_path / "data"
    closed_meeting(root, "20261017-aaaa", close=False)
    live = LiveMeeting.open(open_archive(root), "20261017-aaaa")
    try:
        live.execute(c.set_name_choice(live.state, "供电公司", False))
        close_and_record(live)
    finally:
        live.close()
    exported = cli("--data-dir", str(root), "export", "20261017-aaaa", "--format", "json",
                   "--redact", "--out", str(tmp_path / "shared.json"))  # fmt: skip
    assert exported.status == 0, exported.err
    assert "供电公司" not in (tmp_path / "shared.json").read_text(encoding="utf-8")
    write_config(laptop, community_code="nanyuan")
    assert cli("--data-dir", str(root), "sync", "--to", county_url).status == 0
    (doc,) = meeting_docs(county_url)
    log = couch_json(county_url, f"/{doc['_id'].replace(':', '%3A')}/events.json")
    assert "供电公司" not in json.dumps([doc, log], ensure_ascii=False)
