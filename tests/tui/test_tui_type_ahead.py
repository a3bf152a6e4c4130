"""Type-ahead with Pilot: a whole burst posted at once, as the terminal driver does for one read.

`Pilot.press` waits for the app after every key and so hides the bug; here
every key of a burst is queued before the app has handled the first, and the
test waits only for the app to finish. The same paths run through a real
pty in test_tui_type_ahead_pty.py.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from log_reading import new_kinds
from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot

from meeting_tui.domain import Party
from meeting_tui.tui.app import MeetingApp
from meeting_tui.tui.dialogs.form import FormDialog
from meeting_tui.tui.screens.session import SessionScreen

NAMED = {"\t": "tab", "\r": "enter", "\x1b": "escape"}


async def burst(pilot: Pilot[Any], keys: str) -> None:
    """Queue every key of `keys` before the app runs, then wait until it has handled them all."""
    app = pilot.app
    assert isinstance(app, MeetingApp)
    for ch in keys:
        name = NAMED.get(ch) or (ch if ch.isalnum() else _character_to_key(ch))
        app.post_message(events.Key(name, None if ch == "\x1b" else ch))
    deadline = time.monotonic() + 60
    await pilot.pause()
    while busy(app):
        assert time.monotonic() < deadline, "the app never finished the burst"
        await pilot.pause(0.02)
    await pilot.pause()


def busy(app: MeetingApp) -> bool:
    """Keys still held or in flight (an app without a key queue has none to wait for)."""
    order = getattr(app, "key_order", None)
    return order is not None and (order.busy or bool(order.held))


async def test_vote_burst(make, stored, stored_events) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "v1\t2\t3\r")
        assert isinstance(app.screen, SessionScreen)
    assert new_kinds(stored_events, before) == ["vote_recorded"]
    vote = stored().motions["m2"].vote
    assert (vote.in_favour, vote.against, vote.abstain) == (1, 2, 3)


async def test_motion_burst_then_n_opens_an_empty_form(make, stored, stored_events) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "n修路灯\t王阿姨\rn")
        assert isinstance(app.screen, FormDialog)
        assert app.screen.answers().text == ""  # the second `n` opened a fresh form
        await burst(pilot, "\x1b")
    assert new_kinds(stored_events, before) == ["motion_raised"]
    m = stored().motions["m3"]
    assert (m.text, m.proposer) == ("修路灯", "王阿姨")


async def test_attendance_burst(make, stored) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "a40\t4\r")
    attendance = stored().attendance
    assert (attendance.present(Party.RESIDENT), attendance.present(Party.STAFF)) == (40, 4)


async def test_defer_burst(make, stored) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "d说明不清\t街道办\t十二月\r")
    d = stored().motions["m2"].deferral
    assert (d.reason, d.owner, d.target) == ("说明不清", "街道办", "十二月")


async def test_a_key_typed_at_rest_is_handed_on_without_waiting_a_round(make) -> None:
    """A lone key waited one round of every pump before it was handled (about 1 ms a key),
    and the rounds that followed it (to find when a next key might go) ran beside its frame,
    with no key to wait for; a key typed while a handler is half done (awaiting, its queue
    empty) still waits for it, in rounds."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause(0.2)
        order = app.key_order
        rounds: list[str] = []
        handed: list[int] = []
        own_round, own_dispatch = order._round, order.dispatch

        def counted_round(moving: Any) -> None:
            rounds.append("round")
            own_round(moving)

        async def dispatch(event: events.Event) -> None:
            handed.append(len(rounds))
            await own_dispatch(event)

        order._round = counted_round  # type: ignore[method-assign]
        order.dispatch = dispatch
        table = app.screen.query_one("MotionTable")
        await pilot.press("up")
        await pilot.pause(0.1)
        assert handed == [0]  # dispatched before any round
        assert rounds == []  # and none after it: no key waits (the next one checks for itself)
        assert table.cursor_row == 0 and not order.busy and not order.held

        release = asyncio.Event()

        async def half_done() -> None:
            await release.wait()

        app.screen.call_later(half_done)
        await asyncio.sleep(0.05)  # not pilot.pause: it would wait for the screen, held
        app.post_message(events.Key("down", None))
        await asyncio.sleep(0.1)
        held_then = (list(handed), table.cursor_row)
        release.set()
        assert held_then == ([0], 0)  # held behind the half done handler
        await pilot.pause(0.1)
        assert len(handed) == 2 and handed[1] > handed[0]  # after rounds, once it was done
        assert table.cursor_row == 1
