"""The meeting as it stands: plain dataclasses built by `fold(events)`.

Nothing here does I/O or knows about screens. State objects are rebuilt from
the event log, so every field is derived from events and nothing is stored
twice; equality ignores log bookkeeping (`last_seq`, `history`) so that a
state reached by undo compares equal to the state before the undone step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from meeting_tui.domain.events import Event
from meeting_tui.domain.floor import Floor
from meeting_tui.domain.outcome import RuleOutcome

MICRO_PROJECT_LIMIT_YUAN = 100_000
"""民生微实事: each micro-project costs under 100,000 yuan; at or above it we warn."""


class MeetingKind(StrEnum):
    BENCH = "bench"  # 板凳会
    ROUNDTABLE = "roundtable"  # 圆桌会
    COUNCIL = "council"  # 议事会
    TRIPARTITE = "tripartite"  # 三方协商
    JOINT = "joint"  # 联席会议
    OTHER = "other"


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    IN_SESSION = "in_session"
    CLOSED = "closed"


class Party(StrEnum):
    RESIDENT = "resident"  # 居民/居民代表
    STAFF = "staff"  # 社区工作人员
    PROPERTY = "property"  # 物业
    CONTRACTOR = "contractor"  # 施工方
    CPPCC = "cppcc"  # 政协委员
    GOVERNMENT = "government"  # 政府部门
    UNIT = "unit"  # 驻社区单位
    OTHER = "other"


class ItemState(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    DONE = "done"
    SKIPPED = "skipped"


class MotionState(StrEnum):
    RAISED = "raised"  # 待表决
    PASSED = "passed"  # 通过
    REJECTED = "rejected"  # 未通过
    DEFERRED = "deferred"  # 暂缓
    WITHDRAWN = "withdrawn"  # 撤回
    ANSWERED = "answered"  # 已答复

    @property
    def decided(self) -> bool:
        """A vote gave this state: another vote needs an explicit recount."""
        return self in (MotionState.PASSED, MotionState.REJECTED)


class VoteMethod(StrEnum):
    HANDS = "hands"  # 举手
    ACCLAMATION = "acclamation"  # 无异议
    STANDING = "standing"  # 起立
    PAPER = "paper"  # 书面


class DecisionRule(StrEnum):
    SIMPLE_MAJORITY = "simple_majority"  # 赞成 > 反对
    MAJORITY_OF_PRESENT = "majority_of_present"  # 赞成 > 出席/2
    TWO_THIRDS = "two_thirds"  # 赞成 ≥ 出席×2/3
    CONSENSUS = "consensus"  # 无人反对


class QuorumPolicy(StrEnum):
    REFUSE = "refuse"
    WARN = "warn"


class Category(StrEnum):
    """The five 民生微实事 categories, and other."""

    SAFETY = "safety"  # 消除安全隐患
    ENVIRONMENT = "environment"  # 社区环境整治
    CULTURE = "culture"  # 文化体育娱乐
    GOVERNANCE = "governance"  # 社区治理营造
    CARE = "care"  # 居民关爱公益
    OTHER = "other"


@dataclass(frozen=True)
class Origin:
    """Where a motion or agenda item came from when pulled off the backlog.

    Its identity is the meeting and motion ids (the backlog matches on them);
    the rest is what the earlier meeting said, copied when the deferral was
    pulled, so the minutes can tell its story without opening another file.
    """

    meeting_id: str
    motion_id: str
    meeting_title: str = field(default="", compare=False)
    meeting_date: str = field(default="", compare=False)
    number: int = field(default=0, compare=False)
    vote: tuple[int, int, int] | None = field(default=None, compare=False)  # for, against, abstain
    state: str = field(default="", compare=False)  # MotionState code there, e.g. "deferred"

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"meeting_id": self.meeting_id, "motion_id": self.motion_id}
        if self.meeting_title or self.number:
            out |= {
                "meeting_title": self.meeting_title,
                "meeting_date": self.meeting_date,
                "number": self.number,
                "vote": None if self.vote is None else list(self.vote),
                "state": self.state,
            }
        return out


@dataclass
class Vote:
    """One show of hands on a motion, as recorded: the counts, who could vote, the rule and its verdict."""

    seq: int
    at: str
    method: VoteMethod
    in_favour: int
    against: int
    abstain: int
    eligible_present: int
    rule: DecisionRule
    quorum: int | None
    quorum_met: bool
    passed: bool
    outcome: RuleOutcome  # the verdict and its reason as recorded, never worked out again
    superseded: bool = False

    @property
    def cast(self) -> int:
        return self.in_favour + self.against + self.abstain

    @property
    def not_voting(self) -> int:
        """未表态: present and eligible, but raised no hand."""
        return self.eligible_present - self.cast


@dataclass
class Deferral:
    """暂缓: why a motion was put off, who takes it on, and by when it comes back."""

    reason: str
    owner: str
    target: str
    at: str


@dataclass
class Evaluation:
    """居民评: a show of hands on how a passed motion was carried out."""

    satisfied: int
    basic: int
    unsatisfied: int
    at: str
    meeting_id: str = ""


@dataclass
class FollowUp:
    """落实: who carries a passed motion out, by when, and the residents' view of it once done."""

    owner: str
    due: str | None
    done_on: str | None = None
    evaluation: Evaluation | None = None


