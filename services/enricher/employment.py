"""Employment type as schema.org values, from source values or from what the text states."""

from __future__ import annotations

import re

from services.enricher.textscan import lines_with, register, word_search

# Ordered: the first pattern that matches a value decides it. Words about a contract's duration
# or kind rather than its hours ("permanent", "regular", "casual", "temp to perm", "fixed term",
# "zero hours") map to no schema.org value: sources disagree on them, so the posting states none.
_NOT_A_TYPE = re.compile(
    r"temp(?:orary)?[ -]to[ -]perm|zero[ -]hours?|fixed[ _-]?term|casual|apprentice|ausbildung",
    re.I,
)
_VALUES: list[tuple[str, str]] = [
    (r"intern|praktik|stage|staż|stażyst|стажир|trainee|werkstudent|^probation$", "INTERN"),
    (r"volunt|ehrenamt|волонт|wolontari", "VOLUNTEER"),
    (r"per[ _-]?diem", "PER_DIEM"),
    (
        r"part[ _-]?time|parttime|teilzeit|deltid|niepełny|częś[cć] etatu|частичн|неполн|^part$",
        "PART_TIME",
    ),
    (
        r"^temp$|temporar|(?<!un)befristet|visstid|tidsbegränsad|czas określony|seasonal|"
        r"saisonal|временн|сезонн|vikariat",
        "TEMPORARY",
    ),
    (
        r"contract|freelanc|b2b|umowa zlecenie|umowa o dzieło|selbstständig|frilans|konsult|"
        r"подряд|проектн|гпх|contractor|1099|corp[ -]to[ -]corp|c2c|^project$",
        "CONTRACTOR",
    ),
    (
        r"full[ _-]?time|fulltime|vollzeit|heltid|pełny etat|pełen etat|полная занятость|"
        r"^полная$|^full$|^fullday$|полный (?:рабочий )?день",
        "FULL_TIME",
    ),
]
_VALUE_RES = [(re.compile(p, re.I), v) for p, v in _VALUES]
_SPLIT = re.compile(r"\s*(?:,|/|\||;|\bor\b|\band\b|&|\bи\b|\bили\b|\bund\b|\boder\b|\blub\b)\s*")
_LABELLED = re.compile(
    r"^\W*(?:job types?|employment(?: type)?|type of employment|contract type|position type|"
    r"work type|job type|schedule|hours|working hours|work patterns?|beschäftigungsart|"
    r"anstellungsart|"
    r"vertragsart|anställningsform|omfattning|arbetstid|rodzaj umowy|wymiar pracy|typ umowy|"
    r"тип занятости|занятость|график работы)\W*[:\-–]\s*(.+)$",
    re.I | re.M,
)
# Free-text statements precise enough to trust ("this is a full-time role"), matched on
# lower-cased text with textscan.word_search (a leading \b makes the scan much slower).
_STATED = re.compile(
    r"(full[- ]time|part[- ]time|contract|temporary|freelance|internship|"
    r"vollzeit|teilzeit|heltid|deltid|pełny etat|b2b|полная занятость|"
    r"частичная занятость)\s+(?:\w+\s+)?(?:position|role|job|opportunity|employment|contract|"
    r"basis|vacancy|stelle|tjänst|anställning|umowa|работа|(?:positions|roles|"
    r"opportunities|vacancies)(?!\s+(?:are|is)\s+eligible|\s+receive|\s+qualify))\b"
    r"|(1099|contracted|freelance|contract)\s+(?:\w+\s+)?(?:position|role|basis|engagement)\b"
    r"|(?:is|as|on) an? (full[- ]time|part[- ]time|contract|temporary|freelance)\b"
    r"|(?:position|role|job|this vacancy) is\W+(?:an?\W+)?(full[- ]time|part[- ]time)\b"
    r"|(?:looking for|hiring|seeking|recruiting)(?:\s+an?)?\W+((?:full|part)[- ]?time"
    r"(?:\s*(?:/|,|&|\band\b|\bor\b)\s*(?:full|part)[- ]?time)*)\b"
)
# A line that opens with the type, alone or in a list: "Full-time, $16/hr, weekends", "Part Time,
# Nights", "Full time and part time shifts", "полная занятость/полный рабочий день". A type word
# followed by anything else ("Full-time employees receive...") states nothing about the role.
_TERM = (
    r"(?:full[- ]?time|part[- ]?time|vollzeit|teilzeit|heltid|deltid|pe[lł]n[yea] etat|"
    r"niepe[lł]ny etat|(?:полная|частичная|неполная) занятость|полный (?:рабочий )?день|"
    r"contract|temporary|freelance|"
    r"internship|b2b)"
)
_JOIN = r"\s*(?:,|/|;|\||&|\+|\band\b|\bor\b|\bи\b|\bили\b|\bund\b|\boder\b|\blub\b)\s*"
_LEADING = re.compile(
    rf"^[^\w\n]*({_TERM}(?:{_JOIN}{_TERM})*)(?=(?:\s+(?:available|only|positions?|roles?|"
    rf"jobs?|basis|shifts?|vacanc(?:y|ies)))?[^\S\n]*(?:[,;/|.!()*:–-]|$))",
    re.M,
)
# Hours named next to a contract kind in one value: "Temporary Full Time" is both.
_HOURS = [(p, v) for p, v in _VALUE_RES if v in ("FULL_TIME", "PART_TIME")]
# A title that names the hours: "Part-Time Caregiver", "Direct Hire//Full time//Technologist",
# or the kind as a segment of its own: "(1099 Contract) Architect", "Data Engineer - Freelance"
# ("Contract Manager" manages contracts).
_TITLE = re.compile(
    r"\b(?:full|part)[ _-]?time\b|(?:^|[(\[,|/–—-]\s*)((?:1099\s+)?contract(?:or)?|freelance|"
    r"internship|temporary|temp)\s*(?:[)\],|/–—-]|$)",
    re.I,
)


