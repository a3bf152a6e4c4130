"""The footer of key hints: one widget drawing all its keys as one line of text.

Textual's `Footer` mounts one `FooterKey` widget per key, each styled on mount
(its own rules, two component styles, the hover and compact rules): with 10–20
keys a screen, that was most of what it cost to mount and style a screen
(backlog, follow-ups, the session screen at start-up). `KeyFooter` is still a
`Footer` (its dock, colours and compact class come from Footer's CSS, and
`query_one(Footer)` finds it) but has no children: it renders the keys itself
with the same look — key in the theme's key colour, its description, the
command palette's key docked at the right behind a thin rule — and draws again
only when what it would show (keys, words, enabled, compact) changed. A click
on a key runs it, as a click on a `FooterKey` does; a disabled key rings the
bell. While `held` (a form is open over the screen) the keys shown stay as
they are.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class ShownKey(NamedTuple):
    """One key hint as drawn: what to press, what it says, and what a click on it does."""

    key: str
    key_display: str
    description: str
    action: str
    enabled: bool
    tooltip: str


Shown = tuple[object, ...]
EDGE = "▏"  # the palette key's left rule (Textual's `vkey` border)


class KeyFooter(Footer):
    COMPONENT_CLASSES = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--edge",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.shown: Shown | None = None  # what `keys`/`palette` were made from; None: not yet
        self._held = False
        self.keys: tuple[ShownKey, ...] = ()  # the keys on the left, in order
        self.palette: ShownKey | None = None  # the command palette's key, at the right
        self.hovered: int | None = None  # index into `keys` (len(keys): the palette key)
        self.spans: list[tuple[int, int, ShownKey]] = []  # last drawn: cells [start, end) per key

    def hints(self) -> tuple[ShownKey, ...]:
        """Every key drawn, left to right, the palette's last (what FooterKey widgets were)."""
        return self.keys + ((self.palette,) if self.palette is not None else ())

    def compose(self) -> ComposeResult:
        return iter(())  # no key widgets: `render` draws them

    def keys_to_show(self) -> Shown:
        """What would be drawn now, as comparable values."""
        app = self.app
        keys = tuple(
            (
                key,
                binding.action,
                binding.description,
                app.get_key_display(binding),
                enabled,
                tooltip,
                binding.tooltip,
            )
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == app.COMMAND_PALETTE_BINDING
        )
        return keys, self.compact, self.show_command_palette

    @property
    def held(self) -> bool:
        """A form is open over the screen: the keys shown stay as they are.

        Released, the footer looks at the keys once, for whatever changed meanwhile
        (the signals that came while held were let pass).
        """
        return self._held

    @held.setter
    def held(self, held: bool) -> None:
        was, self._held = self._held, held
        if was and not held and self.is_attached:
            self.bindings_changed(self.screen)

    def bindings_changed(self, screen: Screen) -> None:  # type: ignore[type-arg]
        if self._held:
            return
        self._bindings_ready = True
        if not self.is_attached or screen is not self.screen:
            return
        if self.shown is not None and self.keys_to_show() == self.shown:
            return  # the same keys: nothing to draw again
        self.take_keys()

    def on_mount(self) -> None:
        super().on_mount()
        self.take_keys()

    def watch_compact(self) -> None:
        self.refresh()

    def take_keys(self) -> None:
        """Read the screen's active bindings as Footer's `compose` would, and draw them."""
        shown = self.keys_to_show()
        app = self.app
        keys: dict[str, ShownKey] = {}  # one hint per action, as Footer groups them
        palette = None
        for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items():
            if binding.show and binding.action not in keys:
                display = app.get_key_display(binding)
                hint = ShownKey(key, display, binding.description, binding.action, enabled, tooltip)
                keys[binding.action] = hint
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            found = self.screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _, binding, enabled, _tooltip = found
                palette = ShownKey(
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    enabled,
                    binding.tooltip or binding.description,
                )
        self.shown, self.keys, self.palette = shown, tuple(keys.values()), palette
        self.hovered = None
        self.refresh()

    # -- drawing --------------------------------------------------------------

    def _hint(self, hint: ShownKey, hovered: bool, palette: bool = False) -> Text:
        """One key as a FooterKey draws it: the key, then its description (padded unless compact).

        The palette's key is always drawn compact, behind its rule, with one cell
        after it (its padding, or the compact footer's margin), as Footer draws it.
        """
        base = self.get_component_rich_style("key-footer--hover") if hovered else self.rich_style
        if not hint.enabled:
            base += Style(dim=True)
        key_style = self.get_component_rich_style("key-footer--key")
        text_style = self.get_component_rich_style("key-footer--description")
        narrow = self.compact or palette
        if hint.description:
            key = hint.key_display if narrow else f" {hint.key_display} "
            words = f" {hint.description}" if narrow else f"{hint.description} "
            text = Text.assemble((key, key_style), (words, text_style))
        else:
            text = Text.assemble((hint.key_display, key_style))
        text.stylize_before(base)
        margin = Style(bgcolor=self.rich_style.bgcolor)  # a margin shows the footer's background
        if palette:
            edge = self.get_component_rich_style("key-footer--edge")
            after = margin if self.compact else base
            text = Text.assemble((EDGE, base + edge), text, (" ", after))
        elif self.compact:
            text.append(" ", margin)  # the compact footer's margin after each key
        return text

    def render(self) -> Text:
        width = self.size.width
        spans: list[tuple[int, int, ShownKey]] = []
        right = Text()
        if self.palette is not None:
            right = self._hint(self.palette, self.hovered == len(self.keys), palette=True)
        room = max(0, width - right.cell_len)
        line = Text(no_wrap=True, overflow="crop", end="")
        for index, hint in enumerate(self.keys):
            start = line.cell_len
            if start >= room:
                break
            line.append_text(self._hint(hint, self.hovered == index))
            spans.append((start, min(line.cell_len, room), hint))
        line.truncate(room)
        line.append(" " * (room - line.cell_len), Style(bgcolor=self.rich_style.bgcolor))
        if self.palette is not None:
            spans.append((room, width, self.palette))
            line.append_text(right)
        self.spans = spans
        return line

    # -- the mouse ------------------------------------------------------------

    def _at(self, x: int) -> tuple[int, ShownKey] | None:
        for start, end, hint in self.spans:
            if start <= x < end:
                index = len(self.keys) if hint is self.palette else self.keys.index(hint)
                return index, hint
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click on a key presses it (a disabled one rings the bell), as on a FooterKey.

        Held (a form open over the screen), its keys are not the form's: a click rings
        the bell instead of typing the key's letter into the form's field.
        """
        found = self._at(event.x)
        if found is None:
            return
        event.stop()
        _, hint = found
        if self.held:
            self.app.bell()
        elif hint.enabled:
            self.app.simulate_key(hint.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        found = self._at(event.x)
        index, hint = found if found is not None else (None, None)
        if index != self.hovered:
            self.hovered = index
            self.tooltip = hint.tooltip if hint is not None else None
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self.hovered is not None:
            self.hovered = None
            self.tooltip = None
            self.refresh()
