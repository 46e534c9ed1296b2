"""One text normalization shared by the taxonomy build and the matcher.

Keys and postings go through the same function, so "Pub / Sub", "Pub/Sub", "NodeJS" and
"developmentExpress.js" (a heading run into a value) meet the taxonomy in one spelling: tokens one
space apart and the whole string padded with one space, so an Aho-Corasick key " tok tok " only
matches whole tokens.

It works on code points with numpy: Python's ``re`` scans character classes at ~30 ns a character,
which alone would spend the matcher's whole budget on a 3 KB posting.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

BOUNDARY = "\n"
"""A token of its own (joined with spaces around it) that ends one evidence unit."""

SPACE, DOT, SIGN, LOWER, UPPER, WORD = range(6)
_TABLE_SIZE = 0x2200  # Latin, Greek, Cyrillic, general punctuation; code points beyond: word


def _class_table() -> np.ndarray:
    table = np.full(_TABLE_SIZE, WORD, dtype=np.uint8)
    for code in range(_TABLE_SIZE - 1):
        char = chr(code)
        if not char.isalnum():
            table[code] = SPACE
        elif char.islower():
            table[code] = LOWER
        elif char.isupper():
            table[code] = UPPER
    table[ord(".")] = DOT
    table[ord("+")] = table[ord("#")] = SIGN
    table[ord(BOUNDARY)] = WORD
    return table


def _context_tables() -> tuple[np.ndarray, np.ndarray]:
    """Blank and camel-split verdicts for every (previous, current, next) character class."""
    blank = np.zeros(216, dtype=bool)
    camel = np.zeros(216, dtype=bool)
    for prev in range(6):
        for cur in range(6):
            for nxt in range(6):
                i = prev * 36 + cur * 6 + nxt
                # A dot belongs to a name only before a word character (".NET", "Node.js"); '+'
                # and '#' only after something ("C++", "C#", "5+"): elsewhere, punctuation.
                blank[i] = (
                    cur == SPACE or (cur == DOT and nxt < LOWER) or (cur == SIGN and prev == SPACE)
                )
                # A capital after a lower-case letter starts a word: "SubDocker", "devExpress".
                camel[i] = prev == LOWER and cur == UPPER
    return blank, camel


_CLASS = _class_table()
_BLANK, _CAMEL = _context_tables()
_SP = np.uint32(32)


def normalize_cased(text: str) -> str:
    """Tokens of ``text`` in their original case, one space apart, padded on both sides.

    Punctuation, list separators included, becomes space: "Pub/Sub", "Pub / Sub" and "Pub Sub"
    are one spelling, and so are "Java, Kotlin" and "Java Kotlin".
    """
    if not text:
        return " "
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    # Code points past the table clip to its last entry, a word character. Classes are < 6,
    # so a (previous, current, next) context fits a byte: 5 * 36 + 5 * 6 + 5 = 215.
    padded = np.empty(len(codes) + 2, dtype=np.uint8)
    padded[0] = padded[-1] = 0
    _CLASS.take(codes, mode="clip", out=padded[1:-1])
    context = padded[:-2] * 36
    context += padded[1:-1] * 6
    context += padded[2:]
    blank = _BLANK.take(context)  # take: several times faster than fancy indexing
    keep = ~blank
    keep[:-1] |= ~blank[1:]  # of a run of blanks, only the last stays (as one space)
    codes = codes.copy()
    codes[blank] = _SP
    body = codes[keep].tobytes().decode("utf-32-le")
    camel = _CAMEL.take(context)
    if camel.any():
        cuts = [0, *np.flatnonzero(camel[keep]).tolist(), len(body)]
        body = " ".join(body[a:b] for a, b in pairwise(cuts))
    return " " + body.strip(" ") + " "


def words(text: str) -> frozenset[str]:
    """A vocabulary written as one space-separated string (shorter to read than a set literal)."""
    return frozenset(text.split())


def normalize(text: str) -> tuple[str, str]:
    """``(cased, lower)`` forms of ``text`` with the same length, so offsets carry across."""
    cased = normalize_cased(text)
    lower = cased.lower()
    if len(lower) != len(cased):  # a few letters ("İ") lengthen when lowered
        cased = lower
    return cased, lower


def key_forms(term: str) -> set[str]:
    """The lower-case keys a taxonomy term is matched by: as written, and without camel splits."""
    return {normalize_cased(term).lower(), normalize_cased(term.lower())}
