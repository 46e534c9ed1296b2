"""Employment type as schema.org values, from source values or from what the text states."""

from __future__ import annotations

import re

from services.enricher.textscan import lines_with

# Ordered: the first pattern that matches a value decides it.
_VALUES: list[tuple[str, str]] = [
    (
        r"intern|praktik|stage|staż|stażyst|стажир|trainee|werkstudent|apprentice|ausbildung",
        "INTERN",
    ),
    (r"volunt|ehrenamt|волонт|wolontari", "VOLUNTEER"),
    (r"per[ _-]?diem", "PER_DIEM"),
    (
        r"part[ _-]?time|parttime|teilzeit|deltid|niepełny|częś[cć] etatu|частичн|неполн",
        "PART_TIME",
    ),
    (
        r"contract|freelanc|b2b|umowa zlecenie|umowa o dzieło|selbstständig|frilans|konsult|"
        r"подряд|проектн|гпх|contractor|1099|corp[ -]to[ -]corp|c2c",
        "CONTRACTOR",
    ),
    (
        r"temp|fixed[ _-]?term|befristet|visstid|tidsbegränsad|czas określony|seasonal|"
        r"saisonal|временн|сезонн|casual|vikariat",
        "TEMPORARY",
    ),
    (
        r"full[ _-]?time|fulltime|vollzeit|heltid|pełny etat|pełen etat|полная занятость|"
        r"^полная$|^full$|permanent|festanstellung|unbefristet|tillsvidare|umowa o pracę|"
        r"staff|regular|постоянн",
        "FULL_TIME",
    ),
]
_VALUE_RES = [(re.compile(p, re.I), v) for p, v in _VALUES]
_LABELLED = re.compile(
    r"^\W*(?:job types?|employment(?: type)?|type of employment|contract type|position type|"
    r"work type|job type|schedule|beschäftigungsart|anstellungsart|vertragsart|anställningsform|"
    r"omfattning|arbetstid|rodzaj umowy|wymiar pracy|typ umowy|тип занятости|занятость|"
    r"график работы)\W*[:\-–]\s*(.+)$",
    re.I | re.M,
)
# Free-text statements precise enough to trust ("this is a full-time role").
_STATED = re.compile(
    r"\b(full[- ]time|part[- ]time|contract|temporary|fixed[- ]term|freelance|internship|"
    r"permanent|vollzeit|teilzeit|heltid|deltid|pełny etat|b2b|полная занятость|"
    r"частичная занятость)\s+(?:\w+\s+)?(?:position|role|job|opportunity|employment|contract|"
    r"basis|vacancy|stelle|tjänst|anställning|umowa|работа)\b"
    r"|\b(?:is|as|on) an? (full[- ]time|part[- ]time|contract|temporary|permanent|freelance)\b",
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


def normalize(values: list[str]) -> list[str]:
    """Source values ("Full-Time", "full_time", "B2B", "Vollzeit") to schema.org values."""
    out: list[str] = []
    for raw in values:
        for part in re.split(r"\s*(?:,|/|\||;|\bor\b|\band\b|&)\s*", raw):
            value = _one(part)
            if value and value not in out:
                out.append(value)
    return out


def from_text(text: str) -> tuple[list[str], str] | None:
    """(values, evidence) from a labelled line, else from a precise statement."""
    text = lines_with(text, _TRIGGERS)
    if not text:
        return None
    labelled = _LABELLED.search(text)
    if labelled:
        values = normalize([labelled.group(1)])
        if values:
            return values, labelled.group(0).strip()[:120]
    found: list[str] = []
    evidence = ""
    for match in _STATED.finditer(text):
        value = _one(next(g for g in match.groups() if g))
        if value and value not in found:
            found.append(value)
            evidence = evidence or match.group(0)
    return (found, evidence) if found else None


def _one(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    for pattern, schema in _VALUE_RES:
        if pattern.search(value):
            return schema
    return None
