"""A 南苑-style debate on burying the wiring, played through the floor's commands.

Six people speak on motion m1: a resident by full name (李建国, twice), 王姓居民
(twice, the first time over the two-minute limit), 张书记 with a question,
赵姓居民 with a point of order raised while 张书记 speaks, the contractor's
陈经理, and the facilitator 刘主任, who hands the chair to 周书记 first and
takes it back after. Then a show of hands passes the motion.

`do(command, *args, seconds=n, **kw)` runs a command `n` seconds after the
previous step: a domain Session and a LiveMeeting with a test clock both fit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from meeting_tui.domain import commands as c
from meeting_tui.domain.model import MeetingState

Do = Callable[..., Any]

# (name, stance, seconds spoken, summary) in the order the floor was given.
SPOKEN = (
    ("李建国", "赞成", 90, "支持入地，飞线太危险"),
    ("王姓居民", "反对", 140, "担心施工期间停电停水"),
    ("赵姓居民", "程序问题", 20, "请先说明施工周期"),
    ("陈经理", "其他", 70, "工期三个月，分楼施工"),
    ("张书记", "提问", 50, "资金来源是否落实"),
    ("李建国", "赞成", 40, "同意分楼施工"),
    ("王姓居民", "反对", 60, "希望错开考试期间"),
    ("刘主任", "其他", 30, "说明资金已落实"),
)


def debate(do: Do, state: Callable[[], MeetingState], motion_id: str = "m1") -> None:
    """Register, call and end each speech as a chair at the meeting would, then vote."""
    on = {"motion_id": motion_id}
    notes = iter(summary for _, _, _, summary in SPOKEN)
    times = iter(seconds for _, _, seconds, _ in SPOKEN)

    def speak(speaker_id: str | None = None) -> None:
        if speaker_id is None:
            do(c.start_speaker, seconds=5, **on)
        else:
            do(c.start_speaker, speaker_id, seconds=5)
        do(c.note_speech, next(notes), seconds=next(times))
        do(c.end_speaker, seconds=0)

    do(c.add_speaker, "李建国", "resident", "for", seconds=5, **on)
    do(c.add_speaker, "王姓居民", "resident", "against", seconds=5, **on)
    do(c.add_speaker, "张书记", "staff", "question", seconds=5, **on)
    speak()  # 李建国
    do(c.add_speaker, "李建国", "resident", "for", seconds=5, **on)  # repeat: goes last
    do(c.add_speaker, "陈经理", "contractor", "other", seconds=5, **on)  # before the repeat
    speak()  # 王姓居民, over the two-minute limit
    do(c.add_speaker, "赵姓居民", "resident", "other", seconds=5, point_of_order=True, **on)
    speak()  # 赵姓居民: the point of order went to the top
    do(c.add_speaker, "王姓居民", "resident", "against", seconds=5, **on)  # repeat
    chen = next(s for s in state().floor.waiting(motion_id) if s.name == "陈经理")
    speak(chen.id)  # the chair calls the contractor before 张书记: an override on record
    speak()  # 张书记
    speak()  # 李建国, second time
    speak()  # 王姓居民, second time
    do(c.hand_over_chair, "周书记", "主持人发言", seconds=5)
    do(c.add_speaker, "刘主任", "staff", "other", seconds=5, **on)
    speak()  # 刘主任, from the floor
    do(c.take_back_chair, seconds=5)
    do(c.record_vote, motion_id, 30, 5, 3, seconds=20)
