"""Domain choices on the command line, in the words the screens show as well as their codes.

A facilitator who sees 板凳会 on the screen types `--kind 板凳会`; a script types
`--kind bench`. Both name the same choice; anything else is refused with the
list of what is accepted.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

from meeting_tui import i18n
from meeting_tui.domain import label

E = TypeVar("E", bound=StrEnum)


def names(choice: StrEnum) -> list[str]:
    """Every spelling of `choice`: its code, its Chinese and its English label."""
    return list(dict.fromkeys([choice.value, label(choice, "zh"), label(choice, "en")]))


def accepted(enum: type[StrEnum]) -> str:
    return ", ".join(" / ".join(names(choice)) for choice in enum)


def parse_choice(enum: type[E], text: str) -> E:
    """The choice `text` names (code or label, either language, any case), or ValueError."""
    wanted = text.strip().casefold()
    for choice in enum:
        if wanted in (name.casefold() for name in names(choice)):
            return choice
    raise ValueError(text)


def choice_type(enum: type[E]) -> Callable[[str], str]:
    """An argparse `type=` giving the choice's code, refusing unknown words with the accepted ones."""

    def convert(text: str) -> str:
        try:
            return parse_choice(enum, text).value
        except ValueError:
            message = i18n.t("cli.bad_choice", value=text, options=accepted(enum))
            raise argparse.ArgumentTypeError(message) from None

    convert.__name__ = enum.__name__
    return convert