_TRIGGERS = (
    "time",
    "contract",
    "temporar",
    "fixed",
    "freelanc",
    "intern",
    "permanent",
    "vollzeit",
    "teilzeit",
    "heltid",
    "deltid",
    "etat",
    "b2b",
    "занятост",
    "полный",
    "1099",
    "type",
    "schedule",
    "umowa",
    "anställ",
    "график",
    "befrist",
    "beschäftigung",
    "omfattning",
    "arbetstid",
    "wymiar",
    "employment",
)
register(_TRIGGERS)  # all extractors' triggers are found in one pass per text


def normalize(values: list[str]) -> list[str]:
    """Source values ("Full-Time", "full_time", "B2B", "Vollzeit") to schema.org values."""
    out: list[str] = []
    for raw in values:
        for part in _SPLIT.split(raw):
            value = _one(part)
            if value and value not in out:
                out.append(value)
            if value in ("TEMPORARY", "CONTRACTOR", "INTERN"):  # "Temporary Full Time"
                hours = next((v for p, v in _HOURS if p.search(part)), None)
                if hours and hours not in out:
                    out.append(hours)
    return out


def from_text(text: str) -> tuple[list[str], str] | None:
    """(values, evidence) from a labelled line, else from a precise statement."""
    text = lines_with(text, _TRIGGERS)
    if not text:
        return None
    values: list[str] = []
    lines: list[str] = []
    for labelled in _LABELLED.finditer(text):  # "Hours: Part time" and "Contract type: ..."
        stated = [v for v in normalize([labelled.group(1)]) if v not in values]
        if stated:
            values += stated
            lines.append(labelled.group(0).strip())
    if values:
        return values, "; ".join(lines)[:160]
    found: list[str] = []
    evidence = ""
    low = text.lower()
    source = text if len(low) == len(text) else low  # offsets agree for the evidence
    for leading in _LEADING.finditer(low):  # "Full-time, $16/hr" opening a line
        for value in normalize([leading.group(1)]):
            if value not in found:
                found.append(value)
                evidence = evidence or source[leading.start(1) : leading.end(1)]
    at = 0
    while (match := word_search(_STATED, low, at)) is not None:
        at = match.end()
        for kind in normalize([next(g for g in match.groups() if g)]):  # "part time and fulltime"
            if kind not in found:
                found.append(kind)
                evidence = evidence or source[match.start() : match.end()]
    return (found, evidence) if found else None


def from_title(title: str) -> tuple[list[str], str] | None:
    """(values, evidence) when the title states full- or part-time."""
    values = normalize([m.group(1) or m.group(0) for m in _TITLE.finditer(title)])
    return (values, title[:120]) if values else None


def _one(value: str) -> str | None:
    value = value.strip()
    if not value or _NOT_A_TYPE.search(value):
        return None
    for pattern, schema in _VALUE_RES:
        if pattern.search(value):
            return schema
    return None
