"""Offline, cut, killed and refused: a sync that fails keeps what was confirmed and loses nothing.

Every fault is real: a port nobody listens on, a socket that never answers,
a proxy that cuts or refuses in front of pouchdb-server, a child process
killed with SIGKILL, a `validate_doc_update` that rejects a document.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from couch_server import couch_json, free_port, meeting_docs
from county_meetings import closed_meeting, write_config

from meeting_tui import config, locations
from meeting_tui.county.errors import ConnectionLostError, ServerRefusedError
from meeting_tui.county.replicate import sync
from meeting_tui.county.settings import parse_target
from meeting_tui.county.sync_state import SyncState
from meeting_tui.store import open_archive

MEETINGS = [f"2026101{n}-aaaa" for n in range(5)]


def folder_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def archive_of_five(tmp_path: Path, laptop: Path) -> Path:
    root = tmp_path / "data"
    for meeting_id in MEETINGS:
        closed_meeting(root, meeting_id)
    write_config(laptop, community_code="nanyuan")
    return root


def through(proxy_url: str, county_url: str) -> str:
    return f"{proxy_url}/{county_url.rsplit('/', 1)[1]}"


def run_sync(root: Path, url: str, batch_size: int = 1):
    cfg, _ = config.load()
    target = parse_target(url, cfg)
    return sync(open_archive(root), target, "nanyuan", "redacted", batch_size=batch_size)


def confirmed(root: Path, url: str) -> dict[str, str]:
    target = parse_target(url, config.Config())
    return SyncState.load(root).target(target.display).confirmed


def assert_each_meeting_once(county_url: str) -> None:
    docs = meeting_docs(county_url)
    assert sorted(d["meeting_id"] for d in docs) == MEETINGS
    assert not any("_conflicts" in d for d in docs)


def test_no_server_is_one_line_and_changes_nothing(archive_of_five, county_url, cli) -> None:
    root = archive_of_five
    assert cli("--data-dir", str(root), "sync", "--to", county_url).status == 0
    closed_meeting(root, "20261020-late")  # new since: must wait for the next sync
    before = folder_bytes(root)
    result = cli("--data-dir", str(root), "sync", "--to", f"http://127.0.0.1:{free_port()}/county")
    assert result.status == 2
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1
    assert "无法连接" in result.err and "未做任何更改" in result.err
    assert folder_bytes(root) == before


def test_a_server_that_does_not_answer_is_reported_within_5_seconds(archive_of_five, cli) -> None:
    root = archive_of_five
    with socket.socket() as silent:  # accepts connections (kernel backlog), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        before = folder_bytes(root)
        started = time.monotonic()
        result = cli("--data-dir", str(root), "sync", "--to", f"http://127.0.0.1:{port}/county")
        elapsed = time.monotonic() - started
    assert result.status == 2
    assert len(result.err.strip().splitlines()) == 1 and "timeout" in result.err
    assert elapsed < 6.5  # the 5 s timeout, plus reading the archive
    assert not locations.sync_state_file(root).exists()
    assert folder_bytes(root) == before


def test_a_connection_cut_mid_way_keeps_the_confirmed_and_the_next_run_completes(
    archive_of_five, county_url, couch_server, proxies, cli
) -> None:
    """The third batch reaches the server but its answer is lost, and the network stays down.

    (The client sends once more on a fresh connection when a kept-alive one
    breaks before any answer; here that second try is cut too.)
    """
    root = archive_of_five

    def rule(method: str, path: str, count: int) -> str | None:
        if method != "POST" or not path.endswith("_bulk_docs") or count < 3:
            return None
        return "lose_answer" if count == 3 else "cut"

    proxy = proxies(couch_server.url, rule)
    url = through(proxy.url, county_url)
    with pytest.raises(ConnectionLostError) as cut:
        run_sync(root, url)
    assert cut.value.values["done"] == 2 and cut.value.values["total"] == 5
    assert len(confirmed(root, url)) == 2  # the local checkpoint: the last confirmed document
    assert len(meeting_docs(county_url)) == 3  # the server had stored the third

    proxy.rule = lambda method, path, count: None  # the network is back
    rerun = cli("--data-dir", str(root), "sync", "--to", url)
    assert rerun.status == 0, rerun.err
    assert "已发送 2 份" in rerun.out  # the third was found present by _revs_diff, not resent
    assert_each_meeting_once(county_url)
    assert "已发送 0 份" in cli("--data-dir", str(root), "sync", "--to", url).out


def test_a_sync_killed_mid_way_and_rerun_ends_with_every_meeting_once(
    archive_of_five, county_url, couch_server, proxies, cli, laptop
) -> None:
    root = archive_of_five
    held = {"on": True}
    proxy = proxies(
        couch_server.url,
        lambda method, path, count: (
            "hold" if held["on"] and path.endswith("_bulk_docs") and count == 3 else None
        ),
    )
    url = through(proxy.url, county_url)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from meeting_tui import config\n"
        "from meeting_tui.county.replicate import sync\n"
        "from meeting_tui.county.settings import parse_target\n"
        "from meeting_tui.store import open_archive\n"
        "root = Path(sys.argv[1])\n"
        "sync(open_archive(root), parse_target(sys.argv[2], config.Config()), 'nanyuan',\n"
        "     'redacted', batch_size=1)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(root), url],
        env={**os.environ, "MEETING_TUI_CONFIG": str(laptop)},
    )
    try:
        assert proxy.wait_for("POST", "_bulk_docs", 3)
        child.send_signal(signal.SIGKILL)
        assert child.wait(10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert len(confirmed(root, url)) == 2
    assert len(meeting_docs(county_url)) == 2
    held["on"] = False
    rerun = cli("--data-dir", str(root), "sync", "--to", url)
    assert rerun.status == 0, rerun.err
    assert "已发送 3 份" in rerun.out
    assert_each_meeting_once(county_url)


@pytest.mark.parametrize("status", [409, 500])
def test_a_refused_write_is_reported_clearly_and_retried_next_time(
    status, archive_of_five, county_url, couch_server, proxies, cli
) -> None:
    root = archive_of_five
    refuse = {"on": True}
    proxy = proxies(
        couch_server.url,
        lambda method, path, count: (
            status if refuse["on"] and path.endswith("_bulk_docs") and count >= 2 else None
        ),
    )
    url = through(proxy.url, county_url)
    with pytest.raises(ServerRefusedError):
        run_sync(root, url)
    assert len(confirmed(root, url)) == 1
    # The same through the command: one line naming the status and that it will be retried.
    result = cli("--data-dir", str(root), "sync", "--to", url)
    assert result.status == 2
    assert str(status) in result.err and "下次运行 sync 时重试" in result.err
    assert len(result.err.strip().splitlines()) == 1
    refuse["on"] = False
    again = cli("--data-dir", str(root), "sync", "--to", url)
    assert again.status == 0, again.err
    assert_each_meeting_once(county_url)


def test_a_document_the_database_rejects_is_named_and_sent_at_the_next_run(
    archive_of_five, county_url, cli
) -> None:
    root = archive_of_five
    couch_json(county_url, method="PUT")
    guard = {
        "validate_doc_update": "function (doc) { if (doc.meeting_id === '20261012-aaaa') "
        "{ throw({forbidden: 'not this one'}); } }"
    }
    guard_rev = couch_json(county_url, "/_design/guard", "PUT", guard)["rev"]
    result = cli("--data-dir", str(root), "sync", "--to", county_url)
    assert result.status == 1
    assert "已发送 4 份" in result.out
    assert "20261012-aaaa" in result.err and "not this one" in result.err
    assert len(meeting_docs(county_url)) == 4
    couch_json(county_url, f"/_design/guard?rev={guard_rev}", "DELETE")
    again = cli("--data-dir", str(root), "sync", "--to", county_url)
    assert again.status == 0, again.err
    assert "已发送 1 份" in again.out
    assert_each_meeting_once(county_url)


def test_an_account_that_may_not_install_the_views_is_told_who_can(
    archive_of_five, county_url, couch_server, proxies, cli
) -> None:
    """CouchDB lets only database admins write design documents (a member gets 403)."""
    root = archive_of_five
    proxy = proxies(
        couch_server.url,
        lambda method, path, count: 403 if method == "PUT" and "_design/county" in path else None,
    )
    result = cli("--data-dir", str(root), "sync", "--to", through(proxy.url, county_url))
    assert result.status == 2 and len(result.err.splitlines()) == 1
    assert "管理员" in result.err
    assert meeting_docs(county_url) == []


def test_a_kept_alive_connection_the_server_closed_is_opened_again(
    archive_of_five, county_url, couch_server, proxies, cli
) -> None:
    """Node closes idle connections after 5 s (building 500 documents takes longer)."""
    root = archive_of_five
    proxy = proxies(couch_server.url, lambda method, path, count: "answer_then_close")
    result = run_sync(root, through(proxy.url, county_url))
    assert result.sent == 5
    assert_each_meeting_once(county_url)
