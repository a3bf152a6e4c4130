"""The address a QR code carries: `base_url` + the meeting's short ASCII id.

The payload is kept short and ASCII on purpose: a short URL gives a small QR
version (fewer, larger modules, easier to scan off a laptop screen or a
weathered bulletin board) and an ASCII one needs no percent-escaping that
some phone scanners mangle. So a base URL is refused, with the reason and
the fix, rather than silently encoded.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from meeting_tui import i18n

_MEETING_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class PublicityError(i18n.CatalogueError):
    """A problem the facilitator can fix (bad base URL, unwritable folder), said in one line."""

    def message(self, lang: str | None = None) -> str:
        values = {
            k: (i18n.t(str(v), lang) if k == "reason" and str(v).startswith("publish.") else v)
            for k, v in self.values.items()
        }
        return i18n.t(self.key, lang, **values)


def check_base_url(base_url: str) -> str:
    """`base_url` without a trailing slash; raises PublicityError naming what is wrong."""
    url = base_url.strip()
    reason = _problem(url)
    if reason is not None:
        raise PublicityError("publish.error.base_url", url=repr(base_url), reason=reason)
    return url.rstrip("/")


def _problem(url: str) -> str | None:
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return "publish.error.reason.space"
    if not url.isascii():
        return "publish.error.reason.ascii"
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return "publish.error.reason.scheme"
    if not parts.hostname:
        return "publish.error.reason.host"
    if parts.query or parts.fragment or "?" in url or "#" in url:
        return "publish.error.reason.query"
    return None


def check_meeting_id(meeting_id: str) -> str:
    """The id, if it can be a file name and a URL path segment as it is."""
    if not _MEETING_ID.fullmatch(meeting_id) or meeting_id in (".", ".."):
        raise PublicityError("publish.error.meeting_id", id=repr(meeting_id))
    return meeting_id


def page_name(meeting_id: str) -> str:
    """The page's file name, which is also the last segment of its URL."""
    return f"{check_meeting_id(meeting_id)}.html"


def publicity_url(base_url: str, meeting_id: str) -> str:
    """`https://example.org/gs` + `20261017-nany` → `https://example.org/gs/20261017-nany.html`."""
    return f"{check_base_url(base_url)}/{page_name(meeting_id)}"


def local_url(page: Path) -> str:
    """A `file://` URL of the written page, for checking the QR before a base URL exists.

    `as_uri` percent-escapes non-ASCII folder names, so the payload stays ASCII.
    """
    return page.resolve().as_uri()
