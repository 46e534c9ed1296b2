"""Cut a posting into evidence units (title, headings, items, sentences) and mark preferred ones.

A unit is what a skill's evidence quotes and the scope of "nice to have" markers. Units under a
heading of kind "preferred", or under a text heading that reads like one, are preferred; so is any
sentence carrying a marker such as "is a plus", "von Vorteil", "mile widziane", "meriterande" or
"будет плюсом".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from services.enricher.skills.textnorm import words
from shared.posting import NormalizedPosting

# "Nice to have" markers, matched as whole tokens by the skills automaton itself (one pass over the
# text finds skills and markers alike).
MARKERS = (
    "nice to have",
    "nice to haves",
    "good to have",
    "preferred",
    "preferably",
    "preferable",
    "a plus",
    "big plus",
    "huge plus",
    "is plus",
    "plus point",
    "plus points",
    "bonus",
    "an advantage",
    "is advantage",
    "advantageous",
    "desirable",
    "desired",
    "ideally",
    "optional",
    "not required",
    "beneficial",
    "would be great",
    "would be nice",
    "von vorteil",
    "wünschenswert",
    "wünschenswerte",
    "ein plus",
    "idealerweise",
    "wäre schön",
    "pluspunkt",
    "gerne gesehen",
    "mile widziane",
    "mile widziana",
    "mile widziany",
    "mile widziani",
    "atut",
    "atutem",
    "plusem",
    "preferowane",
    "preferowana",
    "preferowany",
    "meriterande",
    "meriterar",
    "ett plus",
    "önskvärt",
    "önskvärd",
    "en fördel",
    "fördelaktigt",
    "плюсом",
    "желательно",
    "желателен",
    "желательна",
    "желательны",
    "приветствуется",
    "приветствуются",
    "преимуществом",
    "преимущество",
    "не обязательно",
    "как плюс",
    "un plus",
    "un atout",
    "se valora",
    "se valorará",
    "valorable",
    "deseable",
    "diferencial",
    "diferenciais",
    "pluspunt",
    "een pluspunt",
)
# Words that, after a number, state years of experience ("5+ years", "от 3 лет", "3 Jahre").
YEAR_WORDS = (
    "year",
    "years",
    "yr",
    "yrs",
    "лет",
    "год",
    "года",
    "jahr",
    "jahre",
    "jahren",
    "lat",
    "lata",
    "år",
    "års",
    "años",
    "anos",
    "ans",
    "jaar",
)
_HEADING_WORDS = re.compile(
    r"^(?:[#*\s]*)(?:key\s+|core\s+|required\s+|preferred\s+|technical\s+|must\s+|your\s+|"
    r"additional\s+|desired\s+|minimum\s+|basic\s+)?"
    r"(?:requirements?|qualifications?|responsibilities|skills|tech(?:nical)?\s+stack|stack|"
    r"technolog|tools|nice|bonus|preferred|what\s+you|who\s+you|about|benefits|we\s+offer|"
    r"must\s+have|good\s+to\s+have|требовани|обязанност|условия|мы\s+предлагаем|"
    r"будет\s+плюсом|плюсом|желательно|навыки|стек|технологи|wymagania|mile\s+widziane|"
    r"oferujemy|obowiązki|umiejętności|technologie|krav|meriterande|vi\s+erbjuder|"
    r"kvalifikationer|arbetsuppgifter|anforderungen|aufgaben|wir\s+bieten|von\s+vorteil|"
    r"wünschenswert|profil|kenntnisse|kompetens|requisitos|se\s+valorar|diferenciais|"
    r"wat\s+vragen\s+wij|wat\s+bieden\s+wij)",
)
_SKILL_WORDS = (
    "skills",
    "stack",
    "technologies",
    "technology",
    "tools",
    "languages",
    "frameworks",
    "libraries",
    "databases",
    "platforms",
    "such as",
    "e.g",
    "including",
    "навык",
    "стек",
    "технологи",
    "umiejętno",
    "kompetens",
    "kenntnisse",
    "verktyg",
)
_SKILL_WORD = re.compile("|".join(re.escape(word) for word in _SKILL_WORDS))
"""Any of the words, anywhere: one regex search instead of a substring test per word."""
# Words that end in a dot inside a sentence: "Postman bzw. REST Assured", "min. 3 lata".
_ABBREVIATIONS = frozenset(
    word
    for base in words(
        "e.g i.e eg ie approx incl min max vs bzw z.b ggf inkl mind evtl bspw d.h u.a ca np tj "
        "m.in t.ex bl.a т.е напр мин"
    )
    for word in (base, base.title())
)
# Where a line may carry a marker, cheaply: only such a line is cut into clauses at "; ".
_MARKER_STEM = re.compile(
    r"plus|prefer|nice|bonus|advantage|desir|ideal|optional|benefic|vorteil|wünschens|"
    r"mile widzian|atut|meriter|önskvär|fördel|плюс|желател|приветству|преимуществ|atout|valora|"
    r"deseab|diferencia"
)
_BULLET = re.compile(r"^\s*(?:[-*•·–—▪◦►✓✔]|\d{1,2}[.)])\s+")
_BULLET_LEAD = frozenset("-*•·–—▪◦►✓✔")  # a bullet opens with one of these, a digit or a space


class Unit(NamedTuple):  # a tuple: a posting makes dozens, and tuples are cheap to build
    text: str
    listy: bool
    """Under a skills / "such as:" heading, where a bare "Go" or "Rust" is a technology."""
    heading: bool = False
    section_preferred: bool = False
    """In a section of kind "preferred"."""
    title: bool = False
    """The posting's title, where a lone "Chef" is a job, not a tool."""


