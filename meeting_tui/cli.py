"""The `meeting-tui` command: argument parsing only; every verb calls the core."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from meeting_tui import __version__, i18n, locations


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="meeting-tui",
        description="Run a neighbourhood deliberation meeting from a terminal.",
    )
    parser.add_argument("--version", action="version", version=f"meeting-tui {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="data folder (default: $MEETING_TUI_DATA or the user data folder)")
    parser.add_argument("--lang", choices=["zh", "en"], default=None, help="interface language (default zh)")
    parser.add_subparsers(dest="verb", metavar="VERB")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        i18n.set_language(args.lang)
    if args.data_dir:
        locations.set_data_directory(args.data_dir)
    print(f"meeting-tui {__version__}: data folder {locations.data_directory()}", file=sys.stdout)
    return 0
