"""Words for what the chair typed being recorded as typed: vote entry, restore, text from files."""

from __future__ import annotations

from meeting_tui import i18n

i18n.register(
    {
        "form.vote.nothing_yet": (
            "填入票数（至少一项，0 也算）；全体同意请 Esc 后按 y 无异议通过。",
            "Type the counts (at least one; 0 counts); if everyone agrees, Esc then y for acclamation.",
        ),
    }
)
