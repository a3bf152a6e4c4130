"""The floor in one line under the motions: who speaks, who is next, who waits, who chairs.

One line, so at 80×24 the motion table and the vote panel keep their room;
shown only once the matter has a queue (or someone holds the floor). It is
redrawn when a step is stored, never by the clock: the countdown lives in the
header (`HeaderBar.show_floor`), whose own cell alone changes every second.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from meeting_tui import i18n
from meeting_tui.domain import MeetingState, label
from meeting_tui.domain.floor import Speech, SpeechState, suggest_next


def subject_name(state: MeetingState, subject: str) -> str:
    """事项 3 / 议题「开场说明」: the matter a queue belongs to, as the strip and forms name it."""
    motion = state.motions.get(subject)
    if motion is not None:
        return i18n.t("floor.subject.motion", number=motion.number)
    item = state.find_item(subject)
    return i18n.t("floor.subject.item", title=item.title if item else subject)


def stance_label(speech: Speech) -> str:
    """赞成 / 反对 / 提问 / 其他, or 程序问题 for a point of order."""
    return i18n.t("floor.point_of_order") if speech.point_of_order else label(speech.stance)


def _who(speech: Speech) -> str:
    marks = ""
    if speech.point_of_order:
        marks = f"[{i18n.t('floor.strip.order')}]"
    elif speech.nth > 1:
        marks = f"[{i18n.t('floor.strip.repeat')}]"
    return f"{speech.name}{marks}"


def strip_text(state: MeetingState, subject: str | None) -> Text:
    floor = state.floor
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(i18n.t("floor.strip.label"), style="bold")
    if subject is not None:
        text.append(f" {subject_name(state, subject)}")
    current = floor.current
    if current is not None:
        mark = "⏸" if current.state is SpeechState.PAUSED else "▶"
        text.append(f" {mark} {current.name}（{stance_label(current)}）", style="bold")
    if floor.chair_deputy:  # before the queue: at 80 columns the queue's tail is what is cut
        text.append(f" · {i18n.t('floor.strip.chair', name=floor.chair_deputy)}")
    waiting = floor.waiting(subject) if subject else []
    if waiting:
        suggested = suggest_next(floor, subject) if subject else None
        others = [s for s in waiting if suggested is None or s.id != suggested.id]
        text.append(f" · {i18n.t('floor.strip.next')} ")
        if suggested is not None:
            text.append(f"{_who(suggested)}（{stance_label(suggested)}）", style="bold")
        if others:
            text.append(" · " + " · ".join(_who(s) for s in others))
        text.append(f" · {i18n.t('floor.strip.queue', n=len(waiting))}")
    elif current is None:
        text.append(f" · {i18n.t('floor.strip.empty')}")
    return text


def in_use(state: MeetingState, subject: str | None) -> bool:
    floor = state.floor
    return bool(
        floor.current is not None
        or floor.chair_deputy
        or (subject is not None and any(s.subject == subject for s in floor.speeches.values()))
    )


class FloorStrip(Static):
    def show(self, state: MeetingState, subject: str | None) -> None:
        shown = in_use(state, subject)
        self.set_class(shown, "-in-use")
        if shown:
            self.update(strip_text(state, subject), layout=False)  # one line, 1fr wide
