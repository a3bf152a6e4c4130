"""Write the sign-in sheet or the notice to a file, as DOCX or HTML, with the minutes' safety.

The same rules as the minutes' export: a default name made safe from the
title, `..` refused, no silent overwrite, a temp file put in place only when
complete. The file type is the one asked for (`as_`), else the suffix of
`out` (`.docx`, `.html`, `.htm`), else DOCX, which the office prints.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from meeting_tui import i18n
from meeting_tui.domain.model import MeetingState
from meeting_tui.domain.text import safe_filename
from meeting_tui.minutes import papers, papers_html
from meeting_tui.minutes.errors import ExportError
from meeting_tui.minutes.export import check_layout, place_file, resolve_target

PAPERS = ("signin", "notice")
FILE_TYPES = {"docx": ".docx", "html": ".html"}
_SUFFIXES = {".docx": "docx", ".html": "html", ".htm": "html"}
MAX_ROWS = 500


def file_type(out: str | os.PathLike[str] | None, as_: str | None = None) -> str:
    """docx or html: asked for, or read from the suffix of `out`; DOCX by default."""
    if as_:
        if as_ not in FILE_TYPES:
            raise ExportError("paper.error.as", value=as_)
        return as_
    text = os.fspath(out) if out is not None else ""
    is_folder = text.endswith(("/", os.sep)) or (bool(text) and Path(text).is_dir())
    suffix = "" if is_folder else Path(text).suffix.lower()
    if suffix:
        if suffix not in _SUFFIXES:
            raise ExportError("paper.error.as", value=suffix)
        return _SUFFIXES[suffix]
    return "docx"


def check_rows(rows: int | None) -> None:
    if rows is not None and not 1 <= rows <= MAX_ROWS:
        raise ExportError("paper.error.rows", value=rows)


def render_paper(
    state: MeetingState,
    kind: str,
    ftype: str = "docx",
    *,
    layout: str = "community",
    rows: int | None = None,
    issued: date | None = None,
) -> bytes:
    """The bytes of the sign-in sheet (`signin`) or the notice (`notice`) of `state`."""
    check_layout(layout)
    check_rows(rows)
    if kind == "signin":
        sheet = papers.signin_sheet(state, rows)
        if ftype == "docx":
            from meeting_tui.minutes import papers_docx  # python-docx: imported when used

            return papers_docx.render_signin(sheet, layout)
        return papers_html.render_signin(sheet).encode("utf-8")
    if kind == "notice":
        note = papers.notice(state, issued)
        if ftype == "docx":
            from meeting_tui.minutes import papers_docx

            return papers_docx.render_notice(note, layout)
        return papers_html.render_notice(note).encode("utf-8")
    raise ExportError("minutes.error.format", format=kind, options=", ".join(PAPERS))


def default_name(state: MeetingState, kind: str, ftype: str) -> str:
    """幸福里楼道改造 居民议事会 2026-11-30 签到表.docx, made safe for any file system."""
    lang = i18n.normalise_lang(state.lang)
    day = (state.planned_start or state.started_at or state.created_at)[:10]
    stem = " ".join(p for p in (state.title, day, i18n.t(f"paper.{kind}.suffix", lang)) if p)
    return safe_filename(stem, default=state.meeting_id or kind) + FILE_TYPES[ftype]


def export_paper(
    state: MeetingState,
    kind: str,
    out: str | os.PathLike[str] | None = None,
    *,
    as_: str | None = None,
    layout: str = "community",
    rows: int | None = None,
    force: bool = False,
    root: Path | None = None,
    unique: bool = False,
    issued: date | None = None,
) -> Path:
    """Render and write the paper; the path written."""
    ftype = file_type(out, as_)
    data = render_paper(state, kind, ftype, layout=layout, rows=rows, issued=issued)
    path = resolve_target(default_name(state, kind, ftype), state.meeting_id, out, root)
    return place_file(path, data, force=force, unique=unique)
