"""The Textual app: themes, language, the command palette; screens own their flows."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import Screen

from meeting_tui import config, i18n, startup
from meeting_tui.domain import MeetingStatus
from meeting_tui.store.archive import Archive
from meeting_tui.store.errors import StoreError, refusal_message
from meeting_tui.store.live import LiveMeeting, local_now
from meeting_tui.tui import keymap
from meeting_tui.tui.guarded_app import GuardedApp
from meeting_tui.tui.key_order import KeyOrder
from meeting_tui.tui.keymap import CLOSED_KEYS, SESSION_KEYS, Key
from meeting_tui.tui.screens.lifecycle_messages import MeetingChosen, MeetingLeft, MeetingStarted
from meeting_tui.tui.textual_words import (
    Palette,
    quit_key,
    theme_choices,
    theme_label,
    toast_message,
    translated,
)
from meeting_tui.tui.theme_names import THEMES

if TYPE_CHECKING:
    from meeting_tui.tui.screens.start import StartScreen

# Each screen's module (and all it imports: the session's panes and dialogs, the start screen's
# table) loads when the screen is first shown, so a cold start pays only for the screen it opens.


class MeetingApp(GuardedApp):
    """Thin: themes, language, palette, and which meeting is open; screens own their flows."""

    TITLE = "meeting_tui"
    ENABLE_COMMAND_PALETTE = True
    # Declared here, Textual adds no English `^p palette` of its own (App.__init__ looks for one);
    # the words are catalogue keys, put into the language of the moment by KeyedScreen.
    BINDINGS = keymap.bindings(
        (
            Key(
                "ctrl+p",
                "command_palette",
                "key.palette",
                "palette.placeholder",
                show=False,
                priority=True,
            ),
        ),
        "app",
    )

    def __init__(
        self,
        archive: Archive,
        live: LiveMeeting | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
        config_path: Path | None = None,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.archive = archive
        self.live = live
        self.clock = clock
        self.config_path = config_path
        self.settings, self.config_problem = config.load(config_path)
        self.choose_theme(theme or self.settings.theme)
        self.key_order = KeyOrder(self, super().on_event)
        self.read_with_own(self.first_screen())

    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes from the terminal go through `KeyOrder`: each lands where it was typed."""
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            await self.key_order.offer(event)
        else:
            await super().on_event(event)

    def on_ready(self) -> None:
        """The first frame is on its way: the collector, paused while starting, goes on."""
        startup.resume()

    def get_default_screen(self) -> Screen[Any]:
        """The first screen is the base of the stack, not pushed over Textual's empty one.

        Pushed over it, the empty screen was styled, laid out and resumed first,
        and the push restyled again: about a third of a cold `open`'s time from
        `App.run` to the first frame. It gets the empty result callback a pushed screen
        has, so it can be switched for another as a pushed one is (`App.switch_screen`
        takes one off the screen it replaces).
        """
        screen = self.start_screen() if self.live is None else self.screen_for(self.live)
        screen._push_result_callback(self, None)
        return screen

    def on_mount(self) -> None:
        if self.config_problem:
            self.notify(self.config_problem, severity="warning", timeout=10)

    def screen_for(self, live: LiveMeeting) -> Screen[Any]:
        """A draft meeting opens in setup; one in session or closed on the session screen."""
        screen, made_with = self._screen_of(live)
        return screen(*made_with)

    def first_screen(self) -> type[Screen[Any]]:
        """The class of the screen the app starts on: its stylesheet is read with the app's.

        Textual loads no files of a stack's base screen (`App._init_mode`), so this is
        also what brings them in at all.
        """
        if self.live is None:
            from meeting_tui.tui.screens.start import StartScreen

            return StartScreen
        return self._screen_of(self.live)[0]

    def _screen_of(self, live: LiveMeeting) -> tuple[type[Screen[Any]], tuple[Any, ...]]:
        """The class of `live`'s screen and what it is made with."""
        if live.state.status is MeetingStatus.DRAFT:
            from meeting_tui.tui.screens.setup import SetupScreen

            return SetupScreen, (live,)
        from meeting_tui.tui.screens.session import SessionScreen

        return SessionScreen, (live, self.clock)

    def start_screen(self) -> StartScreen:
        """The archive list, the screen of a start without a meeting and of leaving one."""
        from meeting_tui.tui.screens.start import StartScreen

        return StartScreen(self.archive, self.clock)

    def open_meeting(self, meeting_id: str) -> bool:
        """Open (and lock) another meeting; the one open before is released first."""
        try:
            live = LiveMeeting.open(self.archive, meeting_id, self.clock)
        except StoreError as error:
            self.notify(refusal_message(error), severity="error", timeout=12)
            return False
        self.release_meeting()
        self.live = live
        self.push_screen(self.screen_for(live))
        return True

    def on_meeting_chosen(self, message: MeetingChosen) -> None:
        self.open_meeting(message.meeting_id)

    def on_meeting_left(self, _message: MeetingLeft) -> None:
        self.back_to_start()

    def on_meeting_started(self, _message: MeetingStarted) -> None:
        if self.live is not None:
            self.switch_screen(self.screen_for(self.live))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Messages quote what people typed ("[草稿]" is a title, not markup): plain text by default.

        Plain messages are laid out so no Chinese character falls on a pane border below the toast.
        """
        if not markup and self.is_running:
            message, title = toast_message(self, message, title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    async def action_quit(self) -> None:
        """ctrl+q: as `q`, never leave while a change the disk refused is still unsaved."""
        live = self.live
        if live is not None and live.pending:
            try:
                live.retry()
            except StoreError as error:
                self.notify(
                    i18n.t("notify.saved_error", message=error.message()),
                    severity="error",
                    timeout=15,
                )
                return
        self.exit()

    def back_to_start(self) -> None:
        """Leave the open meeting (it is all saved) for the archive list."""
        from meeting_tui.tui.screens.start import StartScreen

        self.release_meeting()
        while len(self.screen_stack) > 1 and not isinstance(self.screen, StartScreen):
            self.pop_screen()
        if not isinstance(self.screen, StartScreen):
            self.switch_screen(self.start_screen())

    def release_meeting(self) -> None:
        if self.live is not None:
            with contextlib.suppress(StoreError):
                self.live.close()
            self.live = None

    def watch_theme(self, theme: str) -> None:
        """Remember the theme for next time; a read-only config folder is not worth a crash."""
        if not hasattr(self, "settings") or self.settings.theme == theme:
            return
        self.settings.theme = theme
        try:
            config.save(self.settings, self.config_path)
        except OSError as exc:
            self.notify(str(exc), severity="warning")

    def action_cycle_theme(self) -> None:
        index = THEMES.index(self.theme) if self.theme in THEMES else -1
        self.theme = THEMES[(index + 1) % len(THEMES)]
        self.notify(i18n.t("notify.theme", theme=theme_label(self.theme)))

    def search_themes(self) -> None:
        """The palette's 主题: the three themes whose contrast is checked (themes.py), by their names."""
        self.search_commands(
            theme_choices(self, THEMES), placeholder=i18n.t("palette.theme_placeholder")
        )

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every session key in the palette, under a namespaced title ("表决: 无异议通过")."""
        from meeting_tui.tui.screens.session import SessionScreen

        if isinstance(screen, SessionScreen):
            seen: set[str] = set()
            for k in (*SESSION_KEYS, *CLOSED_KEYS):
                if k.action in seen or k.action in ("quit", "refuse_closed"):
                    continue
                name = k.action.split("(", 1)[0]  # when_closed('minutes') → when_closed
                if screen.check_action(name, ()) is False:  # e.g. recording on a closed meeting
                    continue
                seen.add(k.action)
                title = f"{i18n.t(k.group)}: {i18n.t(k.description)}"
                yield SystemCommand(
                    title, i18n.t(k.description), self._palette_action(screen, k.action)
                )
        yield from translated(super().get_system_commands(screen), screen)

    def action_command_palette(self) -> None:
        """The palette with the catalogue's placeholder (Textual's is English)."""
        if self.use_command_palette and not Palette.is_open(self):  # type: ignore[arg-type]
            placeholder = i18n.t("palette.placeholder")
            self.push_screen(Palette(placeholder=placeholder, id="--command-palette"))

    def action_help_quit(self) -> None:
        """ctrl+c: say how to quit in the app's language (Textual's hint is English markup)."""
        self.notify(
            i18n.t("notify.how_to_quit", key=quit_key(self)),
            title=i18n.t("notify.how_to_quit.title"),
        )

    @staticmethod
    def _palette_action(screen: Screen[Any], action: str) -> Callable[[], object]:
        return lambda: screen.run_action(action)

    def on_unmount(self) -> None:
        # The disk may still refuse changes pending at an exit by ctrl+q: no traceback then.
        self.release_meeting()
