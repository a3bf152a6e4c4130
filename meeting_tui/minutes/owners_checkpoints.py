"""The checkpoint of an owners' decision, made at each close of the count.

The same seal as a meeting's minutes (`minutes.checkpoints`): a salted
RFC 6962 Merkle root over the decision's events up to the close — the
roster, every answer, correction and withdrawal, the close with its
outcome — and the 16-character digest the announcement and the ballot
record print. A reopen and a second close add a result with a new
checkpoint and a consistency proof that the longer log begins with exactly
the events the first one covered: a recount is visibly an extension, never
a silent rewrite.

Each close adds one document to the decision file's `results` table:
`{version, closed_seq, saved_at, outcome, checkpoint, consistency?}`; the
salt is in `checkpoint_salt`, as in a meeting file, so `meeting-tui verify
owners/<id>.json` checks a decision exactly as it checks a meeting.
"""

from __future__ import annotations

from typing import Any

from meeting_tui.minutes import checkpoints
from meeting_tui.store.owners import RESULTS_TABLE, LiveDecision


def seal_count(live: LiveDecision) -> dict[str, Any]:
    """Save the closed count's result with its checkpoint (one durable write); the document.

    Raises ValueError when the count is not closed.
    """
    state = live.state
    if not state.closed or state.outcome is None:
        raise ValueError("a count is sealed when it is closed")
    docs = live.file.table(RESULTS_TABLE)
    version = max((int(doc.get("version", 0)) for doc in docs), default=0) + 1
    salt = checkpoints.salt_in(live.file)
    covered = [e for e in live.file.events() if e["seq"] <= state.last_seq]
    sealed = checkpoints.seal(covered, state.community, state.id, salt, earlier=docs)
    result = {
        "version": version,
        "closed_seq": state.last_seq,
        "saved_at": state.closed_at,
        "outcome": state.outcome.to_json(),
        **sealed,
    }
    live.file.write_table(RESULTS_TABLE, [*docs, result])
    return result


def close_and_seal(live: LiveDecision) -> dict[str, Any]:
    """Close the count (stored first), then save its result with its checkpoint.

    If the checkpoint cannot be written after the close was stored, the error
    is raised and the outputs say the digest was not made at this close
    (reopen and close again): the close itself is never lost.
    """
    live.close_count()
    return seal_count(live)
