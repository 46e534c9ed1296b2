"""Education {level, fields}: the lowest degree the posting states, and the fields it names.

"Bachelor's or Master's degree in Computer Science or Engineering" -> bachelor, ["computer
science", "engineering"]. An unqualified "degree" ("university degree", "degree in X") counts as
bachelor; "associate" counts only as "associate degree", "master" only as a degree, never as in
"Scrum Master".
"""

from __future__ import annotations

import re

from services.enricher.textscan import held, lines_with, register, word_search
from shared.posting import Education, EducationLevel

_ORDER: list[EducationLevel] = [
    "none",
    "high_school",
    "associate",
    "bachelor",
    "master",
    "doctorate",
]
# Matched on lower-cased text, without a leading \b: see textscan.word_search. Every alternative
# opens with a plain letter, so the regex engine skips ahead to where one may start.
_LEVELS: list[tuple[str, EducationLevel]] = [
    (
        r"no (?:formal )?degree (?:is )?required|degree not required|без опыта и образования",
        "none",
    ),
    (
        r"ph\.?\s?d\b|doctorate\b|doctoral degree|promotion\b|doktor|doktorsexamen|"
        r"disputerad|кандидат(?:а)? наук|степень доктора",
        "doctorate",
    ),
    (
        r"master'?s?(?:'s)? (?:degree|of|in)\b|masters? degree|m\.?sc\b|m\.s\.|ms in\b|"
        r"mba\b|m\.?tech\b|ms(?:ee|cs|me|n)\b|masterexamen|civilingenjör|magister|"
        r"studia magisterskie|магистр|"
        r"master(?:abschluss|studium)|diplom\b",
        "master",
    ),
    (
        r"bachelor|b\.?sc\b|bs(?:ee|cs|me|ce|n|ba)\b|b\.s\.|bs (?:in|degree)\b|"
        r"ba (?:in|degree)\b|b\.a\.|"
        r"b\.?tech\b|b\.e\.|undergraduate degree|university degree|college degree|"
        r"academic degree|four-year degree|4-year degree|any graduate\b|"
        # UK: "Degree educated", "educated to degree level"
        r"degree[- ]educated|educated to (?:a )?degree\b|"
        r"degree[- ]level\b(?<!master's degree level)(?<!masters degree level)|"
        r"degree in\b(?<!master's degree in)(?<!masters degree in)"
        r"(?<!master degree in)(?<!associate's degree in)(?<!associate degree in)"
        r"(?<!doctoral degree in)|kandidatexamen|"
        r"högskoleexamen|universitetsexamen|hochschulstudium|abgeschlossenes studium|"
        r"studium\b|licencjat|inżynier|wykształcenie wyższe|высшее\b|"
        r"бакалавр",
        "bachelor",
    ),
    (
        r"associate'?s? degree|diploma in\b|среднее специальное|среднее профессиональное|"
        r"eftergymnasial|hnd\b",
        "associate",
    ),
    (
        r"high school|secondary school|ged\b|gymnasie|abitur|matura\b|"
        r"wykształcenie średnie|среднее образование|12th pass|hsc\b",
        "high_school",
    ),
]
# Literal stems one of a level's patterns needs: a level's regex runs only when one is present.
# Each as long as it can be: a short one ("sc", "tech") is in most texts and gates nothing.
_GATES: dict[EducationLevel, tuple[str, ...]] = {
    "none": ("degree", "без опыта"),
    "doctorate": ("ph", "doctor", "promotion", "doktor", "disputerad", "наук", "доктор"),
    "master": (
        "master",
        "msc",
        "m.sc",
        "m.s.",
        "ms in",
        "mba",
        "mtech",
        "m.tech",
        "msee",
        "mscs",
        "msme",
        "msn",
        "civilingenjör",
        "magist",
        "магистр",
        "diplom",
    ),
    "bachelor": (
        "bachelor",
        "bsc",
        "b.sc",
        "bsee",
        "bsme",
        "bsce",
        "bsn",
        "bsba",
        "b.s.",
        "bs in",
        "bs degree",
        "ba in",
        "ba degree",
        "b.a.",
        "btech",
        "b.tech",
        "b.e.",
        "degree",
        "any graduate",
        "examen",
        "studium",
        "licencjat",
        "inżynier",
        "wykształcenie wyższe",
        "высшее",
        "бакалавр",
    ),
    "associate": (
        "associate",
        "diploma in",
        "среднее специальное",
        "среднее профессиональное",
        "eftergymnasial",
        "hnd",
    ),
    "high_school": (
        "high school",
        "secondary",
        "ged",
        "gymnasie",
        "abitur",
        "matura",
        "wykształcenie średnie",
        "среднее образование",
        "12th pass",
        "hsc",
    ),
}
_LEVEL_RES = [(re.compile(p), level, _GATES[level]) for p, level in _LEVELS]
_STEMS = tuple(dict.fromkeys(stem for gate in _GATES.values() for stem in gate))
_FIELDS = re.compile(
    r"(?:degree|diploma|bachelor'?s?|master'?s?|ph\.?d\.?|b\.?sc|m\.?sc|b\.?tech|m\.?tech|"
    r"b\.?s\.?|m\.?s\.?|studies|background)\s*(?:\([^)]*\)\s*)?(?:in|of)\s+([^.;:()\n]{3,160})",
    re.I,
)
_FIELD_STOP = re.compile(
    r"\b(?:or (?:a )?(?:related|similar|equivalent|relevant)|related|"
    r"equivalent|with|and/or experience|preferred|required|from|is a plus|"
    r"plus)\b.*$",
    re.I,
)
_NOT_FIELD = re.compile(
    r"^(?:a|an|the|any|relevant|related|similar|equivalent|field|fields|"
    r"discipline|technical field|quantitative field)$",
    re.I,
)


