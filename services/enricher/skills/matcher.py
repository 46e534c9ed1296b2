"""Find taxonomy skills in evidence units: Aho-Corasick over normalized text, then context rules.

A key of mode "context" (a name that is also an ordinary word: Go, R, Rust, Swift, Spring,
Express...) counts only in the case the taxonomy writes it and with tech context: a skills list,
a list separator next to another accepted technology, an item made of names only ("Dagger/Hilt,
Retrofit, Room"), a cue word ("Go developer", "C programming", "experience with Spring", "Go is a
plus", Russian words around it, a title's "Engineer (Go)"), or a run of such names in a sentence
about tools or next to another technology.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from services.enricher.skills.prefixes import distribute
from services.enricher.skills.taxonomy import (
    MARKER,
    MODE_CASE,
    MODE_CONTEXT,
    NOT_A_SKILL,
    Taxonomy,
)
from services.enricher.skills.textnorm import BOUNDARY, normalize, words
from services.enricher.skills.units import Unit

LIST_GAP = words(
    "or and as well etc plus и или либо а также och eller samt und oder sowie bzw i lub oraz "
    "albo czy e y et ou o en of"
)
"""Words between listed names, "and"/"or" in English, Russian, Swedish, German, Polish, and in
Portuguese, Spanish, French and Dutch ("Flutter e Dart", "Kotlin ou Swift", "Angular of React")."""
VERSION = re.compile(r"v?\d+(?:\.(?:\d+|x))*\+?")
"""A version between listed names: "Vue.js 3 und Nuxt", "Java 17+, Kotlin"."""
LIST_CHARS = 200
"""The longest item read as a list of names only."""
CUE_AFTER = words(
    "developer developers development engineer engineers programming programmer programmers skills "
    "language lang code coding framework frameworks sdk stack ecosystem backend apps "
    "toolchain knowledge scripting разработчик разработчика разработка программист programista "
    "programisty utvecklare entwickler entwicklung"
)
CUE_VERB = words(
    "experience experienced understanding proficiency proficient expertise knowledge skilled "
    "skills written programming coding development familiarity familiar build built building "
    "write writing "
    "develop developed опыт знание знания владение doświadczenie znajomość erfarenhet kunskap "
    "kenntnisse erfahrung years year yrs лет года работы разработки программирования "
    "программировании doświadczenia programowania programowaniu lat lata kunskaper "
    "erfarenheter års jahre jahren"
)
"""Words before a preposition and the tool: "experience with Go", "3 years of Rust", "опыт
разработки на Go", "doświadczenia w programowaniu w Swift"."""
CUE_PREP = words("in with of using on в с на z w av i mit")
CUE_BARE = words("using writing знание знания знаний владение владения znajomość znajomości")
"""Words that take the tool with no preposition: "writing Go", "владение Go", "znajomość Go"."""
TECH_CUE = words(
    "framework frameworks library libraries tools tooling stack queue queues broker brokers "
    "database databases scheduling scheduler languages language platform platforms systems "
    "technologies фреймворки библиотеки инструменты стек технологии narzędzia biblioteki "
    "verktyg ramverk werkzeuge bibliotheken statistics statistical scripting"
)
ROLE = words(
    "developer engineer programmer architect entwickler utvecklare programista разработчик "
    "программист"
)
"""A job title's role word before the tool: "Backend Engineer (Go)", "Developer - Rust"."""
PLUS_AFTER = tuple(
    f" {phrase} "
    for phrase in (
        "is a plus",
        "is a big plus",
        "is a nice to have",
        "is nice to have",
        "is an advantage",
        "is a bonus",
        "is preferred",
        "is desirable",
        "would be a plus",
        "would be nice",
        "would be great",
        "would be an advantage",
    )
)
"""A name as the subject of a "nice to have" clause: "Rust is a nice to have"."""


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
    joined = f" {BOUNDARY} ".join([u.text for u in units])
    if joined.count(BOUNDARY) != len(units) - 1:  # a unit of several lines: one unit still
        joined = f" {BOUNDARY} ".join(u.text.replace(BOUNDARY, " ") for u in units)
    joined = distribute(joined, taxonomy.prefixes)
    cased, lower = normalize(joined)
    bounds = _bounds(lower)
    found = Scan(cased, lower, bounds, [], [], set(), [])
    # Leftmost-longest within each layer: technologies and ESCO labels may overlap each other.
    # (_choose, inlined: a posting has dozens of matches.)
    tech: list[tuple[int, int, int]] = []  # (start, end, key index) of the picks
    esco: list[tuple[int, int, int]] = []
    technologies = taxonomy.technologies
    skill_of = taxonomy.skill_of
    for key, start, stop in taxonomy.find_keys(lower):
        skill = skill_of[key]
        if skill < 0:
            if skill == MARKER:
                found.marked.add(bisect_right(bounds, start))
                continue
            if skill != NOT_A_SKILL:
                found.year_words.append((start, stop - 1))
                continue
            chosen = tech  # wins over the shorter name it begins with
        else:
            chosen = esco if skill >= technologies else tech
        first = len(chosen)
        while first and chosen[first - 1][1] > start:  # picks that overlap the new match
            first -= 1
        if first < len(chosen):
            if chosen[first][0] < start:
                continue  # an overlapping pick starts further left: it wins
            del chosen[first:]  # the new match starts as far left or further, and ends later
        chosen.append((start, stop - 1, key))
    mode_of = taxonomy.mode_of
    entries = taxonomy.entries
    for chosen, out in ((tech, found.tech), (esco, found.esco)):
        for start, end, key in chosen:
            skill = skill_of[key]
            if skill == NOT_A_SKILL:
                continue
            surface = cased[start + 1 : end]
            mode = mode_of[key]
            out.append(
                Hit(
                    start,
                    end,
                    skill,
                    mode,
                    mode < MODE_CASE or surface in entries[key][3],
                    bisect_right(bounds, start),
                    surface.islower(),
                )
            )
    return found


