"""Check a meeting's record against its checkpoint: `meeting-tui verify ID|FILE [--digest D]`.

Three sources verify the same way: the meeting file itself (events, saved
checkpoints and the salt; an owners' decision file `owners/<id>.json` too,
its checkpoints saved with each result of the count), a full JSON export (events, checkpoints, salt)
and a redacted JSON export (redacted events, checkpoints and the salted
hashes of the personal strings). Each gives the root of the events the
latest checkpoint covers; the printed digest, when given, is compared with
that checkpoint's digest; every reopen's consistency proof is checked.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meeting_tui import i18n
from meeting_tui.domain.checkpoint import normalise_digest, verify_log
from meeting_tui.minutes.checkpoints import (
    SALT_TABLE,
    check_extensions,
    latest_checkpoint,
    salt_of,
)
from meeting_tui.minutes.json import DOCUMENT_KIND
from meeting_tui.store.owners import RESULTS_TABLE

MATCH, MISMATCH, ERROR = 0, 1, 2


@dataclass(frozen=True)
class Outcome:
    status: int  # 0 match, 1 mismatch, 2 could not check
    line: str


@dataclass(frozen=True)
class Record:
    """What verification needs, whichever file it came from."""

    source: str
    events: list[dict[str, Any]]
    versions: list[dict[str, Any]]  # {"version", "checkpoint", "consistency"?}
    salt: str | None
    hashes: dict[str, dict[str, str]] | None


def check(record: Record, printed: str | None = None) -> Outcome:
    """One line: match, or from which event the record and its checkpoint differ."""
    latest = latest_checkpoint(record.versions)
    if latest is None:
        return Outcome(ERROR, i18n.t("verify.no_checkpoint", source=record.source))
    if record.salt is None and record.hashes is None:
        return Outcome(ERROR, i18n.t("verify.no_salt", source=record.source))
    _version, checkpoint = latest
    verdict = verify_log(record.events, checkpoint, record.salt, record.hashes, printed)
    digest = checkpoint.digest
    if verdict.first_bad is not None:  # the log itself was changed: say where first
        return Outcome(
            MISMATCH,
            i18n.t("verify.differs", source=record.source, seq=verdict.first_bad, digest=digest),
        )
    if verdict.digest_mismatch:
        shown = normalise_digest(printed or "")
        return Outcome(
            MISMATCH,
            i18n.t("verify.printed_differs", printed=shown, source=record.source, digest=digest),
        )
    if not verdict.ok:
        return Outcome(
            MISMATCH, i18n.t("verify.differs_somewhere", source=record.source, digest=digest)
        )
    extensions = check_extensions(record.versions)
    broken = next((x for x in extensions if not x.holds), None)
    if broken is not None:
        return Outcome(MISMATCH, i18n.t("verify.not_extends", version=broken.new, old=broken.old))
    later = i18n.t("verify.later", count=verdict.later) if verdict.later else ""
    line = i18n.t(
        "verify.match", source=record.source, size=verdict.size, digest=digest, later=later
    )
    for x in extensions:
        line += i18n.t("verify.extends", version=x.new, old=x.old)
    return Outcome(MATCH, line)


def record_of_meeting(
    source: str,
    events: Sequence[Mapping[str, Any]],
    minutes_docs: Sequence[Mapping[str, Any]],
    salt: str | None,
) -> Record:
    versions = [dict(d) for d in minutes_docs if isinstance(d, Mapping)]
    return Record(source, [dict(e) for e in events], versions, salt, None)


def record_of_export(path: Path) -> Record:
    """The record an exported JSON carries; raises ValueError naming what is wrong."""
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(str(exc)) from None
    if isinstance(document, dict) and isinstance(document.get("events"), dict):
        return _record_of_meeting_file(path, document)  # meetings/<id>.json itself
    if not isinstance(document, dict) or document.get("kind") != DOCUMENT_KIND:
        raise ValueError("not a meeting-tui JSON export")
    events = document.get("events")
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        raise ValueError("no event log inside")
    seal = document.get("seal")
    if not isinstance(seal, dict):
        seal = {}
    versions = [v for v in seal.get("checkpoints", []) if isinstance(v, dict)]
    salt = seal.get("salt") if isinstance(seal.get("salt"), str) else None
    raw_hashes = seal.get("personal_hashes")
    hashes = None
    if isinstance(raw_hashes, dict):
        hashes = {
            str(k): {str(p): str(h) for p, h in v.items()}
            for k, v in raw_hashes.items()
            if isinstance(v, dict)
        }
    return Record(str(path), events, versions, salt, hashes)


def _record_of_meeting_file(path: Path, data: dict[str, Any]) -> Record:
    """A meeting file read as a file (TinyDB tables keyed by document id)."""

    def table(name: str) -> list[dict[str, Any]]:
        docs = data.get(name, {})
        if not isinstance(docs, dict):
            raise ValueError(f"table {name!r} is not a TinyDB table")
        return [docs[k] for k in sorted(docs, key=int) if isinstance(docs[k], dict)]

    try:
        events, salts = table("events"), table(SALT_TABLE)
        versions = table("minutes") or table(RESULTS_TABLE)  # a meeting's, or an owners' decision's
    except ValueError as exc:
        raise ValueError(str(exc)) from None
    return record_of_meeting(str(path), events, versions, salt_of(salts))
