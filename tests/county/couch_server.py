"""A real CouchDB-protocol server for the tests: pouchdb-server, in memory, on a free port.

`.ci/run` installs it (`npm install --prefix .ci/node pouchdb-server`); the
`POUCHDB_SERVER` environment variable may name another binary. Under
`CI=true` a missing server fails the tests instead of skipping them.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCAL_BINARY = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "pouchdb-server"


def server_binary() -> str | None:
    named = os.environ.get("POUCHDB_SERVER")
    if named:
        return named
    if LOCAL_BINARY.exists():
        return str(LOCAL_BINARY)
    return shutil.which("pouchdb-server")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers(port: int) -> bool:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        conn.request("GET", "/")
        ok = conn.getresponse().status == 200
        conn.close()
        return ok
    except OSError:
        return False


class PouchServer:
    """One pouchdb-server process; `stop()` ends it (and only it)."""

    def __init__(self, binary: str, workdir: Path) -> None:
        self.port = free_port()
        workdir.mkdir(parents=True, exist_ok=True)
        # It writes config.json and log.txt into its working folder: a temp one.
        self.process = subprocess.Popen(
            [
                binary,
                "--in-memory",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--no-stdout-logs",
            ],
            cwd=workdir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while not _answers(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                err = (
                    self.process.stderr.read().decode(errors="replace")
                    if self.process.stderr
                    else ""
                )
                self.stop()
                raise RuntimeError(f"pouchdb-server did not start: {err[-500:]}")
            time.sleep(0.1)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()


def start_or_give_up(workdir: Path) -> PouchServer:
    binary = server_binary()
    if binary is None:
        message = (
            "pouchdb-server not found: run `npm install --prefix .ci/node pouchdb-server` "
            "(`.ci/run` does) or set POUCHDB_SERVER"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return PouchServer(binary, workdir)


def couch_json(url: str, path: str = "", method: str = "GET", body: object = None) -> Any:
    """One request to the server, independent of the code under test: the decoded answer."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80, timeout=30)
    payload = None if body is None else json.dumps(body).encode()
    conn.request(method, parts.path + path, payload, {"Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return json.loads(data) if data else None


def meeting_docs(url: str) -> list[dict[str, Any]]:
    """Every meeting document in the database (no design documents), with conflicts if any."""
    rows = couch_json(url, "/_all_docs?include_docs=true&conflicts=true")["rows"]
    return [r["doc"] for r in rows if not r["id"].startswith("_design/")]
