"""The checkpoint of a meeting's record: a Merkle root over its events, and a short digest.

Residents cannot read a log file, but they can compare 16 characters: the
digest printed on the notice is derived from the Merkle root of every event
up to the close, so any later change to what was recorded — one vote count,
one removed motion, two swapped steps — gives another digest.

Each event is one leaf: its canonical JSON (sorted keys, UTF-8, no spaces)
in which every *personal* string (anything a person typed: names, motion
texts, notes, titles …) is replaced by a salted hash
``{"salted_sha256": SHA-256(salt || canonical [seq, path, text])}``. The
structural strings (ids, kinds, codes) stay as they are. So a redacted
export, which shows "李某" but carries these hashes instead of the names,
verifies against the same root as the full record, and the salt (kept in
the meeting file, never in a public output) stops anyone from testing
guesses of a name against a hash. Seq and path are in the hash so the same
name in two places gives two unrelated hashes.

Texts are cleaned (`clean_text`, idempotent) before hashing, since every
export cleans them the same way before writing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from meeting_tui import i18n
from meeting_tui.domain import merkle
from meeting_tui.domain.text import clean_text

LEAF_FORMAT = 1
HASH_KEY = "salted_sha256"
DIGEST_CHARS = 16
LEAF_PREFIX_CHARS = 16  # hex characters of each leaf hash kept to say where logs differ

# Payload keys whose strings are codes, not words a person typed: kept in the clear.
STRUCTURAL_KEYS = frozenset(
    {
        "motion_id", "item_id", "attendee_id", "meeting_id", "party", "kind", "rule",
        "category", "method", "lang", "quorum_policy", "voting_parties", "default_rule",
        "status", "state", "result", "stance", "speaker_id", "suggested_id",
    }
)  # fmt: skip

Hashes = dict[str, str]  # payload path ("payload/title", "payload/roster/0/name") → hex


def new_salt() -> str:
    """32 random bytes, hex: made once per meeting, at its first checkpoint."""
    return secrets.token_hex(32)


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def salted_hash(salt: str, seq: int, path: str, text: str) -> str:
    data = bytes.fromhex(salt) + canonical_json([seq, path, text])
    return hashlib.sha256(data).hexdigest()


def _walk(value: Any, path: str, key: str, on_text: Callable[[str, str], Any]) -> Any:
    """`value` with each personal string replaced by `on_text(path, text)`."""
    if isinstance(value, str):
        return value if key in STRUCTURAL_KEYS else on_text(path, value)
    if isinstance(value, Mapping):
        return {str(k): _walk(v, f"{path}/{k}", str(k), on_text) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_walk(v, f"{path}/{i}", key, on_text) for i, v in enumerate(value)]
    return value


def _event_parts(event: Mapping[str, Any]) -> tuple[int, str, str, Any]:
    try:
        seq, at, kind, payload = event["seq"], event["at"], event["kind"], event.get("payload", {})
    except (KeyError, TypeError) as exc:
        raise ValueError(f"malformed event: missing {exc}") from None
    if not isinstance(seq, int) or not isinstance(at, str) or not isinstance(kind, str):
        raise ValueError(f"malformed event {seq!r}")
    return seq, at, kind, payload


def personal_hashes(event: Mapping[str, Any], salt: str) -> Hashes:
    """The salted hash of each personal string of `event`: what a redacted export carries."""
    seq, _at, _kind, payload = _event_parts(event)
    out: Hashes = {}

    def record(path: str, text: str) -> str:
        out[path] = salted_hash(salt, seq, path, clean_text(text, multiline=True))
        return text

    _walk(payload, "payload", "", record)
    return out


def leaf_data(event: Mapping[str, Any], salt: str | None, hashes: Mapping[str, str] = {}) -> bytes:
    """The canonical bytes of one leaf, from the full event (with `salt`) or a redacted one.

    Given no salt, each personal string's hash is taken from `hashes` (the
    redacted export's); a missing one gives a leaf that cannot match.
    """
    seq, at, kind, payload = _event_parts(event)

    def hidden(path: str, text: str) -> dict[str, str]:
        if salt is not None:
            return {HASH_KEY: salted_hash(salt, seq, path, clean_text(text, multiline=True))}
        return {HASH_KEY: str(hashes.get(path, "missing"))}

    body = {"seq": seq, "at": at, "kind": kind, "payload": _walk(payload, "payload", "", hidden)}
    return canonical_json(body)


def leaf_hashes(
    events: Sequence[Mapping[str, Any]],
    salt: str | None,
    hashes: Mapping[str, Mapping[str, str]] | None = None,
) -> list[merkle.Hash]:
    """One leaf hash per event; `hashes` maps str(seq) to that event's personal hashes."""
    table = hashes or {}
    return [merkle.leaf_hash(leaf_data(e, salt, table.get(str(e.get("seq")), {}))) for e in events]


