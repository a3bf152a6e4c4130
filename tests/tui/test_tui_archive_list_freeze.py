"""The archive screens' one `gc.freeze`: what is already garbage then is collected, not frozen.

`_freeze_once` hides the summary's long-lived objects from later full
collections; cyclic garbage lying about at that moment (a screen left before,
a read's temporaries) must be collected first, or it stays for the process's life.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from meeting_tui.tui.screens import archive_list


class Node:
    """A cycle's member: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector_paused() -> Iterator[None]:
    """No automatic collection in the test, and the process's freeze state given back."""
    was_frozen = archive_list._FROZEN.is_set()
    archive_list._FROZEN.clear()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.enable()
        if was_frozen:
            archive_list._FROZEN.set()


@pytest.mark.usefixtures("collector_paused")
def test_garbage_lying_about_at_the_freeze_is_collected_not_frozen() -> None:
    garbage = Node()
    gone = weakref.ref(garbage)
    del garbage  # a cycle: alive until a collection finds it
    kept = Node()  # alive: frozen, out of later collections' sight
    assert gone() is not None
    archive_list._freeze_once()
    gc.collect()
    assert gone() is None
    assert gc.get_freeze_count() > 0 and kept.me is kept
    frozen = gc.get_freeze_count()
    archive_list._freeze_once()  # once per process: the second call freezes nothing more
    assert gc.get_freeze_count() == frozen