@dataclass
class Motion:
    """A matter raised at the meeting (议事): its text, who raised it, its state and its votes."""

    id: str
    number: int
    item_id: str
    text: str
    proposer: str
    party: Party
    category: Category
    cost: int | None
    rule: DecisionRule | None
    raised_at: str
    note: str = ""
    response: str = ""
    responder: str = ""
    state: MotionState = MotionState.RAISED
    votes: list[Vote] = field(default_factory=list)
    deferral: Deferral | None = None
    followup: FollowUp | None = None
    withdraw_reason: str = ""
    origin: Origin | None = None
    show_proposer_name: bool = False

    @property
    def vote(self) -> Vote | None:
        """The vote in force: the latest; earlier ones are kept, marked superseded."""
        return self.votes[-1] if self.votes else None

    @property
    def over_micro_limit(self) -> bool:
        return self.cost is not None and self.cost >= MICRO_PROJECT_LIMIT_YUAN


@dataclass
class AgendaItem:
    """One item of the agenda: its time box, its state and the time spent on it."""

    id: str
    title: str
    notes: str = ""
    timebox_min: int | None = None
    state: ItemState = ItemState.PENDING
    elapsed_s: int = 0
    running_since: datetime | None = None
    origin: Origin | None = None

    def elapsed(self, now: datetime | None = None) -> int:
        """Seconds spent on the item: closed intervals plus the running one up to `now`."""
        if self.running_since is None or now is None:
            return self.elapsed_s
        return self.elapsed_s + max(0, int((now - self.running_since).total_seconds()))

    def overtime(self, now: datetime | None = None) -> bool:
        return self.timebox_min is not None and self.elapsed(now) > self.timebox_min * 60


@dataclass
class Attendee:
    """A person on the attendance roster, by party (resident, staff, …) and building."""

    id: str
    name: str
    party: Party
    building: str = ""


@dataclass
class Attendance:
    """Who is present, counted by party; the roster when names are taken."""

    counts: dict[Party, int] = field(default_factory=dict)
    roster: list[Attendee] = field(default_factory=list)
    changes: list[tuple[str, Party, int]] = field(default_factory=list, compare=False)

    def present(self, party: Party) -> int:
        return self.counts.get(party, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class MeetingState:
    """The whole meeting as its events leave it (`fold`): what every screen and paper shows."""

    meeting_id: str = ""
    title: str = ""
    kind: MeetingKind = MeetingKind.OTHER
    community: str = ""
    location: str = ""
    planned_start: str = ""
    planned_end: str = ""
    facilitator: str = ""
    recorder: str = ""
    lang: str = "zh"
    status: MeetingStatus = MeetingStatus.DRAFT
    created_at: str = ""
    started_at: str = ""
    ended_at: str = ""
    voting_parties: tuple[Party, ...] = (Party.RESIDENT,)
    default_rule: DecisionRule = DecisionRule.SIMPLE_MAJORITY
    quorum: int | None = None
    quorum_policy: QuorumPolicy = QuorumPolicy.WARN
    attendance: Attendance = field(default_factory=Attendance)
    items: list[AgendaItem] = field(default_factory=list)
    motions: dict[str, Motion] = field(default_factory=dict)
    reopenings: list[tuple[str, str]] = field(default_factory=list)
    # name → True (show it whole in public) / False (shorten it even if it reads as a body)
    name_choices: dict[str, bool] = field(default_factory=dict)
    floor: Floor = field(default_factory=Floor)  # the speakers' queues, limits and chair
    # Log bookkeeping, not meeting content: left out of equality.
    last_seq: int = field(default=0, compare=False)
    last_at: str = field(default="", compare=False)
    history: list[Event] = field(default_factory=list, compare=False)

    @property
    def eligible_present(self) -> int:
        """Present members of the voting parties: the denominator of every rule."""
        return sum(self.attendance.present(p) for p in self.voting_parties)

    @property
    def quorum_met(self) -> bool:
        return self.quorum is None or self.eligible_present >= self.quorum

    @property
    def active_item(self) -> AgendaItem | None:
        return next((i for i in self.items if i.state is ItemState.ACTIVE), None)

    def find_item(self, item_id: str) -> AgendaItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def motions_of(self, item_id: str) -> list[Motion]:
        return [m for m in self.motions.values() if m.item_id == item_id]

    def motions_in(self, *states: MotionState) -> list[Motion]:
        return [m for m in self.motions.values() if m.state in states]

    def rule_for(self, motion: Motion) -> DecisionRule:
        return motion.rule or self.default_rule
