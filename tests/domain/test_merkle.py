"""The Merkle tree against RFC 6962's published test vectors and a naive recursive reading."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from meeting_tui.domain import merkle

# certificate-transparency-go merkletree test data (RFC 6962 reference inputs).
LEAF_INPUTS = [
    "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
]  # fmt: skip
ROOTS = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
CONSISTENCY = {
    (1, 8): [
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
    (6, 8): [
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
    (2, 5): [
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
}
LEAVES = [merkle.leaf_hash(bytes.fromhex(x)) for x in LEAF_INPUTS]


def naive_root(leaves: list[bytes]) -> bytes:
    """MTH read straight from RFC 6962 §2.1: recursive, split at the largest power of two < n."""
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return leaves[0]
    k = 1
    while k * 2 < n:
        k *= 2
    return hashlib.sha256(b"\x01" + naive_root(leaves[:k]) + naive_root(leaves[k:])).digest()


def test_roots_match_rfc6962_vectors() -> None:
    for size in range(len(LEAVES) + 1):
        assert merkle.root_hash(LEAVES[:size]).hex() == ROOTS[size]


def test_consistency_proofs_match_rfc6962_vectors() -> None:
    for (m, n), expected in CONSISTENCY.items():
        proof = merkle.consistency_proof(m, LEAVES[:n])
        assert [p.hex() for p in proof] == expected
        old, new = bytes.fromhex(ROOTS[m]), bytes.fromhex(ROOTS[n])
        assert merkle.verify_consistency(m, n, old, new, proof)


leaf_lists = st.lists(st.binary(max_size=8), min_size=1, max_size=70).map(
    lambda xs: [merkle.leaf_hash(x) for x in xs]
)


@given(leaf_lists)
def test_root_agrees_with_the_naive_recursion(leaves: list[bytes]) -> None:
    assert merkle.root_hash(leaves) == naive_root(leaves)


@given(leaf_lists, st.data())
def test_every_prefix_has_a_verifying_proof_and_a_changed_one_fails(
    leaves: list[bytes], data: st.DataObject
) -> None:
    n = len(leaves)
    m = data.draw(st.integers(1, n))
    proof = merkle.consistency_proof(m, leaves)
    old, new = naive_root(leaves[:m]), naive_root(leaves)
    assert merkle.verify_consistency(m, n, old, new, proof)
    if m < n:
        # The old log rewritten, then extended: no proof can join the two.
        changed = [merkle.leaf_hash(b"rewritten"), *leaves[1:]]
        assert not merkle.verify_consistency(m, n, old, naive_root(changed), proof)
        assert not merkle.verify_consistency(m, n, naive_root(changed[:m]), new, proof)
    for i in range(len(proof)):
        bent = [*proof[:i], hashlib.sha256(proof[i]).digest(), *proof[i + 1 :]]
        assert not merkle.verify_consistency(m, n, old, new, bent)
