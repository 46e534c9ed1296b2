"""Education {level, fields}: the lowest degree the posting states, and the fields it names.

"Bachelor's or Master's degree in Computer Science or Engineering" -> bachelor, ["computer
science", "engineering"]. An unqualified "degree" ("university degree", "degree in X") counts as
bachelor; "associate" counts only as "associate degree", "master" only as a degree, never as in
"Scrum Master".
"""

from __future__ import annotations

import re

from services.enricher.textscan import held, lines_with, register, scope, word_search
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
        r"degree in\b(?<!master's degree in)(?<!masters degree in)(?<!graduate degree in)"
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
# Qualifications written other ways, each pattern run only where one of its own stems is, so
# the patterns above do not grow: (pattern, level, stems).
_MORE_LEVELS: list[tuple[str, EducationLevel, tuple[str, ...]]] = [
    (
        # "Doctor of Physical Therapy (DPT)", "Doctor of Pharmacy": a doctorate by its name
        r"doctor of (?:physical therapy|pharmacy|medicine|osteopathic|nursing|dental|"
        r"veterinary|optometry|audiology|occupational therapy|psychology|education|"
        r"philosophy|chiropractic|podiatric)|doctorado|doutorado|dottorato|doctorat\b",
        "doctorate",
        ("doctor of", "doctorado", "doutorado", "dottorato", "doctorat"),
    ),
    (
        # In the US a "graduate degree" is a master's or higher.
        r"graduate degree|post-?graduate (?:degree|qualification|diploma)",
        "master",
        ("graduate degree", "postgraduate", "post-graduate"),
    ),
    (
        r"bac ?\+ ?5\b|dipl[ôo]me d'ing[ée]nieur|[ée]cole d'ing[ée]nieurs?\b|"
        r"laurea (?:magistrale|specialistica)|máster\b|mestrado\b",
        "master",
        (
            "bac+",
            "bac +",
            "d'ing",
            "laurea magistrale",
            "laurea specialistica",
            "máster",
            "mestrado",
        ),
    ),
    (
        # India: "Graduate in any stream", "Graduation in Commerce"
        r"graduate in any\b|graduation (?:in|from)\b|baccalaureate degree",
        "bachelor",
        ("graduate in any", "graduation in", "graduation from", "baccalaureate degree"),
    ),
    (
        # France "Bac+3", "licence (professionnelle)"; Italy "laurea (triennale)"; Spain
        # "grado en", "licenciatura", "título universitario"; Portugal and Brazil
        # "licenciatura", "bacharelado", "ensino superior"; the Netherlands "HBO", "WO"
        # (of "HBO of WO" the lower is HBO)
        r"bac ?\+ ?[34]\b|licence (?:professionnelle|pro\b|en\b|de (?!conduire))|"
        r"laurea\b(?! magistrale| specialistica)|"
        r"grado (?:universitario|en\b)|licenciatura|t[íi]tulo universitario|"
        r"titulaci[óo]n universitaria|estudios universitarios|formaci[óo]n universitaria|"
        r"bacharelado|ensino superior|superior completo|"
        r"hbo\b(?=[- /]*(?:of|/|opleiding|niveau|werk|denk|diploma|bachelor|wo\b))|"
        r"wo[- ](?:opleiding|niveau|werk|denk|diploma|bachelor)",
        "bachelor",
        (
            *("bac+", "bac +", "licence pro", "licence en", "licence de", "laurea", "grado "),
            *("licenciatura", "tulo universitario", "titulaci", "estudios universitarios"),
            *("formación universitaria", "formacion universitaria", "bacharelado", "hbo"),
            *("ensino superior", "superior completo", "wo-", "wo opleiding", "wo niveau"),
            *("wo werk", "wo denk", "wo diploma", "wo bachelor"),
        ),
    ),
    (
        # France "Bac+2", "BTS/DUT"; Spain's vocational "grado superior"
        r"bac ?\+ ?2\b|bts ?(?:/|ou) ?dut\b|dut ?(?:/|ou) ?bts\b|grado superior\b",
        "associate",
        ("bac+", "bac +", "bts/", "bts /", "bts ou", "dut/", "dut /", "dut ou", "grado superior"),
    ),
    (
        # UK GCSEs and A-levels, Ireland's Leaving Certificate, South Africa's Matric
        r"gcses?\b|a-levels?\b|a levels\b|leaving cert(?:ificate)?\b|matric\b|matriculation\b",
        "high_school",
        ("gcse", "a-level", "a levels", "leaving cert", "matric"),
    ),
    (
        # Portugal's "12.º ano", Spain's "bachillerato" and "grado medio", Italy's "diploma di
        # scuola superiore / maturità", the French "baccalauréat", the Dutch MBO/HAVO/VWO
        r"12\.?[ºo] ano\b|grado medio\b|ensino secund[áa]rio|"
        r"diploma (?:di|de) (?:scuola (?:media )?superiore|maturit[àa])|baccalaur[ée]at\b|"
        r"bac\b(?! ?\+)|bachillerato\b|(?:mbo|havo|vwo)\b(?=[- /]*(?:\d|niveau|diploma|"
        r"opleiding|werk|denk|of|/))",
        "high_school",
        (
            *("12.º", "12º", "12.o ano", "12o ano", "grado medio", "ensino secund", "scuola"),
            *("maturit", "baccalaur", "bac ", "bac,", "bac.", "bachillerato", "mbo", "havo"),
            "vwo",
        ),
    ),
]
_LEVEL_RES = [(re.compile(p), level, _GATES[level]) for p, level in _LEVELS] + [
    (re.compile(p), level, gate) for p, level, gate in _MORE_LEVELS
]
_STEMS = tuple(dict.fromkeys(stem for _, _, gate in _LEVEL_RES for stem in gate))
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
    *(stem for _, _, stems in _MORE_LEVELS for stem in stems),
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
        # A degree the company, its founders or customers hold ("our PhD-level research team",
        # "we help students earn a bachelor's degree") is no requirement.
        while match and scope(low, match.start(), match.end()) < 0:
            match = word_search(pattern, low, match.start() + 1)
        if match:
            found.append((level, match))
    if not found:
        return None
    level, match = min(found, key=lambda f: _ORDER.index(f[0]))
    start = min(m.start() for _, m in found)
    line_start = text.rfind("\n", 0, start) + 1
    evidence = text[line_start : start + 160].split("\n")[0].strip()
    stated: EducationLevel | None = level
    if level != "none" and _OR_EXPERIENCE.search(_sentence_from(low, match.start())):
        stated = None  # "Degree in CS or equivalent experience": no degree is required
    return Education(level=stated, fields=_fields(text[start : start + 400])), evidence