_unit = tuple.__new__
"""``_unit(Unit, (text, listy, heading, section_preferred, title))``: a Unit without the keyword
handling of its generated ``__new__``."""


def is_heading(line: str) -> bool:
    if len(line) > 80 or line.endswith((".", ",", ";")):
        return False
    lead = line[:1]
    if (lead in _BULLET_LEAD or lead.isdigit() or lead.isspace()) and _BULLET.match(line):
        return False
    return line.endswith(":") or bool(_HEADING_WORDS.match(line.lower()))


def is_skill_heading(heading: str) -> bool:
    return _SKILL_WORD.search(heading.lower()) is not None


def sentences(line: str) -> list[str]:
    """Sentences of a line (not cut after "bzw." or "min."); and where a "nice to have" marker
    follows a "; ", the clauses either side of it, so the marker stays in its own: "Advanced
    Excel and Power Query; VBA is a plus" (one-word clauses stay a list: "Python; Go")."""
    split = [line]
    if ". " in line:
        parts = line.split(". ")
        split = [p + "." for p in parts[:-1]] + [parts[-1]]
        # Cheap test first (the words near each cut), exact one where it may have found one.
        near_cuts = " ".join([p[-6:] for p in parts[:-1]]).replace("(", " ").split()
        if not _ABBREVIATIONS.isdisjoint(near_cuts):
            split = _join_abbreviations(split)
    cut = line.find("; ")
    if cut == -1 or not _MARKER_STEM.search(line[cut:].lower()):
        return split
    if _MARKER_STEM.search(line[:cut].lower()):  # "Nice to have: Swift; CI with Codemagic"
        return split
    return [clause for sentence in split for clause in _clauses(sentence)]


def _join_abbreviations(split: list[str]) -> list[str]:
    joined = [split[0]]
    for part in split[1:]:
        last = joined[-1]
        if last[last.rfind(" ") + 1 : -1].lstrip("(") in _ABBREVIATIONS:
            joined[-1] = f"{last} {part}"
        else:
            joined.append(part)
    return joined


def _clauses(sentence: str) -> list[str]:
    clauses: list[str] = []
    for part in sentence.split("; "):
        if clauses and (len(part.split()) < 2 or len(clauses[-1].split()) < 2):
            clauses[-1] += "; " + part
        else:
            clauses.append(part)
    return clauses


def units_from_lines(lines: list[str], preferred: bool = False, listy: bool = False) -> list[Unit]:
    units: list[Unit] = []
    append = units.append
    in_list = listy
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        # is_heading, its cheap rejections first (most lines are long or end in a period)
        if len(line) <= 80 and line[-1] not in ".,;" and is_heading(line):
            in_list = listy or is_skill_heading(line)
            append(_unit(Unit, (line, in_list, True, preferred, False)))
            continue
        if ". " in line or ";" in line:
            for sentence in sentences(line):
                append(_unit(Unit, (sentence, in_list, False, preferred, False)))
        else:
            append(_unit(Unit, (line, in_list, False, preferred, False)))
    return units


def preferred_flags(units: list[Unit], marked: set[int]) -> list[bool]:
    """Whether each unit is preferred: its section's kind, a marked heading above it, or its own
    marker ("Experience with Kafka is a plus")."""
    flags: list[bool] = []
    under_marked_heading = False
    for index, unit in enumerate(units):
        if unit.heading:
            under_marked_heading = index in marked
        flags.append(unit.section_preferred or under_marked_heading or index in marked)
    return flags


def posting_units(posting: NormalizedPosting) -> list[Unit]:
    """Units of the title and description; sections when they cover the text, else its lines."""
    units = [_unit(Unit, (posting.title, False, False, False, True))] if posting.title else []
    description = posting.description
    sections = description.sections
    if sections and sum(len(item) for s in sections for item in s.items) >= 0.6 * len(
        description.text
    ):
        for section in sections:
            heading = (section.heading or "").strip()
            pref = section.kind == "preferred"
            listy = bool(heading) and is_skill_heading(heading)
            # A section always starts under its own heading, so a marked one above does not leak.
            units.append(_unit(Unit, (heading or "-", listy, True, pref, False)))
            units += units_from_lines(section.items, pref, listy)
    else:
        units += units_from_lines(description.text.splitlines())
    return units
