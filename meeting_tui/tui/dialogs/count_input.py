"""A number field for headcounts and tallies: digits, and `+`/`-` to count hands one by one.

What the chair typed is kept as typed, so the domain command can refuse it
with a reason: a leading `-` stays in the field (`-5` is refused as negative,
never silently read as 5), an untouched vote field stays empty (a vote needs
at least one count entered). The field holds at most `MAX_CHARS` characters
(a sign and the digits of the largest count the domain accepts): a paste of
thousands of digits is refused whole instead of reaching `int()`.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.widgets import Input

from meeting_tui.domain.commands.guards import MAX_COUNT
from meeting_tui.tui.widgets.focus_look import FocusLook

MAX_CHARS = len(str(MAX_COUNT)) + 1
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９－", "0123456789-")


class CountInput(FocusLook, Input):
    def __init__(self, value: int | str = 0, **kwargs: object) -> None:
        super().__init__(
            str(value),
            restrict=r"[-－]?[0-9０-９]*",
            max_length=MAX_CHARS,
            compact=True,
            select_on_focus=True,
            **kwargs,  # type: ignore[arg-type]
        )

    @property
    def text(self) -> str:
        """What was typed, in ASCII digits ("" when nothing was): for the domain to judge."""
        return self.value.strip().translate(_WIDE_DIGITS)

    @property
    def number(self) -> int | None:
        """The count typed (0 when empty), or None when it is no count (a minus sign)."""
        text = self.text
        if not text:
            return 0
        if not text.isdigit() or len(text) > MAX_CHARS:
            return None
        return int(text)

    def _watch_value(self, value: str) -> None:
        """As Input's, without a layout pass of the screen for each digit.

        Input sets its `virtual_size` (a layout reactive) to its text's width on every change:
        a layout of the whole screen per digit. A count field's width is the form's grid
        column, not its text's, so the scroll size is set here without a layout pass (the
        field itself is redrawn as for any value); Input then finds it unchanged.
        """
        self.set_reactive(Input.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)

    async def _on_key(self, event: events.Key) -> None:
        if event.character in ("+", "-"):
            event.stop()
            event.prevent_default()
            self._count(1 if event.character == "+" else -1)
            return
        await super()._on_key(event)

    def _count(self, step: int) -> None:
        """One hand more or less; below zero the minus stays, for the form to refuse."""
        current = self.number
        if current is None:  # "-" already there: `+` clears it, `-` keeps it
            self.value = "" if step > 0 else self.value
        elif current + step < 0 or (step < 0 and not self.text):
            self.value = "-"
        else:
            self.value = str(current + step)
        self.cursor_position = len(self.value)
