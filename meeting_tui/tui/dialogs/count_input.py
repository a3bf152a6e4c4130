"""A number field for headcounts and tallies: digits, and `+`/`-` to count hands one by one."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class CountInput(Input):
    def __init__(self, value: int | str = 0, **kwargs: object) -> None:
        super().__init__(
            str(value),
            restrict=r"[0-9０-９]*",
            compact=True,
            select_on_focus=True,
            **kwargs,  # type: ignore[arg-type]
        )

    @property
    def number(self) -> int:
        digits = self.value.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        return int(digits) if digits else 0

    async def _on_key(self, event: events.Key) -> None:
        if event.character in ("+", "-"):
            event.stop()
            event.prevent_default()
            step = 1 if event.character == "+" else -1
            self.value = str(max(0, self.number + step))
            self.cursor_position = len(self.value)
            return
        await super()._on_key(event)
