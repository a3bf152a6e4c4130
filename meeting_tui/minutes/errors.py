"""Export errors: what went wrong and how to fix it, in the reader's language.

A subclass of `DomainError`, so the command line prints them as one line and
exits non-zero like every other refusal, and the TUI shows them as a notice.
"""

from __future__ import annotations

from meeting_tui.domain.errors import DomainError


class ExportError(DomainError):
    """An export refused or failed; nothing half-written is left behind."""
