"""A form drawn on the session screen itself: composed once with it, shown over the panes, hidden.

Why not a pushed `FormDialog` for the vote and the deferral, the forms a chair
opens dozens of times a meeting: a pushed screen composed and styled its dozen
widgets each time, and the screen stack changing laid the whole session screen
out and drew it again behind the dialog three times as it opened and twice as
it closed (docs/performance.md, "Where the time goes"). An `EntryPanel` lives
on its own layer of the session screen (session.tcss), so showing it moves
nothing under it: opening fills its fields, shows it and focuses the first
field; closing hides it and gives the focus back to where it was.

While open it behaves as the dialog did. It is modal (`is_modal`): the session's
keys and the app's, but for priority ones, stop at it, as they stopped at the
dialog's screen; a click elsewhere brings the focus back to it (the screen
calls `keep_focus`). Tab and shift+Tab move among its own fields and buttons,
Enter confirms from any field once the command's own check accepts the
answers (a refusal is shown under the fields and the form stays open), Esc
cancels. The footer keeps the keys it showed, as it did behind the dialog.
Keys typed ahead land in order (tui/key_order.py): the first field has the
focus as soon as the key that opened the form has been handled.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Static

from meeting_tui import i18n
from meeting_tui.tui.dialogs.choice import ChoiceField
from meeting_tui.tui.dialogs.count_input import CountInput
from meeting_tui.tui.dialogs.form import Field, FormParts, show_message
from meeting_tui.tui.frame_hold import FrameHold
from meeting_tui.tui.widgets.focus_look import FocusLook
from meeting_tui.tui.widgets.key_footer import KeyFooter
from meeting_tui.tui.widgets.motion_table import MotionTable

R = TypeVar("R")
Done = Callable[[R | None], object]  # the answers, or None on Esc
Check = Callable[[R], str | None]  # the command's refusal of these answers, or None


class EntryPanel(FormParts[R], Vertical):
    BINDINGS = [
        Binding("escape", "cancel", show=False),
        Binding("tab", "move(1)", show=False),
        Binding("shift+tab", "move(-1)", show=False),
    ]

    def __init__(
        self, fields: list[Field], read: Callable[[Mapping[str, str]], R], *, id: str
    ) -> None:
        super().__init__(id=id, classes="entry")
        self.fields = fields
        self.read = read
        read({f.name: f.value for f in fields})  # fields and result disagree: fail at once
        self.is_open = False
        self.check: Check[R] | None = None
        self.done: Done[R] | None = None
        self.came_from: Widget | None = None  # focused before the form opened
        self.last_field: Widget | None = None  # focused last within the open form

    @property
    def is_modal(self) -> bool:
        """While open, no key of the screen or the app (but priority ones) reaches past it."""
        return self.is_open

    def compose(self) -> ComposeResult:
        yield Static("", classes="hint", markup=False)
        yield from self.compose_form()

    # -- open and close --------------------------------------------------------

    def open(
        self,
        title: str,
        done: Done[R],
        *,
        check: Check[R] | None = None,
        hint: str = "",
        suggestions: Mapping[str, list[str]] | None = None,
    ) -> None:
        """Show the form with its fields as declared (and these suggestions), first field focused."""
        if self.is_open:  # asked again (the palette): the form as it is
            return
        self.border_title = title
        line = self.query_one(".hint", Static)
        line.display = bool(hint)
        line.update(hint)
        for f in self.fields:
            self._reset(f, (suggestions or {}).get(f.name))
        show_message(self.query_one("#error", Static), "")
        self.check, self.done = check, done
        self.came_from = self.screen.focused
        self._hold_what_is_under(True)
        self.is_open = True
        self.last_field = None
        self.display = True  # not a class: that would style every field again, each time
        first, *others = self.focusables()
        for widget in others:  # the field that had the focus as the form hid lost it unseen
            if isinstance(widget, FocusLook):
                widget.show_look()
        self.screen.set_focus(first)
        self.opened()

    def _hold_what_is_under(self, held: bool) -> None:
        """The footer keeps its keys and, like the table, takes no click while the form is open.

        The dialog's screen covered them; the form only lies over them on its layer.
        """
        for footer in self.screen.query(KeyFooter):
            footer.held = held
        for table in self.screen.query(MotionTable):
            table.held = held

    def _let_go_under(self) -> None:
        """As the closing frame is made, unless the form was opened again meanwhile."""
        if self.is_attached and not self.is_open:
            self._hold_what_is_under(False)

    def opened(self) -> None:
        """What a form does once shown (the vote previews its verdict)."""

    def close(self, answers: R | None) -> None:
        """Hide the form, give the focus back, then hand the answers (or None) to the caller.

        All of it is painted in one frame, once the widgets losing and gaining the
        focus have restyled themselves (frame_hold.py).
        """
        done = self.done
        self.is_open, self.check, self.done = False, None, None
        hold = FrameHold(self.screen)
        try:
            self.display = False
            # The footer, held, lets the focus's moves below pass (each read every active
            # binding) and looks at the keys once as the frame is made.
            hold.before_release(self._let_go_under)
            back = self.came_from
            self.came_from = None
            left = self.screen.focused
            self.screen.set_focus(back if back is not None and back.is_attached else None)
            hold.until_handled(left, self.screen.focused)
            if done is not None:
                done(answers)
        finally:
            hold.arm()

    def _reset(self, f: Field, suggestions: list[str] | None) -> None:
        widget = self.query_one(f"#f-{f.name}")
        if isinstance(widget, ChoiceField):
            values = [v for _, v in widget.options]
            widget.index = values.index(f.value) if f.value in values else 0
            widget.action_step(0)
        elif isinstance(widget, Input):
            if suggestions is not None and not isinstance(widget, CountInput):
                widget.suggester = SuggestFromList(suggestions, case_sensitive=False)
                widget.placeholder = (
                    i18n.t("form.suggest", examples="、".join(suggestions[:3]))
                    if suggestions
                    else ""
                )
            widget.value = f.value

    def focusables(self) -> list[Widget]:
        """Its fields, then OK and Cancel: the order Tab goes round."""
        return [w for w in self.query("Input, ChoiceField, Button") if w.can_focus]

    def keep_focus(self, focused: Widget) -> None:
        """The focus went outside the open form: it comes back to the field it was in."""
        if not self.is_open:
            return
        if self in focused.ancestors:
            self.last_field = focused
            return
        back = self.last_field
        self.screen.set_focus(
            back if back is not None and back.is_attached else self.focusables()[0]
        )

    # -- what the form holds -------------------------------------------------

    def submit(self) -> None:
        if not self.is_open:
            return
        answers = self.answers()
        problem = self.check(answers) if self.check else None
        if problem:
            self.show_error(problem)
            return
        self.close(answers)

    # -- keys ----------------------------------------------------------------

    def action_move(self, step: int) -> None:
        order = self.focusables()
        focused = self.screen.focused
        at = order.index(focused) if focused in order else -1
        self.screen.set_focus(order[(at + step) % len(order)])

    def action_cancel(self) -> None:
        if self.is_open:
            self.close(None)
