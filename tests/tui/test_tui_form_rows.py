"""The rows a form's message takes, counted without wrapping when it fits on one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from meeting_tui.tui.dialogs.form import rows_taken

WORDS = st.sampled_from(
    ["赞成", "反对", "未表态", "通过", "12", " ", "·", "a", "motion", "\n", "\t", "（）"]
)


@given(st.lists(WORDS, max_size=30).map("".join), st.integers(min_value=1, max_value=90))
def test_rows_taken_are_the_rows_rich_wraps_to(text: str, width: int) -> None:
    console = Console(width=100)
    wrapped = len(Text(text).wrap(console, width)) if text else 0
    assert rows_taken(text, width, console) == wrapped
