"""The `meeting-tui` command: argument parsing only; every verb calls the core.

Errors print one line naming the problem and the fix, and exit non-zero.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from meeting_tui import __version__, i18n, locations
from meeting_tui.domain import DomainError
from meeting_tui.store.archive import check_data_folder
from meeting_tui.store.errors import StoreError, refusal_message
from meeting_tui.store.storage import read_failure
from meeting_tui.verbs import (
    archive_verbs,
    county_verbs,
    export_verb,
    owners_verb,
    present_verb,
    publish_verb,
    verify_verb,
)

# The words of every error `main` tells, in before a disk or a file-handle limit can refuse an import.
i18n.load("domain", "store", "verbs")

# Each verb module: add(subparsers) and run(args) -> int | None (None: not mine).
VERBS = [
    archive_verbs,
    publish_verb,
    export_verb,
    verify_verb,
    county_verbs,
    owners_verb,
    present_verb,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="meeting-tui",
        description="Run a neighbourhood deliberation meeting from a terminal.",
    )
    parser.add_argument("--version", action="version", version=f"meeting-tui {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="data folder (default: $MEETING_TUI_DATA or the user data folder)",
    )
    parser.add_argument(
        "--lang", choices=["zh", "en"], default=None, help="interface language (default zh)"
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    for module in VERBS:
        module.add(verbs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.lang:
        i18n.set_language(args.lang)
    try:
        if args.data_dir:
            locations.set_data_directory(args.data_dir)
        check_data_folder(locations.data_directory())
        for module in VERBS:
            status: int | None = module.run(args)
            if status is not None:
                return status
    except DomainError as error:
        print(i18n.t("cli.error", message=error.message()), file=sys.stderr)
        return 2
    except StoreError as error:
        # A verb runs once: a refused write is not "kept in memory" here.
        print(i18n.t("cli.error", message=refusal_message(error)), file=sys.stderr)
        return 2
    except OSError as exc:  # a path the disk refuses outside the store (a too-long --out …)
        problem = read_failure(exc, Path(str(exc.filename or ".")))
        print(i18n.t("cli.error", message=problem.message()), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0
