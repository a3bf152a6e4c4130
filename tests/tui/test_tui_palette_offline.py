"""The command palette (every action under a namespaced Chinese title) and the offline promise."""

from __future__ import annotations

import inspect
import socket

from textual.command import CommandList, CommandPalette

from meeting_tui import i18n
from meeting_tui.demo import LIVE_ID
from meeting_tui.domain import MotionState, VoteMethod
from meeting_tui.tui.dialogs.confirm import ConfirmDialog
from meeting_tui.tui.keymap import SESSION_KEYS
from meeting_tui.tui.screens.session import SessionScreen


async def _hits(pilot) -> list[str]:
    """The palette's current hits (titles), once the search has produced them."""
    command_list = pilot.app.screen.query_one(CommandList)
    for _ in range(100):
        await pilot.pause(0.02)
        if command_list.option_count:
            break
    return [
        str(command_list.get_option_at_index(i).prompt).split("\n")[0]
        for i in range(command_list.option_count)
    ]


async def test_ctrl_p_finds_namespaced_titles_and_runs_them(
    make, stored, stored_events, ui
) -> None:
    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await ui.type_text(pilot, "表决")
        hits = await _hits(pilot)
        assert "表决: 无异议通过" in hits
        assert "表决: 表决" in hits
        await ui.type_text(pilot, ": 无异议")
        hits = await _hits(pilot)
        assert hits[0] == "表决: 无异议通过"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert ui.text_of(app.screen.query_one("#question")) == "事项 2 无异议通过（赞成 38）？"
        await pilot.press("y")
        assert isinstance(app.screen, SessionScreen)
        assert ui.rows(app)[0][3:] == ["通过", "38", "0", "0"]
    assert [e.kind.value for e in stored_events()[before:]] == ["vote_recorded"]
    v = stored().motions["m2"].vote
    assert v is not None and v.method is VoteMethod.ACCLAMATION


async def test_every_action_has_a_palette_command_under_its_group(make) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        commands = {cmd.title: cmd for cmd in app.get_system_commands(screen)}
        for k in SESSION_KEYS:
            if k.action == "quit":
                continue
            title = f"{i18n.t(k.group)}: {i18n.t(k.description)}"
            assert title in commands, title
            assert title.startswith(i18n.t(k.group) + ": ")
        # A palette command runs the same action as its key (the palette awaits what it returns).
        for title in ("视图: 全部事项", "视图: 暂缓/待落实"):
            result = commands[title].callback()
            if inspect.isawaitable(result):
                await result
        await pilot.pause()
        assert screen.show_all and screen.lists_open


async def test_a_short_session_never_opens_a_network_connection(
    make, stored, stored_events, ui, monkeypatch
) -> None:
    calls: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        calls.append(args)
        raise OSError("the network is not to be used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)

    before = len(stored_events())
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await ui.type_text(pilot, "在西门空地增设健身器材")
        await pilot.press("enter")
        await pilot.press("v", "5", "tab", "2", "0", "tab", "3", "enter")
        assert ui.rows(app)[-1][3:] == ["未通过", "5", "20", "3"]
        await pilot.press("d")
        await ui.type_text(pilot, "空地需留作消防通道")
        await pilot.press("tab")
        await ui.type_text(pilot, "社区工作人员")
        await pilot.press("enter")
        assert ui.rows(app)[-1][3] == "暂缓"
        await pilot.press("u", "y")
        assert ui.rows(app)[-1][3] == "未通过"
        await pilot.press("q")
    assert app.return_code == 0
    assert calls == []
    kinds = [e.kind.value for e in stored_events(LIVE_ID)[before:]]
    assert kinds == ["motion_raised", "vote_recorded", "motion_deferred", "undone"]
    m = stored().motions["m3"]
    assert m.state is MotionState.REJECTED and m.deferral is None
