"""A widget restyled for a change of focus only when that change can be seen.

Why (Textual 8.2.8): a widget gaining or losing the focus is restyled at once
(`Widget.watch_has_focus`: the whole stylesheet applied to it, and once more for
each of its component classes) and drawn again whole. As the vote or deferral
form closed, that was done twice where nothing could be seen of it: for the
form's field, hidden in the same step, and for the motion table, which took
its focused look back after the form had shown the unfocused one where
nobody saw it, under the form. On the Enter that confirms a vote that was
3–5 ms of the table's `Stylesheet.apply` (its 17 component classes), 1.5–2 ms
of the field's, and every line of the table drawn again in the frame.

A `FocusLook` widget skips the restyle while `look_unseen()` says the change
would not show, and keeps the look it was last styled in; `show_look()`
restyles it, if the focus has changed since, once it shows again. The look
it keeps is always one the stylesheet made for one of its two states, so
nothing is drawn that the stylesheet would not draw.
tests/tui/test_tui_focus_look.py checks the looks against a forced restyle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widget import Widget

# A plain mixin, put before the widget's class: a Widget subclass here would give every widget
# it is mixed into this class's `can_focus` (Textual sets it on each subclass from its MRO).
if TYPE_CHECKING:
    _Base = Widget
else:
    _Base = object


class FocusLook(_Base):
    _styled_focused: bool | None = None  # the focus the look was made for (None: not yet)

    def look_unseen(self) -> bool:
        """A change of focus would not be seen now (hidden, or under a form)."""
        return any(node.styles.display == "none" for node in self.ancestors_with_self)

    def show_look(self) -> None:
        """Seen again: restyled if the focus changed while it was not."""
        styled = self._styled_focused
        if self.is_attached and styled is not None and self.has_focus != styled:
            self._restyle_for_focus(self.has_focus)

    def watch_has_focus(self, has_focus: bool) -> None:
        if has_focus == self._styled_focused or self.look_unseen():
            return
        self._restyle_for_focus(has_focus)

    def _restyle_for_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)
        self._styled_focused = has_focus

    def notify_style_update(self) -> None:
        """Any restyle (a class, a theme) is made for the focus the widget has now."""
        self._styled_focused = self.has_focus
        super().notify_style_update()
