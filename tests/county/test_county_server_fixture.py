"""The server fixture itself: under CI=true a missing pouchdb-server fails, never skips."""

from __future__ import annotations

from pathlib import Path

import couch_server
import pytest


def _no_server_anywhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("POUCHDB_SERVER", raising=False)
    monkeypatch.setattr(couch_server, "LOCAL_BINARY", tmp_path / "absent")
    monkeypatch.setenv("PATH", str(tmp_path))


def test_under_ci_a_missing_server_fails_the_test(monkeypatch, tmp_path) -> None:
    _no_server_anywhere(monkeypatch, tmp_path)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="pouchdb-server not found"):
        couch_server.start_or_give_up(tmp_path / "work")


def test_outside_ci_a_missing_server_skips_with_the_install_command(monkeypatch, tmp_path) -> None:
    _no_server_anywhere(monkeypatch, tmp_path)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(
        pytest.skip.Exception, match=r"npm install --prefix \.ci/node pouchdb-server"
    ):
        couch_server.start_or_give_up(tmp_path / "work")


def test_the_server_starts_on_a_free_port_and_stops(tmp_path: Path) -> None:
    server = couch_server.start_or_give_up(tmp_path / "work")
    try:
        assert couch_server.couch_json(server.url)["version"]
    finally:
        server.stop()
    assert server.process.poll() is not None
