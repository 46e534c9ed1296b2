"""MinHash sketches of a description's word shingles, and their LSH bands.

Every hash here is stable across processes and machines (polynomial hashes of the words' bytes,
datasketch's seeded permutations); Python's salted ``hash()`` would differ between replicas.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
SEED = 8
SHINGLE = 3  # words per shingle
MIN_SHINGLES = 8  # fewer than this is too little text to call two descriptions alike
_SCHEME = "affine32"
_BATCH = 512
# Odd 64-bit multipliers that mix the word hashes of one shingle in order.
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=_SCHEME)


@dataclass(frozen=True, slots=True, eq=False)
class Sketch:
    """A description's MinHash signature and how many distinct shingles it summarizes."""

    signature: np.ndarray  # NUM_PERM uint32
    shingles: int

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sketch):
            return NotImplemented
        return self.shingles == other.shingles and self.to_bytes() == other.to_bytes()

    def __hash__(self) -> int:
        return hash((self.shingles, self.to_bytes()))

    def to_bytes(self) -> bytes:
        return self.signature.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, shingles: int) -> Sketch:
        signature = np.frombuffer(data, dtype="<u4").astype(np.uint32)
        signature.setflags(write=False)  # decoded records are shared (redis_index._decode)
        return cls(signature, shingles)


def _identity(value: int) -> int:
    return value


def shingle_hashes(words: np.ndarray) -> np.ndarray:
    """Distinct 32-bit hashes of the ``SHINGLE``-word windows of a sequence of word hashes."""
    if len(words) < SHINGLE:
        return np.empty(0, dtype=np.uint32)
    windows = len(words) - SHINGLE + 1
    mixed = np.zeros(windows, dtype=np.uint64)
    for offset in range(SHINGLE):
        mixed += words[offset : offset + windows] * _MIX[offset]  # wraps mod 2**64 by design
    folded = (mixed >> np.uint64(32)) ^ (mixed & np.uint64(0xFFFFFFFF))
    return np.unique(folded.astype(np.uint32))


def sketch(words: np.ndarray) -> Sketch | None:
    """The sketch of a description's word hashes (``words.word_hashes``); None when it has too
    few shingles to compare."""
    hashes = shingle_hashes(words)
    if len(hashes) < MIN_SHINGLES:
        return None
    minhash = MinHash(
        num_perm=NUM_PERM,
        seed=SEED,
        hashfunc=_identity,
        permutations=_TEMPLATE.permutations,
        scheme=_SCHEME,
    )
    values = hashes.tolist()
    # update_batch builds a (batch x NUM_PERM) matrix; batches of a few hundred stay in cache
    # and cost a third of one batch of thousands.
    for start in range(0, len(values), _BATCH):
        minhash.update_batch(values[start : start + _BATCH])
    return Sketch(minhash.hashvalues, len(hashes))


def jaccard(a: Sketch, b: Sketch) -> float:
    """Estimated Jaccard similarity of the two shingle sets: the share of equal signature values,
    as ``MinHash.jaccard`` computes it, without building two MinHash objects per comparison."""
    return float(np.count_nonzero(a.signature == b.signature)) / len(a.signature)


def containment(a: Sketch, b: Sketch, jaccard_ab: float) -> float:
    """Estimated share of the smaller set found in the larger one: a copy with its boilerplate
    trimmed is contained in the full posting although their Jaccard similarity is lower."""
    if jaccard_ab <= 0.0:
        return 0.0
    shared = jaccard_ab / (1.0 + jaccard_ab) * (a.shingles + b.shingles)
    return min(1.0, shared / min(a.shingles, b.shingles))


def band_keys(scope: str, s: Sketch, bands: int, rows: int) -> list[str]:
    """One key per band of ``rows`` signature values, scoped (to a company): two sketches that
    agree on all values of one band share that band's key."""
    signature = s.to_bytes()
    scope_key = hashlib.blake2b(scope.encode(), digest_size=16).digest()
    width = 4 * rows
    keys = []
    for band in range(bands):
        digest = hashlib.blake2b(
            signature[band * width : (band + 1) * width],
            digest_size=8,
            person=band.to_bytes(2, "little"),
            key=scope_key,
        )
        keys.append(digest.hexdigest())
    return keys
