"""Refuse, and record, every attempt of this process to write a file or change a folder.

Root ignores `chmod`, so a read-only data folder proves nothing here; instead
the calls that write are wrapped: `open` in a write mode, `os.open` with a
write flag, and the calls that replace, rename, remove or make entries.
"""

from __future__ import annotations

import builtins
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
CHANGES = ("replace", "rename", "unlink", "remove", "mkdir", "rmdir", "link", "symlink", "truncate")


@contextmanager
def refuse_writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    attempts: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def guarded_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wax+"):
            attempts.append(f"open({file!r}, {mode!r})")
            raise PermissionError(f"the public view may not write {file!r}")
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & WRITE_FLAGS:
            attempts.append(f"os.open({path!r}, {flags:#o})")
            raise PermissionError(f"the public view may not write {path!r}")
        return real_os_open(path, flags, *args, **kwargs)

    def refused(name: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> None:
            attempts.append(f"os.{name}{args!r}")
            raise PermissionError(f"the public view may not {name}")

        return call

    with monkeypatch.context() as patch:
        patch.setattr(builtins, "open", guarded_open)
        patch.setattr(io, "open", guarded_open)
        patch.setattr(os, "open", guarded_os_open)
        for name in CHANGES:
            patch.setattr(os, name, refused(name))
        yield attempts
