"""What this data folder has sent where: the local half of the replication checkpoint.

`county/sync-state.json` holds, per meeting, the revisions made so far (the
revision history the county keeps) and the fingerprint of the meeting file
they were made from; and, per county database, the revision of each meeting
the database confirmed and the session id last written to the database's
`_local` checkpoint. It is written atomically after every confirmed batch,
so a cut connection leaves it at the last confirmed document.

The database is keyed by its address without credentials: no password
ever reaches the data folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meeting_tui import locations
from meeting_tui.county.errors import CountyError
from meeting_tui.store.errors import WriteFailedError
from meeting_tui.store.storage import write_atomically

SCHEMA = 1


@dataclass
class MeetingRevisions:
    fingerprint: str
    digest: str
    revs: list[str]  # oldest first, each `N-hash`

    @property
    def current(self) -> str:
        return self.revs[-1]


@dataclass
class TargetState:
    session: str = ""
    confirmed: dict[str, str] = field(default_factory=dict)  # meeting id → rev


@dataclass
class SyncState:
    path: Path
    meetings: dict[str, MeetingRevisions] = field(default_factory=dict)
    targets: dict[str, TargetState] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> SyncState:
        path = locations.sync_state_file(root)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, UnicodeDecodeError, ValueError):
            raise CountyError("county.state.damaged", file=str(path)) from None
        try:
            meetings = {
                mid: MeetingRevisions(str(m["fingerprint"]), str(m["digest"]), list(m["revs"]))
                for mid, m in data["meetings"].items()
            }
            targets = {
                url: TargetState(str(t["session"]), dict(t["confirmed"]))
                for url, t in data["targets"].items()
            }
        except (KeyError, TypeError, AttributeError):
            raise CountyError("county.state.damaged", file=str(path)) from None
        return cls(path, meetings, targets)

    def target(self, display: str) -> TargetState:
        return self.targets.setdefault(display, TargetState())

    def save(self) -> None:
        data: dict[str, Any] = {
            "schema": SCHEMA,
            "meetings": {
                mid: {"fingerprint": m.fingerprint, "digest": m.digest, "revs": m.revs}
                for mid, m in sorted(self.meetings.items())
            },
            "targets": {
                url: {"session": t.session, "confirmed": dict(sorted(t.confirmed.items()))}
                for url, t in sorted(self.targets.items())
            },
        }
        raw = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, raw)
        except (OSError, WriteFailedError) as exc:
            raise CountyError("county.state.write", file=str(self.path), reason=str(exc)) from None
