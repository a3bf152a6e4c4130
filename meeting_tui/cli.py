"""The `meeting-tui` command: argument parsing only; every verb calls the core.

Errors print one line naming the problem and the fix, and exit non-zero.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import shutil  # noqa: F401  argparse imports it to build any parser: in before a file-handle limit
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from meeting_tui import __version__, i18n, locations
from meeting_tui.domain import DomainError
from meeting_tui.store.archive import check_data_folder
from meeting_tui.store.errors import StoreError, refusal_message
from meeting_tui.store.storage import read_failure

# The words of every error `main` tells, in before a disk or a file-handle limit can refuse an import.
i18n.load("domain", "store", "verbs")

# Each verb module (in meeting_tui.verbs): add(subparsers) and run(args) -> int | None
# (None: not mine). Listed in the order `--help` shows them.
VERB_MODULES = {
    "demo": "archive_verbs",
    "open": "archive_verbs",
    "list": "archive_verbs",
    "backlog": "backlog_verb",
    "new": "archive_verbs",
    "publish": "publish_verb",
    "export": "export_verb",
    "verify": "verify_verb",
    "sync": "county_verbs",
    "county": "county_verbs",
    "owners": "owners_verb",
    "present": "present_verb",
}
# The options before the verb that take a value (`--data-dir DIR`, `--lang zh`).
_VALUED_OPTIONS = ("--data-dir", "--lang")


def verb_modules(argv: Sequence[str]) -> list[ModuleType]:
    """Only the module of the verb being run: importing every verb cost `list` 0.2 s.

    The county verbs pull in ssl and http.client, the owners' verb its rules and
    notices; a run needs only its own. With no verb (the start screen) that is
    the archive verbs; for `--help`, `--version` or a word that is no verb, all
    of them, so argparse can list them or name the mistake.
    """
    names = list(dict.fromkeys(VERB_MODULES.values()))
    verb = _verb_word(argv)
    if verb is not None and verb != "":
        names = [VERB_MODULES[verb]] if verb in VERB_MODULES else names
    elif verb is None:
        names = [VERB_MODULES["open"]]
    return [importlib.import_module(f"meeting_tui.verbs.{name}") for name in names]


def _verb_word(argv: Sequence[str]) -> str | None:
    """The first word after the global options; None if there is none, "" for help."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if not word.startswith("-"):
            return word
        if word in ("-h", "--version") or (word.startswith("--") and "--help".startswith(word)):
            return ""
        if "=" not in word and len(word) > 2 and any(o.startswith(word) for o in _VALUED_OPTIONS):
            next(words, None)  # the option's value
    return None


def build_parser(modules: Sequence[ModuleType] | None = None) -> argparse.ArgumentParser:
    parser = _global_options()
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    for module in verb_modules([""]) if modules is None else modules:
        module.add(verbs)
    return parser


def _global_options() -> argparse.ArgumentParser:
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
    return parser


def os_error_status(exc: OSError) -> int:
    """One line naming what the disk or the output refused, and the exit status 2.

    A reader that stopped reading (`meeting-tui list | head`) is no fault: nothing is
    said, as other commands say nothing (status 1). After a fault of the output the
    output is pointed at the null device, so the interpreter's last flush of what it
    could not write does not fail again on its way out ("Exception ignored", 120).
    """
    if isinstance(exc, BrokenPipeError):
        _output_to_null()
        return 1
    if exc.filename is None:  # a write with no path: the output, or a file already open
        _output_to_null()
        reason = exc.strerror or type(exc).__name__
        print(
            i18n.t("cli.error", message=i18n.t("cli.write_failed", reason=reason)), file=sys.stderr
        )
        return 2
    problem = read_failure(exc, Path(str(exc.filename)))
    print(i18n.t("cli.error", message=problem.message()), file=sys.stderr)
    return 2


def _output_to_null() -> None:
    """Standard output pointed at the null device (none left to point: nothing done)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        modules = verb_modules(argv)
    except OSError as exc:  # the verb's module cannot be read: no descriptor left, a disk error
        known, _rest = _global_options().parse_known_args(argv)
        if known.lang:
            i18n.set_language(known.lang)
        problem = read_failure(exc, Path(str(exc.filename or ".")))
        print(i18n.t("cli.error", message=problem.message()), file=sys.stderr)
        return 2
    args = build_parser(modules).parse_args(argv)
    if args.lang:
        i18n.set_language(args.lang)
    try:
        if args.data_dir:
            locations.set_data_directory(args.data_dir)
        check_data_folder(locations.data_directory())
        for module in modules:
            status: int | None = module.run(args)
            if status is not None:
                sys.stdout.flush()  # a full disk or a closed pipe under the output: said here
                return status
    except DomainError as error:
        print(i18n.t("cli.error", message=error.message()), file=sys.stderr)
        return 2
    except StoreError as error:
        # A verb runs once: a refused write is not "kept in memory" here.
        print(i18n.t("cli.error", message=refusal_message(error)), file=sys.stderr)
        return 2
    except OSError as exc:  # a path the disk refuses outside the store (a too-long --out …)
        return os_error_status(exc)
    except KeyboardInterrupt:
        return 130
    return 0
