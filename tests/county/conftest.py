"""Fixtures for the county tests: a real pouchdb-server, fresh databases, data folders."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from couch_server import PouchServer, start_or_give_up


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