_TRIGGERS = (
    "degree",
    "bachelor",
    "master",
    "ph.d",
    "phd",
    "doctor",
    "diplom",
    "high school",
    "secondary",
    "ged",
    "mba",
    "bsee",
    "bscs",
    "bsme",
    "bsce",
    "bsn",
    "bsba",
    "msee",
    "mscs",
    "msme",
    "msn",
    "bsc",
    "msc",
    "b.sc",
    "m.sc",
    "btech",
    "mtech",
    "b.tech",
    "m.tech",
    "b.e.",
    "b.s.",
    "m.s.",
    "b.a.",
    "bs ",
    "ba ",
    "ms ",
    "studium",
    "abitur",
    "matura",
    "wykształc",
    "licencjat",
    "magist",
    "inżynier",
    "высше",
    "среднее",
    "бакалавр",
    "магистр",
    "кандидат",
    "examen",
    "gymnasie",
    "civilingenjör",
    "undergraduate",
    "university",
    "college",
    "any graduate",
    "hsc",
    "12th",
    "hnd",
    "promotion",
    "disputerad",
    "eftergymnasial",
    "степен",
    "associate",
)
register(_TRIGGERS)  # all extractors' triggers are found in one pass per text


def from_text(text: str) -> tuple[Education, str] | None:
    text = lines_with(text, _TRIGGERS)
    if not text:
        return None
    found: list[tuple[EducationLevel, re.Match[str]]] = []
    low = text.lower()
    if len(low) != len(text):  # offsets must agree: a few characters change length when lowered
        text = low
    stems = held(low, _STEMS)
    for pattern, level, gate in _LEVEL_RES:
        if stems.isdisjoint(gate):
            continue
        match = word_search(pattern, low)
        if match:
            found.append((level, match))
    if not found:
        return None
    level, match = min(found, key=lambda f: _ORDER.index(f[0]))
    start = min(m.start() for _, m in found)
    line_start = text.rfind("\n", 0, start) + 1
    evidence = text[line_start : start + 160].split("\n")[0].strip()
    return Education(level=level, fields=_fields(text[start : start + 400])), evidence


def parse_statement(value: str) -> Education | None:
    found = from_text(value)
    return found[0] if found else None


def _fields(text: str) -> list[str]:
    match = _FIELDS.search(text)
    if match is None:
        return []
    phrase = _FIELD_STOP.sub("", match.group(1)).strip(" ,")
    out: list[str] = []
    for part in re.split(r"\s*(?:,|/|\bor\b|\band\b|&)\s*", phrase):
        field = re.sub(r"^(?:a|an|the)\s+", "", part.strip().lower()).strip(" ,")
        if field and not _NOT_FIELD.match(field) and len(field.split()) <= 4 and field not in out:
            out.append(field)
    return out
