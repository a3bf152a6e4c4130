"""The Merkle tree of RFC 6962 §2.1 (RFC 9162 §2.1): root hash and consistency proofs.

Why this exact construction rather than a home-made hash chain: any
Certificate Transparency tool can recompute the same root from the same
leaves, and a consistency proof shows that a longer log (a meeting reopened
and closed again) starts with exactly the events of the shorter one, without
handing over the events themselves.

SHA-256; a leaf is hashed as ``SHA-256(0x00 || data)``, an inner node as
``SHA-256(0x01 || left || right)``; a tree of n > 1 leaves splits at k, the
largest power of two smaller than n. The empty tree's hash is ``SHA-256()``.
Functions take *leaf hashes*, so a caller hashes each event once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

Hash = bytes


def leaf_hash(data: bytes) -> Hash:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: Hash, right: Hash) -> Hash:
    return hashlib.sha256(b"\x01" + left + right).digest()


def split_point(n: int) -> int:
    """k: the largest power of two smaller than n (n ≥ 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def root_hash(leaves: Sequence[Hash]) -> Hash:
    """MTH(D[n]) of RFC 6962 §2.1, computed bottom-up in O(n) without recursion.

    Pairing adjacent nodes level by level and carrying an odd last node up
    unchanged gives the same tree as the recursive split at powers of two.
    """
    if not leaves:
        return hashlib.sha256(b"").digest()
    level = list(leaves)
    while len(level) > 1:
        paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def consistency_proof(old_size: int, leaves: Sequence[Hash]) -> list[Hash]:
    """PROOF(m, D[n]) of RFC 6962 §2.1.2: that the first `old_size` leaves are a prefix."""
    if not 0 < old_size <= len(leaves):
        raise ValueError(f"no consistency proof from {old_size} to {len(leaves)} leaves")
    return _subproof(old_size, list(leaves), complete=True)


def _subproof(m: int, leaves: list[Hash], *, complete: bool) -> list[Hash]:
    n = len(leaves)
    if m == n:
        return [] if complete else [root_hash(leaves)]
    k = split_point(n)
    if m <= k:
        return [*_subproof(m, leaves[:k], complete=complete), root_hash(leaves[k:])]
    return [*_subproof(m - k, leaves[k:], complete=False), root_hash(leaves[:k])]


def verify_consistency(
    old_size: int, new_size: int, old_root: Hash, new_root: Hash, proof: Sequence[Hash]
) -> bool:
    """RFC 9162 §2.1.4.2: does `proof` show the new tree extends the old one?"""
    if old_size < 1 or new_size < old_size:
        return False
    if old_size == new_size:
        return not proof and old_root == new_root
    if not proof:
        return False
    path = list(proof)
    if old_size & (old_size - 1) == 0:  # a power of two: the old root is itself a node
        path.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == old_root and sr == new_root and sn == 0
