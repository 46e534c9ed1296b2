"""Education {level, fields}: the lowest degree the posting states, and the fields it names.

"Bachelor's or Master's degree in Computer Science or Engineering" -> bachelor, ["computer
science", "engineering"]. An unqualified "degree" ("university degree", "degree in X") counts as
bachelor; "associate" counts only as "associate degree", "master" only as a degree, never as in
"Scrum Master".
"""

from __future__ import annotations

import re

from services.enricher.textscan import lines_with
from shared.posting import Education, EducationLevel

_ORDER: list[EducationLevel] = [
    "none",
    "high_school",
    "associate",
    "bachelor",
    "master",
    "doctorate",
]
_LEVELS: list[tuple[str, EducationLevel]] = [
    (
        r"\bno (?:formal )?degree (?:is )?required|\bdegree not required|без опыта и образования",
        "none",
    ),
    (
        r"\bph\.?\s?d\b|\bdoctorate\b|\bdoctoral degree|\bpromotion\b|\bdoktor|\bdoktorsexamen|"
        r"\bdisputerad|\bкандидат(?:а)? наук|\bстепень доктора",
        "doctorate",
    ),
    (
        r"\bmaster'?s?(?:'s)? (?:degree|of|in)\b|\bmasters? degree|\bm\.?sc\b|\bm\.s\.|\bms in\b|"
        r"\bmba\b|"
        r"\bm\.?tech\b|\bmasterexamen|\bcivilingenjör|\bmagister|\bstudia magisterskie|\bмагистр|"
        r"\bmaster(?:abschluss|studium)|\bdiplom\b",
        "master",
    ),
    (
        r"\bbachelor|\bb\.?sc\b|\bb\.s\.|\bbs (?:in|degree)\b|\bba (?:in|degree)\b|\bb\.a\.|"
        r"\bb\.?tech\b|\bb\.e\.|\bundergraduate degree|\b(?:university|college|academic|"
        r"four-year|4-year) degree|(?<!master's )(?<!masters )(?<!master )(?<!associate's )"
        r"(?<!associate )(?<!doctoral )\bdegree in\b|\bkandidatexamen|"
        r"\bhögskoleexamen|\buniversitetsexamen|\bhochschulstudium|\babgeschlossenes studium|"
        r"\bstudium\b|\blicencjat|\binżynier|\bwykształcenie wyższe|\bвысшее\b|"
        r"\bбакалавр",
        "bachelor",
    ),
    (
        r"\bassociate'?s? degree|\bdiploma in\b|\bсреднее специальное|\bсреднее профессиональное|"
        r"\beftergymnasial|\bhnd\b",
        "associate",
    ),
    (
        r"\bhigh school|\bsecondary school|\bged\b|\bgymnasie|\babitur|\bmatura\b|"
        r"\bwykształcenie średnie|\bсреднее образование|\b12th pass|\bhsc\b",
        "high_school",
    ),
]
_LEVEL_RES = [(re.compile(p, re.I), level) for p, level in _LEVELS]
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
    "hsc",
    "12th",
    "hnd",
    "promotion",
    "disputerad",
    "eftergymnasial",
    "степен",
    "associate",
)


def from_text(text: str) -> tuple[Education, str] | None:
    text = lines_with(text, _TRIGGERS)
    if not text:
        return None
    found: list[tuple[EducationLevel, re.Match[str]]] = []
    for pattern, level in _LEVEL_RES:
        match = pattern.search(text)
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
