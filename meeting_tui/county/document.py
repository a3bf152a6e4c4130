"""A closed meeting as the county receives it: one CouchDB document per meeting.

The document carries what the county's views read (month, community, each
motion's state, deferrals and what they became, follow-ups, evaluations),
every saved minutes version exactly as the meeting file holds it (with the
checkpoint made at that close: digest, size, root), and the event log as the
attachment `events.json`. The checkpoint's salt stays on the laptop.

Privacy (`county_privacy`): `redacted` (the default) sends what
`export --redact` writes — names shortened, phone and ID numbers masked in
the minutes, the summary and the event log; `full` sends the internal record.
The choice is stored on the document (`privacy`). The redacted log sent here
does not carry the salted leaf hashes, so the county reads the digest as a
reference to check with `meeting-tui verify` on the laptop's record (or a
JSON export of it), not against this attachment.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from meeting_tui.domain.archive_views import meeting_date
from meeting_tui.domain.events import Event, events_from_json
from meeting_tui.domain.fold import fold
from meeting_tui.domain.model import MeetingState, MeetingStatus, Motion
from meeting_tui.minutes.json import redact_events
from meeting_tui.minutes.model import Minutes
from meeting_tui.minutes.record import MINUTES_TABLE, minutes_for_export
from meeting_tui.store.archive import Archive
from meeting_tui.store.errors import CorruptMeetingFileError

SCHEMA = 1
DOC_TYPE = "meeting"
EVENTS_ATTACHMENT = "events.json"


@dataclass(frozen=True)
class Identity:
    """Who this laptop is to the county: the two parts of every document id it writes."""

    community_code: str
    installation_key: str

    def doc_id(self, meeting_id: str) -> str:
        """`<community code>:<installation key>:<meeting id>` — unique across every laptop."""
        return f"{self.community_code}:{self.installation_key}:{meeting_id}"


def meeting_document(
    archive: Archive,
    meeting_id: str,
    identity: Identity,
    privacy: str,
    dates: Mapping[str, str],
) -> dict[str, Any] | None:
    """The county document of a closed meeting (without `_rev`), or None if it is not closed.

    `dates` maps meeting ids of this archive to their dates, so a motion that
    takes up an earlier deferral can name when that deferral was made.
    """
    _row, rows = archive.read_meeting(meeting_id)
    try:
        events = events_from_json(rows)
    except ValueError as exc:
        raise CorruptMeetingFileError(
            "store.meeting.bad_events", file=str(archive.meeting_path(meeting_id)), reason=str(exc)
        ) from exc
    state = fold(events)
    if state.status is not MeetingStatus.CLOSED:
        return None
    versions = [
        doc for doc in archive.read_table(meeting_id, MINUTES_TABLE) if isinstance(doc, dict)
    ]
    if privacy == "full":
        shared_events, shared_versions = list(events), versions
    else:
        shared_events, shared_versions = _redacted(state, events, versions)
    shared = fold(shared_events)
    log = json.dumps([e.to_json() for e in shared_events], ensure_ascii=False).encode("utf-8")
    doc: dict[str, Any] = {
        "_id": identity.doc_id(meeting_id),
        "type": DOC_TYPE,
        "schema": SCHEMA,
        "community_code": identity.community_code,
        "installation": identity.installation_key,
        "meeting_id": meeting_id,
        "privacy": privacy,
        "title": shared.title,
        "community": shared.community,
        "kind": shared.kind.value,
        "lang": shared.lang,
        "date": meeting_date(state),
        "month": meeting_date(state)[:7],
        "started_at": state.started_at,
        "ended_at": state.ended_at,
        "closes": len(state.reopenings) + 1,
        "attendance": {party.value: n for party, n in state.attendance.counts.items()},
        "motions": [_motion(m, identity, dates) for m in shared.motions.values()],
        "minutes": shared_versions,
        "_attachments": {
            EVENTS_ATTACHMENT: {
                "content_type": "application/json",
                "data": base64.b64encode(log).decode("ascii"),
            }
        },
    }
    return doc


def _redacted(
    state: MeetingState, events: Sequence[Event], versions: list[dict[str, Any]]
) -> tuple[list[Event], list[dict[str, Any]]]:
    """The event log and every saved version as `export --redact` would write them.

    Names found in any version, and in the minutes of the record as it is
    now, are shortened everywhere in the log, and so is every name the
    facilitator chose to shorten in the publish preview (as `export --redact`). A saved version that does not
    parse is left out rather than sent unredacted.
    """
    current = minutes_for_export(state, events, versions)
    names, hidden = current.person_names(), list(current.hidden_names)
    shared_versions = []
    for version in versions:
        try:
            minutes = Minutes.from_json(version["minutes"])
        except (KeyError, TypeError, ValueError):
            continue
        names += minutes.person_names()
        hidden += minutes.hidden_names
        shared_versions.append({**version, "minutes": minutes.redacted().to_json()})
    unique = list(dict.fromkeys(names))
    return redact_events(events, unique, list(dict.fromkeys(hidden))), shared_versions


def _motion(motion: Motion, identity: Identity, dates: Mapping[str, str]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": motion.id,
        "number": motion.number,
        "text": motion.text,
        "state": motion.state.value,
        "category": motion.category.value,
        "cost": motion.cost,
        "origin": None,
        "deferral": None,
        "followup": None,
    }
    if motion.origin is not None:
        entry["origin"] = {
            "doc_id": identity.doc_id(motion.origin.meeting_id),
            "motion_id": motion.origin.motion_id,
            "date": dates.get(motion.origin.meeting_id, ""),
        }
    if motion.deferral is not None:
        d = motion.deferral
        entry["deferral"] = {"reason": d.reason, "owner": d.owner, "target": d.target}
    if motion.followup is not None:
        f = motion.followup
        ev = f.evaluation
        entry["followup"] = {
            "owner": f.owner,
            "due": f.due,
            "done_on": f.done_on,
            "evaluation": None
            if ev is None
            else {
                "satisfied": ev.satisfied,
                "basic": ev.basic,
                "unsatisfied": ev.unsatisfied,
                "at": ev.at,
            },
        }
    return entry


def content_digest(doc: Mapping[str, Any]) -> str:
    """A digest of everything the document says (not its `_rev`): equal digests, same content."""
    body = {k: v for k, v in doc.items() if k not in ("_rev", "_revisions")}
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.md5(canonical.encode("utf-8"), usedforsecurity=False).hexdigest()


def next_revision(previous: str | None, digest: str) -> str:
    """`N-hash` as CouchDB writes them: one generation past `previous`, hash of both."""
    generation = int(previous.split("-", 1)[0]) + 1 if previous else 1
    seed = f"{previous or ''}|{digest}".encode()
    return f"{generation}-{hashlib.md5(seed, usedforsecurity=False).hexdigest()}"
