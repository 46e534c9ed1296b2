"""Language of the description (ISO 639-1) with py3langid, whose model ships in its wheel."""

from __future__ import annotations

from array import array
from functools import cache

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier

_SAMPLE_CHARS = 300  # enough for a stable answer; detection cost grows with length


@cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # The model table ships as float16, for which numpy has no fast product: scoring one text
    # costs ~33 us in float16 and ~8 us in float32, for a 57 MB table in place of 28 MB. Same
    # scores. The float16 original is kept only for set_languages, never used here: drop it.
    identifier.nb_ptc = np.asarray(identifier.nb_ptc, dtype=np.float32)
    identifier._full_model = (identifier.nb_ptc, identifier.nb_pc, identifier.nb_classes)
    # The DFA walk reads two per-state tables a byte: as compact arrays rather than lists of
    # ints they are 0.8 MB instead of ~8 MB of scattered objects, which a cold walk feels.
    identifier._rowbase = array("I", identifier._rowbase)
    identifier.tk_output = array("i", identifier.tk_output)
    return identifier


def detect(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, confidence) or None when there is too little text to tell."""
    sample = text[:_SAMPLE_CHARS]
    if sum(map(str.isalpha, sample)) < 20:
        return None
    code, prob = _identifier().classify(sample)
    return code, round(float(prob), 3)
