"""The vote and deferral forms of the session screen, mounted after its first frame.

Both forms (vote_form.py, deferral_entry.py) are drawn on the session screen
and hidden until `v` or `d`. Composed with the screen, their modules, their
answer types and their two dozen widgets were part of a cold `open`, before
anything was on screen. Now the screen is drawn without them: their modules
are imported shortly after (`preload`, a timer), while the chair reads the
first frame, and each form is mounted by its first key (`use`), which opens
it once mounted; the keys typed behind it wait (tui/key_order.py holds keys
while the screen is busy), so type-ahead keeps its order. Mounted later by a
timer instead, a form's layout pass landed under whatever key was being
drawn at that moment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.screen import Screen
from textual.widget import AwaitMount, Widget

if TYPE_CHECKING:
    from meeting_tui.tui.dialogs.entry_panel import EntryPanel

PRELOAD_S = 0.5  # after the first frame: the forms' modules load while nobody waits on them

P = TypeVar("P", bound="EntryPanel[Any]")


class EntryForms:
    """Mounts each of the screen's entry forms on its first use, and hands it to the key."""

    def __init__(self, screen: Screen[Any]) -> None:
        self.screen = screen
        self._forms: dict[Callable[[], EntryPanel[Any]], tuple[EntryPanel[Any], AwaitMount]] = {}

    def preload(self) -> None:
        """Import the forms' modules, after the first frame: no widget, so no frame is drawn and
        no layout moves under the chair's keys; the first `v` or `d` only mounts its form.
        The commands' modules too (the package loads each on first use): the first key
        that runs one does not load it."""
        import importlib

        import meeting_tui.tui.dialogs.deferral_entry
        import meeting_tui.tui.dialogs.vote_form  # noqa: F401
        from meeting_tui.domain import commands

        for module in commands.MODULES:
            importlib.import_module(f"{commands.__name__}.{module}")

    def panels(self) -> tuple[EntryPanel[Any], ...]:
        """The forms mounted so far (none before the first `v` or `d`)."""
        return tuple(panel for panel, _ in self._forms.values() if panel.is_mounted)

    def holds(self, widget: Widget) -> bool:
        """`widget` is inside one of the forms (an open form keeps the focus)."""
        return any(p in widget.ancestors for p in self.panels())

    def use(self, kind: Callable[[], P], then: Callable[[P], None]) -> None:
        """Call `then` with the form of this kind (its class): now if mounted, else once it is."""
        if kind not in self._forms:
            form = kind()
            # First among the screen's children: Textual numbers the painting order from the
            # last child, so showing or hiding a form changes no other widget's place.
            self._forms[kind] = (form, self.screen.mount(form, before=0))
        mounted, mounting = self._forms[kind]
        panel = cast(P, mounted)  # made by `kind` above
        if panel.is_mounted:
            then(panel)
            return

        async def when_mounted() -> None:
            await mounting
            then(panel)

        self.screen.call_later(when_mounted)
