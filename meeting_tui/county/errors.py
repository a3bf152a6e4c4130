"""Sync and report errors a person can act on: what failed, and what to do next.

Like `StoreError`, each carries an i18n key (see `county/messages.py`) and the
values that fill it, so the CLI and the tests show the same one line.
"""

from __future__ import annotations

from typing import Any

from meeting_tui import i18n


class CountyError(i18n.CatalogueError):
    """A sync or a county report refused or failed; `str(error)` says why and what to do."""


class SettingsError(CountyError):
    """A missing or refused setting (no URL, no community code, plain http://)."""


class UnreachableError(CountyError):
    """No connection could be made, or the server did not answer: nothing was changed."""


class ConnectionLostError(CountyError):
    """The connection broke after the server had answered; what was confirmed is kept."""


class ServerRefusedError(CountyError):
    """The server answered with an error status (401, 409, 500 …)."""

    def __init__(self, key: str, /, *, status: int, **values: Any) -> None:
        super().__init__(key, status=status, **values)
        self.status = status