@dataclass(frozen=True)
class Checkpoint:
    """What a close commits to: whose log, how many events, which root."""

    origin: str
    size: int
    root: str  # hex
    leaves: tuple[str, ...] = field(default=(), compare=False)  # prefixes, to locate a change
    leaf_format: int = LEAF_FORMAT

    def note(self) -> str:
        """The signed-note body of C2SP tlog-checkpoint: origin, size, base64 root."""
        root = base64.b64encode(bytes.fromhex(self.root)).decode()
        return f"{self.origin}\n{self.size}\n{root}\n"

    @property
    def digest(self) -> str:
        """16 base32 characters of SHA-256(note), grouped: ABCD-EFGH-IJKL-MNOP."""
        raw = base64.b32encode(hashlib.sha256(self.note().encode()).digest()).decode()
        chars = raw[:DIGEST_CHARS]
        return "-".join(chars[i : i + 4] for i in range(0, DIGEST_CHARS, 4))

    def to_json(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "size": self.size,
            "root": self.root,
            "digest": self.digest,
            "leaf_format": self.leaf_format,
            "leaves": list(self.leaves),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Checkpoint:
        """Raises ValueError naming what is wrong."""
        try:
            cp = cls(
                origin=str(data["origin"]),
                size=int(data["size"]),
                root=str(data["root"]),
                leaves=tuple(str(x) for x in data.get("leaves", ())),
                leaf_format=int(data.get("leaf_format", LEAF_FORMAT)),
            )
            bytes.fromhex(cp.root)
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a checkpoint: {exc!r}") from None
        return cp


def origin_of(community: str, meeting_id: str) -> str:
    """The log's name: community and meeting id, on one line."""
    return f"{clean_text(community) or '-'}/{clean_text(meeting_id)}"


def make_checkpoint(origin: str, leaves: Sequence[merkle.Hash]) -> Checkpoint:
    return Checkpoint(
        origin=origin,
        size=len(leaves),
        root=merkle.root_hash(leaves).hex(),
        leaves=tuple(h.hex()[:LEAF_PREFIX_CHARS] for h in leaves),
    )


def normalise_digest(text: str) -> str:
    """What a person typed from paper: case, spaces and dashes ignored, 0/1/8 read as O/I/B."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    letters = letters.translate(str.maketrans("018", "OIB"))
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking a log against its checkpoint (and a printed digest)."""

    ok: bool
    size: int  # events covered by the checkpoint
    later: int = 0  # events recorded after it (follow-ups done after the close …)
    first_bad: int | None = None  # the seq from which the log differs, when known
    digest_mismatch: bool = False


def verify_log(
    events: Sequence[Mapping[str, Any]],
    checkpoint: Checkpoint,
    salt: str | None,
    hashes: Mapping[str, Mapping[str, str]] | None = None,
    printed_digest: str | None = None,
) -> Verdict:
    """Recompute the root of the first `checkpoint.size` events and compare."""
    covered = list(events[: checkpoint.size])
    later = max(0, len(events) - checkpoint.size)
    leaves = leaf_hashes(covered, salt, hashes)
    digest_bad = printed_digest is not None and normalise_digest(printed_digest) != (
        checkpoint.digest
    )
    ok = len(covered) == checkpoint.size and merkle.root_hash(leaves).hex() == checkpoint.root
    if ok and not digest_bad:
        return Verdict(True, checkpoint.size, later)
    first_bad: int | None = None
    for index, (mine, theirs) in enumerate(zip(leaves, checkpoint.leaves, strict=False)):
        if mine.hex()[:LEAF_PREFIX_CHARS] != theirs:
            first_bad = index + 1
            break
    if first_bad is None and not ok and len(covered) < checkpoint.size:
        first_bad = len(covered) + 1  # events missing at the end
    # Otherwise every event matches what the checkpoint noted: the checkpoint itself was edited.
    return Verdict(ok and not digest_bad, checkpoint.size, later, first_bad, digest_bad)


def digest_line(digest: str, size: int, lang: str, *, closed: bool = False) -> str:
    """The line every public and filed output prints: 记录校验码：ABCD-EFGH-IJKL-MNOP …

    Without a digest: "made at the close" while open, and, for a meeting
    closed without one (by an older program), how to get one.
    """
    if not digest:
        return i18n.t("checkpoint.missing" if closed else "checkpoint.none", lang)
    return i18n.t("checkpoint.line", lang, digest=digest, size=size)


def checkpoint_of(doc: Mapping[str, Any]) -> Checkpoint | None:
    """The checkpoint a saved close holds (a minutes version, an owners' result), or None."""
    data = doc.get("checkpoint")
    if not isinstance(data, Mapping):
        return None
    try:
        return Checkpoint.from_json(data)
    except ValueError:
        return None


def checkpoint_at(docs: Sequence[Mapping[str, Any]], closed_seq: int | None) -> Checkpoint | None:
    """The checkpoint saved at the close that ended at event `closed_seq` (the newest one)."""
    for doc in reversed(list(docs)):
        checkpoint = checkpoint_of(doc)
        if checkpoint is not None and doc.get("closed_seq") == closed_seq:
            return checkpoint
    return None
