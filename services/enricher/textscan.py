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


# Whose statement a value is: the role's ("this role is remote", "you will work on-site", "the
# successful candidate") or someone else's - the company, its product, customers, other teams,
# its past ("we are a remote-first company", "our product supports part-time workers", "we help
# students earn a bachelor's degree", "founded by two PhDs", "previously a part-time role",
# "regardless of ... part-time status"). Read on the clause before the value: the cue nearest to
# it decides. Only run on a value already found, never over a whole text.
# Cues read word by word, backwards from the value: the nearest decides. A word alone, or a
# word with one of the words just before it.
_ROLE_WORDS = frozenset(
    ("you", "you'll", "you're", "your", "candidate", "candidates", "applicant", "seeking")
)
_ROLE_NOUNS = frozenset(("role", "position", "job", "vacancy", "opening", "post", "one"))
_ROLE_AFTER: dict[str, frozenset[str]] = {
    "hiring": frozenset(("is", "are")),
    "for": frozenset(("looking",)),
    "hire": frozenset(("new", "successful", "ideal", "selected")),
}
_OTHER_WORDS = frozenset(
    (
        *("helps", "builds", "makes", "sells", "designs", "serves", "provides", "supports"),
        *("connects", "powers", "enables", "lets", "teaches", "places", "recruit", "recruits"),
        *("recruiting", "manage", "mentor", "coach", "founded", "established", "previously"),
        *("formerly", "tuition", "reimbursement", "reimburse", "reimbursed", "sponsor"),
        *("sponsors", "sponsored", "sponsorship"),
    )
)
_OTHER_AFTER: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        (
            *("help", "build", "make", "sell", "design", "serve", "provide", "teach"),
            *("connect", "power", "enable", "employ", "moved", "raised", "place"),
        ),
        frozenset(("we",)),
    ),
    **dict.fromkeys(("a", "an", "the"), frozenset(("we're",))),
    **dict.fromkeys(
        (
            *("customer", "customers", "client", "clients", "user", "users", "product"),
            *("products", "platform", "app", "software", "solution", "solutions", "service"),
            *("services", "tool", "tools", "founder", "founders", "investor", "investors"),
            *("partner", "partners", "student", "students", "company", "business", "sister"),
            *("corporate", "engineers"),
        ),
        frozenset(("our", "the", "its")),
    ),
    **dict.fromkeys(
        ("roles", "openings", "positions", "jobs", "vacancies", "teams", "offices"),
        frozenset(("other",)),
    ),
    "team": frozenset(("lead", "leading")),
    "to": frozenset(("used",)),
    "of": frozenset(("regardless",)),
}
# "most of our", "we help students earn", "lead a team": two words back
_OF_OURS = frozenset(("most", "many", "some", "rest", "half"))  # "all of our roles" covers it
_TWO_BACK = {"a": ("we", "are"), "an": ("we", "are"), "team": ("lead", "a")}
_EARN = frozenset(("earn", "get", "find", "pass"))
_WORD = re.compile(r"[\w'’-]+")
_CUES = frozenset(
    (
        *_ROLE_WORDS,
        *_ROLE_NOUNS,
        *_ROLE_AFTER,
        *_OTHER_WORDS,
        *_OTHER_AFTER,
        *_EARN,
        *_TWO_BACK,
        "our",
        "the",
    )
)
_OTHERS_AFTER = re.compile(
    r"(?:ers|force)\b|[\s-]*(?:first\s+)?(?:company|companies|business|organi[sz]ation|startup|"
    r"employer|firm|workers|employees|workforce|customers|clients|users|students|learning|"
    r"vehicles?|cloud|monitoring|sensing)\b"
)


def scope(low: str, start: int, end: int) -> int:
    """1 when the clause before ``low[start:end]`` (lower-cased) scopes it to the role, -1 when
    to someone or something else, 0 when it says neither."""
    clause = max(0, start - 160)
    for stop in (". ", "\n", "; ", "! ", "? "):
        at = low.rfind(stop, clause, start)
        if at >= 0:
            clause = at + len(stop)
    if low.find(", ", clause, start) >= 0:
        for stop in (", but ", ", while ", ", whereas "):
            at = low.rfind(stop, clause, start)
            if at >= 0:
                clause = at + len(stop)
    before = _WORD.findall(low, clause, start)
    # A role named in the value itself counts too: "position is part-time".
    words = before + _WORD.findall(low, start, end)
    for at in range(len(words) - 1, -1, -1):
        word = words[at]
        if word not in _CUES:
            continue
        last = words[at - 1] if at else ""
        if (
            word in _ROLE_WORDS
            or (word in _ROLE_NOUNS and ("this" in words[max(0, at - 4) : at] or last == "the"))
            or (word in _ROLE_AFTER and last in _ROLE_AFTER[word])
        ):
            return 1
        if at >= len(before):
            continue
        if (
            word in _OTHER_WORDS
            or (word in _OTHER_AFTER and last in _OTHER_AFTER[word])
            or (word in ("our", "the") and last == "of" and at > 1 and words[at - 2] in _OF_OURS)
            or (word in _EARN and any(w.startswith("help") for w in words[max(0, at - 3) : at]))
            or (at == 0 and word == "our")
            or (at > 1 and _TWO_BACK.get(word) == (words[at - 2], last))
        ):
            return -1
    return -1 if _OTHERS_AFTER.match(low, end) else 0
