"""One table of the session screen's keys: footer, help screen and command palette come from it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from textual import events
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen

from meeting_tui import i18n
from meeting_tui.tui.line_compositor import LineCompositor


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
    # The floor (session_floor.py): the speakers' queue of the matter in discussion.
    Key("h", "add_speaker", "key.add_speaker", "group.floor", show=False),
    Key("k", "next_speaker", "key.next_speaker", "group.floor", show=False),
    Key("j", "pause_speaker", "key.pause_speaker", "group.floor", show=False),
    Key("K", "end_speaker", "key.end_speaker", "group.floor", show=False),
    Key("z", "speech_note", "key.speech_note", "group.floor", show=False),
    Key("F", "floor_queue", "key.floor_queue", "group.floor", show=False),
    Key("c", "chair", "key.chair", "group.floor", show=False),
    Key("L", "floor_limits", "key.floor_limits", "group.floor", show=False),
    Key("escape", "archive", "key.back", "group.view", show=False, display="esc"),
    Key("question_mark", "help", "key.help", "group.view", display="?"),
    Key("f1", "help", "key.help", "group.view", show=False),
)


# Bound after SESSION_KEYS: on a closed meeting the session's recording keys (and x, m,
# p) are disabled, so these answer for them — the footer shows what still applies, and every
# recording key says why it does nothing. Textual runs the first enabled binding of a key, so
# this fall-through needs no private API. What Textual 8.2.8's keymap cannot express: a
# `set_keymap` that moves one of these keys (say "session.vote" to z) drops every binding
# on the old key, the refusal below included, and moves only the one named; so after such a
# remap z on a closed meeting does nothing instead of saying why, unless the keymap also
# names "session.closed.refuse_closed" with the moved keys.
CLOSED_KEYS: tuple[Key, ...] = (
    Key("x", "when_closed('reopen')", "key.reopen", "group.meeting"),
    Key("m", "when_closed('minutes')", "key.minutes", "group.meeting"),
    Key("p", "when_closed('publish')", "key.publish", "group.meeting"),
    Key(
        "n,e,r,v,y,V,d,w,o,f,a,u,left_square_bracket,right_square_bracket,right_curly_bracket,t,i,g,"
        "h,k,j,K,z,F,c,L",
        "refuse_closed",
        "key.reopen",
        "group.meeting",
        show=False,
    ),
)


# As Textual types `BINDINGS` (a list is invariant: a list[Binding] would not do).
Bindings = list[Binding | tuple[str, str] | tuple[str, str, str]]


def shown_key(k: Key) -> str:
    return k.display or k.key


def bindings(keys: tuple[Key, ...], prefix: str) -> Bindings:
    """A key table as a screen class's `BINDINGS`: ids `prefix.action`, words as catalogue keys.

    The id lets `App.set_keymap({"session.vote": "z"})` move a key (Textual's
    public keymap). The description and tooltip are catalogue keys, put into
    the language of the moment by `KeyedScreen.active_bindings`.
    """
    table: Bindings = [
        Binding(
            k.key,
            k.action,
            k.footer or k.description,
            show=k.show,
            key_display=k.display or None,
            tooltip=k.group,
            id=f"{prefix}.{k.action}",
            priority=k.priority,
        )
        for k in keys
    ]
    _WORDED.update(b.id for b in table if isinstance(b, Binding) and b.id)
    return table


_WORDED: set[str] = set()  # the ids made by `bindings`: their words are catalogue keys


class KeyedScreen(Screen[None]):
    """A screen whose `BINDINGS` come from `bindings()`: the footer and help read them in words.

    Textual reads `BINDINGS` once, when the class is made, and shows each
    binding's description as it was written there; the language is chosen
    later (`--lang`, or per test). So the words are looked up where Textual
    reads the active bindings (the footer, the key panel, our help screen),
    through this public property; the keys themselves stay Textual's.

    It paints with a `LineCompositor` (line_compositor.py): only the lines a frame
    shows, and no widget covered there.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._compositor = LineCompositor()
        self._frame_held = False  # a frame not made while the app started (below)
        self._shown_before = False  # resumed once: every later resume restyles (below)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return {key: _in_words(active) for key, active in super().active_bindings.items()}

    def _compositor_refresh(self) -> None:
        """Textual's, except a frame the app would drop while it starts is not made at all.

        Textual mounts the first screen inside its start-up `batch_update`, and the frame
        the screen's first layout pass asks for is made and then dropped by `App._display`
        (a batch is open); the first frame on the terminal is made again after `Ready`.
        Making it once saves the whole screen's first render (14 ms of a cold `open`,
        30 ms of the start screen with 5,000 meetings). The app draws the screen whole
        once it is ready (`GuardedApp.draw_held_frame`). Textual 8.2.8, pinned.
        """
        app = self.app
        if app._batch_count and getattr(app, "starting", False) and self is app.screen:
            self._frame_held = True
            return
        super()._compositor_refresh()

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first time the screen is shown, Textual's handler (run after this one) does not
        restyle every widget of it: each was styled a moment before, as it was mounted, and
        the focus's restyle of the widget it went to was made as it went. That second pass
        was a third of the stylesheet's work before `open`'s first frame (about 6 ms); a
        screen shown again (a dialog closed over it, the theme changed meanwhile) is
        restyled as Textual does. Textual 8.2.8, pinned."""
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False


def _in_words(active: ActiveBinding) -> ActiveBinding:
    binding = active.binding
    if binding.id not in _WORDED:
        return active  # Textual's own (tab, ctrl+p) or a widget's
    lang = i18n.current_language()
    kept = _WORDED_COPIES.get(id(binding))
    if kept is not None and kept[0] is binding and kept[1] == lang:
        worded = kept[2]
    else:
        worded = replace(
            binding, description=i18n.t(binding.description), tooltip=i18n.t(binding.tooltip)
        )
        _WORDED_COPIES[id(binding)] = (binding, lang, worded)
    return active._replace(binding=worded, tooltip=worded.tooltip)


# Each binding's copy in words, per language: the footer reads the active bindings as
# the focus moves, and making the copies again was half of each read (in process, 500
# motions: 0.51 → 0.24–0.34 ms). Keyed by the binding's id, which the entry keeps alive;
# a keymap's new binding is a new entry.
_WORDED_COPIES: dict[int, tuple[Binding, str, Binding]] = {}
