"""Where the county database is, who we are to it, and what it may receive.

From the config file (`community_code`, `county_url`, `county_user`,
`county_password`, `county_privacy`), with the environment variables
`MEETING_TUI_COUNTY_USER` / `MEETING_TUI_COUNTY_PASSWORD` taking precedence so
a password need not sit in a file. The password is held here and in the
Authorization header only: `Target.display` (what messages print, and what
the sync state is keyed by) never contains it.

Plain `http://` is refused except to this machine (localhost, 127.0.0.1,
::1), where nothing crosses a network; `--insecure` lifts that for a
trusted LAN.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from meeting_tui.config import Config
from meeting_tui.county.errors import SettingsError

USER_ENV = "MEETING_TUI_COUNTY_USER"
PASSWORD_ENV = "MEETING_TUI_COUNTY_PASSWORD"
PRIVACY_CHOICES = ("redacted", "full")
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})

_COMMUNITY_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")
# CouchDB database names: a lower-case letter, then lower-case letters, digits, _$()+-
_DATABASE = re.compile(r"[a-z][a-z0-9_$()+-]*")


@dataclass(frozen=True)
class Target:
    """One CouchDB database: scheme, host, port and name; credentials kept out of `repr`."""

    scheme: str
    host: str
    port: int
    database: str
    user: str = field(default="", repr=False)
    password: str = field(default="", repr=False)

    @property
    def display(self) -> str:
        """The address without credentials: safe to print and to key local state by."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}/{self.database}"


def parse_target(url: str, config: Config, *, insecure: bool = False) -> Target:
    """The database named by `url`; one clear error for anything unusable."""
    url = url.strip()
    if not url:
        raise SettingsError("county.settings.no_url")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise SettingsError("county.settings.bad_url", url=_without_credentials(url)) from None
    host = parts.hostname or ""
    database = unquote(parts.path.strip("/"))
    if parts.scheme not in ("http", "https") or not host:
        raise SettingsError("county.settings.bad_url", url=_without_credentials(url))
    if not _DATABASE.fullmatch(database):
        raise SettingsError(
            "county.settings.bad_database", url=_without_credentials(url), database=database
        )
    if parts.scheme == "http" and host not in LOCAL_HOSTS and not insecure:
        raise SettingsError("county.settings.insecure", host=host)
    user = os.environ.get(USER_ENV) or unquote(parts.username or "") or config.county_user
    password = (
        os.environ.get(PASSWORD_ENV) or unquote(parts.password or "") or config.county_password
    )
    default_port = 443 if parts.scheme == "https" else 80
    return Target(parts.scheme, host, port or default_port, database, user, password)


def community_code(config: Config) -> str:
    code = config.community_code.strip()
    if not _COMMUNITY_CODE.fullmatch(code):
        raise SettingsError("county.settings.community_code", code=code)
    return code


def privacy(config: Config) -> str:
    choice = config.county_privacy.strip() or "redacted"
    if choice not in PRIVACY_CHOICES:
        raise SettingsError(
            "county.settings.privacy", value=choice, options=", ".join(PRIVACY_CHOICES)
        )
    return choice


def _without_credentials(url: str) -> str:
    """`url` with any `user:password@` removed, for an error message."""
    return re.sub(r"//[^/@]*@", "//", url)
