"""A loopback HTTP proxy in front of the real server, to cut, refuse or hold chosen requests.

Not a mock: every request it lets through is answered by pouchdb-server.
`rule(method, path, count)` decides per request (`count`: how many requests
with this method and path end have been seen, this one included): return
None to forward, an int status to answer with that status and a CouchDB-style
error body, "cut" to close the connection without an answer, or "hold" to
block until the proxy is stopped (a server that stopped answering), or
"lose_answer" to forward the request and then close the connection without
passing the answer on (the server stored it; the client never hears so), or
"answer_then_close" to pass the answer on and then close the kept-alive
connection without saying so (as Node does with idle connections after 5 s).
"""

from __future__ import annotations

import http.client
import json
import ssl
import threading
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

Rule = Callable[[str, str, int], "int | str | None"]


class CouchProxy:
    def __init__(self, upstream: str, rule: Rule, tls: ssl.SSLContext | None = None) -> None:
        parts = urlsplit(upstream)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.rule = rule
        self.seen: Counter[tuple[str, str]] = Counter()
        self.arrived = threading.Condition()
        self.released = threading.Event()
        self.authorizations: list[str] = []  # Authorization headers received (not forwarded)
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: object) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                endpoint = self.path.split("?")[0].rsplit("/", 1)[-1]
                with proxy.arrived:
                    proxy.seen[(self.command, endpoint)] += 1
                    count = proxy.seen[(self.command, endpoint)]
                    proxy.arrived.notify_all()
                action = proxy.rule(self.command, self.path, count)
                if action == "hold":
                    proxy.released.wait(60)
                    self.close_connection = True
                    return
                if action == "cut":
                    self.close_connection = True
                    self.connection.close()
                    return
                if isinstance(action, int):
                    answer = json.dumps({"error": "refused", "reason": f"proxy said {action}"})
                    self._reply(action, answer.encode(), "application/json")
                    return
                conn = http.client.HTTPConnection(*proxy.upstream, timeout=30)
                if self.headers.get("Authorization"):
                    proxy.authorizations.append(self.headers["Authorization"])
                dropped = ("host", "authorization")  # the in-memory server runs as admin party
                headers = {k: v for k, v in self.headers.items() if k.lower() not in dropped}
                conn.request(self.command, self.path, body, headers)
                response = conn.getresponse()
                data = response.read()
                conn.close()
                if action == "lose_answer":
                    self.close_connection = True
                    self.connection.close()
                    return
                self._reply(response.status, data, response.getheader("Content-Type") or "")
                if action == "answer_then_close":
                    self.close_connection = True

            def _reply(self, status: int, data: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_PUT = do_POST = do_DELETE = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.scheme = "http"
        if tls is not None:  # HTTPS in front, plain HTTP to the server behind
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
            self.scheme = "https"
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.server.server_address[1]}"

    def wait_for(self, method: str, endpoint: str, count: int, timeout: float = 30) -> bool:
        with self.arrived:
            return self.arrived.wait_for(lambda: self.seen[(method, endpoint)] >= count, timeout)

    def stop(self) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)
