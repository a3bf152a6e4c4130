"""Suite-wide settings: hypothesis runs derandomized under CI, so a landing is never a coin toss."""

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

from meeting_tui import i18n, locations

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True)
def _fresh_process_settings() -> Iterator[None]:
    """`main()` sets the data folder and language for the process: undo that after each test."""
    yield
    locations.set_data_directory(None)
    i18n.set_language("zh")
