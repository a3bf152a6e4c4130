"""The record digest (记录校验码) line of an owners' decision, for every output.

The checkpoint itself is made when the count closes (see
`minutes.owners_checkpoints`) and saved with the result in the decision
file's `results` table; this module only chooses the words: the digest of
the close in force, "made when the count closes" while the count is open,
or, for a close whose checkpoint was not saved (the disk refused it), how
to get one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from meeting_tui import i18n
from meeting_tui.domain.checkpoint import Checkpoint, checkpoint_at, digest_line
from meeting_tui.domain.owners.decision import DecisionState


def sealed_checkpoint(
    state: DecisionState, results: Sequence[Mapping[str, Any]]
) -> Checkpoint | None:
    """The checkpoint saved at the close in force, or None (count open, or none saved).

    A closed count takes no further events, so its close is the last event.
    """
    return checkpoint_at(results, state.last_seq) if state.closed else None


def owners_digest_line(
    state: DecisionState, results: Sequence[Mapping[str, Any]], lang: str | None = None
) -> str:
    """记录校验码：ABCD-EFGH-IJKL-MNOP（共 N 条记录 …）, or why there is none yet."""
    checkpoint = sealed_checkpoint(state, results)
    if checkpoint is not None:
        return digest_line(checkpoint.digest, checkpoint.size, lang or i18n.current_language())
    return i18n.t("owners.digest.missing" if state.closed else "owners.digest.none", lang)
