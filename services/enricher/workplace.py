"""Workplace (onsite | hybrid | remote) from the source value, checked against the text."""

from __future__ import annotations

import re

from services.enricher.textscan import lines_with
from shared.posting import Workplace

_VALUES: list[tuple[str, Workplace]] = [
    (r"hybrid|hybryd|гибрид|частично удал|mobiles arbeiten|delvis distans", "hybrid"),
    (
        r"remote|home[ -]?office|work from home|wfh|telework|zdaln|distans|удал[её]н|fernarbeit|"
        r"anywhere",
        "remote",
    ),
    (
        r"on[ -]?site|in[ -]?office|in person|office|stacjonar|на месте|в офисе|vor ort|"
        r"präsenz|på plats|på kontoret|onsite|not remote|no remote",
        "onsite",
    ),
]
_VALUE_RES = [(re.compile(p, re.I), v) for p, v in _VALUES]
_LABELLED = re.compile(
    r"^\W*(?:work location|workplace(?: type)?|work model|work arrangement|work mode|"
    r"location type|remote|arbeitsort|arbeitsmodell|tryb pracy|miejsce pracy|"
    r"формат работы|график работы)\W*[:\-–]\s*(.+)$",
    re.I | re.M,
)
_STATED: list[tuple[re.Pattern[str], Workplace]] = [
    (
        re.compile(
            r"\bhybrid\b(?:\s+\w+){0,3}\s+(?:role|position|work|model|schedule|setup|"
            r"arrangement|working|environment|basis|policy)|\b(?:\d|one|two|three|four)\s+"
            r"days?\s+(?:a|per)\s+week\s+in\s+(?:the\s+)?office|\bdays? in (?:the )?office|"
            r"\bhybrid\b|hybrydow|гибридн",
            re.I,
        ),
        "hybrid",
    ),
    (
        re.compile(
            r"\b(?:fully|100%|completely|entirely)\s+remote|remote[- ]first|\bremote "
            r"(?:role|position|job|work|opportunity)|work from home|work from anywhere|"
            r"praca zdalna|pracy zdaln|удал[её]нн(?:ая|ой) работ|удал[её]нно|på distans|"
            r"\bremote\b",
            re.I,
        ),
        "remote",
    ),
    (
        re.compile(
            r"\bon[- ]?site\b|\bin[- ]office\b|\bin person\b|\bpraca stacjonarna|"
            r"в офисе|vor ort",
            re.I,
        ),
        "onsite",
    ),
]


_TRIGGERS = (
    "hybrid",
    "remote",
    "site",
    "office",
    "in person",
    "work from",
    "wfh",
    "location",
    "model",
    "zdaln",
    "stacjonar",
    "hybryd",
    "distans",
    "på plats",
    "удал",
    "гибрид",
    "офис",
    "vor ort",
    "formát",
    "формат",
    "график",
    "arbeitsort",
    "arbeitsmodell",
    "tryb pracy",
    "miejsce pracy",
    "arrangement",
    "mode",
)


def normalize(value: str | None) -> Workplace | None:
    if not value:
        return None
    for pattern, workplace in _VALUE_RES:
        if pattern.search(value):
            return workplace
    return None


def from_text(text: str) -> tuple[Workplace, str] | None:
    """(workplace, evidence): a labelled line first, then the most specific statement."""
    text = lines_with(text, _TRIGGERS)
    if not text:
        return None
    labelled = _LABELLED.search(text)
    if labelled:
        value = normalize(labelled.group(1))
        if value:
            return value, labelled.group(0).strip()[:120]
    for pattern, workplace in _STATED:
        match = pattern.search(text)
        if match:
            return workplace, text[max(0, match.start() - 30) : match.end() + 30].strip()
    return None


def reconcile(hint: Workplace, text_value: tuple[Workplace, str] | None) -> tuple[Workplace, str]:
    """The hint, unless the text states hybrid where the source said remote or onsite."""
    if text_value and text_value[0] == "hybrid" and hint != "hybrid":
        return "hybrid", f"source says {hint}, text says hybrid: {text_value[1]}"
    return hint, ""
