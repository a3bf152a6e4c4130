"""Write the minutes to a file: safe names, no silent overwrite, never a half-written file.

A file name made from a meeting title can hold anything a facilitator typed
(a `/`, `..`, a Windows device name), so default names go through
`safe_filename`. A path the person gives with `--out` is theirs to choose,
except that `..` components and control characters are refused: a path
should say plainly where it writes. An existing file is kept unless
`force` is given. The bytes go to a temp file in the target folder, are
flushed to disk, and only then `os.replace` puts them in place, so a failed
export (disk full, folder read-only, killed process) leaves the old file or
nothing, never a torn one.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from meeting_tui import i18n, locations
from meeting_tui.domain.events import Event
from meeting_tui.domain.text import safe_filename
from meeting_tui.minutes import csv as csv_renderer
from meeting_tui.minutes import html as html_renderer
from meeting_tui.minutes import json as json_renderer
from meeting_tui.minutes import markdown as markdown_renderer
from meeting_tui.minutes.errors import ExportError
from meeting_tui.minutes.model import Minutes
from meeting_tui.minutes.word_layouts import LAYOUTS

FORMATS: dict[str, str] = {
    "md": ".md",
    "html": ".html",
    "docx": ".docx",
    "csv": ".csv",
    "json": ".json",
}
_SEPARATORS = re.compile(r"[\\/]")


def for_sharing(minutes: Minutes, events: Sequence[Event]) -> tuple[Minutes, list[Event]]:
    """The redacted minutes and event log, for a copy that leaves the community office."""
    names = minutes.person_names()
    return minutes.redacted(), json_renderer.redact_events(events, names, minutes.hidden_names)


def render(
    minutes: Minutes,
    fmt: str,
    events: Sequence[Event] = (),
    *,
    layout: str = "community",
    seal: Mapping[str, Any] | None = None,
) -> bytes:
    """The file's bytes; every text cleaned of control characters and terminal escapes first.

    `layout` chooses the DOCX page: "community" (宋体/黑体) or "gongwen" (GB/T 9704);
    `seal` is the checkpoint the JSON format carries.
    """
    check_format(fmt)
    check_layout(layout)
    clean = minutes.cleaned()
    if fmt == "docx":
        # python-docx and lxml cost 0.1 s to import: only a DOCX export pays it, not `list`.
        from meeting_tui.minutes import docx as docx_renderer

        return docx_renderer.render(clean, layout)
    text = {
        "md": markdown_renderer.render,
        "html": html_renderer.render,
        "csv": csv_renderer.render,
    }.get(fmt)
    out = text(clean) if text else json_renderer.render(clean, events, seal)
    return out.encode("utf-8")


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ExportError("minutes.error.format", format=fmt, options=", ".join(FORMATS))


def check_layout(layout: str) -> None:
    if layout not in LAYOUTS:
        raise ExportError("minutes.error.layout", layout=layout, options=", ".join(LAYOUTS))


def default_name(minutes: Minutes, fmt: str) -> str:
    """电大家属院老旧小区改造_民主协商议事会_2026-10-17.md (…_脱敏.md when redacted)."""
    parts = [minutes.title, minutes.date]
    if minutes.is_redacted:
        parts.append(i18n.t("minutes.redacted_suffix", minutes.lang))
    stem = safe_filename(" ".join(p for p in parts if p), default=minutes.meeting_id or "minutes")
    return stem + FORMATS[fmt]


def target_path(
    minutes: Minutes, fmt: str, out: str | os.PathLike[str] | None, root: Path | None = None
) -> Path:
    """Where an export goes: the meeting's exports folder, a folder given, or a file given."""
    check_format(fmt)
    return resolve_target(default_name(minutes, fmt), minutes.meeting_id, out, root)


def resolve_target(
    name: str, meeting_id: str, out: str | os.PathLike[str] | None, root: Path | None = None
) -> Path:
    """`name` in the meeting's exports folder, or in the folder `out`, or the file `out`."""
    if out is None:
        return locations.exports_directory(meeting_id, root) / name
    text = os.fspath(out)
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in text):
        raise ExportError("minutes.error.bad_name", path=text.encode("unicode_escape").decode())
    if ".." in _SEPARATORS.split(text):
        raise ExportError("minutes.error.parent", path=text)
    path = Path(text).expanduser()
    if path.is_dir() or _SEPARATORS.search(text[-1:]):
        return path / name
    return path if path.suffix else path.with_name(path.name + Path(name).suffix)


def _free_name(path: Path) -> Path:
    """`name-2.ext`, `name-3.ext` … the first that does not exist yet."""
    n = 2
    while (candidate := path.with_name(f"{path.stem}-{n}{path.suffix}")).exists():
        n += 1
    return candidate


def write_file(path: Path, data: bytes, *, force: bool = False) -> None:
    """Put `data` at `path` through a temp file in the same folder and `os.replace`."""
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        if not force and path.exists():
            raise ExportError("minutes.error.exists", file=str(path))
        os.replace(temp, path)
        temp = None
    except OSError as exc:
        raise ExportError(
            "minutes.error.write", file=str(path), reason=exc.strerror or type(exc).__name__
        ) from exc
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def export(
    minutes: Minutes,
    fmt: str,
    out_path: str | os.PathLike[str] | None = None,
    *,
    force: bool = False,
    events: Sequence[Event] = (),
    root: Path | None = None,
    unique: bool = False,
    layout: str = "community",
    seal: Mapping[str, Any] | None = None,
) -> Path:
    """Render and write the minutes; the path written.

    `events` is the log the JSON format carries. `unique` (used by the TUI,
    where there is no `--force` to type) picks `name-2.ext` instead of
    refusing when the file exists.
    """
    path = target_path(minutes, fmt, out_path, root)
    data = render(minutes, fmt, events, layout=layout, seal=seal)
    return place_file(path, data, force=force, unique=unique)


def place_file(path: Path, data: bytes, *, force: bool = False, unique: bool = False) -> Path:
    """Write `data` at `path`, or at `name-2.ext` when `unique`; refuse to overwrite otherwise."""
    if path.exists() and not force:
        if not unique:
            raise ExportError("minutes.error.exists", file=str(path))
        path = _free_name(path)
    write_file(path, data, force=force)
    return path
