"""Minutes as JSON: the minutes, the folded state and the whole event log, with a schema version.

The event log is the meeting's only record, so an export that carries it can
rebuild everything (`fold(events)`); the folded `state` is there for readers
who do not want to fold. `load_minutes_json` reads a file back; a file from
a newer program is refused rather than half-understood.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from meeting_tui.domain.events import Event, events_from_json
from meeting_tui.domain.fold import fold
from meeting_tui.domain.privacy import Redactor
from meeting_tui.domain.text import clean_text
from meeting_tui.minutes.errors import ExportError
from meeting_tui.minutes.model import SCHEMA_VERSION, Minutes

DOCUMENT_KIND = "meeting_tui.minutes"
# Payload keys that hold a person's name (the chair handover's `to` and `from` too).
_PERSON_KEYS = frozenset(
    {"proposer", "responder", "owner", "name", "facilitator", "recorder", "to", "from"}
)


def jsonable(value: Any) -> Any:
    """Dataclasses, enums and datetimes as plain JSON values; log bookkeeping left out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value) if f.compare
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(jsonable(k)): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def _map_payload(value: Any, change: Any, key: str = "") -> Any:
    if isinstance(value, str):
        return change(key, value)
    if isinstance(value, dict):
        return {k: _map_payload(v, change, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_map_payload(v, change, key) for v in value]
    return value


def _with_payload(events: Iterable[Event], change: Any) -> list[Event]:
    return [dataclasses.replace(e, payload=_map_payload(e.payload, change)) for e in events]


def clean_events(events: Iterable[Event]) -> list[Event]:
    """Events whose texts carry no control characters or terminal escapes."""
    return _with_payload(events, lambda _key, text: clean_text(text, multiline=True))


def redact_events(
    events: Iterable[Event], names: Sequence[str], hidden: Sequence[str] = ()
) -> list[Event]:
    """The event log as a redacted export carries it: every name shortened, numbers masked.

    Stricter than the redacted minutes: a proposer's opt-in to be named is
    not applied here, since the log is raw material, not the page people read.
    """

    events = list(events)
    logged: list[str] = []  # names only undone steps hold are in the log too

    def gather(key: str, text: str) -> str:
        if key in _PERSON_KEYS and text.strip():
            logged.append(text)
        return text

    _with_payload(events, gather)
    every = list(dict.fromkeys([*names, *logged]))
    redactor = Redactor(every, hidden=hidden)  # compiled once for the whole log

    def redact(key: str, text: str) -> str:
        return redactor.person(text) if key in _PERSON_KEYS else redactor.text(text)

    return _with_payload(events, redact)


def render(minutes: Minutes, events: Sequence[Event], seal: Mapping[str, Any] | None = None) -> str:
    """`seal` (checkpoints with the salt or the personal hashes) makes the file verifiable."""
    log = clean_events(events)
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "kind": DOCUMENT_KIND,
        "meeting_id": minutes.meeting_id,
        "redacted": minutes.is_redacted,
        "minutes": minutes.to_json(),
        "state": jsonable(fold(log)),
        "events": [e.to_json() for e in log],
    }
    if seal:
        document["seal"] = dict(seal)
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def load_minutes_json(path: str | Path) -> tuple[Minutes, list[Event]]:
    """The minutes and the event log of an exported file, exactly as exported."""
    path = Path(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
        if not isinstance(document, dict) or document.get("kind") != DOCUMENT_KIND:
            raise ValueError("no minutes document inside")
        version = document.get("schema_version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise ValueError("no schema_version")
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ExportError("minutes.error.bad_json", file=str(path), reason=str(exc)) from None
    if version > SCHEMA_VERSION:
        raise ExportError(
            "minutes.error.schema", file=str(path), version=version, supported=SCHEMA_VERSION
        )
    try:
        return Minutes.from_json(document["minutes"]), events_from_json(document["events"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ExportError("minutes.error.bad_json", file=str(path), reason=str(exc)) from None
