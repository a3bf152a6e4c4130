"""Closing the vote or deferral form restyles only what the chair can see change.

Before, as the form closed, the field it hid lost the focus and the motion
table under it got it back, and Textual restyled both (`Stylesheet.apply` for
the table and each of its component classes) and drew the whole table again:
nothing of it showed, since the field was hidden in the same step and the
table took back the focused look it had before the form opened. Now the
table keeps its look under the form, and a field hidden with its form is
restyled as the form shows again (tui/widgets/focus_look.py).

Every look is checked against the one a forced restyle gives, so a look kept
is never one the stylesheet would not make.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from screen_reading import fill_deferral, settle
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode

from meeting_tui.tui.dialogs.entry_panel import EntryPanel
from meeting_tui.tui.widgets.motion_table import MotionTable


@contextmanager
def restyled() -> Iterator[list[DOMNode]]:
    """The widgets the stylesheet is applied to within the block (component classes left out)."""
    nodes: list[DOMNode] = []
    apply = Stylesheet.apply

    def counted(self: Stylesheet, node: DOMNode, **kwargs: Any) -> None:
        if type(node) is not DOMNode:  # a component class's virtual node
            nodes.append(node)
        apply(self, node, **kwargs)

    Stylesheet.apply = counted  # type: ignore[method-assign]
    try:
        yield nodes
    finally:
        Stylesheet.apply = apply  # type: ignore[method-assign]


def look(widget: Any) -> tuple[object, ...]:
    """What the widget is drawn in: its styles and its component classes' styles."""
    components = sorted(widget._component_styles.items())
    return (
        widget.styles.get_render_rules(),
        tuple((name, styles.get_render_rules()) for name, styles in components),
    )


def as_restyled(widget: Any) -> tuple[object, ...]:
    """The look a full restyle gives the widget for its focus now (the widget is restyled)."""
    widget.app.stylesheet.update_nodes([widget], animate=False)
    return look(widget)


def open_form(app: Any) -> EntryPanel[Any]:
    (panel,) = [p for p in app.screen.query(EntryPanel) if p.is_open]
    return panel


async def test_enter_in_the_vote_form_restyles_neither_the_table_nor_the_field(make, ui) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "escape")  # the form is mounted on its first use
        await settle(pilot)
        table = app.screen.query_one(MotionTable)
        await pilot.press("v", "1", "tab", "2", "tab", "3")
        await settle(pilot)
        field = app.focused
        with restyled() as nodes:
            await pilot.press("enter")
            await settle(pilot)
        assert "赞成 1" in ui.vote_panel(app)
        assert app.focused is table
        assert table not in nodes and field not in nodes, nodes
        assert look(table) == as_restyled(table)


async def test_escape_from_the_deferral_form_restyles_neither(make) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await fill_deferral(pilot)
        await settle(pilot)
        table = app.screen.query_one(MotionTable)
        field = app.focused
        with restyled() as nodes:
            await pilot.press("escape")
            await settle(pilot)
        assert app.focused is table
        assert table not in nodes and field not in nodes, nodes


async def test_a_field_hidden_with_the_focus_shows_its_unfocused_look_when_the_form_opens_again(
    make,
) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "tab", "tab")  # the third count field has the focus
        await settle(pilot)
        last = app.focused
        focused_look = look(last)
        await pilot.press("escape")
        await settle(pilot)
        assert not any(p.is_open for p in app.screen.query(EntryPanel))
        await pilot.press("v")
        await settle(pilot)
        panel = open_form(app)
        assert app.focused is panel.focusables()[0] and app.focused is not last
        assert look(last) != focused_look  # it had not kept the focused look
        assert look(last) == as_restyled(last)
        assert look(app.focused) == as_restyled(app.focused)


async def test_tab_in_an_open_form_restyles_both_fields_as_before(make) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await settle(pilot)
        first = app.focused
        with restyled() as nodes:
            await pilot.press("tab")
            await settle(pilot)
        second = app.focused
        assert first in nodes and second in nodes
        assert look(first) == as_restyled(first)
        assert look(second) == as_restyled(second)


async def test_the_table_under_an_open_form_keeps_its_focused_look(make) -> None:
    """The form hides nearly all of it; the rows above show which motion the form is for."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(MotionTable)
        assert app.focused is table
        before = look(table)
        await pilot.press("v")
        await settle(pilot)
        assert not table.has_focus
        assert look(table) == before


async def test_the_focus_going_elsewhere_as_a_form_closes_gives_the_table_its_unfocused_look(
    make,
) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(MotionTable)
        focused_look = look(table)
        await pilot.press("v")
        await settle(pilot)
        open_form(app).came_from = None  # as if nothing had the focus when it opened
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is None
        assert look(table) != focused_look
        assert look(table) == as_restyled(table)
        table.focus()
        await settle(pilot)
        assert look(table) == focused_look == as_restyled(table)
