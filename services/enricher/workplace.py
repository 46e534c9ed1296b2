"""Workplace (onsite | hybrid | remote) from the source value, checked against the text."""

from __future__ import annotations

import re

from services.enricher.textscan import lines_with, register, word_search
from shared.posting import Workplace

_VALUES: list[tuple[str, Workplace]] = [
    (r"hybrid|hybryd|гибрид|частично удал|mobiles arbeiten|delvis distans", "hybrid"),
    (
        r"remote|home[ -]?office|work from home|wfh|telework|zdaln|distans|удал[её]н|fernarbeit|"
        r"anywhere",
        "remote",
    ),
    (
        r"on[ _-]?site|in[ _-]?office|in person|office|stacjonar|на месте|в офисе|vor ort|"
        r"präsenz|på plats|på kontoret|onsite|not remote|no remote|офис",
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
# Statements about the role, not mere mentions: "remote monitoring", "Remote Hands", "the onsite
# team" or "in-office perks" name no workplace. Matched on lower-cased text with the word
# boundary checked by textscan.word_search, which is much faster than a leading \b.
_STATED: list[tuple[re.Pattern[str], Workplace]] = [
    (
        re.compile(
            r"hybrid\b(?:\s+\w+){0,3}\s+(?:role|position|work|model|schedule|setup|"
            r"arrangement|working|environment|basis|policy|options?)|(?:[1-4]|one|two|three|four)"
            r"(?:\s*-\s*[1-4])?\s+days?\s+(?:a|per)\s+week\s+in\s+(?:the\s+|our\s+)?office|"
            r"(?:[1-4]|one|two|three|four) days? in (?:the |our )?office|in (?:the |our )?office "
            r"(?:[1-4]|one|two|three|four)(?:\s*-\s*[1-4])? days?\b|"
            r"(?:is|are|be)\s+hybrid\b|hybrydow|гибридн"
        ),
        "hybrid",
    ),
    (
        re.compile(
            r"(?:fully|100%|completely|entirely)\s+remote|remote[- ]first|remote "
            r"(?:role|position|job|work|opportunity|basis)|work from home|work from anywhere|"
            r"(?:is|are|be|work(?:ing)?)\s+remote(?:ly)?\b|praca zdalna|pracy zdaln|"
            r"удал[её]нн(?:ая|ой) работ|удал[её]нно|удал[её]нн\w* (?:формат|график|режим|"
            r"занятост)|формат\w* работы[^.;\n]{0,40}удал|удал[её]нк|på distans"
        ),
        "remote",
    ),
    (
        re.compile(
            r"(?:on[- ]?site|in[- ]office|in[- ]person|office[- ]based)\s+(?:role|position|"
            r"job|opportunity|basis)\b|work(?:ing)?\s+(?:on[- ]?site|in[- ]person|"
            r"from (?:the|our) office)\b|(?:is|are|be)\s+(?:fully\s+|100%\s+)?(?:on[- ]?site|"
            r"in[- ]office|in[- ]person|office[- ]based)\b|(?:5|five) days? (?:a|per) week in "
            r"(?:the |our )?office|in[- ]person (?:5|five) days|in (?:the |our )?office (?:5|five) "
            r"days|praca stacjonarna|в офисе|vor ort"
        ),
        "onsite",
    ),
]

# Literals each _STATED pattern cannot match without (one per alternative): a pattern whose
# literals are all absent is not run; the regexes try several words at every character.
_STATED_NEEDS: list[tuple[str, ...]] = [
    ("hybrid", "office", "hybrydow", "гибридн"),
    ("remote", "work from", "zdaln", "удал", "på distans"),
    ("site", "office", "person", "praca stacjonarna", "в офисе", "vor ort"),
]

# A title that names the workplace as its own segment: "Python developer, remote", "Backend
# developer (office)", "Technician - IL - On Site"; "Remote Sensing Analyst" names none.
_TITLE = re.compile(
    r"(?:^|[(\[,|/–—-]\s*)(fully remote|100% remote|remote|hybrid|on[- ]?site|in[- ]office|"
    r"удал[её]нно|удал[её]нка|гибрид|офис|в офисе|zdalnie|hybrydowo|stacjonarnie)"
    r"\s*(?:[)\],|/–—-]|$)",
    re.I,
)

_TRIGGERS = (
    "hybrid",
    "remote",
    "site",
    "office",
    "in person",
    "in-person",
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
register(_TRIGGERS)  # all extractors' triggers are found in one pass per text


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
    for labelled in _LABELLED.finditer(text):  # "Work Location- Naperville" states none
        value = normalize(labelled.group(1))
        if value:
            return value, labelled.group(0).strip()[:120]
    low = text.lower()
    if len(low) != len(text):  # offsets must agree: a few characters change length when lowered
        text = low
    for (pattern, workplace), needs in zip(_STATED, _STATED_NEEDS, strict=True):
        if not any(literal in low for literal in needs):
            continue
        match = word_search(pattern, low)
        if match:
            start = text.rfind("\n", 0, match.start()) + 1
            end = text.find("\n", match.end())
            return workplace, text[start : end if end != -1 else len(text)].strip()[:160]
    return None


def from_title(title: str) -> tuple[Workplace, str] | None:
    """(workplace, evidence) when the title names the workplace as a segment of its own."""
    match = _TITLE.search(title)
    value = normalize(match.group(1)) if match else None
    return (value, title[:120]) if value else None


# Only a concrete attendance rule in the text beats a structured field: "hybrid, 3 days in
# office" does; a benefits line about a "Hybrid Work Policy" does not.
_ATTENDANCE = re.compile(
    r"\b(\d|one|two|three|four)\s*(?:-\s*\d\s*)?days?\b|\bin[- ](?:the )?office\b"
)


def reconcile(hint: Workplace, text_value: tuple[Workplace, str] | None) -> tuple[Workplace, str]:
    """The structured hint, unless the text states a hybrid attendance rule against it."""
    stated = text_value[0] if text_value else None
    if text_value and stated == "hybrid" != hint and _ATTENDANCE.search(text_value[1].lower()):
        return "hybrid", f"source says {hint}, text says hybrid: {text_value[1]}"
    return hint, ""
