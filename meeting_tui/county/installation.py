"""The installation key: one per data folder, made once, never changed.

A meeting id (`20261017-nany`) is unique on one laptop only: two laptops can
make the same id on the same day. The county database therefore names a
meeting by community code + this key + meeting id. The key is created the
first time it is needed and written so that a crash or a second process at
the same moment can never leave two different keys: the new key goes to a
fsynced temp file that is then hard-linked into place (`os.link` refuses to
replace an existing file), so whoever links first wins and everyone reads
the winner's key. A key file that was damaged by hand is refused, never
replaced: a new key would make every meeting a new document at the county.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from pathlib import Path

from meeting_tui import locations
from meeting_tui.county.errors import CountyError
from meeting_tui.store.storage import fsync_folder

# Ten base32 characters: 50 bits, lower-case, safe in a CouchDB id and a URL.
_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"
_LENGTH = 10
_PATTERN = re.compile(rf"[{_ALPHABET}]{{{_LENGTH}}}")


def installation_key(root: Path | None = None) -> str:
    """This data folder's key, created (crash-safe, race-safe) on first use."""
    path = locations.installation_key_file(root)
    existing = _read(path)
    if existing is not None:
        return existing
    path.parent.mkdir(parents=True, exist_ok=True)
    key = "".join(secrets.choice(_ALPHABET) for _ in range(_LENGTH))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(key.encode("ascii") + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    with contextlib.suppress(OSError):
        fsync_folder(path.parent)
    winner = _read(path)
    if winner is None:  # pragma: no cover - the link just made it
        raise CountyError("county.key.damaged", file=str(path))
    return winner


def _read(path: Path) -> str | None:
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        raise CountyError("county.key.damaged", file=str(path)) from None
    if not _PATTERN.fullmatch(text):
        raise CountyError("county.key.damaged", file=str(path))
    return text
