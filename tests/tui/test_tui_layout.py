"""What the chair sees at 80×24 and 120×40, read from the rendered screen (the 南苑 demo, in Chinese).

The motion text gets the width the other columns do not need; the selected
motion's whole text is in the vote panel and the vote dialog; the header keeps
the meeting's title and the footer keeps `q`; form labels are never cut.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from screen_reading import rendered_lines, rendered_region
from textual.widgets import Label

from meeting_tui import i18n
from meeting_tui.demo import LIVE_ID
from meeting_tui.domain import commands as c
from meeting_tui.store import open_archive
from meeting_tui.store.live import LiveMeeting
from meeting_tui.tui.dialogs.form import FormDialog
from meeting_tui.tui.dialogs.vote_form import VoteEntry
from meeting_tui.tui.keymap import SESSION_KEYS
from meeting_tui.tui.widgets.vote_panel import VotePanel

SIZES = [(80, 24), (120, 40)]
DRAFT = "20261205-prep"
GATE = "重新商议小区大门位置（现大门把小区和学校隔开）"


def squeezed(lines: list[str]) -> str:
    """Wrapped lines read as one text: line breaks and padding gone."""
    return "".join("".join(line.split()) for line in lines)


def motion_row(app, number: int) -> str:
    (row,) = [line for line in rendered_lines(app) if f"│{number} {GATE[:2]}" in line]
    return row


@pytest.mark.parametrize(("size", "at_least"), [((80, 24), 12), ((120, 40), 18)])
async def test_the_motion_text_takes_the_width_the_other_columns_leave(
    make, size, at_least
) -> None:
    app = make()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        row = motion_row(app, 2)
        shown = 0
        while shown < len(GATE) and GATE[shown] in row:
            shown += 1
        assert shown >= at_least, row
        # The other columns are as wide as their words, one gap apart; nothing is left over.
        (header,) = [line for line in rendered_lines(app) if "提议人" in line]
        assert "提议人 状态   赞 反 弃 │" in header, header
        column = cell_len(header[: header.index("提议人")])
        assert cell_len(row[: row.index("居民")]) == column, (header, row)


@pytest.mark.parametrize("size", SIZES)
async def test_the_vote_panel_shows_the_selected_motions_whole_text(make, size) -> None:
    app = make()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(VotePanel)
        assert GATE in squeezed(rendered_region(app, panel.content_region))


LONG = (
    "在小区东侧空地新建一处带顶棚的休息亭，供老年居民白天休息、下棋和聊天使用，"
    "同时配备饮水设施、无障碍坡道和夜间照明，由物业负责日常保洁与维护。"
)


async def test_a_long_text_never_pushes_the_verdict_out_of_the_panel(make, data_dir, clock) -> None:
    live = LiveMeeting.open(open_archive(data_dir), LIVE_ID, clock)
    live.execute(c.raise_motion(live.state, LONG, proposer="居民"))
    motion = max(live.state.motions.values(), key=lambda m: m.number)
    live.execute(c.record_vote(live.state, motion.id, 20, 10, 5))
    live.close()
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down")
        panel = app.screen.query_one(VotePanel)
        shown = squeezed(rendered_region(app, panel.content_region))
        assert "赞成20>反对10→通过" in shown, shown
        assert LONG in shown, shown


@pytest.mark.parametrize("size", SIZES)
async def test_the_vote_dialog_shows_the_motions_whole_text(make, size) -> None:
    app = make()
    async with app.run_test(size=size) as pilot:
        await pilot.press("v")
        await pilot.pause()
        box = app.screen.query_one(VoteEntry)
        assert box.is_open
        assert GATE in squeezed(rendered_region(app, box.content_region))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("lang", "quit_key"), [("zh", "q 退出"), ("en", "q quit")])
async def test_the_header_keeps_the_title_and_the_footer_keeps_quit(
    make, size, lang, quit_key
) -> None:
    app = make(lang=lang)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        lines = rendered_lines(app)
        assert lines[0].startswith(" 电大家属院老旧小区改造 民主"), lines[0]
        assert "已进行" in lines[0] or "running" in lines[0]
        if size[0] == 80:
            assert "…" in lines[0], lines[0]  # shortened, not wrapped away
        assert quit_key in lines[-1], lines[-1]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_narrow_footer_shows_every_main_key_whole(make, lang) -> None:
    """At 80×24 the footer's main keys fit before ^p, none cut, none hidden under it."""
    app = make(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = rendered_lines(app)[-1]
        words = {k.key: i18n.t(k.footer or k.description, lang) for k in SESSION_KEYS if k.show}
        for key, word in words.items():
            shown = next(k.display or k.key for k in SESSION_KEYS if k.key == key)
            assert f"{shown} {word}" in footer, footer
        assert footer.rstrip().endswith(f"^p {i18n.t('key.palette', lang)}"), footer


@pytest.fixture
def draft(data_dir: Path, clock) -> str:
    """A meeting being prepared (the setup screen's `m` opens its longest form)."""
    drafts = c.create_meeting(DRAFT, "南苑社区 十二月议事会", "bench", community="南苑社区")
    LiveMeeting.create(open_archive(data_dir), DRAFT, drafts, clock).close()
    return DRAFT


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("meeting", "key", "longest"),
    [
        (LIVE_ID, "n", "提议人（可只写姓氏，如 李姓居民）"),
        (DRAFT, "m", "计划时间（如 2026-12-05 14:30）"),
    ],
)
async def test_form_labels_are_never_cut(make, draft, size, meeting, key, longest) -> None:
    app = make(meeting)
    async with app.run_test(size=size) as pilot:
        await pilot.press(key)
        assert isinstance(app.screen, FormDialog)
        labels = [str(label.render()) for label in app.screen.query(Label)]
        assert longest in labels
        shown = rendered_lines(app)
        for text in labels:
            assert any(text in line for line in shown), (text, shown)


async def test_the_hidden_agenda_pane_is_not_written_out_and_shows_the_agenda_when_widened(
    make, ui
) -> None:
    """At 80 columns the strip shows the active item; widened, the pane shows the agenda as it is."""
    from meeting_tui.tui.widgets.agenda_pane import AgendaPane

    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(AgendaPane)
        assert pane.styles.display == "none"
        drawn: list[object] = []
        draw = pane._draw
        pane._draw = lambda text: (drawn.append(text), draw(text))  # type: ignore[method-assign]
        await pilot.press("]")  # the next item: the strip says so, the pane is not drawn
        await pilot.pause(1.2)  # and a tick of the clock
        assert drawn == []
        assert "议题 4/8" in ui.text_of(app.screen.query_one("AgendaStrip"))
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert pane.styles.display != "none"
        active = [line for line in pane.text.plain.splitlines() if line.startswith("▶")]
        assert active and active[0].split()[1] == "4", pane.text.plain
