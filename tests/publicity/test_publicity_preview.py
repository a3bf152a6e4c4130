"""The publish preview at 80×24: the page's text with names marked, and a flip recorded as an event.

The closed 南苑 demo meeting, opened in the app on a real archive folder; what
is asserted is what the screen shows and what lands in the meeting's file.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from textual.widgets import OptionList, Static

from meeting_tui.demo import CLOSED_ID, LIVE_ID
from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.factory import make_app
from meeting_tui.tui.screens.publish import PublishScreen
from meeting_tui.tui.screens.publish_preview import PublishPreviewScreen

BASE = "https://example.org/gs"


def _name_events(data: Path, meeting_id: str) -> list[dict[str, object]]:
    raw = json.loads(open_archive(data).meeting_path(meeting_id).read_text(encoding="utf-8"))
    return [e for e in raw["events"].values() if e["kind"] == "name_choice_set"]


def _named_proposer(data: Path) -> None:
    """Give the demo's first motion a proposer with a full name, as a real meeting has."""
    live = LiveMeeting.open(open_archive(data), CLOSED_ID)
    try:
        live.execute(c.reopen_meeting(live.state, "补记提议人姓名"))
        live.execute(c.edit_motion(live.state, "m1", proposer="李建国"))
        live.execute(c.close_meeting(live.state))
    finally:
        live.close()


def test_preview_marks_names_and_a_flip_is_recorded(demo_data: Path, tmp_path: Path) -> None:
    _named_proposer(demo_data)

    async def scenario() -> None:
        app = make_app(CLOSED_ID, data_dir=demo_data, config_path=tmp_path / "config.toml")
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.live is not None
            app.push_screen(PublishScreen(app.live, base_url=BASE, out_dir=tmp_path / "out"))
            await pilot.pause()
            await pilot.press("v")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, PublishPreviewScreen)
            body = screen.query_one("#page-body", Static).render()
            text = str(body)
            assert "电线入地改造" in text and "李某" in text and "李建国" not in text
            marked = {text[s.start : s.end] for s in body.spans if getattr(s.style, "reverse", 0)}
            assert "李某" in marked and "施工方" not in marked  # kept names are not reversed
            options = screen.query_one("#names", OptionList)
            labels = [
                str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
            ]
            assert any("李建国 → 李某" in label for label in labels), labels
            assert any("施工方" in label for label in labels), labels  # kept, and says so
            options.highlighted = next(i for i, lb in enumerate(labels) if "李建国" in lb)
            await pilot.press("space")
            await pilot.pause()
            assert "李建国" in str(screen.query_one("#page-body", Static).render())
            assert _name_events(demo_data, CLOSED_ID)[-1]["payload"] == {
                "name": "李建国",
                "shown": True,
            }
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, PublishScreen)

    asyncio.run(scenario())


def test_the_motion_form_offers_the_proposer_opt_in(demo_data: Path, tmp_path: Path) -> None:
    async def scenario() -> None:
        app = make_app(LIVE_ID, data_dir=demo_data, config_path=tmp_path / "config.toml")
        async with app.run_test(size=(80, 24)) as pilot:
            assert app.live is not None
            await pilot.press("n")
            await pilot.pause()
            form = app.screen
            field = form.query_one("#f-show_proposer_name")
            assert field is not None
            await pilot.press(*"加装路灯")
            for _ in range(6):  # text → proposer → party → category → cost → note → opt-in
                await pilot.press("tab")
            await pilot.press("right")  # 是，本人已同意
            await pilot.press("shift+tab", "enter")  # back to the note line, and confirm
            await pilot.pause()
            newest = max(app.live.state.motions.values(), key=lambda m: m.number)
            assert newest.text == "加装路灯" and newest.show_proposer_name

    asyncio.run(scenario())


def _open_preview(size: tuple[int, int]):
    async def run_before(pilot) -> None:
        app = pilot.app
        app.push_screen(PublishScreen(app.live, base_url=BASE))
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, PublishPreviewScreen)

    return run_before


def test_preview_80x24(make, snap_compare) -> None:
    assert snap_compare(make(CLOSED_ID), terminal_size=(80, 24), run_before=_open_preview((80, 24)))


def test_preview_120x40(make, snap_compare) -> None:
    assert snap_compare(
        make(CLOSED_ID), terminal_size=(120, 40), run_before=_open_preview((120, 40))
    )


def test_a_name_with_markup_is_shown_as_typed(demo_data: Path, tmp_path: Path) -> None:
    live = LiveMeeting.open(open_archive(demo_data), CLOSED_ID)
    try:
        live.execute(c.reopen_meeting(live.state, "补记"))
        live.execute(c.edit_motion(live.state, "m1", proposer="[b]王五[/b]"))
        live.execute(c.close_meeting(live.state))
    finally:
        live.close()

    async def scenario() -> None:
        app = make_app(CLOSED_ID, data_dir=demo_data, config_path=tmp_path / "config.toml")
        async with app.run_test(size=(80, 24)) as pilot:
            app.push_screen(PublishScreen(app.live, base_url=BASE, out_dir=tmp_path / "out"))
            await pilot.pause()
            await pilot.press("v")
            await pilot.pause()
            options = app.screen.query_one("#names", OptionList)
            labels = [
                str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
            ]
            assert any(label.startswith("[b]王五[/b] → [某") for label in labels), labels

    asyncio.run(scenario())
