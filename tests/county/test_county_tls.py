"""Sync over HTTPS: a TLS proxy (test-only certificate) in front of the real server.

The client verifies certificates with the system's trust store; the test
trusts its own certificate through `SSL_CERT_FILE`, which OpenSSL reads.
"""

from __future__ import annotations

import base64
import ssl
from pathlib import Path

import pytest
from couch_server import meeting_docs
from county_meetings import closed_meeting, write_config

TLS = Path(__file__).resolve().parent / "tls"


@pytest.fixture
def tls_proxy(couch_server, proxies):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(TLS / "test-only-cert.pem", TLS / "test-only-key.pem")
    return proxies(couch_server.url, lambda method, path, count: None, context)


def test_sync_and_report_over_https_with_a_trusted_certificate(
    tmp_path, county_url, tls_proxy, cli, laptop, monkeypatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "test-only-cert.pem"))
    monkeypatch.setenv("MEETING_TUI_COUNTY_PASSWORD", "pw")
    root = tmp_path / "data"
    closed_meeting(root, "20261017-aaaa")
    write_config(laptop, community_code="nanyuan", county_user="nanyuan")
    database = county_url.rsplit("/", 1)[1]
    port = tls_proxy.url.rsplit(":", 1)[1]
    url = f"https://localhost:{port}/{database}"
    result = cli("--data-dir", str(root), "sync", "--to", url)
    assert result.status == 0, result.err
    assert [d["meeting_id"] for d in meeting_docs(county_url)] == ["20261017-aaaa"]
    assert set(tls_proxy.authorizations) == {"Basic " + base64.b64encode(b"nanyuan:pw").decode()}
    report = cli("county", "--from", url, "--format", "csv")
    assert report.status == 0 and "南苑社区" in report.out


def test_an_untrusted_certificate_is_one_line_and_nothing_is_sent(
    tmp_path, county_url, tls_proxy, cli, laptop, monkeypatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    root = tmp_path / "data"
    closed_meeting(root, "20261017-aaaa")
    write_config(laptop, community_code="nanyuan")
    port = tls_proxy.url.rsplit(":", 1)[1]
    result = cli("--data-dir", str(root), "sync", "--to", f"https://localhost:{port}/county")
    assert result.status == 2 and len(result.err.strip().splitlines()) == 1
    assert "CERTIFICATE_VERIFY_FAILED" in result.err and "证书" in result.err
    assert not tls_proxy.seen  # no request got through the handshake
