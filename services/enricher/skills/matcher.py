"""Find taxonomy skills in evidence units: Aho-Corasick over normalized text, then context rules.

A key of mode "context" (a name that is also an ordinary word: Go, R, Rust, Swift, Spring,
Express...) counts only in the case the taxonomy writes it and with tech context: a skills list,
a list separator next to another accepted technology, a cue word ("Go developer", "C programming",
"experience with Spring"), or a run of such names in a sentence about tools or frameworks.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from services.enricher.skills.taxonomy import (
    MARKER,
    MODE_CASE,
    MODE_CONTEXT,
    NOT_A_SKILL,
    Entry,
    Taxonomy,
)
from services.enricher.skills.textnorm import BOUNDARY, normalize, words
from services.enricher.skills.units import Unit

LIST_GAP = words(
    "or and as well etc plus и или а также och eller samt und oder sowie i lub oraz albo czy"
)
CUE_AFTER = words(
    "developer developers development engineer engineers programming programmer programmers "
    "language lang code coding framework frameworks sdk stack ecosystem backend apps "
    "toolchain разработчик разработчика разработка программист programista programisty "
    "utvecklare entwickler entwicklung"
)
CUE_VERB = words(
    "experience experienced proficiency proficient expertise knowledge skilled skills written "
    "programming coding development familiarity familiar build built building write writing "
    "develop developed опыт знание знания владение doświadczenie znajomość erfarenhet kunskap "
    "kenntnisse erfahrung"
)
CUE_PREP = words("in with of using on в с z w av i mit")
CUE_NOUN = words("знание знания знаний владение владения znajomość znajomości")
"""Nouns that take the tool with no preposition: "Знание Rhino", "владение Go", "znajomość Go"."""
TECH_CUE = words(
    "framework frameworks library libraries tools tooling stack queue queues broker brokers "
    "database databases scheduling scheduler languages language platform platforms systems "
    "technologies фреймворки библиотеки инструменты стек технологии narzędzia biblioteki "
    "verktyg ramverk werkzeuge bibliotheken"
)


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    skill: int
    mode: int
    case_ok: bool
    unit: int
    lower: bool = False
    """Written all in lower case ("python, go, bash"): lists typed that way count as lists."""
    accepted: bool = False


@dataclass(slots=True)
class Scan:
    """One posting's normalized text and the raw hits in it."""

    cased: str
    lower: str
    bounds: list[int]
    tech: list[Hit]
    esco: list[Hit]
    marked: set[int]
    """Units that carry a "nice to have" marker."""
    year_words: list[tuple[int, int]]
    """Spans of "years" words ("5+ years", "от 3 лет")."""

    def unit_span(self, unit: int) -> tuple[int, int]:
        start = self.bounds[unit - 1] if unit else 0
        end = self.bounds[unit] if unit < len(self.bounds) else len(self.lower)
        return start, end


def scan(units: list[Unit], taxonomy: Taxonomy) -> Scan:
    joined = f" {BOUNDARY} ".join(u.text.replace(BOUNDARY, " ") for u in units)
    cased, lower = normalize(joined)
    bounds = []
    at = lower.find(BOUNDARY)
    while at != -1:
        bounds.append(at)
        at = lower.find(BOUNDARY, at + 1)
    found = Scan(cased, lower, bounds, [], [], set(), [])
    # Leftmost-longest within each layer: technologies and ESCO labels may overlap each other.
    layers: tuple[list, list] = ([], [])
    for start, end, entry in taxonomy.find(lower):
        skill = entry[1]
        if skill == NOT_A_SKILL:
            _choose(layers[0], start, end, entry)  # wins over the shorter name it begins with
            continue
        if skill < 0:
            if skill == MARKER:
                found.marked.add(bisect_right(bounds, start))
            else:
                found.year_words.append((start, end))
            continue
        _choose(layers[skill >= taxonomy.technologies], start, end, entry)
    for chosen, out in zip(layers, (found.tech, found.esco), strict=True):
        for start, end, (_, skill, mode, forms) in chosen:
            if skill == NOT_A_SKILL:
                continue
            surface = cased[start + 1 : end]
            case_ok = mode < MODE_CASE or surface in forms
            unit = bisect_right(bounds, start)
            out.append(Hit(start, end, skill, mode, case_ok, unit, surface.islower()))
    return found


