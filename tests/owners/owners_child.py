"""A second process for the owners' kill drill: records answers until it is killed.

python owners_child.py ROOT     open the decision (made on the first run), print
                                "ready N", then record answers forever, printing the
                                seq of each one once `record` returned (acknowledged)
"""

from __future__ import annotations

import sys
from pathlib import Path

from owners_cases import T0, make_roster

from meeting_tui.domain.owners import decision as d
from meeting_tui.store.errors import UnknownMeetingError
from meeting_tui.store.owners import DecisionArchive, LiveDecision

DECISION = "20261121-kill"
ROOMS = [(str(b), "1", f"{f}0{door}") for b in (1, 2) for f in range(1, 26) for door in (1, 2)]
ROSTER = make_roster([(b, e, r, 8000 + n, f"o{n}") for n, (b, e, r) in enumerate(ROOMS)])


def answer(seq: int) -> tuple[str, str]:
    """The unit and answer of the event numbered `seq` (a correction every 100 answers)."""
    b, e, r = ROOMS[seq % len(ROOMS)]
    return f"{b}-{e}-{r}", str(1 + seq % 3)


def main() -> None:
    archive = DecisionArchive(Path(sys.argv[1]))
    try:
        live = LiveDecision.open(archive, DECISION, lambda: T0)
    except UnknownMeetingError:
        live = LiveDecision.create(
            archive, d.create_decision(DECISION, "物业选聘", "", "ordinary"), lambda: T0
        )
        live.execute(d.import_roster(live.state, ROSTER, "清册.csv"))
    print("ready", live.state.last_seq, flush=True)
    while True:
        seq = live.state.last_seq + 1
        unit, choice = answer(seq)
        live.record(unit, choice, "visit", "崔辉")
        print(seq, flush=True)  # only printed once the answer is on disk: acknowledged


if __name__ == "__main__":
    main()
