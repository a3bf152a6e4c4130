"""The screens' keys are Textual bindings with ids: `App.set_keymap` moves them, words follow the language.

The key tables become each screen class's `BINDINGS` (keymap.bindings), so
Textual's public keymap can move a key by its id, and the footer shows the
catalogue's words in the language the app was started in, even though the
class was made before that language was chosen.
"""

from __future__ import annotations

from screen_reading import form_on_screen, session_shown

from meeting_tui import i18n
from meeting_tui.tui.dialogs.vote_form import VoteEntry
from meeting_tui.tui.screens.session import SessionScreen
from meeting_tui.tui.widgets.key_footer import KeyFooter


def footer(app) -> dict[str, str]:
    return {k.key: k.description for f in app.screen.query(KeyFooter) for k in f.hints()}


async def footer_when(pilot, app, holds) -> dict[str, str]:
    """The footer once `holds(footer)`: it is composed again a few frames after a keymap."""
    for _ in range(200):
        if holds(words := footer(app)):
            return words
        await pilot.pause(0.01)
    return footer(app)


async def test_a_keymap_moves_the_vote_key_by_its_binding_id(make) -> None:
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, SessionScreen)
        assert footer(app).get("v") == i18n.t("key.vote")
        app.set_keymap({"session.vote": "z"})
        words = await footer_when(pilot, app, lambda words: "z" in words)
        assert words.get("z") == i18n.t("key.vote")
        assert "v" not in words
        await pilot.press("v")  # the old key does nothing now
        assert session_shown(app)
        await pilot.press("z")
        assert isinstance(form_on_screen(app), VoteEntry)


async def test_the_footer_words_follow_the_language_of_each_app(make) -> None:
    for lang in ("en", "zh"):
        app = make(lang=lang)
        async with app.run_test(size=(120, 40)):
            assert isinstance(app.screen, SessionScreen)
            assert footer(app)["v"] == i18n.t("key.vote", lang) != "key.vote"
            tooltips = {
                a.binding.tooltip for a in app.screen.active_bindings.values() if a.binding.id
            }
            assert i18n.t("group.vote", lang) in tooltips


async def test_the_archive_lists_keys_are_class_bindings_a_keymap_can_move(make) -> None:
    from meeting_tui.tui.screens.backlog import BacklogScreen
    from meeting_tui.tui.screens.start import StartScreen

    app = make(None, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
        assert isinstance(app.screen, BacklogScreen)
        assert footer(app).get("escape") == i18n.t("key.back", "en")
        app.set_keymap({"backlog.back": "x"})
        await footer_when(pilot, app, lambda words: "x" in words)
        await pilot.press("escape")  # moved away: Esc no longer leaves
        assert isinstance(app.screen, BacklogScreen)
        await pilot.press("x")
        assert isinstance(app.screen, StartScreen)
