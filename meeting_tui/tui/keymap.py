"""One table of the session screen's keys: footer, help screen and command palette come from it."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from meeting_tui import i18n


@dataclass(frozen=True)
class Key:
    key: str
    action: str
    description: str  # i18n key
    group: str  # i18n key of the palette namespace
    show: bool = True
    display: str = ""
    priority: bool = False  # before the focused widget's own keys (an Input's ctrl+x)
    footer: str = (
        ""  # i18n key of a shorter word for the footer (help and palette keep `description`)
    )


SESSION_KEYS: tuple[Key, ...] = (
    Key("n", "new_motion", "key.new_motion", "group.motion", footer="footer.new_motion"),
    Key("e", "edit_motion", "key.edit_motion", "group.motion", show=False),
    Key("r", "respond", "key.respond", "group.motion", show=False),
    Key("v", "vote", "key.vote", "group.vote"),
    Key("y", "acclaim", "key.acclaim", "group.vote", footer="footer.acclaim"),
    Key("V", "voting", "key.voting", "group.vote", show=False),
    Key("d", "defer", "key.defer", "group.motion"),
    Key("w", "withdraw", "key.withdraw", "group.motion", show=False),
    Key("o", "answered", "key.answered", "group.motion", show=False),
    Key("f", "followup", "key.followup", "group.motion", show=False),
    Key("u", "undo", "key.undo", "group.meeting"),
    # `q` before `]` and `?`: a narrow footer cuts from the right, and quitting must stay in view.
    Key("q", "quit", "key.quit", "group.meeting"),
    Key(
        "left_square_bracket", "prev_item", "key.prev_item", "group.agenda", show=False, display="["
    ),
    Key(
        "right_square_bracket",
        "next_item",
        "key.next_item",
        "group.agenda",
        display="]",
        footer="footer.next_item",
    ),
    Key("t", "timer", "key.timer", "group.agenda", show=False),
    Key("i", "add_agenda_item", "key.add_agenda_item", "group.agenda", show=False),
    Key(
        "right_curly_bracket", "skip_item", "key.skip_item", "group.agenda", show=False, display="}"
    ),
    Key("g", "agenda", "key.agenda", "group.agenda", show=False),
    Key("a", "attendance", "key.attendance", "group.meeting", show=False),
    Key("x", "close_meeting", "key.close_meeting", "group.meeting", show=False),
    Key("m", "minutes", "key.minutes", "group.meeting", show=False),
    Key("p", "publish", "key.publish", "group.meeting", show=False),
    Key("l", "all_motions", "key.all_motions", "group.view", show=False),
    Key("b", "lists", "key.lists", "group.view", show=False),
    Key("P", "present", "key.present", "group.view", show=False),
    Key("s", "retry", "key.retry", "group.meeting", show=False),
    Key("ctrl+t", "cycle_theme", "key.theme", "group.view", show=False),
    Key("escape", "archive", "key.back", "group.view", show=False, display="esc"),
    Key("question_mark", "help", "key.help", "group.view", display="?"),
    Key("f1", "help", "key.help", "group.view", show=False),
)


# Installed after SESSION_KEYS: on a closed meeting the session's recording keys (and x, m,
# p) are disabled, so these answer for them — the footer shows what still applies, and every
# recording key says why it does nothing.
CLOSED_KEYS: tuple[Key, ...] = (
    Key("x", "when_closed('reopen')", "key.reopen", "group.meeting"),
    Key("m", "when_closed('minutes')", "key.minutes", "group.meeting"),
    Key("p", "when_closed('publish')", "key.publish", "group.meeting"),
    Key(
        "n,e,r,v,y,V,d,w,o,f,a,u,left_square_bracket,right_square_bracket,right_curly_bracket,t,i,g",
        "refuse_closed",
        "key.reopen",
        "group.meeting",
        show=False,
    ),
)


def shown_key(k: Key) -> str:
    return k.display or k.key


def install(node: DOMNode, keys: tuple[Key, ...], prefix: str) -> None:
    """Give a screen its keys in the current language (descriptions are read at creation)."""
    table = [
        Binding(
            k.key,
            k.action,
            i18n.t(k.footer or k.description),
            show=k.show,
            key_display=k.display or None,
            tooltip=i18n.t(k.group),
            id=f"{prefix}.{k.action}",
            priority=k.priority,
        )
        for k in keys
    ]
    node._bindings = BindingsMap.merge([node._bindings, BindingsMap(table)])
