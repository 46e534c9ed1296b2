"""Cheap pre-filtering: Python regexes that open with \\b and long alternations scan slowly, so
each extractor runs its patterns only on the few lines holding one of its literal triggers.

Every extractor registers its trigger set once; the first ``lines_with`` call on a text finds
the triggers of all sets in one Aho-Corasick pass (ahocorasick_rs, over the UTF-8 bytes) and
keeps the result for the next calls on the same text, so a posting's text is scanned once, not
once per extractor and trigger. ``held`` does the same for the gate words an extractor tests in
the lines it keeps.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ahocorasick_rs import BytesAhoCorasick, Implementation, MatchKind

_SETS: dict[tuple[str, ...], int] = {}  # trigger set -> its index, in registration order
_BUILT: list[tuple[BytesAhoCorasick, list[tuple[int, ...]]]] = []
"""[(automaton over every registered trigger, trigger index -> its sets)], built lazily."""


def register(triggers: tuple[str, ...]) -> tuple[str, ...]:
    """Declare an extractor's (lower-case) triggers; returns them for the module's constant."""
    if triggers not in _SETS:
        _SETS[triggers] = len(_SETS)
        _BUILT.clear()
    return triggers


def _automaton() -> tuple[BytesAhoCorasick, list[tuple[int, ...]]]:
    if not _BUILT:
        owners: dict[str, list[int]] = {}
        for triggers, index in _SETS.items():
            for trigger in triggers:
                if trigger:
                    owners.setdefault(trigger, []).append(index)
        automaton = BytesAhoCorasick(
            [trigger.encode("utf-8", "surrogatepass") for trigger in owners],
            matchkind=MatchKind.Standard,  # every occurrence, overlapping ones too
            # A DFA scans ~2.5x faster than the default NFA; for ~170 short triggers it is small.
            implementation=Implementation.DFA,
        )
        _BUILT.append((automaton, [tuple(indexes) for indexes in owners.values()]))
    return _BUILT[0]


@lru_cache(maxsize=4)
def _line_numbers(text: str) -> tuple[list[set[int]], list[str]] | None:
    """Per registered set, the numbers of the lines holding one of its triggers; and the lines.
    None when lowering changes the text's length (a few characters do): the slow path."""
    low = text.lower()
    if len(low) != len(text):
        return None
    per_set: list[set[int]] = [set() for _ in _SETS]
    automaton, owners = _automaton()
    # A whole UTF-8 trigger matches only where its characters start, and a line break is one
    # byte: the lines are counted in bytes.
    data = low.encode("utf-8", "surrogatepass")
    line = at = 0
    for trigger, start, _end in automaton.find_matches_as_indexes(data, overlapping=True):
        if start > at:
            line += data.count(b"\n", at, start)
            at = start
        elif start < at:  # matches come by end: a longer one may start before the last
            line -= data.count(b"\n", start, at)
            at = start
        for index in owners[trigger]:
            per_set[index].add(line)
    return per_set, text.split("\n")


def lines_with(text: str, triggers: tuple[str, ...]) -> str:
    """The lines of ``text`` containing any trigger (case-insensitive), joined by newlines."""
    register(triggers)
    found = _line_numbers(text)
    if found is None or len(found[0]) < len(_SETS):
        return "\n".join(ln for ln in text.splitlines() if any(t in ln.lower() for t in triggers))
    per_set, lines = found
    return "\n".join([lines[number] for number in sorted(per_set[_SETS[triggers]])])


# Letters re.IGNORECASE matches to a letter other than their lower case: "ı" and "ſ" to "i" and
# "s", "ᲂ" to "о", "İ" to "i" (lower-cased, "i" and a combining dot). A text holding none of them
# holds, lower-cased, the literal words of whatever a re.IGNORECASE pattern finds in it.
FOLDS_APART = ("ı", "ſ", "\u0307", *(chr(code) for code in range(0x1C80, 0x1C89)))


def held(low: str, literals: tuple[str, ...]) -> set[str]:
    """Those of ``literals`` that ``low`` contains, from one pass over it: dozens of gate words
    tested with ``in`` one by one read the whole text dozens of times."""
    data = low.encode("utf-8", "surrogatepass")
    found = _literal_automaton(literals).find_matches_as_indexes(data, overlapping=True)
    return {literals[index] for index, _start, _end in found}


@cache
def _literal_automaton(literals: tuple[str, ...]) -> BytesAhoCorasick:
    return BytesAhoCorasick(
        [literal.encode("utf-8", "surrogatepass") for literal in literals],
        matchkind=MatchKind.Standard,  # every occurrence: a literal inside another counts too
        implementation=Implementation.DFA,
    )


def word_search(pattern: re.Pattern[str], low: str, pos: int = 0) -> re.Match[str] | None:
    """The first match of ``pattern`` in lower-cased ``low``, from ``pos``, that starts a word.

    Patterns written without a leading \\b and without re.IGNORECASE let sre skip ahead to the
    possible first characters; the word boundary is checked here instead (~20x faster).
    """
    for match in pattern.finditer(low, pos):
        at = match.start()
        if at == 0 or not (low[at - 1].isalnum() or low[at - 1] == "_"):
            return match
    return None
