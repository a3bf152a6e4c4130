"""A compact form dialog: one line per field, checked by the domain before it closes.

The caller passes `read`, which makes the form's typed result (a frozen
dataclass of `form_answers`) from the fields' texts, and `check`, which runs
the real command on those answers and returns an error message or None; the
form stays open with the message shown inline until the answers are acceptable
or the user presses Esc. It returns the typed answers, or None on Esc.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar, cast

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from meeting_tui import i18n
from meeting_tui.tui.dialogs.choice import ChoiceField
from meeting_tui.tui.dialogs.count_input import CountInput
from meeting_tui.tui.widgets.focus_look import FocusLook

R = TypeVar("R")


class FormInput(FocusLook, Input):
    """A text field that, hidden with its form, is restyled as the form shows again."""


class FormButton(FocusLook, Button):
    """OK and Cancel, likewise."""


FieldTexts = dict[str, str]  # what each field holds, by field name, before the form reads it


@dataclass
class Field:
    name: str
    label: str
    value: str = ""
    options: list[tuple[str, str]] = field(default_factory=list)  # (label, value) for a ChoiceField
    count: bool = False
    # Offered as the first characters are typed (→ accepts), never prefilled; shown as the placeholder.
    suggestions: list[str] = field(default_factory=list)


class FormParts(Generic[R]):
    """What the dialog and the in-screen entry (entry_panel.py) share: the fields' grid, the
    message line and the two buttons, reading the answers, and Enter, OK and Cancel.

    The class it is mixed into is a Textual node (a screen or a widget) that sets `fields`
    and `read`, and says what `submit` and `action_cancel` do (dismiss, or hide).
    """

    fields: list[Field]
    read: Callable[[Mapping[str, str]], R]

    def compose_form(self) -> ComposeResult:
        with Grid():
            for f in self.fields:
                yield Label(f.label)
                yield field_widget(f)
        yield Static("", id="error", classes="error", markup=False)
        with Horizontal():
            yield FormButton(i18n.t("form.ok"), id="ok", variant="primary", compact=True)
            yield FormButton(i18n.t("form.cancel"), id="cancel", compact=True)

    def answers(self) -> R:
        """What the form holds now, as its typed result."""
        return self.read(self.texts())

    def texts(self) -> FieldTexts:
        """Each field's text (a choice's value) by field name, as `read` takes them."""
        return field_texts(cast(Widget, self), self.fields)

    def show_error(self, message: str, *, ok: bool = False) -> None:
        """Say what is wrong (or, with `ok`, what will happen) under the fields."""
        show_message(cast(Widget, self).query_one("#error", Static), message, ok=ok)

    def submit(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        raise NotImplementedError

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_choice_field_submitted(self, event: ChoiceField.Submitted) -> None:
        """Enter on a ‹choice› confirms the form too: no field leaves the form looking frozen."""
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self.submit()
        else:
            self.action_cancel()


class FormDialog(FormParts[R], ModalScreen[R | None]):
    CSS_PATH = "form.tcss"
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(
        self,
        title: str,
        fields: list[Field],
        read: Callable[[Mapping[str, str]], R],
        check: Callable[[R], str | None] | None = None,
        hint: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = fields
        self.read = read
        read({f.name: f.value for f in fields})  # fields and result disagree: fail at open
        self.check = check
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            if self.hint:
                yield Static(self.hint, classes="hint", markup=False)
            yield from self.compose_form()

    def submit(self) -> None:
        answers = self.answers()
        problem = self.check(answers) if self.check else None
        if problem:
            self.show_error(problem)
            return
        self.dismiss(answers)

    def action_cancel(self) -> None:
        self.dismiss(None)


# What a form is made of, shared by the dialog and the in-screen entry (entry_panel.py).


def field_widget(f: Field) -> Input | ChoiceField:
    """The one-line widget for a field: a choice, a count, a text (with suggestions)."""
    if f.options:
        return ChoiceField(f.options, f.value, id=f"f-{f.name}")
    if f.count:
        return CountInput(f.value, id=f"f-{f.name}")
    if f.suggestions:
        return FormInput(
            f.value,
            compact=True,
            id=f"f-{f.name}",
            placeholder=i18n.t("form.suggest", examples="、".join(f.suggestions[:3])),
            suggester=SuggestFromList(f.suggestions, case_sensitive=False),
        )
    return FormInput(f.value, compact=True, id=f"f-{f.name}")


def field_texts(form: Widget, fields: list[Field]) -> FieldTexts:
    """Each field's text (a choice's value) under `form`, by field name."""
    out: FieldTexts = {}
    for f in fields:
        widget = form.query_one(f"#f-{f.name}")
        if isinstance(widget, ChoiceField):
            out[f.name] = widget.value
        elif isinstance(widget, CountInput):
            # As typed, for the command to judge; a prefilled count emptied reads 0.
            out[f.name] = widget.text or ("0" if f.value else "")
        elif isinstance(widget, Input):
            out[f.name] = widget.value
    return out


def show_message(line: Static, message: str, *, ok: bool = False) -> None:
    """Say under the fields what is wrong (or, with `ok`, what will happen)."""
    line.set_class(ok, "-ok")
    if message == str(line.content):
        return
    # The vote preview changes on every digit; a layout pass (the form's height) is
    # needed only when the message takes another number of lines.
    line.update(message, layout=_lines(message, line) != _lines(str(line.content), line))


def _lines(text: str, line: Static) -> int:
    """How many rows `text` takes in `line` at its present width, wrapped as words wrap."""
    return rows_taken(text, max(1, line.content_region.width), line.app.console)


def rows_taken(text: str, width: int, console: Console) -> int:
    """How many rows of `width` cells `text` takes, wrapped as Rich wraps words."""
    if not text:
        return 0
    if "\n" not in text and "\t" not in text and cell_len(text) <= width:
        return 1  # fits: no wrap to measure (the vote preview on every digit, 0.5 ms)
    return len(Text(text).wrap(console, width))
