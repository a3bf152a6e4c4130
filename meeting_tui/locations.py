"""Every path the program reads or writes is decided here, and nowhere else.

The data folder is the platform's user data folder (platformdirs), unless
`--data-dir DIR` or the `MEETING_TUI_DATA` environment variable names another.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "meeting-tui"
DATA_ENV = "MEETING_TUI_DATA"
CONFIG_ENV = "MEETING_TUI_CONFIG"

_override: Path | None = None


def set_data_directory(path: str | os.PathLike[str] | None) -> None:
    """Use `path` as the data folder for the rest of this process (from `--data-dir`)."""
    global _override
    _override = Path(path).expanduser().resolve() if path is not None else None


def data_directory() -> Path:
    """The folder holding the archive: `--data-dir`, then `$MEETING_TUI_DATA`, then platformdirs."""
    if _override is not None:
        return _override
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_directory()


def meetings_directory(root: Path | None = None) -> Path:
    """One TinyDB file per meeting lives here (`meetings/<id>.json`)."""
    return (root or data_directory()) / "meetings"


def quarantine_directory(root: Path | None = None) -> Path:
    """Files that did not parse are copied here, never overwritten."""
    return (root or data_directory()) / "quarantine"


def index_file(root: Path | None = None) -> Path:
    """One summary row per meeting, for the archive list."""
    return (root or data_directory()) / "index.json"


def summaries_directory(root: Path | None = None) -> Path:
    """What the backlog and follow-ups need of each meeting, one file per month of meetings."""
    return (root or data_directory()) / "summaries"


def exports_directory(meeting_id: str, root: Path | None = None) -> Path:
    """Minutes, publicity pages and QR codes of one meeting."""
    return (root or data_directory()) / "exports" / meeting_id


def installation_key_file(root: Path | None = None) -> Path:
    """The data folder's installation key, part of every county document id."""
    return (root or data_directory()) / "county" / "installation-key"


def sync_state_file(root: Path | None = None) -> Path:
    """What `sync` has sent to which county database (revisions and checkpoints)."""
    return (root or data_directory()) / "county" / "sync-state.json"


def config_file() -> Path:
    """The TOML config file (theme, language, publicity base URL)."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs  # imported when asked: `--data-dir` and the variables need none of it

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def bundled_data_directory() -> Path:
    """The shipped `data/` folder (demo meetings, agenda samples).

    In a source checkout it sits beside the package; in a wheel it is packed
    inside the package as `meeting_tui/data`.
    """
    here = Path(__file__).resolve().parent
    packed = here / "data"
    if packed.is_dir():
        return packed
    return here.parent / "data"


def default_data_directory() -> Path:
    """The platform's data folder, as a second terminal without `--data-dir` or the variable uses."""
    import platformdirs  # imported when asked: `--data-dir` and the variables need none of it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
