"""Textual's own words in the app's language: the palette's system commands, the footer's ^p, ctrl+c.

And notifications, whose Chinese characters must survive being drawn over the
borders of the panes below them (Textual cuts each screen line where a widget
below starts or ends; a wide character on such a cut was lost).
"""

from __future__ import annotations

import pytest
from screen_reading import rendered_lines, rendered_region
from textual.command import CommandPalette
from textual.widgets._toast import Toast

from meeting_tui import i18n

TEXTUAL_ENGLISH = {"Theme", "Quit", "Keys", "Maximize", "Minimize", "Screenshot"}


def has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize("meeting", ["20261121-demo", None])
async def test_the_palettes_system_commands_are_chinese(make, meeting) -> None:
    app = make(meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        commands = list(app.get_system_commands(app.screen))
        titles = {command.title for command in commands}
        assert not titles & TEXTUAL_ENGLISH, titles
        assert all(has_han(c.title) and has_han(c.help) for c in commands), commands
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        shown = "\n".join(rendered_lines(app))
        assert "Search for commands" not in shown
        assert "截图" in shown or "主题" in shown, shown


async def test_a_search_with_no_match_says_so_in_chinese(make) -> None:
    app = make("20261121-demo")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.2)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"zzqx")
        shown = ""
        for _ in range(40):  # Textual shows the line after a short countdown
            await pilot.pause(0.1)
            shown = "\n".join(rendered_lines(app))
            if i18n.t("palette.no_matches") in shown:
                break
        assert "No matches found" not in shown
        assert i18n.t("palette.no_matches") in shown, shown


async def test_the_keys_command_opens_the_screens_own_help(make) -> None:
    from meeting_tui.tui.dialogs.help import HelpScreen

    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        (keys,) = [c for c in app.get_system_commands(app.screen) if c.title == "按键面板"]
        app.call_later(keys.callback)  # as the palette runs a command
        await pilot.pause(0.2)
        assert isinstance(app.screen, HelpScreen)


async def test_the_keys_command_on_the_start_screen_lists_its_keys_in_chinese(make) -> None:
    """A screen without a help screen of its own gets one from its key table, not Textual's
    English key panel ("Cursor up", "Select")."""
    from meeting_tui.tui.dialogs.help import HelpScreen

    app = make(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        (keys,) = [c for c in app.get_system_commands(app.screen) if c.title == "按键面板"]
        app.call_later(keys.callback)
        await pilot.pause(0.2)
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(rendered_lines(app))
        assert "新会议" in shown and "演示" in shown, shown
        assert "Cursor" not in shown and "Select" not in shown, shown


async def test_english_keeps_textuals_english_commands(make) -> None:
    app = make(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Theme", "Quit", "Screenshot"} <= titles


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_footer_names_the_palette_in_chinese(make, size) -> None:
    app = make()
    async with app.run_test(size=size) as pilot:
        # The footer is composed once the screen's bindings are ready: a frame or more after
        # mount on a busy machine, so wait for it to be drawn rather than for one pause.
        for _ in range(200):
            await pilot.pause()
            if (footer := rendered_lines(app)[-1]).strip():
                break
        assert "palette" not in footer, footer
        assert f"^p {i18n.t('key.palette')}" in footer, footer


async def test_ctrl_c_says_how_to_quit_from_the_catalogue(make) -> None:
    app = make()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause(0.2)
        (message,) = app.notices.messages()
        assert message in {i18n.t("notify.how_to_quit", key=k) for k in ("q", "^q")}
        shown = "\n".join(rendered_lines(app))
        assert message in shown and "[b]" not in shown and "Press" not in shown


@pytest.mark.parametrize("title", ["", "表决权人数为零：先登记出席"])
@pytest.mark.parametrize("width", [80, 100, 110, 120])
async def test_a_notification_over_the_pane_borders_keeps_every_character(
    make, width, title
) -> None:
    message = "议题「大门与单元门」已超过 20 分钟"
    app = make()
    async with app.run_test(size=(width, 40), notifications=True) as pilot:
        await pilot.pause()
        app.notify(message, title=title, severity="warning")
        lines: list[str] = []
        for _ in range(250):  # until the toast is drawn: a loaded machine draws it frames later
            await pilot.pause(0.02)
            toasts = app.screen.query(Toast)
            lines = rendered_region(app, toasts.first().content_region) if toasts else []
            if "".join(lines).strip():
                break
        # Every character, in order (a blank may step a character over a border).
        expected = title + message
        assert "".join("".join(line.split()) for line in lines) == "".join(expected.split()), lines


async def test_the_theme_command_offers_the_three_checked_themes_by_name(make) -> None:
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        (theme,) = [c for c in app.get_system_commands(app.screen) if c.title == "主题"]
        app.call_later(theme.callback)
        await pilot.pause(0.4)
        assert isinstance(app.screen, CommandPalette)
        shown = "\n".join(rendered_lines(app))
        assert "深色" in shown and "浅色" in shown and "强光" in shown, shown
        assert "Search for themes" not in shown and "nord" not in shown