# Experience accepted in place of the degree: the posting then requires no level.
_OR_EXPERIENCE = re.compile(
    r"\b(?:or|and/or|/)\s+(?:an?\s+)?(?:(?:equivalent|comparable|relevant|related|similar|"
    r"practical|professional|demonstrable|commensurate|applicable|work|industry)\s+){1,3}"
    r"(?:work\s+)?experience|\bor\s+\d+\+?\s+years?\s+(?:of\s+)?(?:\w+\s+){0,2}experience|"
    r"\bor (?:an )?equivalent combination of (?:education|training)"
)
_SENTENCE_STOP = re.compile(r"[.;!?](?:\s|$)|\n")


def _sentence_from(low: str, start: int) -> str:
    """From ``start`` to the end of its sentence ("B.S." does not end one: no space after)."""
    stop = _SENTENCE_STOP.search(low, start)
    return low[start : stop.start() if stop else len(low)]


def parse_statement(value: str) -> Education | None:
    found = from_text(value)
    return found[0] if found else None


_FIELD_SPLIT = re.compile(r"\s*(?:,|/|\bor\b|\band\b|&)\s*")
_ARTICLE = re.compile(r"^(?:a|an|the)\s+")


def _fields(text: str) -> list[str]:
    match = _FIELDS.search(text)
    if match is None:
        return []
    phrase = _FIELD_STOP.sub("", match.group(1)).strip(" ,")
    out: list[str] = []
    for part in _FIELD_SPLIT.split(phrase):
        field = _ARTICLE.sub("", part.strip().lower()).strip(" ,")
        if (
            field
            and not _NOT_FIELD.match(field)
            and len(field.split()) <= 4
            and not any(ch.isdigit() for ch in field)  # "and 3 years of experience"
            and field not in out
        ):
            out.append(field)
    return out
