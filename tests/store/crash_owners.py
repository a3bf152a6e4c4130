"""Owners' decisions in the crash-state explorer: the journal of answers, its compaction.

Imported by crash_record.py (the child: setup and run of each workload) and
crash_explorer.py (the check of each recovered state). A decision's marks
carry `"store": "owners"`; the logs they expect are filled in after the run
(the events are made by the domain with a fixed clock).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from meeting_tui.domain.owners import decision as d
from meeting_tui.domain.owners.roster import AreaSource, Roster, Unit, counting_key, unit_id
from meeting_tui.store import journal as journal_module
from meeting_tui.store.errors import CorruptMeetingFileError, UnknownMeetingError
from meeting_tui.store.owners import DecisionArchive, LiveDecision

DECISION = "20261121-crsh"
ROOMS = ["101", "102", "201", "202"]
ROSTER = Roster(
    tuple(
        Unit(
            "1",
            "1",
            r,
            (),
            9000 + n,
            AreaSource.REGISTERED,
            counting_key(f"o{n}", unit_id("1", "1", r), False),
            False,
        )
        for n, r in enumerate(ROOMS)
    )
)
UNITS = [f"1-1-{r}" for r in ROOMS]
WORKLOADS = ("owners_answers", "owners_reopen", "owners_threshold")


def clock() -> Any:
    from datetime import datetime, timedelta, timezone

    return datetime(2026, 11, 21, 19, 0, tzinfo=timezone(timedelta(hours=8)))


def expect(rec: Any, floor: int) -> None:
    """From here on the decision holds a prefix of the final log, at least `floor` events."""
    rec.ops.append(
        {"op": "mark", "expect": DECISION, "store": "owners", "logs": None, "floor": floor}
    )


def fill_logs(rec: Any, live: LiveDecision) -> None:
    final = [e.to_json() for e in live.events]
    for op in rec.ops:
        if op.get("store") == "owners" and op["logs"] is None:
            op["logs"] = [final]


def answers(live: LiveDecision, rec: Any, steps: list[tuple[str, str]]) -> None:
    for unit, answer in steps:
        if answer == "withdraw":
            live.withdraw(unit, "写错了房号", "崔辉")
        else:
            live.record(unit, answer, "visit", "崔辉")
        expect(rec, live.state.last_seq)


def new_decision(root: Path) -> LiveDecision:
    live = LiveDecision.create(
        DecisionArchive(root), d.create_decision(DECISION, "物业选聘", "", "ordinary"), clock
    )
    live.execute(d.import_roster(live.state, ROSTER, "清册.csv"))
    return live


def run_answers(root: Path, rec: Any) -> None:
    expect(rec, 0)
    rec.ops[-1]["absent_ok"] = True
    live = new_decision(root)
    expect(rec, live.state.last_seq)
    steps = [(UNITS[0], "1"), (UNITS[1], "2"), (UNITS[0], "3"), (UNITS[1], "withdraw")]
    answers(live, rec, steps)
    live.close()
    fill_logs(rec, live)


def setup_reopen(base: Path) -> None:
    """A decision a killed window left: the file, a journal of two answers and a torn third."""
    root = base / "data"
    live = new_decision(root)
    live.close()
    live = LiveDecision.open(DecisionArchive(root), DECISION, clock)
    live.record(UNITS[0], "1", "visit", "崔辉")
    live.record(UNITS[1], "2", "written", "李娜")
    journal = journal_module.journal_path(live.file.path)
    whole = journal.read_bytes()
    live.record(UNITS[2], "1", "visit", "崔辉")
    torn = journal.read_bytes()[len(whole) :]
    live.file._drop_fd()
    live.file._lock.release()
    journal.write_bytes(whole + torn[: len(torn) // 2])


def run_reopen(root: Path, rec: Any) -> None:
    expect(rec, len(DecisionArchive(root).read_events(DECISION)))  # the two whole lines
    live = LiveDecision.open(DecisionArchive(root), DECISION, clock)
    answers(live, rec, [(UNITS[2], "3"), (UNITS[3], "1")])
    live.close()
    fill_logs(rec, live)


def run_threshold(root: Path, rec: Any) -> None:
    journal_module.COMPACT_AFTER = 2  # type: ignore[misc]
    new_decision(root).close()
    expect(rec, len(DecisionArchive(root).read_events(DECISION)))
    live = LiveDecision.open(DecisionArchive(root), DECISION, clock)
    answers(live, rec, [(u, "1") for u in UNITS] + [(UNITS[0], "2")])
    live.close()
    fill_logs(rec, live)


def plant_bug(bug: str) -> bool:
    """Put a known durability bug of the journal back; False if `bug` is not one of them."""
    if bug == "no-journal-folder-fsync":  # the journal created without its folder's fsync
        journal_module.fsync_folder = lambda folder: None  # type: ignore[assignment]
        return True
    return False


SETUPS = {
    "owners_answers": lambda base: None,
    "owners_reopen": setup_reopen,
    "owners_threshold": lambda base: None,
}
RUNS = {
    "owners_answers": run_answers,
    "owners_reopen": run_reopen,
    "owners_threshold": run_threshold,
}


def check_decision(root: Path, want: dict[str, Any]) -> list[str]:
    """A recovered state: the decision opens twice alike, lists, holds a long enough prefix."""
    archive = DecisionArchive(root)
    events: list[dict[str, Any]] = []
    for attempt in ("open", "reopen"):
        try:
            live = LiveDecision.open(archive, DECISION, clock)
        except UnknownMeetingError:
            if want.get("absent_ok") and want["floor"] == 0:
                return []
            return [f"{DECISION}: gone, with {want['floor']} acknowledged events"]
        except CorruptMeetingFileError as error:
            return [f"{DECISION}: damaged: {error}"]
        got = live.file.events()
        live.close()
        if attempt == "reopen" and got != events:
            return [f"{DECISION}: reopen shows {len(got)} events, the first open {len(events)}"]
        events = got
    if archive.list()[0].get("broken"):
        return [f"{DECISION}: opens, but the list shows it as damaged"]
    if not any(events == log[: len(events)] for log in want["logs"]):
        return [f"{DECISION}: {len(events)} events that are no prefix of what was written"]
    if len(events) < want["floor"]:
        return [f"{DECISION}: {len(events)} events, {want['floor']} were acknowledged"]
    return []
