"""The user's settings (theme, language, publicity base URL, DOCX layout, committee and
office phone, county database) in a small TOML file.

Read with tomllib; written by hand because the file holds flat string keys
only. A broken file never stops the app: it falls back to the defaults and
says which file to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from meeting_tui import locations


@dataclass
class Config:
    theme: str = "textual-dark"
    lang: str = ""
    base_url: str = ""
    docx_layout: str = ""  # community (default) or gongwen: the Word layout of exports
    # The 公示's 落款 and contact line: the committee's name and its own office phone.
    committee: str = ""
    office_phone: str = ""
    # The county database (`meeting-tui sync`, `meeting-tui county`): see README "County".
    community_code: str = ""
    county_url: str = ""
    county_user: str = ""
    county_password: str = ""
    county_privacy: str = "redacted"


def load(path: Path | None = None) -> tuple[Config, str | None]:
    """The settings and, if the file could not be read, a message naming it."""
    path = path or locations.config_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(), None
    except (OSError, UnicodeDecodeError) as exc:
        return Config(), f"{path}: {exc}"
    import tomllib  # here: with no file (the usual case) the app starts without the parser

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Config(), f"{path}: {exc}"
    known = {f.name for f in fields(Config)}
    values = {k: str(v) for k, v in data.items() if k in known and isinstance(v, str)}
    return Config(**values), None


def _quote(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(ch if ch >= " " else f"\\u{ord(ch):04x}" for ch in escaped)
    return f'"{escaped}"'


def save(config: Config, path: Path | None = None) -> None:
    """Write the settings; raises OSError if the folder cannot be written."""
    path = path or locations.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f"{f.name} = {_quote(getattr(config, f.name))}\n" for f in fields(Config))
    tmp = path.with_suffix(".tmp")
    tmp.write_text(body, encoding="utf-8")
    tmp.replace(path)