def _bounds(lower: str) -> list[int]:
    """Offsets of the unit boundaries in ``lower``."""
    lengths = [len(part) + 1 for part in lower.split(BOUNDARY)]
    lengths[0] -= 1
    del lengths[-1]
    return list(accumulate(lengths))


def _tokens(text: str) -> list[str]:
    return text.split()


def _gap_word(token: str) -> bool:
    return token in LIST_GAP or VERSION.fullmatch(token) is not None


def _list_adjacent(found: Scan, left: Hit, right: Hit) -> bool:
    if left.unit != right.unit:
        return False
    gap = _tokens(found.lower[left.end : right.start + 1])  # separators are spaces by now
    return len(gap) <= 3 and all(_gap_word(t) for t in gap)


def _cyrillic(token: str) -> bool:
    return "\u0400" <= token[0] <= "\u04ff"


def _cued(found: Scan, hit: Hit, unit_start: int, title: bool) -> bool:
    # A Latin-script name inside Russian text is no English word: "Excel на продвинутом уровне".
    latin = not _cyrillic(found.lower[hit.start + 1])
    after = _tokens(found.lower[hit.end : hit.end + 40])
    if after and (after[0] in CUE_AFTER or (latin and _cyrillic(after[0]))):
        return True
    if after and after[0] in ("is", "would") and found.lower.startswith(PLUS_AFTER, hit.end):
        return True
    before = _tokens(found.lower[max(unit_start, hit.start - 60) : hit.start + 1])
    if before and (before[-1] in CUE_BARE or (latin and _cyrillic(before[-1]))):
        return True
    if title and before and before[-1] in ROLE:
        return True
    return len(before) >= 2 and before[-1] in CUE_PREP and before[-2] in CUE_VERB


def _covers_unit(found: Scan, hit: Hit) -> bool:
    start, end = found.unit_span(hit.unit)
    tail = _tokens(found.lower[hit.end : end])
    if tail and all(VERSION.fullmatch(t) for t in tail):  # "- ROS 2", "- Go 1.22"
        end = hit.end
    unit_text = found.lower[start:end].strip(" \n")
    return (hit.end - hit.start - 1) * 5 >= len(unit_text) * 4  # the whole item: "- Go", "Rust."


def resolve(found: Scan, units: list[Unit]) -> list[Hit]:
    """Accept plain hits, case-checked hits, and context hits that have tech context."""
    hits = found.tech
    for hit in hits:
        if hit.mode < MODE_CONTEXT:
            hit.accepted = hit.case_ok
        elif hit.case_ok:
            unit = units[hit.unit]
            hit.accepted = (
                unit.listy
                or (not unit.title and _covers_unit(found, hit))
                or _cued(found, hit, found.unit_span(hit.unit)[0], unit.title)
            )
    if not all(h.accepted for h in hits):
        _accept_name_lists(found, hits, units)
        _spread_along_lists(found, hits)
        _accept_runs(found, hits)
    return [h for h in hits if h.accepted] + [h for h in found.esco if h.case_ok]


