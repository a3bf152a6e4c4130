"""Text safety shared by every input and every output.

Whatever a facilitator types, pastes from WeChat or imports from a file ends
up on a terminal, in HTML, in a DOCX or in a file name. A stray escape
sequence can recolour or clear the terminal (or retitle the window), a bidi
override can make "通过" read as something else on the publicity page, and a
name like ``../../x`` or ``CON`` breaks an export on Windows. So every string
goes through :func:`clean_text` on the way in and :func:`safe_filename`
before it names a file.

Choices made here:

* Escape sequences (CSI, OSC, DCS/SOS/PM/APC, two- and three-byte ``ESC x``)
  are removed whole; any control character left after that (C0, C1, DEL) is
  dropped. ``\\t`` becomes a space; ``\\r\\n``, ``\\r``, NEL, U+2028 and U+2029
  become ``\\n``. In single-line mode every newline becomes a space.
* Invisible format characters (category Cf: bidi embeddings, overrides and
  isolates, U+200B zero-width space, U+FEFF, soft hyphen, tag characters)
  are removed, except ZWNJ and ZWJ (U+200C/U+200D), which emoji sequences
  and some scripts need. Lone surrogates are removed too: they cannot be
  written as UTF-8 and would crash a later save.
* The result is NFC-normalised; trailing whitespace of each line is removed,
  and single-line text is stripped at both ends.
"""

from __future__ import annotations

import re
import unicodedata

_KEPT_FORMAT_CHARS = frozenset({"\u200c", "\u200d"})

# ESC-introduced sequences; C1 equivalents (0x9B CSI, 0x9D OSC, 0x90 DCS …) too.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI … final byte
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])"  # OSC, DCS, SOS, PM, APC …
    # … up to BEL or ST; a scan stops at the next introducer so bad input stays linear
    r"[^\x07\x1b\x9c\x9d\x90\x98\x9e\x9f]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"  # ESC c, ESC 7, ESC ( B, ESC # 8 …
)
_LINE_BREAKS = re.compile(r"\r\n|[\r\x85\u2028\u2029]")
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]}
)
_FILENAME_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')


def _keep(char: str, *, multiline: bool) -> bool:
    if char == "\n":
        return multiline
    category = unicodedata.category(char)
    if category in ("Cc", "Cs"):
        return False
    if category == "Cf":
        return char in _KEPT_FORMAT_CHARS
    return True


def clean_text(s: str, *, multiline: bool = False, max_len: int | None = None) -> str:
    """`s` with nothing that could steer a terminal, a browser or a reader's eye.

    `max_len` cuts the result to at most that many characters (after
    cleaning, so the limit counts what a person sees).
    """
    text = _tidy(_scrubbed(s, multiline=multiline), multiline=multiline)
    if max_len is not None and len(text) > max_len:
        # NFC can in rare cases lengthen a cut string; cut until it fits.
        cut = max(max_len, 0)
        while True:
            shorter = _tidy(text[:cut], multiline=multiline)
            if len(shorter) <= max_len:
                return shorter
            cut -= 1
    return text


def _scrubbed(s: str, *, multiline: bool) -> str:
    """`s` without escape sequences, control and format characters; line breaks made `\n`.

    A printable text (`str.isprintable`: no character of the categories Cc,
    Cf, Cs, no line or paragraph separator, no tab) has none of them and is
    returned as it is: most texts are, and the character-by-character pass
    was most of the minutes' cleaning (13,000 texts for 200 motions).
    """
    if s.isprintable():
        return s
    text = _LINE_BREAKS.sub("\n", s)
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = text.replace("\t", " ")
    if not multiline:
        text = text.replace("\n", " ")
    return "".join(char for char in text if _keep(char, multiline=multiline))


def _tidy(text: str, *, multiline: bool) -> str:
    text = unicodedata.normalize("NFC", text)
    if not multiline:
        return text.strip()
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def safe_filename(s: str, *, default: str = "untitled", max_bytes: int = 120) -> str:
    """A single file-name component made from `s`, safe on Linux, macOS and Windows.

    Chinese stays Chinese (community offices name files 电大家属院议事会纪要);
    path separators and the characters Windows refuses become ``_``; runs of
    whitespace become one ``_`` so the name survives shells and WeChat; dots
    and spaces are trimmed from both ends and a run of dots becomes one, so
    the name is never ``.``, ``..``, hidden, or silently renamed by Windows.
    A Windows device name (``CON``, ``nul.txt``, ``COM1``) gets a leading
    ``_``. The name is cut to `max_bytes` of UTF-8 without splitting a
    character. An empty result falls back to `default` (itself made safe).
    """
    if max_bytes < 1:
        raise ValueError("max_bytes must be at least 1")
    name = clean_text(s)
    name = _FILENAME_FORBIDDEN.sub("_", name)
    name = re.sub(r"\s+", "_", name)
    name = re.sub(r"\.{2,}", ".", name)
    name = _cut_utf8(name.strip(" ._"), max_bytes).rstrip(" ._")
    if name.split(".")[0].upper() in _WINDOWS_RESERVED:
        name = _cut_utf8("_" + name, max_bytes).rstrip(" ._")
    if name:
        return name
    if default != "untitled":
        return safe_filename(default, max_bytes=max_bytes)
    return "untitled"[:max_bytes]


def _cut_utf8(text: str, max_bytes: int) -> str:
    return text.encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore")
