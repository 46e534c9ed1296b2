"""Word hashes of a description, computed over its UTF-8 bytes with numpy.

A description is a few thousand words; splitting it with a regex and hashing each word in Python
costs most of the time budget of ``Clusterer.assign``. Here a word is a run of ASCII letters,
digits, ``_`` or non-ASCII letters, case-folded; Unicode punctuation (U+2000-U+206F: curly quotes,
dashes, bullets; U+00A0-U+00BF: no-break space, symbols) separates words like ASCII punctuation
does, so ``you’ll`` and ``you'll`` give the same words. Each word's hash is a polynomial hash of
its bytes modulo 2**64: stable everywhere, and independent of where the word stands.
"""

from __future__ import annotations

import hashlib

import numpy as np

_P = 0x100000001B3  # odd, so invertible modulo 2**64
_P_INVERSE = pow(_P, -1, 2**64)
_WORD_BYTE = np.zeros(256, dtype=bool)
_WORD_BYTE[list(b"abcdefghijklmnopqrstuvwxyz0123456789_")] = True
_WORD_BYTE[0x80:] = True  # bytes of non-ASCII characters; punctuation among them is cleared below


class _Powers:
    """P**i and P**-i modulo 2**64, grown on demand (never at import time)."""

    def __init__(self) -> None:
        self.up = np.ones(0, dtype=np.uint64)
        self.down = np.ones(0, dtype=np.uint64)

    def tables(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        if len(self.up) < n:
            size = max(n, 2 * len(self.up), 1 << 14)
            self.up = _powers(_P, size)
            self.down = _powers(_P_INVERSE, size)
        return self.up[:n], self.down[:n]


def _powers(base: int, size: int) -> np.ndarray:
    powers = np.empty(size, dtype=np.uint64)
    powers[0] = 1
    np.cumprod(np.full(size - 1, base, dtype=np.uint64), out=powers[1:])  # wraps mod 2**64
    return powers


_POWERS = _Powers()


def word_hashes(text: str) -> np.ndarray:
    """One uint64 hash per word of ``text``, in order."""
    data = np.frombuffer(text.lower().encode("utf-8", "replace"), dtype=np.uint8)
    if not len(data):
        return np.empty(0, dtype=np.uint64)
    word = _WORD_BYTE[data]
    _clear_unicode_punctuation(data, word)
    edges = np.flatnonzero(np.diff(np.concatenate(([False], word, [False])).astype(np.int8)))
    starts, ends = edges[0::2], edges[1::2]
    up, down = _POWERS.tables(len(data) + 1)
    weighted = (data.astype(np.uint64) + np.uint64(1)) * up[: len(data)]
    prefix = np.zeros(len(data) + 1, dtype=np.uint64)
    np.cumsum(weighted, dtype=np.uint64, out=prefix[1:])
    # prefix[e] - prefix[s] is the word's hash times P**s; P**-s takes its position out.
    hashes: np.ndarray = (prefix[ends] - prefix[starts]) * down[starts]
    return hashes


def _clear_unicode_punctuation(data: np.ndarray, word: np.ndarray) -> None:
    if len(data) >= 3:  # E2 80 xx, E2 81 xx: U+2000-U+207F
        lead = np.flatnonzero((data[:-2] == 0xE2) & ((data[1:-1] == 0x80) | (data[1:-1] == 0x81)))
        for offset in range(3):
            word[lead + offset] = False
    if len(data) >= 2:  # C2 A0-BF: U+00A0-U+00BF
        lead = np.flatnonzero((data[:-1] == 0xC2) & (data[1:] >= 0xA0) & (data[1:] <= 0xBF))
        word[lead] = False
        word[lead + 1] = False


def words_digest(hashes: np.ndarray) -> bytes:
    """A digest of a word sequence: equal for texts that differ only in case, spacing and
    punctuation."""
    return hashlib.blake2b(hashes.astype("<u8").tobytes(), digest_size=16).digest()
