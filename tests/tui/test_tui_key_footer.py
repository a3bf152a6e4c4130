"""The footer: one widget drawing the keys, drawn again only when the keys it shows change.

Opening and closing the vote form changes the focus several times; the
footer must not take its keys again for a form that changes nothing, must follow a real change (a closed meeting shows its own
keys), must run a key clicked with the mouse as Textual's FooterKey did, keep
its keys while `held`, and draw no child widget per key (the cost of a
screen's mount it replaces).
"""

from __future__ import annotations

from textual.widgets import Footer

from meeting_tui.domain import commands as c
from meeting_tui.tui.dialogs.vote_form import VoteEntry
from meeting_tui.tui.screens.session import SessionScreen
from meeting_tui.tui.widgets.key_footer import KeyFooter


def _footer(screen: SessionScreen) -> KeyFooter:
    footer = screen.query_one(Footer)
    assert isinstance(footer, KeyFooter)
    return footer


async def test_a_dialog_that_changes_no_key_leaves_the_footer_as_it_was(make) -> None:
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        session = app.screen
        assert isinstance(session, SessionScreen)
        footer = _footer(session)
        before = footer.keys
        assert {k.key for k in before} >= {"v", "d", "n"}
        assert not footer.children  # no widget per key
        await pilot.press("v")
        await pilot.pause()
        assert session.query_one(VoteEntry).is_open
        await pilot.press("tab", "tab")  # the focus moves within the form: the footer stays
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is session and not session.query_one(VoteEntry).is_open
        assert footer.keys is before  # the very same keys: not taken again


async def test_the_footer_follows_the_keys_when_the_meeting_closes(make) -> None:
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        session = app.screen
        assert isinstance(session, SessionScreen)
        assert "v" in {k.key for k in _footer(session).keys}
        app.live.execute(c.close_meeting(app.live.state))
        session.refresh_bindings()
        await pilot.pause()
        shown = {k.key: k.description for k in _footer(session).keys}
        assert "v" not in shown and shown.get("x") == "重新开启", shown


async def test_clicking_a_key_in_the_footer_runs_it(make) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = app.screen
        footer = _footer(session)
        start, _end, hint = next(span for span in footer.spans if span[2].key == "v")
        assert hint.description == "表决"
        await pilot.click(KeyFooter, offset=(start + 1, 0))
        await pilot.pause()
        assert app.screen is session
        assert [form.is_open for form in session.query(VoteEntry)] == [True]


async def test_a_held_footer_keeps_its_keys_until_released_then_takes_them_by_itself(
    make,
) -> None:
    """Held, it lets the signals pass; released, it looks at the keys once: the change made
    while held needs no other signal."""
    app = make()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        session = app.screen
        footer = _footer(session)
        footer.held = True
        app.live.execute(c.close_meeting(app.live.state))
        session.refresh_bindings()
        await pilot.pause()
        assert "v" in {k.key for k in footer.keys}  # held: as it was
        footer.held = False
        await pilot.pause()
        assert "v" not in {k.key for k in footer.keys}


async def test_closing_the_vote_form_reads_the_keys_once_before_its_frame(make) -> None:
    """The focus moves twice as the form closes, and each move signalled the footer, which
    read every active binding each time (four reads, 0.6–1 ms each, before the frame).
    Held until the frame is made, it reads them once, as the frame is made; Textual's
    signals that come after the frame (`call_after_refresh`) find the same keys."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "1", "tab", "2", "tab", "3")
        await pilot.pause()
        footer = _footer(app.screen)
        seen: list[str] = []
        read, display = footer.keys_to_show, app._display

        def counted() -> object:
            seen.append("read")
            return read()

        def painted(screen: object, renderable: object) -> None:
            if renderable is not None:
                seen.append("frame")
            display(screen, renderable)  # type: ignore[arg-type]

        footer.keys_to_show = counted  # type: ignore[method-assign]
        app._display = painted  # type: ignore[method-assign]
        await pilot.press("enter")
        for _ in range(5):
            await pilot.pause(0.02)
        del app._display
        assert [form.is_open for form in app.screen.query(VoteEntry)] == [False]
        assert "v" in {k.key for k in footer.keys}
        assert "frame" in seen
        assert seen[: seen.index("frame")] == ["read"]
