"""Text people type is shown as typed: Rich/Textual markup, escape codes and HTML stay inert.

A resident's words pass through the domain's text cleaning (no control or
escape codes) and are then drawn as plain text everywhere: tables, panels,
dialogs, notifications. "[/]" is a bracket, not a closing tag that crashes.
"""

from __future__ import annotations

from meeting_tui.demo import LIVE_ID
from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.dialogs.confirm import ConfirmDialog

MARKUP = "[/][bold]拆除[/bold] <script>x</script> [link=http://x]点我"
PROPOSER = "[red]李[/]"


def _seed(data_dir, clock) -> None:
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID, clock)
    state = live.state
    live.execute(c.raise_motion(state, MARKUP + "\x1b[31m\x07", proposer=PROPOSER))
    live.execute(c.add_attendee(live.state, "[/]王", "resident", "[b]3号楼"))
    live.execute(c.edit_meeting(live.state, community="[/]南苑", location="[i]西门"))
    live.close()


async def test_markup_and_escapes_in_typed_text_are_shown_literally(
    data_dir, clock, make, ui
) -> None:
    _seed(data_dir, clock)
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        rows = ui.rows(app)
        assert rows[-1][1].startswith("[/][bold]拆除[/bold]")
        assert "\x1b" not in rows[-1][1] and "\x07" not in rows[-1][1]
        assert rows[-1][2] == PROPOSER
        await pilot.press("w")  # the withdraw question quotes the text
        assert isinstance(app.screen, ConfirmDialog)
        question = ui.text_of(app.screen.query_one("#question"))
        assert "[/][bold]拆除[/bold]" in question
        await pilot.press("y")
        await pilot.press("escape")  # back to the archive: the community is a cell there
        cells = [cell for row in ui.rows(app) for cell in row]
        assert "[/]南苑" in cells
    assert app.return_code in (0, None)


async def test_a_notification_quoting_markup_is_shown_as_typed(make) -> None:
    app = make()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.notify("「[/][bold]」不是数字")  # a message quoting what was typed
        await pilot.pause(0.3)
        toasts = list(app.screen.query("Toast"))
        assert toasts, "the notification is on screen"
        shown = " ".join(str(t.render()) for t in toasts)
        # (a blank may step a character over a pane border: see textual_words.clear_of_edges)
        assert "「[/][bold]」不是数字" in "".join(shown.split())
        assert app.is_running


async def test_markup_in_a_hand_edited_index_is_shown_literally_on_the_start_screen(
    data_dir, make, ui
) -> None:
    """Every cell of the archive list is text: a kind, date or count read from index.json
    that looks like a closing tag is drawn as written, and stops nothing."""
    import json

    index = data_dir / "index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    row = next(r for r in data["meetings"].values() if r["id"] == LIVE_ID)
    row.update(kind="[/oops]", date="[b]2026", motions="[/]", passed="[i]", deferred=":ok:")
    index.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    app = make(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        cells = next(r for r in ui.rows(app) if "[b]2026" in r)
        assert cells[0] == "[b]2026"
        assert {"[/oops]", "[/]", "[i]", ":ok:"} <= set(cells)
        table = app.screen.query_one("DataTable")
        shown = "".join(line.text for line in table.render_lines(table.region.reset_offset))
        assert all(cell in shown for cell in ("[b]2026", "[/oops]", "[/]", "[i]", ":ok:"))
    assert app.return_code in (0, None)


async def test_every_table_draws_its_str_cells_and_headings_as_written() -> None:
    """The screens' tables (start, motions, agenda, floor, roster, owners' decisions, setup)
    are TextTables: a str that looks like markup or an emoji name is drawn as typed, added
    or updated, and a cell given as Text keeps its style."""
    from rich.text import Text
    from textual.app import App, ComposeResult

    from meeting_tui.tui.widgets.fixed_width_table import FixedWidthTable
    from meeting_tui.tui.widgets.text_table import TextTable

    class Tables(App[None]):
        def compose(self) -> ComposeResult:
            yield TextTable(id="text")
            yield FixedWidthTable(id="fixed")

    app = Tables()
    async with app.run_test(size=(80, 20)) as pilot:
        for table in app.query(TextTable):
            table.add_column("[/]标题", key="title", width=20)
            table.add_column("数", key="n", width=6)
            table.add_row("[/][b]楼道", ":ok:", key="a")
            table.add_row(Text("[red]", style="bold"), "3", key="b")
        await pilot.pause()
        for table in app.query(TextTable):
            shown = [table.render_line(y).text for y in range(3)]
            assert "[/]标题" in shown[0] and "[/][b]楼道" in shown[1] and ":ok:" in shown[1]
            assert "[red]" in shown[2]
            table.update_cell("b", "n", "[/i]")
        await pilot.pause()
        for table in app.query(TextTable):
            assert "[/i]" in table.render_line(2).text
    assert app.return_code in (0, None)


def test_a_str_cell_is_made_the_text_textual_would_make_without_its_markup() -> None:
    """Cut at the lines the row shows, wrapped unless the row is one line high."""
    from meeting_tui.tui.widgets.text_table import as_text

    one = as_text("[/]第一行\n第二行", 1)
    assert (one.plain, one.no_wrap) == ("[/]第一行", True)
    two = as_text("[/]第一行\n第二行\n第三行", 2)
    assert (two.plain, two.no_wrap) == ("[/]第一行\n第二行", False)
    assert as_text("末尾\n", 1).plain == "末尾\n"  # as Textual: a last newline is kept