def _accept_name_lists(found: Scan, hits: list[Hit], units: list[Unit]) -> None:
    """Names in a unit that is nothing but names: "Dagger/Hilt, Retrofit, Room", "Core Data lub
    Realm" (a title excepted: "Chef" is a job)."""
    waiting = {h.unit for h in hits if h.case_ok and not h.accepted}
    waiting = {u for u in waiting if not units[u].title and len(units[u].text) <= LIST_CHARS}
    if not waiting:
        return
    by_unit: dict[int, list[Hit]] = {}
    for hit in hits:
        if hit.unit in waiting and hit.case_ok:
            by_unit.setdefault(hit.unit, []).append(hit)
    for unit, group in by_unit.items():
        at, end = found.unit_span(unit)
        names = sum(h.end - h.start for h in group)
        if len(group) < 2 or end - at - names > 8 * len(group):  # room for more than separators
            continue
        rest: list[str] = []
        for hit in group:
            rest += _tokens(found.lower[at : hit.start + 1])
            at = hit.end
        rest += _tokens(found.lower[at:end])
        if all(t == BOUNDARY or _gap_word(t) for t in rest):
            for hit in group:
                hit.accepted = True


def _spread_along_lists(found: Scan, hits: list[Hit]) -> None:
    """A context name in a list next to an accepted technology is one too: "Python, Go, Rust"."""
    # The cheap tests first; the text tests, which do not change from pass to pass, once each.
    delimited: dict[int, bool] = {}
    adjacent: dict[int, bool] = {}  # i -> whether hits i - 1 and i are listed next to each other
    last = len(hits) - 1
    changed = True
    while changed:
        changed = False
        for i, hit in enumerate(hits):
            if hit.accepted or not (hit.case_ok or hit.lower):
                continue
            left = hits[i - 1] if i else None
            right = hits[i + 1] if i < last else None
            # Listed next to an accepted neighbour; a name in another case than the taxonomy's
            # counts only in an all-lower-case list ("bash, linux").
            via_left = left is not None and left.accepted and (hit.case_ok or left.lower)
            via_right = right is not None and right.accepted and (hit.case_ok or right.lower)
            if not (via_left or via_right):
                continue
            if not hit.case_ok:
                ok = delimited.get(i)
                if ok is None:
                    ok = delimited[i] = _delimited(found, hit, left, right)
                if not ok:
                    continue
            if (via_left and _adjacent_at(found, hits, i, adjacent)) or (
                via_right and _adjacent_at(found, hits, i + 1, adjacent)
            ):
                hit.accepted = changed = True


def _adjacent_at(found: Scan, hits: list[Hit], i: int, memo: dict[int, bool]) -> bool:
    """``_list_adjacent`` of hits i - 1 and i, computed once."""
    known = memo.get(i)
    if known is None:
        known = memo[i] = _list_adjacent(found, hits[i - 1], hits[i])
    return known


def _delimited(found: Scan, hit: Hit, left: Hit | None, right: Hit | None) -> bool:
    """Whether a name written in another case stands as a list item, not inside prose: a list
    word before it, or the item's end, a list word or another name right after it ("bash, linux,
    less" but not "shell scripts less fragile", where the commas normalization erased are no
    longer there to tell)."""
    if (
        left is not None
        and left.unit == hit.unit
        and any(_gap_word(t) for t in _tokens(found.lower[left.end : hit.start + 1]))
    ):
        return True
    after = _tokens(found.lower[hit.end : hit.end + 40])
    if not after or after[0] == BOUNDARY or _gap_word(after[0]):
        return True
    return right is not None and right.unit == hit.unit and right.start == hit.end


def _accept_runs(found: Scan, hits: list[Hit]) -> None:
    """Two or more listed context names in a sentence about tools ("(Agenda, Bull, or similar)")
    or next to another technology ("Chef and Puppet for configuration management")."""
    for i in range(len(hits) - 1):
        left, right = hits[i], hits[i + 1]
        if left.accepted or right.accepted or not (left.case_ok and right.case_ok):
            continue
        if left.mode == right.mode == MODE_CONTEXT and _list_adjacent(found, left, right):
            start, end = found.unit_span(left.unit)
            if TECH_CUE.intersection(_tokens(found.lower[start:end])) or any(
                h.unit == left.unit and h.accepted and h.mode < MODE_CONTEXT for h in hits
            ):
                left.accepted = right.accepted = True
