"""Cheap pre-filtering: Python regexes that open with \\b and long alternations scan slowly, so
each extractor runs its patterns only on the few lines holding one of its literal triggers.

Every extractor registers its trigger set once; the first ``lines_with`` call on a text finds
the triggers of all sets in one Aho-Corasick pass and keeps the result for the next calls on
the same text, so a posting's text is scanned once, not once per extractor and trigger.
"""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

_SETS: dict[tuple[str, ...], int] = {}  # trigger set -> its index, in registration order
_BUILT: list[ahocorasick.Automaton] = []  # [automaton over every registered set], lazily


def register(triggers: tuple[str, ...]) -> tuple[str, ...]:
    """Declare an extractor's (lower-case) triggers; returns them for the module's constant."""
    if triggers not in _SETS:
        _SETS[triggers] = len(_SETS)
        _BUILT.clear()
    return triggers


def _automaton() -> ahocorasick.Automaton:
    if not _BUILT:
        owners: dict[str, list[int]] = {}
        for triggers, index in _SETS.items():
            for trigger in triggers:
                owners.setdefault(trigger, []).append(index)
        automaton = ahocorasick.Automaton()
        for trigger, indexes in owners.items():
            automaton.add_word(trigger, tuple(indexes))
        automaton.make_automaton()
        _BUILT.append(automaton)
    return _BUILT[0]


@lru_cache(maxsize=4)
def _line_starts(text: str) -> tuple[list[set[int]], bool]:
    """Per registered set, the start offsets of the lines holding one of its triggers."""
    low = text.lower()
    per_set: list[set[int]] = [set() for _ in _SETS]
    if len(low) != len(text):  # a few characters change length when lowered: slow path
        return per_set, False
    for end, indexes in _automaton().iter(low):
        start = low.rfind("\n", 0, end) + 1
        for index in indexes:
            per_set[index].add(start)
    return per_set, True


def lines_with(text: str, triggers: tuple[str, ...]) -> str:
    """The lines of ``text`` containing any trigger (case-insensitive), joined by newlines."""
    register(triggers)
    per_set, exact = _line_starts(text)
    if not exact or len(per_set) < len(_SETS):
        return "\n".join(ln for ln in text.splitlines() if any(t in ln.lower() for t in triggers))
    lines = []
    for start in sorted(per_set[_SETS[triggers]]):
        end = text.find("\n", start)
        lines.append(text[start : end if end != -1 else len(text)])
    return "\n".join(lines)


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
