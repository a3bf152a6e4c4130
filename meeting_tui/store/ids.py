"""Meeting ids: short, ASCII, URL-safe and sortable by date.

Ids become file names (`meetings/<id>.json`) and the tail of publicity URLs
behind QR codes, so they are checked against one strict pattern before any
path is built from them: nothing that could climb out of the data folder,
nothing a URL would need to escape, nothing a phone camera would misread.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

# base32 lowercase (RFC 4648 without padding): no 0/1/8/9, so no O/0 or l/1 confusion.
_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"
_SUFFIX_LENGTH = 4
_PATTERN = re.compile(r"[0-9]{8}-[a-z0-9]{4,12}")


def new_meeting_id(today: date) -> str:
    """A fresh id like `20261127-k3f9`: the date first so ids sort by day.

    Four random base32 characters give 1,048,576 ids per day; the archive
    still refuses to create a meeting whose file exists, so a clash is an
    error, never an overwrite.
    """
    import secrets  # here: `list` checks ids and needs neither secrets nor hashlib

    suffix = "".join(secrets.choice(_ALPHABET) for _ in range(_SUFFIX_LENGTH))
    return f"{today.year:04d}{today.month:02d}{today.day:02d}-{suffix}"


def is_valid_meeting_id(value: object) -> bool:
    """True for ids safe as a file name and a URL path segment (`20261127-k3f9`).

    Fixed demo ids such as `20241127-nanyuan` are accepted too (4 to 12
    lowercase letters or digits after the date).
    """
    return isinstance(value, str) and _PATTERN.fullmatch(value) is not None
