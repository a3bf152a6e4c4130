"""The floor (发言): the speakers' queue of a motion or agenda item, and the 南塘 order rules.

The queue of each matter is kept apart (一时一件: one matter at a time), so a
speaker registered for motion 3 never waits in front of motion 4's. The order
a new speaker takes is decided by the command and stored in its event (a
stored verdict keeps its stored reason): a point of order (程序问题) goes to
the top, people who have not yet spoken on this matter go before those who
have (机会均等), repeat speakers go last. Which waiting speaker to call next
is a suggestion that alternates sides when the next ones allow it (立场明确,
正反交替); the chair may call someone else, and that override is an event.

Speaking time is taken from event timestamps, never from a running counter,
so a laptop that dies mid-speech comes back with the speech still running
from the moment it began.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # model.py imports this module: Party only for the annotations
    from meeting_tui.domain.model import Party

DEFAULT_SPEECH_LIMIT_S = 120
"""限时: two minutes a speech, as 南塘十三条 and most community rules set it."""
DEFAULT_SPEECHES_PER_PERSON = 2
"""限次: two speeches per person per matter."""


class Stance(StrEnum):
    FOR = "for"  # 赞成
    AGAINST = "against"  # 反对
    QUESTION = "question"  # 提问
    OTHER = "other"  # 其他


class SpeechState(StrEnum):
    WAITING = "waiting"  # 等待发言
    SPEAKING = "speaking"  # 发言中
    PAUSED = "paused"  # 暂停
    DONE = "done"  # 已发言
    REMOVED = "removed"  # 已取消


# The order tiers: a point of order first, then first-time speakers, then repeat speakers.
POINT_OF_ORDER, FIRST_TIME, REPEAT = 0, 1, 2


def person_key(name: str) -> str:
    """One person's identity on the floor: the name as typed, without spaces (王 小明 = 王小明)."""
    return "".join(name.split())


@dataclass
class Speech:
    """One speaker's turn on a matter: who, for or against, waiting or speaking, and the time taken."""

    id: str
    name: str
    party: Party
    stance: Stance
    subject: str  # the motion id, or the agenda item id when no motion was selected
    added_at: str
    point_of_order: bool = False
    nth: int = 1  # this person's nth speech on this matter, counted when registered
    cap: int | None = None  # the per-person cap in force when registered
    state: SpeechState = SpeechState.WAITING
    started_at: str = ""
    ended_at: str = ""
    spoken_s: int = 0  # closed intervals; the running one is added by `spoken(now)`
    running_since: datetime | None = None
    limit_s: int | None = None  # the time limit in force when the speech began
    note: str = ""
    passed_over: str = ""  # the suggested speaker's id, when the chair gave this one the floor

    @property
    def tier(self) -> int:
        if self.point_of_order:
            return POINT_OF_ORDER
        return FIRST_TIME if self.nth == 1 else REPEAT

    @property
    def over_cap(self) -> bool:
        """More speeches than the cap allows: warned when registered, noted in the minutes."""
        return self.cap is not None and self.nth > self.cap

    @property
    def has_spoken(self) -> bool:
        return self.state in (SpeechState.SPEAKING, SpeechState.PAUSED, SpeechState.DONE)

    def spoken(self, now: datetime | None = None) -> int:
        """Seconds spoken: closed intervals plus the running one up to `now`."""
        if self.running_since is None or now is None:
            return self.spoken_s
        return self.spoken_s + max(0, int((now - self.running_since).total_seconds()))

    def remaining(self, now: datetime | None = None) -> int | None:
        """Seconds left of the limit (negative once over); None when there is no limit."""
        return None if self.limit_s is None else self.limit_s - self.spoken(now)

    def overrun(self, now: datetime | None = None) -> bool:
        return self.limit_s is not None and self.spoken(now) > self.limit_s


@dataclass
class ChairHandover:
    """主持中立: the facilitator hands the chair over (to speak, say) and takes it back."""

    to: str
    at: str
    reason: str = ""
    back_at: str = ""


@dataclass
class Floor:
    """The floor: every speech, each matter's queue, the limits, and the chair's handovers."""

    speeches: dict[str, Speech] = field(default_factory=dict)
    # Per matter, the waiting speakers' ids in the order they will be called.
    queues: dict[str, list[str]] = field(default_factory=dict)
    speech_limit_s: int | None = DEFAULT_SPEECH_LIMIT_S
    speeches_per_person: int | None = DEFAULT_SPEECHES_PER_PERSON
    handovers: list[ChairHandover] = field(default_factory=list)

    @property
    def current(self) -> Speech | None:
        """The speech holding the floor (speaking or paused): at most one in the meeting."""
        return next(
            (
                s
                for s in self.speeches.values()
                if s.state in (SpeechState.SPEAKING, SpeechState.PAUSED)
            ),
            None,
        )

    @property
    def chair_deputy(self) -> str:
        """Who chairs in the facilitator's place now, or "" when the facilitator chairs."""
        last = self.handovers[-1] if self.handovers else None
        return last.to if last is not None and not last.back_at else ""

    def waiting(self, subject: str) -> list[Speech]:
        return [self.speeches[i] for i in self.queues.get(subject, [])]

    def spoken_on(self, subject: str) -> list[Speech]:
        """The speeches given (or being given) on a matter, in the order they began."""
        given = [s for s in self.speeches.values() if s.subject == subject and s.has_spoken]
        return sorted(given, key=lambda s: (s.started_at, int(s.id.lstrip("s") or 0)))

    def speeches_by(self, subject: str, name: str) -> list[Speech]:
        """A person's speeches on a matter, waiting ones included, removed ones not."""
        key = person_key(name)
        return [
            s
            for s in self.speeches.values()
            if s.subject == subject
            and person_key(s.name) == key
            and s.state is not SpeechState.REMOVED
        ]

    def subjects(self) -> list[str]:
        """Every matter that had a queue, in the order its first speaker registered."""
        return list(dict.fromkeys(s.subject for s in self.speeches.values()))


def position_for(floor: Floor, subject: str, tier: int) -> int:
    """Where a new speaker of `tier` joins the queue: after every waiting one of the same or a
    higher tier, so points of order stay on top and first-timers before repeat speakers."""
    position = 0
    for n, waiting in enumerate(floor.waiting(subject), start=1):
        if waiting.tier <= tier:
            position = n
    return position


_OPPOSITE = {Stance.FOR: Stance.AGAINST, Stance.AGAINST: Stance.FOR}


def suggest_next(floor: Floor, subject: str) -> Speech | None:
    """The speaker to call next on `subject`: the head of the queue, unless the head takes the
    same side as the last speaker and someone of the same tier right behind takes the other."""
    queue = floor.waiting(subject)
    if not queue:
        return None
    head = queue[0]
    given = floor.spoken_on(subject)
    last = given[-1].stance if given else None
    if head.point_of_order or last not in _OPPOSITE or head.stance is not last:
        return head
    for other in queue[1:]:
        if other.tier != head.tier:
            break  # alternating never lets a repeat speaker pass a first-timer
        if other.stance is _OPPOSITE[last]:
            return other
    return head


def last_speech(floor: Floor) -> Speech | None:
    """The speech a summary is for: the one holding the floor, else the one that ended last."""
    current = floor.current
    if current is not None:
        return current
    done = [s for s in floor.speeches.values() if s.state is SpeechState.DONE]
    return max(done, key=lambda s: (s.ended_at, int(s.id.lstrip("s") or 0)), default=None)
