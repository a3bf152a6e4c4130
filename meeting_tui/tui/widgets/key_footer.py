"""The footer of key hints, rebuilt only when the keys it shows change.

Textual's `Footer` removes and mounts all its key widgets again (each one
styled on mount) whenever its screen publishes "bindings updated": when the
focus moves and whenever the screen stack changes. Opening the vote or the
deferral dialog changes the stack twice (pushed, dismissed) and the fields'
focus several times, and the session screen's footer, hidden behind the
dialog, was rebuilt each time with the same keys: a large part of the time
from `v` to the dialog on screen. `KeyFooter` first compares what it would
show (key, label, enabled, tooltip, group, the palette key) with what it
shows, and rebuilds only on a difference.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[object, ...]


class KeyFooter(Footer):
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.shown: Shown | None = None  # what the mounted key widgets say; None: not built
        self.held = False  # a form is open over the screen: the keys shown stay as they are

    def keys_to_show(self) -> Shown:
        """What `compose` would show now, as comparable values."""
        app = self.app
        keys = tuple(
            (
                key,
                binding.action,
                binding.description,
                app.get_key_display(binding),
                enabled,
                tooltip,
                binding.group,
            )
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == app.COMMAND_PALETTE_BINDING
        )
        return keys, self.compact, self.show_command_palette

    def bindings_changed(self, screen: Screen) -> None:  # type: ignore[type-arg]
        if self.held:
            return
        if (
            self.shown is not None
            and self.is_attached
            and screen is self.screen
            and self.keys_to_show() == self.shown
        ):
            return  # the same keys: nothing to rebuild
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self.shown = self.keys_to_show()
        yield from super().compose()
