"""Years of experience stated next to a skill: "MongoDB : 3+ years", "5+ years with Node.js",
"3 years of Python", "опыт работы с Python от 3 лет", "3 Jahre Erfahrung mit Java"."""

from __future__ import annotations

import re
from bisect import bisect_left

from services.enricher.skills.matcher import Hit, Scan
from services.enricher.skills.textnorm import words

# The number before a year word, on the normalized lower-case text: "5+", "3 5", "3 to 5".
NUMBER = re.compile(r"(?<![\w.])(\d{1,2})\+? (?:(?:to |до |bis |till |do )?\d{1,2}\+? )?$")
# What may stand between a skill and the years stated after it ("Python : 3+ years",
# "Node.js (v18+) : 5+ years", "Python от 3 лет"): "at least" words and version numbers.
BACK_GAP = words("от не менее более min minimum at least mindestens minst co najmniej ponad over")
_VERSION = re.compile(r"v?\d+(?:\.\d+)*\+?")
# What may stand between years and the skill they are stated for ("5+ years of production
# experience with Node.js", "3 года опыта работы с Python"); any other word ("10 years ago, we
# build with Rust") means the number is about something else.
FORWARD_GAP = words(
    "of experience experienced hands on handson hands-on professional production commercial "
    "industry relevant proven solid strong working work with in using programming development "
    "writing building "
    "developing coding software engineering backend frontend as a an the at least minimum "
    "опыт опыта работы работа с на коммерческой коммерческий разработки промышленной "
    "erfahrung mit der im praktische berufserfahrung doświadczenia doświadczenie z w "
    "komercyjnego programowania erfarenhet av i med inom de experiencia con experiência em com d "
    "expérience ervaring met en"
)
FORWARD_TOKENS = 9


def _back_ok(gap: str) -> bool:
    if "\n" in gap:
        return False
    tokens = gap.split()
    return len(tokens) <= 4 and all(t in BACK_GAP or _VERSION.fullmatch(t) for t in tokens)


def _forward_ok(gap: str) -> bool:
    if "\n" in gap:
        return False
    tokens = gap.split()
    return len(tokens) <= FORWARD_TOKENS and all(t in FORWARD_GAP for t in tokens)


def attach_years(found: Scan, hits: list[Hit]) -> dict[int, float]:
    """Hit index -> years stated next to it (backwards first: "MongoDB : 3+ years")."""
    result: dict[int, float] = {}
    if not hits:
        return result
    starts = [h.start for h in hits]
    for word_start, word_end in found.year_words:
        number = NUMBER.search(found.lower, max(0, word_start - 16), word_start + 1)
        if number is None or int(number.group(1)) > 40:
            continue
        years = float(number.group(1))
        index = _owner(found.lower, hits, starts, number.start(), word_end)
        if index is not None:
            result[index] = max(result.get(index, 0.0), years)
    return result


def _owner(lower: str, hits: list[Hit], starts: list[int], at: int, end: int) -> int | None:
    """The hit years between ``at`` and ``end`` are stated for: the one right before them
    ("MongoDB : 3+ years"), else the one they lead to ("3 years with Go"), which also wins over
    one further back ("5+ years of backend development, at least 3 years with Go")."""
    before = _nearest_before(hits, starts, at)
    back = before is not None and _back_ok(gap := lower[hits[before].end : at])
    if back and not gap.strip():
        return before
    after = _nearest_after(hits, starts, end)
    if after is not None and _forward_ok(lower[end : hits[after].start + 1]):
        return after
    return before if back else None


def _nearest_before(hits: list[Hit], starts: list[int], at: int) -> int | None:
    i = bisect_left(starts, at) - 1
    return i if i >= 0 and hits[i].end <= at + 1 else None


def _nearest_after(hits: list[Hit], starts: list[int], at: int) -> int | None:
    i = bisect_left(starts, at - 1)
    return i if i < len(hits) else None
