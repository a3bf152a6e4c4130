"""The store is headless (no textual) and every message it shows exists in zh and en."""

from __future__ import annotations

import subprocess
import sys

from meeting_tui import i18n
from meeting_tui.store.messages import MESSAGES, READ_MESSAGES


def test_the_store_never_imports_textual() -> None:
    code = "import sys, meeting_tui.store; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_every_store_message_has_both_languages_with_the_same_placeholders() -> None:
    for key in {**MESSAGES, **READ_MESSAGES}:
        zh, en = i18n.entry(key)
        assert zh and en, key
        assert i18n.placeholders(zh) == i18n.placeholders(en), key


def test_messages_name_a_fix() -> None:
    fixes = (
        "请",
        "可",
        "Check",
        "Run",
        "close it",
        "Free",
        "restore",
        "retry",
        "Use",
        "Give",
        "report",
        "Open",
    )
    for key, (zh, en) in MESSAGES.items():
        assert any(word in zh for word in fixes), key
        assert any(word.lower() in en.lower() for word in fixes), key
