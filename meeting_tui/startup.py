"""The interpreter's cyclic collector held back while the program starts.

Why: starting `open` on the 500-motion meeting made about 130 collections before
the first frame, 40–80 ms of its 340–500 (and the start screen, the `list` verb,
every verb, paid the same while their modules loaded). What the program makes
while it starts — modules, classes, the stylesheet, the meeting's state, the
screen's widgets — lives as long as it does: the collector's passes over it
freed next to nothing (1,244 objects of 54,000 at the first frame).

So `launch` raises the collector's first threshold (`pause`) before anything is
imported: a collection every `STARTING` new objects instead of every 700, which
still bounds what a long verb (a county report, an export) leaves uncollected.
An app resumes it once its first frame is on its way (`on_ready`): the usual
thresholds again, with what exists then frozen (`gc.freeze`: later full passes do
not walk it again, the little garbage of the start included, once; an object
frozen then that later dies in a reference cycle, such as the first screen left
behind, is not freed: at most what existed at that frame, once per process). Called
without `pause` (an app made by the tests' factory), `resume` changes nothing.
"""

from __future__ import annotations

import gc

STARTING = 100_000  # new objects between two collections while the program starts

_usual: tuple[int, int, int] | None = None  # the thresholds before `pause`


def pause() -> None:
    """Collect seldom until `resume` (the program is starting)."""
    global _usual
    if _usual is None:
        _usual = gc.get_threshold()
        gc.set_threshold(STARTING, *_usual[1:])


def resume() -> None:
    """Started: what exists now is kept out of later collections, which come as usual."""
    global _usual
    if _usual is None:
        return
    gc.set_threshold(*_usual)
    _usual = None
    gc.freeze()
