"""Checkpoints saved with each minutes version, and the salt they are computed with.

At each close the minutes version carries a `checkpoint` (origin, number of
events, Merkle root; see `domain.checkpoint`), and from the second close on
a `consistency` proof (RFC 6962 §2.1.2) that the new log begins with exactly
the events the earlier checkpoint covered: a corrected record is visibly an
extension, never a silent rewrite.

The salt lives in its own table of the meeting file (`checkpoint_salt`),
made at the first close and never changed; it is in the file and in the full
JSON export (which holds every name anyway), never in a public output.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from meeting_tui.domain import merkle
from meeting_tui.domain.checkpoint import (
    Checkpoint,
    checkpoint_of,
    leaf_hashes,
    make_checkpoint,
    origin_of,
    personal_hashes,
)
from meeting_tui.store.record_tables import (  # the tables are the store's; the names stay here too
    SALT_TABLE,
    Tables,
    fresh_salt,
    salt_docs,
    salt_in,
    salt_of,
)

__all__ = [
    "SALT_TABLE",
    "Extension",
    "Tables",
    "check_extensions",
    "export_seal",
    "fresh_salt",
    "latest_checkpoint",
    "salt_docs",
    "salt_in",
    "salt_of",
    "seal",
]


def seal(
    events: Sequence[Mapping[str, Any]],
    community: str,
    meeting_id: str,
    salt: str,
    earlier: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """The `checkpoint` (and, after a reopen, `consistency`) fields of a new minutes version.

    `earlier` are the versions saved before; the proof is against the latest
    of them that has a checkpoint.
    """
    leaves = leaf_hashes(events, salt)
    checkpoint = make_checkpoint(origin_of(community, meeting_id), leaves)
    fields: dict[str, Any] = {"checkpoint": checkpoint.to_json()}
    previous = latest_checkpoint(earlier)
    if previous is not None:
        version, old = previous
        if 0 < old.size <= len(leaves):
            proof = merkle.consistency_proof(old.size, leaves)
            fields["consistency"] = {"from_version": version, "proof": [p.hex() for p in proof]}
    return fields


def latest_checkpoint(docs: Sequence[Mapping[str, Any]]) -> tuple[int, Checkpoint] | None:
    found = [(int(d.get("version", 0)), cp) for d in docs if (cp := checkpoint_of(d)) is not None]
    return max(found, key=lambda pair: pair[0]) if found else None


@dataclass(frozen=True)
class Extension:
    """One reopen checked: version `new` extends version `old`, or it does not."""

    old: int
    new: int
    holds: bool


def check_extensions(docs: Sequence[Mapping[str, Any]]) -> list[Extension]:
    """Each saved consistency proof verified against the two checkpoints it joins."""
    by_version = {int(d.get("version", 0)): d for d in docs}
    out = []
    for version, doc in sorted(by_version.items()):
        proof_doc = doc.get("consistency")
        new = checkpoint_of(doc)
        if not isinstance(proof_doc, Mapping) or new is None:
            continue
        old_version = int(proof_doc.get("from_version", 0))
        old = checkpoint_of(by_version.get(old_version, {}))
        try:
            proof = [bytes.fromhex(str(p)) for p in proof_doc.get("proof", [])]
            holds = old is not None and merkle.verify_consistency(
                old.size, new.size, bytes.fromhex(old.root), bytes.fromhex(new.root), proof
            )
        except ValueError:
            holds = False
        out.append(Extension(old_version, version, holds))
    return out


def export_seal(
    minutes_docs: Sequence[Mapping[str, Any]],
    salt: str | None,
    events: Sequence[Mapping[str, Any]],
    *,
    redacted: bool,
) -> dict[str, Any] | None:
    """What a JSON export carries to be verified: the checkpoints, and the salt or the hashes.

    The full export carries the salt (it holds every name anyway); the
    redacted one carries, per event, the salted hashes of its personal
    strings instead, so it verifies against the same digest without the salt.
    None when the meeting has no checkpoint yet.
    """
    saved = [
        {"version": int(d.get("version", 0))}
        | {k: d[k] for k in ("checkpoint", "consistency") if k in d}
        for d in minutes_docs
        if checkpoint_of(d) is not None
    ]
    if not saved or salt is None:
        return None
    seal: dict[str, Any] = {"checkpoints": saved}
    if redacted:
        seal["personal_hashes"] = {
            str(e["seq"]): hashes for e in events if (hashes := personal_hashes(e, salt))
        }
    else:
        seal["salt"] = salt
    return seal
