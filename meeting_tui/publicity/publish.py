"""Write one meeting's publicity files: page, A4 notice, QR as SVG and PNG.

Everything is rendered in memory first and only then written, so a bad
base URL or meeting id writes nothing at all; each file then goes through a
temp file and `os.replace`, so a full disk leaves every file whole (old or
new), never a truncated page behind a working QR code. File names come from the meeting id alone: the page's
name is the last segment of its URL, so uploading the folder's page to
`base_url` is all it takes for the QR code to work.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from meeting_tui.domain import MeetingState
from meeting_tui.publicity import qr
from meeting_tui.publicity.notice import render_notice
from meeting_tui.publicity.page import render_page
from meeting_tui.publicity.url import (
    PublicityError,
    check_base_url,
    check_meeting_id,
    local_url,
    page_name,
)
from meeting_tui.publicity.view import Posting, public_view


@dataclass(frozen=True)
class PublishResult:
    """Where everything went, and the URL the QR codes carry."""

    url: str
    page: Path
    notice: Path
    svg: Path
    png: Path
    base_url: str
    """Empty when no base URL was set: then `url` is the page's local `file://` URL."""

    @property
    def local(self) -> bool:
        return not self.base_url

    @property
    def files(self) -> list[Path]:
        return [self.page, self.notice, self.svg, self.png]


def file_names(meeting_id: str) -> dict[str, str]:
    """The four file names of a meeting: page, notice, svg, png."""
    check_meeting_id(meeting_id)
    return {
        "page": page_name(meeting_id),
        "notice": f"{meeting_id}-notice.html",
        "svg": f"{meeting_id}-qr.svg",
        "png": f"{meeting_id}-qr.png",
    }


def publish(
    state: MeetingState, out_dir: Path, base_url: str | None, posting: Posting | None = None
) -> PublishResult:
    """Render and write the publicity files of `state` into `out_dir` (created if missing).

    Raises PublicityError for a base URL or meeting id that cannot be used,
    or when the folder cannot be written.
    """
    names = file_names(state.meeting_id)
    base = check_base_url(base_url) if base_url and base_url.strip() else ""
    out_dir = Path(out_dir).expanduser()
    paths = {key: out_dir / name for key, name in names.items()}
    url = f"{base}/{names['page']}" if base else local_url(paths["page"])
    view = public_view(state, posting or Posting(posted_on=date.today()))
    contents = {
        "page": render_page(view).encode("utf-8"),
        "notice": render_notice(view, url, local=not base).encode("utf-8"),
        "svg": qr.svg(url).encode("utf-8"),
        "png": qr.png_bytes(url),
    }
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PublicityError("publish.error.write", path=str(out_dir), reason=_why(exc)) from exc
    for key, raw in contents.items():
        write_file(paths[key], raw)
    return PublishResult(
        url=url,
        page=paths["page"],
        notice=paths["notice"],
        svg=paths["svg"],
        png=paths["png"],
        base_url=base,
    )


def write_file(path: Path, raw: bytes) -> None:
    """Put `raw` at `path` via a temp file in the same folder and `os.replace`.

    A reader (a browser on the page, a sync client) sees the old file or the
    new one, never half of one; the temp file is removed on failure.
    """
    temp: Path | None = None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        temp = Path(temp_name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as exc:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
        raise PublicityError("publish.error.write", path=str(path), reason=_why(exc)) from exc


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)
