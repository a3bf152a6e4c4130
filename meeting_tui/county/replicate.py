"""`sync`: push every closed meeting to the county database with replication semantics.

As CouchDB's replicator does, but one-way and from a TinyDB archive:

1. Revisions are made here, not by the server: a meeting whose content
   changed since its last revision (reopened and closed again, a follow-up
   done, an evaluation taken) gets the next `N-hash`, extending its history.
2. A checkpoint comparison: the database's `_local/meeting-tui-<key>` holds
   the session id of the last complete sync from this folder. If it matches
   ours, only meetings whose revision the database has not confirmed are
   candidates (usually none: the second run sends 0 documents); otherwise
   (a new or recreated database) every closed meeting is.
3. `_revs_diff`: the database names the candidate revisions it lacks.
4. `_bulk_docs` with `new_edits: false`, in batches: the documents keep our
   revisions and their history. After each batch the confirmed revisions
   are saved locally, so a cut leaves the local checkpoint at the last
   confirmed document and the next run sends only the rest. A document the
   database refuses (validate_doc_update, 409) is named and left
   unconfirmed: the next run tries it again.
5. The new session id is written to the database, then here.

Open meetings are never sent. The meeting files are only read.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from typing import Any

from meeting_tui import i18n
from meeting_tui.county.couch import CouchDatabase
from meeting_tui.county.design import DESIGN_ID, design_document, needs_install
from meeting_tui.county.document import Identity, content_digest, meeting_document, next_revision
from meeting_tui.county.errors import ConnectionLostError, CountyError, ServerRefusedError
from meeting_tui.county.installation import installation_key
from meeting_tui.county.settings import Target
from meeting_tui.county.sync_state import MeetingRevisions, SyncState
from meeting_tui.store.archive import Archive
from meeting_tui.store.errors import StoreError

BATCH_SIZE = 20
REVS_DIFF_CHUNK = 500


@dataclass
class SyncResult:
    target: str
    closed: int = 0  # closed meetings in the archive
    candidates: int = 0  # asked about with _revs_diff
    sent: int = 0  # documents the database stored in this run
    refused: list[tuple[str, str]] = field(default_factory=list)  # (meeting id, reason)
    unreadable: list[str] = field(default_factory=list)  # why a meeting file could not be read
    design_installed: bool = False


@dataclass
class _Prepared:
    meeting_id: str
    doc_id: str
    rev: str
    doc: dict[str, Any] | None  # built when it had to be (changed or about to be sent)


def checkpoint_id(identity: Identity) -> str:
    return f"_local/meeting-tui-{identity.community_code}-{identity.installation_key}"


def sync(
    archive: Archive,
    target: Target,
    community_code: str,
    privacy: str,
    *,
    batch_size: int = BATCH_SIZE,
    connect_timeout: float | None = None,
) -> SyncResult:
    """Send what the database lacks; raises a `CountyError` with what was confirmed so far.

    Nothing is written to the data folder before the server has answered: an
    offline run leaves it as it was (the installation key is made, on the
    first run, only once the database is reachable).
    """
    state = SyncState.load(archive.root)
    result = SyncResult(target.display)
    timeouts = {} if connect_timeout is None else {"connect_timeout": connect_timeout}
    with CouchDatabase(target, **timeouts) as db:
        db.ensure_database()  # offline: raises before anything is written here
        identity = Identity(community_code, installation_key(archive.root))
        dates = {str(row.get("id")): str(row.get("date", "")) for row in archive.list_meetings()}
        prepared = _prepare(archive, state, identity, privacy, dates, result.unreadable)
        result.closed = len(prepared)
        known = state.target(target.display)
        current = db.get(DESIGN_ID)
        if needs_install(current):
            wanted = design_document()
            if current is not None:
                wanted["_rev"] = current["_rev"]
            try:
                db.put(DESIGN_ID, wanted)
            except ServerRefusedError as exc:
                if exc.status not in (401, 403):
                    raise
                # CouchDB lets only database admins write design documents.
                raise CountyError("county.sync.design_forbidden", url=target.display) from None
            result.design_installed = True
        remote = db.get(checkpoint_id(identity))
        trusted = (
            bool(known.session) and remote is not None and remote.get("session") == known.session
        )
        candidates = [
            p for p in prepared if not trusted or known.confirmed.get(p.meeting_id) != p.rev
        ]
        result.candidates = len(candidates)
        missing: set[str] = set()
        for start in range(0, len(candidates), REVS_DIFF_CHUNK):
            chunk = candidates[start : start + REVS_DIFF_CHUNK]
            lacking = db.revs_diff({p.doc_id: [p.rev] for p in chunk})
            missing.update(doc_id for doc_id, revs in lacking.items() if revs)
        to_send = [p for p in candidates if p.doc_id in missing]
        for p in candidates:
            if p.doc_id not in missing:
                known.confirmed[p.meeting_id] = p.rev  # the database already holds it
        state.save()
        for start in range(0, len(to_send), batch_size):
            batch = to_send[start : start + batch_size]
            built = [
                (p, _with_revisions(archive, state, identity, privacy, dates, p)) for p in batch
            ]
            batch = [p for p, doc in built if doc is not None]
            docs = [doc for _, doc in built if doc is not None]
            if not docs:
                continue
            try:
                errors = db.bulk_docs_replicated(docs)
            except (ConnectionLostError, ServerRefusedError) as exc:
                exc.values.update(done=result.sent, total=len(to_send))
                raise
            refused = {str(e.get("id")): f"{e.get('error')}: {e.get('reason', '')}" for e in errors}
            for p in batch:
                if p.doc_id in refused:
                    result.refused.append((p.meeting_id, refused[p.doc_id]))
                else:
                    known.confirmed[p.meeting_id] = p.rev
                    result.sent += 1
            state.save()
        if not result.refused and (candidates or not trusted):
            session = uuid.uuid4().hex
            checkpoint = dict(remote or {}, session=session, confirmed=len(known.confirmed))
            checkpoint.pop("_id", None)
            db.put(checkpoint_id(identity), checkpoint)
            known.session = session
            state.save()
    return result


def _prepare(
    archive: Archive,
    state: SyncState,
    identity: Identity,
    privacy: str,
    dates: dict[str, str],
    unreadable: list[str],
) -> list[_Prepared]:
    """Every closed meeting with its current revision; a new revision where its content changed.

    A meeting file unchanged since its last revision (same size and mtime,
    same settings) is not read again: the second run of 500 meetings costs
    a stat per meeting. A file that cannot be read is named in `unreadable`
    and left out; the other meetings are still sent.
    """
    rows = archive.list_meetings()
    settings = f"{privacy}|{identity.doc_id('')}"
    prepared: list[_Prepared] = []
    for row in sorted(rows, key=lambda r: str(r.get("id"))):
        meeting_id = str(row.get("id"))
        if row.get("broken"):
            unreadable.append(i18n.t("county.sync.broken", meeting_id=meeting_id))
            continue
        if row.get("status") != "closed":
            continue
        try:
            stat = os.stat(archive.meeting_path(meeting_id))
        except OSError:
            continue
        fingerprint = f"{stat.st_mtime_ns}:{stat.st_size}:{settings}"
        known = state.meetings.get(meeting_id)
        if known is not None and known.fingerprint == fingerprint:
            prepared.append(_Prepared(meeting_id, identity.doc_id(meeting_id), known.current, None))
            continue
        try:
            doc = meeting_document(archive, meeting_id, identity, privacy, dates)
        except StoreError as exc:  # damaged: quarantined by the store; the others still go
            unreadable.append(exc.message())
            continue
        if doc is None:  # the index said closed, the log says otherwise (reopened)
            continue
        digest = content_digest(doc)
        if known is None:
            known = MeetingRevisions(fingerprint, digest, [next_revision(None, digest)])
        elif known.digest != digest:
            known.revs.append(next_revision(known.current, digest))
            known.digest = digest
        known.fingerprint = fingerprint
        state.meetings[meeting_id] = known
        prepared.append(_Prepared(meeting_id, doc["_id"], known.current, doc))
    state.save()
    return prepared


def _with_revisions(
    archive: Archive,
    state: SyncState,
    identity: Identity,
    privacy: str,
    dates: dict[str, str],
    p: _Prepared,
) -> dict[str, Any] | None:
    """The document as `_bulk_docs` stores it with `new_edits: false`: our rev and its history.

    None when the meeting changed since its revision was made (reopened in
    another window meanwhile): it stays unconfirmed and the next run makes
    and sends its new revision.
    """
    doc = p.doc
    if doc is None:
        doc = meeting_document(archive, p.meeting_id, identity, privacy, dates)
        if doc is None or content_digest(doc) != state.meetings[p.meeting_id].digest:
            return None
    revs = state.meetings[p.meeting_id].revs
    start = int(p.rev.split("-", 1)[0])
    history = [rev.split("-", 1)[1] for rev in reversed(revs)]
    return {**doc, "_rev": p.rev, "_revisions": {"start": start, "ids": history}}
