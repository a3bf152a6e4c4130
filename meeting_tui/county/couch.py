"""The few CouchDB calls `sync` and `county` make, on the standard library's http.client.

Why http.client and not a CouchDB client library: the maintained ones
either wrap the whole API (and pull in requests and its tree) or are async;
we need six endpoints, JSON bodies, and two different timeouts — a short
one to connect and for the first answer (offline must be said within 5 s)
and a long one for a big `_bulk_docs` — which http.client gives directly,
with one kept-alive connection and no new dependency on a laptop that
must install offline.

Every failure becomes one `CountyError`: before any answer it is
`UnreachableError` (nothing was changed), after one it is
`ConnectionLostError` (whatever was confirmed stays confirmed).
"""

from __future__ import annotations

import base64
import http.client
import json
import socket
import ssl
from typing import Any
from urllib.parse import quote, urlencode

from meeting_tui.county.errors import ConnectionLostError, ServerRefusedError, UnreachableError
from meeting_tui.county.settings import Target

CONNECT_TIMEOUT_S = 5.0
# A kept-alive connection the server has closed fails in one of these ways before any answer.
_STALE = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)
READ_TIMEOUT_S = 120.0


class CouchDatabase:
    """One database on one server, over one kept-alive connection (use `with`)."""

    def __init__(
        self,
        target: Target,
        *,
        connect_timeout: float = CONNECT_TIMEOUT_S,
        read_timeout: float = READ_TIMEOUT_S,
    ) -> None:
        self.target = target
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self._connection: http.client.HTTPConnection | None = None
        self._answered = False  # has the server answered anything yet?
        self._headers = {"Accept": "application/json", "Content-Type": "application/json"}
        if target.user or target.password:
            token = base64.b64encode(f"{target.user}:{target.password}".encode()).decode("ascii")
            self._headers["Authorization"] = f"Basic {token}"

    def __enter__(self) -> CouchDatabase:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # -- the endpoints --------------------------------------------------------

    def ensure_database(self) -> None:
        """Answer `GET /` (is this CouchDB?), then create the database if it is missing."""
        self.request("GET", "/")
        status, _ = self.request("GET", self._path(), allow=(404,))
        if status == 404:
            self.request("PUT", self._path(), allow=(412,))  # 412: made meanwhile

    def get(self, doc_id: str) -> dict[str, Any] | None:
        status, body = self.request("GET", self._path(doc_id), allow=(404,))
        return body if status != 404 and isinstance(body, dict) else None

    def put(self, doc_id: str, doc: dict[str, Any]) -> dict[str, Any]:
        body = self.request("PUT", self._path(doc_id), doc)[1]
        return body if isinstance(body, dict) else {}

    def revs_diff(self, revs: dict[str, list[str]]) -> dict[str, list[str]]:
        """Of `{doc id: [rev, …]}`, the revisions the database lacks."""
        if not revs:
            return {}
        body = self.request("POST", self._path("_revs_diff"), revs)[1] or {}
        return {doc_id: list(entry.get("missing", [])) for doc_id, entry in body.items()}

    def bulk_docs_replicated(self, docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Store `docs` with the revisions we made (`new_edits: false`); the per-doc errors."""
        body = self.request("POST", self._path("_bulk_docs"), {"docs": docs, "new_edits": False})
        answer = body[1] or []
        return [row for row in answer if isinstance(row, dict) and "error" in row]

    def view(
        self,
        design: str,
        name: str,
        *,
        keys: list[Any] | None = None,
        **params: Any,
    ) -> list[dict[str, Any]]:
        """The rows of a view; parameters as CouchDB takes them (JSON-encoded values)."""
        query = {k: json.dumps(v) for k, v in params.items()}
        path = self._path("_design", design, "_view", name) + "?" + urlencode(query)
        if keys is None:
            body = self.request("GET", path)[1]
        else:
            body = self.request("POST", path, {"keys": keys})[1]
        return list((body or {}).get("rows", []))

    # -- HTTP ---------------------------------------------------------------

    def request(
        self, method: str, path: str, body: Any = None, *, allow: tuple[int, ...] = ()
    ) -> tuple[int, Any]:
        """(status, decoded JSON body); statuses ≥ 400 not in `allow` raise `ServerRefusedError`."""
        payload = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        try:
            try:
                reused = self._connection is not None
                connection, response, raw = self._exchange(method, path, payload)
            except _STALE:
                if not reused:
                    raise
                # The server closed the kept-alive connection while we were busy (Node closes
                # idle ones after 5 s): nothing reached it, so send once more on a new one.
                self.close()
                connection, response, raw = self._exchange(method, path, payload)
        except (OSError, http.client.HTTPException) as exc:
            self.close()
            reason = _reason(exc)
            if isinstance(exc, ssl.SSLError) and not self._answered:
                raise UnreachableError(
                    "county.http.tls", url=self.target.display, reason=reason
                ) from None
            if self._answered:
                raise ConnectionLostError(
                    "county.http.lost", url=self.target.display, reason=reason
                ) from None
            raise UnreachableError(
                "county.http.unreachable", url=self.target.display, reason=reason
            ) from None
        if not self._answered:
            self._answered = True
            if connection.sock is not None:
                connection.sock.settimeout(self.read_timeout)
        try:
            decoded = json.loads(raw) if raw else None
        except ValueError:
            decoded = None
        status = response.status
        if status >= 400 and status not in allow:
            error = decoded if isinstance(decoded, dict) else {}
            key = "county.http.auth" if status in (401, 403) else "county.http.refused"
            raise ServerRefusedError(
                key,
                status=status,
                url=self.target.display,
                error=str(error.get("error", response.reason)),
                reason=str(error.get("reason", "")),
            )
        return status, decoded

    def _exchange(
        self, method: str, path: str, payload: bytes | None
    ) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse, bytes]:
        connection = self._connect()
        connection.request(method, path, payload, self._headers)
        response = connection.getresponse()
        return connection, response, response.read()

    def _connect(self) -> http.client.HTTPConnection:
        if self._connection is None:
            timeout = self.connect_timeout  # also bounds the first answer
            if self.target.scheme == "https":
                self._connection = http.client.HTTPSConnection(
                    self.target.host,
                    self.target.port,
                    timeout=timeout,
                    context=ssl.create_default_context(),
                )
            else:
                self._connection = http.client.HTTPConnection(
                    self.target.host, self.target.port, timeout=timeout
                )
            self._connection.connect()
            if self._answered and self._connection.sock is not None:
                self._connection.sock.settimeout(self.read_timeout)
        return self._connection

    def _path(self, *parts: str) -> str:
        segments = [self.target.database]
        for part in parts:
            # `_design/x` and `_local/x` keep their slash; any other id is one segment.
            segments.append(
                part if part.startswith(("_design/", "_local/")) else quote(part, safe="")
            )
        return "/" + "/".join(
            quote(s, safe="/_$()+-") if i == 0 else s for i, s in enumerate(segments)
        )


def _reason(exc: BaseException) -> str:
    if isinstance(exc, socket.timeout | TimeoutError):
        return "timeout"
    if isinstance(exc, ssl.SSLError):
        return f"TLS: {exc.reason or exc}"
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:120]
