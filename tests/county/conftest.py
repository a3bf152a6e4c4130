"""Fixtures for the county tests: a real pouchdb-server, fresh databases, data folders."""

from __future__ import annotations

import ssl
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from couch_server import PouchServer, start_or_give_up
from county_proxy import CouchProxy

from meeting_tui.cli import main


@pytest.fixture(scope="session")
def couch_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PouchServer]:
    server = start_or_give_up(tmp_path_factory.mktemp("pouchdb"))
    yield server
    server.stop()


@pytest.fixture
def county_url(couch_server: PouchServer) -> str:
    """A database of its own for each test, on the shared in-memory server."""
    return f"{couch_server.url}/county_{uuid.uuid4().hex[:12]}"


@pytest.fixture
def laptop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config file for one community laptop (MEETING_TUI_CONFIG points at it)."""
    path = tmp_path / "config.toml"
    monkeypatch.setenv("MEETING_TUI_CONFIG", str(path))
    monkeypatch.delenv("MEETING_TUI_COUNTY_USER", raising=False)
    monkeypatch.delenv("MEETING_TUI_COUNTY_PASSWORD", raising=False)
    return path


@dataclass
class CliRun:
    status: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliRun]:
    """`meeting-tui ARGS…` in this process; its status and what it printed."""

    def run(*args: str) -> CliRun:
        capsys.readouterr()
        status = main(list(args))
        captured = capsys.readouterr()
        return CliRun(status, captured.out, captured.err)

    return run


@pytest.fixture
def proxies() -> Iterator[Callable[..., CouchProxy]]:
    """Make proxies in front of the server; all are stopped after the test."""
    made: list[CouchProxy] = []

    def make(
        upstream: str,
        rule: Callable[[str, str, int], int | str | None],
        tls: ssl.SSLContext | None = None,
    ) -> CouchProxy:
        proxy = CouchProxy(upstream, rule, tls)
        made.append(proxy)
        return proxy

    yield make
    for proxy in made:
        proxy.stop()
