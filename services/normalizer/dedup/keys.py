"""Comparison keys of a posting's fields: company, title, places, department, description words.

Every key is case-folded and ASCII-folded, with punctuation gone, so the same value written by two
sources (``"Telenor Sverige AB"`` / ``"TELENOR SVERIGE"``, ``"Göteborg"`` / ``"Goteborg"``) compares
equal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"\w+")
# "(m/w/d)", "(f/m/x)", "(H/F)", "m/f/d", "(all genders)", "(gn)": who may apply, not the job.
_GENDER = re.compile(
    r"\(\s*(?:all\s+genders?|gn\*?|genderneutral|d/f/m)\s*\)"
    r"|\(?\b[mwfdxhi]\s*/\s*[mwfdxhi](?:\s*/\s*[mwfdxhi*]+)*\b\)?",
    re.IGNORECASE,
)
# Legal forms and company filler words, dropped wherever they stand ("AB Svenska Spel").
_LEGAL = frozenset(
    {
        "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "plc", "corp", "corporation",
        "co", "company", "gmbh", "mbh", "ag", "kg", "ohg", "ug", "ev", "se", "sa", "sas", "sarl",
        "srl", "spa", "sl", "slu", "bv", "nv", "ab", "publ", "oy", "oyj", "as", "asa", "aps",
        "pty", "pvt", "private", "kk", "kft", "sp", "zoo", "ooo", "the",
    }
)  # fmt: skip
# Level words: two titles that differ in one of these name different jobs.
_LEVELS = frozenset(
    {
        "intern", "trainee", "junior", "jr", "mid", "senior", "sr", "staff", "principal", "lead",
        "head", "chief", "i", "ii", "iii", "iv", "v", "vi", "1", "2", "3", "4", "5",
    }
)  # fmt: skip
_REMOTE = "remote"


def fold(text: str) -> str:
    """Case-folded, accents removed (``"Göteborg"`` -> ``"goteborg"``)."""
    text = text.casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The words of a text, case-folded (accents kept: descriptions are not compared by eye)."""
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return _WORD.findall(text)


def company_key(name: str | None) -> str | None:
    """``"Larsen & Toubro Infotech Sverige AB"`` -> ``"larsentoubroinfotechsverige"``."""
    if not name:
        return None
    tokens = _WORD.findall(fold(name).replace("_", " "))
    kept = [t for t in tokens if t not in _LEGAL] or tokens
    return "".join(kept) or None


def title_words(title: str | None) -> tuple[str, ...]:
    """The words of a title without gender markers, in order."""
    if not title:
        return ()
    return tuple(_WORD.findall(_GENDER.sub(" ", fold(title)).replace("_", " ")))


def titles_compatible(a: Iterable[str], b: Iterable[str]) -> bool:
    """Same level words, and one title's other words all appear in the other title
    (``"Backend Engineer"`` / ``"Backend Engineer - Berlin"``)."""
    set_a, set_b = set(a), set(b)
    if not set_a or not set_b or set_a & _LEVELS != set_b & _LEVELS:
        return False
    core_a, core_b = set_a - _LEVELS, set_b - _LEVELS
    return core_a <= core_b or core_b <= core_a


def place_keys(locations: Iterable[str]) -> tuple[str, ...]:
    """City-level keys: the first comma part of each raw location, or for a remote one
    ``remote`` and the region it is open to (``"Remote, Italy"`` -> ``"remote italy"``)."""
    keys: dict[str, None] = {}
    for raw in locations:
        parts = [_place(part) for part in re.split(r"[,;|]", raw)]
        parts = [p for p in parts if p]
        if not parts:
            continue
        words = " ".join(parts).split()
        if words[0] == _REMOTE or parts[-1] == _REMOTE:
            region = [w for w in words if w != _REMOTE]
            keys[" ".join([_REMOTE, *region])] = None
        else:
            keys[parts[0]] = None
    return tuple(keys)


def _place(part: str) -> str:
    part = re.sub(r"\([^)]*\)", " ", fold(part))
    return " ".join(_WORD.findall(part.replace("_", " ")))


def places_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """No places on one side is no evidence against; else some key of each side must agree,
    one standing for the other when its words begin it (``"washington"`` / ``"washington d c"``,
    ``"remote"`` / ``"remote us"``; but ``"remote us"`` / ``"remote italy"`` differ)."""
    if not a or not b:
        return True
    return any(x == y or _begins(x, y) or _begins(y, x) for x in a for y in b)


def _begins(short: str, long: str) -> bool:
    return long.startswith(short + " ")


def department_words(department: str | None) -> frozenset[str]:
    return (
        frozenset(_WORD.findall(fold(department).replace("_", " "))) if department else frozenset()
    )


def departments_compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Unstated on either side, or one names a part of the other (``"Engineering"`` /
    ``"Engineering - Backend"``)."""
    return not a or not b or a <= b or b <= a
