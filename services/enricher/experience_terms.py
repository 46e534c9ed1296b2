"""The words experience statements are made of: numbers (digits or spelled), year words, the
words for "at least" in the languages postings come in, and months ("minimum 6 months of
experience" is half a year)."""

from __future__ import annotations

import re

WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
    "a": 1,
    "an": 1,
    "ein": 1,
    "einem": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "jeden": 1,
    "dwa": 2,
    "dwóch": 2,
    "trzy": 3,
    "cztery": 4,
    "pięć": 5,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "один": 1,
    "одного": 1,
    "двух": 2,
    "трех": 3,
    "трёх": 3,
    "пяти": 5,
    "deux": 2,
    "trois": 3,
    "dos": 2,
    "tres": 3,
    "due": 2,
    "twee": 2,
    "drie": 3,
    "dois": 2,
    "três": 3,
}


def _by_first_letter(words: list[str]) -> str:
    """``words`` as an alternation grouped by first letter, "t(?:welve|hree)|f(?:ive|our)", each
    group in the given order. Words with different first letters never match at one place, so
    every match is the same; sre tries a dozen groups, not forty words, at each character."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


# A Russian case ending may follow the digits: "от 2-х лет", "от 5-ти лет".
NUMBER = (
    r"\b(\d+(?:[.,]\d)?|"
    + _by_first_letter(sorted(WORDS, key=len, reverse=True))
    + r")(?:-?(?:х|ти|ми|ух|ёх|ех)\b)?"
)
YEARS = (
    r"(?:years?|yrs?|jahren?|jahre|lat[a]?|lata|roku|års?|år|лет|года?|год|ans|années|años|"
    r"año|anni|anno|jaar|anos?)\b"
    r"|(?<=\d)\s?(?:y|yr)\b"
)
MIN = (
    r"(?:at least|minimum(?: of)?|min\.?|more than|over|mindestens|wenigstens|"
    r"co najmniej|minimum|minst|от|не менее|более|свыше|больше|au moins|al menos|"
    r"como m[ií]nimo|m[ií]nim[oa](?: de)?|almeno(?: di)?|minimaal|ten minste|minstens|"
    r"pelo menos|no m[ií]nimo)"
)
# Months, where a posting asks for less than a year or counts in months ("18 months").
_MONTHS = r"(?:months?|mos|meses|mois|mesi|maanden|monaten?|miesięcy|месяц\w*)\b"
MONTH_STEMS = ("month", " mos", "meses", "mois", "mesi", "maand", "monat", "miesięcy", "месяц")
# "a minimum 12 month contract", "6-month fixed-term project": a duration, not experience.
_DURATION = (
    r"(?!['’]?\s*(?:-\s*)?(?:[\w-]+\s+)?(?:contract|project|assignment|placement|engagement|"
    r"probation|internship|training|programme|program|course|secondment|cover|leave|mission|"
    r"contrat|contrato|contratto|period|term)\b)"
)
_MONTH_RANGE = re.compile(
    rf"{NUMBER}\s*(?:-|–|—|to|à|a|y|e|tot|bis|до)\s*{NUMBER}\s*\+?\s*{_MONTHS}{_DURATION}"
)
_MONTH_MIN = re.compile(
    rf"(?:{MIN}\s+(?:of\s+|di\s+|de\s+)?{NUMBER}\s*\+?|{NUMBER}\s*\+)\s*{_MONTHS}{_DURATION}|"
    rf"{NUMBER}\s*{_MONTHS}\s+(?:minimum|au moins|m[íi]nimo|minimaal){_DURATION}"
)
# Without "at least" or a plus, months count only where experience follows them: "a 6 month
# contract" is not experience asked for.
_MONTH_EXACT = re.compile(
    rf"{NUMBER}\s*{_MONTHS}{_DURATION}(?:'|’)?\s+(?:of\s+|d'|de\s+|di\s+)?"
    r"(?:(?!with\b|in\b|and\b|or\b)[\w-]+\s+){0,2}?"
    r"(?:experience|expérience|experiencia|esperienza|ervaring|experiência|erfahrung)"
)


# The experience word first: "esperienza minima di 6 mesi", "une expérience de 6 mois".
_MONTH_AFTER_WORD = re.compile(
    r"(?:experience|expérience|experiencia|esperienza|ervaring|experiência)(?:\s+[\w-]+){0,2}?"
    rf"\s+(?:of|de|di|d'|van|von)\s+{NUMBER}\s*{_MONTHS}{_DURATION}"
)
_MONTH_BARE = re.compile(rf"{NUMBER}\s*{_MONTHS}{_DURATION}")


def months(low: str, labelled: bool = False) -> tuple[float, float | None, str] | None:
    """(min years, max years, the words) of a statement in months in lower-cased ``low``; after
    an "Experience:" label, bare months count too."""
    patterns = (
        _MONTH_RANGE,
        _MONTH_MIN,
        _MONTH_EXACT,
        _MONTH_AFTER_WORD,
        *((_MONTH_BARE,) if labelled else ()),
    )
    for pattern in patterns:
        match = pattern.search(low)
        if match is None:
            continue
        counted = [_count(group) for group in match.groups() if group]
        numbers = [n for n in counted if n is not None and 1 <= n <= 36]
        if not numbers or len(numbers) != len(counted):
            return None
        low_years = round(numbers[0] / 12, 2)
        high_years = round(numbers[1] / 12, 2) if len(numbers) > 1 else None
        if high_years is not None and high_years < low_years:
            return None
        return low_years, high_years, match.group(0)
    return None


def _count(token: str) -> float | None:
    token = token.replace(",", ".")
    if token in WORDS:
        return float(WORDS[token])
    try:
        return float(token)
    except ValueError:
        return None
