"""Language of the description (ISO 639-1) with py3langid, whose model ships in its wheel."""

from __future__ import annotations

from collections import Counter
from functools import cache

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier

_SAMPLE_CHARS = 300  # enough for a stable answer; detection cost grows with length


class _Identifier(LanguageIdentifier):
    """py3langid's identifier with its byte-by-byte tokenizer walk done for all bytes at once.

    The tokenizer is an Aho-Corasick automaton over byte n-grams: its state after a byte is the
    longest key prefix ending there, so it depends only on the last ``depth`` bytes (the longest
    n-gram). Walking those from the start state for every position at once, ``depth`` numpy
    steps, reaches the states the sequential walk does: the same feature counts in the same
    order, so the same scores to the bit, in less than half the time.
    """

    # py3langid's slots, as this module keeps them (annotations only: the slots stay).
    nb_ptc: np.ndarray
    tk_nextmove: np.ndarray
    _rowbase: np.ndarray
    tk_output: np.ndarray
    _depth: int

    def compact(self) -> None:
        # The model table ships as float16, for which numpy has no fast product: scoring one
        # text costs ~33 us in float16 and ~8 us in float32, for a 57 MB table in place of
        # 28 MB. Same scores. The float16 original is kept only for set_languages, unused here.
        self.nb_ptc = np.asarray(self.nb_ptc, dtype=np.float32)
        self._full_model = (self.nb_ptc, self.nb_pc, self.nb_classes)
        # The tokenizer tables as numpy arrays: 40 MB of uint32 transitions, 0.8 MB of
        # per-state tables, rather than lists of scattered int objects.
        self.tk_nextmove = np.asarray(self.tk_nextmove, dtype=np.uint32)
        self._rowbase = np.asarray(self._rowbase, dtype=np.uint32)
        self.tk_output = np.asarray(self.tk_output, dtype=np.int32)
        self._depth = _max_depth(self.tk_nextmove, self._rowbase)

    def _raw_score(self, text: bytes) -> np.ndarray:
        data = np.frombuffer(text, dtype=np.uint8)
        nextmove, rowbase, size = self.tk_nextmove, self._rowbase, len(data)
        states = np.zeros(size, dtype=np.uint32)
        for back in range(min(self._depth, size) - 1, -1, -1):
            states[back:] = nextmove[rowbase[states[back:]] + data[: size - back]]
        found = self.tk_output[states]
        found = found[found >= 0]
        if not len(found):  # no features: uniform, as py3langid answers (norm_probs)
            return np.zeros(len(self.nb_classes), dtype=np.float32)
        scores: np.ndarray = self._sparse_score(Counter(found.tolist()), self.nb_ptc)
        return scores


def _max_depth(nextmove: np.ndarray, rowbase: np.ndarray) -> int:
    """The number of steps of a breadth-first walk from the start state to reach every state."""
    seen = np.zeros(len(rowbase), dtype=bool)
    seen[0] = True
    states, depth = np.zeros(1, dtype=np.uint32), 0
    letters = np.arange(256, dtype=np.uint32)
    while True:
        following = np.unique(nextmove[(rowbase[states][:, None] + letters).ravel()])
        following = following[~seen[following]]
        if not len(following):
            return depth
        seen[following] = True
        states, depth = following, depth + 1


@cache
def _identifier() -> _Identifier:
    identifier = _Identifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.compact()
    return identifier


def detect(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, confidence) or None when there is too little text to tell."""
    sample = text[:_SAMPLE_CHARS]
    # Counted on the first characters first: they mostly hold the 20 letters already.
    if sum(map(str.isalpha, sample[:40])) < 20 and sum(map(str.isalpha, sample)) < 20:
        return None
    code, prob = _identifier().classify(sample)
    return code, round(float(prob), 3)