def _choose(chosen: list, start: int, end: int, entry: Entry) -> None:
    """Add one match (they arrive by end position) to non-overlapping, leftmost-longest picks."""
    first = len(chosen)
    while first and chosen[first - 1][1] > start:  # picks that overlap the new match
        first -= 1
    if first < len(chosen) and chosen[first][0] < start:
        return  # an overlapping pick starts further left: it wins
    del chosen[first:]  # the new match starts as far left or further, and ends later
    chosen.append((start, end, entry))


def _tokens(text: str) -> list[str]:
    return text.split()


def _list_adjacent(found: Scan, left: Hit, right: Hit) -> bool:
    if left.unit != right.unit:
        return False
    gap = _tokens(found.lower[left.end : right.start + 1])  # separators are spaces by now
    return len(gap) <= 3 and all(t in LIST_GAP for t in gap)


def _cued(found: Scan, hit: Hit, unit_start: int) -> bool:
    after = _tokens(found.lower[hit.end : hit.end + 40])
    if after and after[0] in CUE_AFTER:
        return True
    before = _tokens(found.lower[max(unit_start, hit.start - 60) : hit.start + 1])
    if before and (before[-1] == "using" or before[-1] in CUE_NOUN):
        return True
    return len(before) >= 2 and before[-1] in CUE_PREP and before[-2] in CUE_VERB


def _covers_unit(found: Scan, hit: Hit) -> bool:
    start, end = found.unit_span(hit.unit)
    unit_text = found.lower[start:end].strip(" \n")
    return (hit.end - hit.start - 1) * 5 >= len(unit_text) * 4  # the whole item: "- Go", "Rust."


def resolve(found: Scan, units: list[Unit]) -> list[Hit]:
    """Accept plain hits, case-checked hits, and context hits that have tech context."""
    hits = found.tech
    for hit in hits:
        if hit.mode < MODE_CONTEXT:
            hit.accepted = hit.case_ok
        elif hit.case_ok:
            listy = units[hit.unit].listy
            unit_start = found.unit_span(hit.unit)[0]
            hit.accepted = listy or _covers_unit(found, hit) or _cued(found, hit, unit_start)
    _spread_along_lists(found, hits)
    _accept_runs(found, hits)
    return [h for h in hits if h.accepted] + [h for h in found.esco if h.case_ok]


def _spread_along_lists(found: Scan, hits: list[Hit]) -> None:
    """A context name in a list next to an accepted technology is one too: "Python, Go, Rust"."""
    changed = True
    while changed:
        changed = False
        for i, hit in enumerate(hits):
            if hit.accepted or not (hit.case_ok or hit.lower):
                continue
            left = hits[i - 1] if i else None
            right = hits[i + 1] if i + 1 < len(hits) else None
            if _spreads(found, left, hit, hit) or _spreads(found, hit, right, hit):
                hit.accepted = changed = True


def _spreads(found: Scan, left: Hit | None, right: Hit | None, hit: Hit) -> bool:
    """Whether ``hit`` (``left`` or ``right``) is listed next to an accepted neighbour; a name in
    another case than the taxonomy's counts only in an all-lower-case list ("bash, linux")."""
    if left is None or right is None:
        return False
    neighbour = right if hit is left else left
    if not neighbour.accepted or not (hit.case_ok or neighbour.lower):
        return False
    return _list_adjacent(found, left, right)


def _accept_runs(found: Scan, hits: list[Hit]) -> None:
    """Two or more listed context names in a sentence about tools: "(Agenda, Bull, or similar)"."""
    for i in range(len(hits) - 1):
        left, right = hits[i], hits[i + 1]
        if left.accepted or right.accepted or not (left.case_ok and right.case_ok):
            continue
        if left.mode == right.mode == MODE_CONTEXT and _list_adjacent(found, left, right):
            start, end = found.unit_span(left.unit)
            if TECH_CUE.intersection(_tokens(found.lower[start:end])):
                left.accepted = right.accepted = True
