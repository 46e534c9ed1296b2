"""Occupation from the normalized title: an ESCO occupation, its ISCO-08 unit group and its
O*NET-SOC occupation, each only where the data names the title (built by
scripts/build_occupations.py into data/occupations.tsv, data/isco08.tsv, data/onet_soc.tsv).

- ESCO: a preferred label or a hand-written alias for a board title ESCO lacks
  (data/title_aliases.tsv), in the title or after its leading words, or an occupation word of
  another language anywhere in the title (data/title_aliases_i18n.tsv). ESCO's alternative
  labels come run together in the wheel this is built from (occupations.tsv keeps them), so
  where one ends is unknown: read as runs of words they named narrower or unrelated
  occupations ("team lead" -> fruit production team leader), and are not matched.
- ISCO-08: the titles ISCO-08 lists as examples of a unit group ("Software engineer" -> 2512),
  looked up with the ESCO preferred label, else the title itself. ESCO's own
  occupation-to-ISCO links are not in the data this is built from, so an ESCO occupation whose
  label ISCO-08 does not name gets no code.
- O*NET-SOC: the singular titles of the O*NET-SOC 2019 occupations ("Registered Nurses" ->
  29-1141.00), looked up the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from services.enricher.skills.taxonomy import load_taxonomy
from shared.posting import Occupation

_DATA = Path(__file__).parent / "data"
_URI = "http://data.europa.eu/esco/occupation/"


@dataclass(frozen=True, slots=True)
class _Codes:
    """Titles -> one code of a classification (titles naming several codes are left out)."""

    by_title: dict[str, str]
    names: dict[str, str]  # code -> the classification's own title


@dataclass(frozen=True, slots=True)
class _Index:
    preferred: dict[str, tuple[str, str]]  # label -> (uuid, preferred label)
    aliases: dict[str, str]
    # other languages' occupation words, matched anywhere -> (preferred label, only alone)
    words_in_titles: dict[str, tuple[str, bool]]
    isco: _Codes
    onet: _Codes


def _rows(name: str) -> list[list[str]]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _codes(name: str, singular_names: bool) -> _Codes:
    found: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for code, title, titles in _rows(name):
        names[code] = title
        named = titles.split("|") if titles else []
        if singular_names and title and len(code) == 4:  # unit groups: "Managers" is no title
            words = title.lower().split()
            named.append(" ".join([*words[:-1], singular(words[-1])]))
        for one in named:
            found.setdefault(one, set()).add(code)
    by_title = {}
    for title, codes in found.items():
        # A title that names a group and a unit group within it ("Cooks": 512 and 5120) names
        # the unit group; one that names unrelated groups names none.
        deepest = max(codes, key=len)
        if all(deepest.startswith(code) for code in codes):
            by_title[title] = deepest
    return _Codes(by_title, names)


@cache
def _index() -> _Index:
    preferred: dict[str, tuple[str, str]] = {}
    for uuid, pref, _labels in _rows("occupations.tsv"):
        preferred.setdefault(pref.lower(), (uuid, pref))
    aliases = {title: label.lower() for title, label in _rows("title_aliases.tsv")}
    words_in_titles: dict[str, tuple[str, bool]] = {}
    for word, label, *flags in _rows("title_aliases_i18n.tsv"):
        words_in_titles[word.replace("-", " ")] = (label.lower(), "alone" in flags)
    isco, onet = _codes("isco08.tsv", True), _codes("onet_soc.tsv", False)
    return _Index(preferred, aliases, words_in_titles, isco, onet)


def singular(word: str) -> str:
    """The singular of a title's head noun ("developers" -> "developer"), or the word."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses") or word.endswith(("ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# Words a title may put before its occupation without making it another one: "fully qualified
# electrician", "night shift receptionist". Any other word is part of the occupation ("data
# architect" is no architect, "technical writer" no writer), except a technology ("java
# developer"), and except before a label of two or more words ("java backend engineer").
_QUALIFIERS = frozenset(
    [
        "fully",
        "qualified",
        "experienced",
        "certified",
        "licensed",
        "accredited",
        "skilled",
        "trainee",
        "apprentice",
        "junior",
        "senior",
        "lead",
        "principal",
        "shift",
        "night",
        "nights",
        "day",
        "days",
        "weekend",
        "weekends",
        "evening",
        "relief",
        "urgent",
        "casual",
        "temporary",
        "temp",
        "seasonal",
        "permanent",
        "contract",
        "contractor",
        "freelance",
        "interim",
        "part-time",
        "full-time",
        "part",
        "full",
        "time",
        "fixed-term",
        "bank",
        "agency",
        "locum",
        "new",
        "graduate",
        "entry",
        "level",
        "remote",
        "hybrid",
        "on-site",
        "onsite",
    ]
)
# Titles in which another language's "developer" word is no software developer.
_NOT_SOFTWARE = frozenset(
    [
        "commercial",
        "commerciale",
        "affaires",
        "affaire",
        "negocio",
        "negocios",
        "бизнеса",
        "бизнес",
        "biznesu",
        "business",
        "продаж",
        "ventas",
        "vendas",
    ]
)


@cache
def _is_technology(word: str) -> bool:
    entry = load_taxonomy().lookup(f" {word} ")
    return (
        entry is not None
        and entry[1] >= 0
        and load_taxonomy().skills[entry[1]].id.startswith("tech:")
    )


def _droppable(words: list[str]) -> bool:
    return all(w in _QUALIFIERS or _is_technology(w) or w.isdigit() for w in words)


def _phrases(words: list[str]) -> list[str]:
    """The title, then shorter by its leading words: any of them before two or more words left,
    only qualifiers and technologies before a single word."""
    out = [" ".join(words)]
    for start in range(1, len(words)):
        if len(words) - start >= 2 or _droppable(words[:start]):
            out.append(" ".join(words[start:]))
    return out


def _esco(index: _Index, words: list[str]) -> tuple[tuple[str, str], str, str] | None:
    """(occupation, how, the phrase that named it): an ESCO preferred label or an alias among
    the title's phrases."""
    for phrase in _phrases(words):
        entry = index.preferred.get(phrase)
        if entry is not None:
            return entry, "esco preferred label", phrase
        if phrase in index.aliases and (entry := index.preferred.get(index.aliases[phrase])):
            return entry, "alias", phrase
    return _word_in_title(index, words)


def _word_in_title(index: _Index, words: list[str]) -> tuple[tuple[str, str], str, str] | None:
    """An occupation word of another language anywhere in the title, longest first:
    "python-разработчик" -> разработчик, "programista java" -> programista. A word marked
    "alone" ("архитектор": of buildings or of software?) counts only as the whole title."""
    parts = " ".join(words).replace("-", " ").replace("'", " ").replace("’", " ").split()
    for size in range(min(len(parts), 3), 0, -1):
        for start in range(len(parts) - size + 1):
            found = index.words_in_titles.get(" ".join(parts[start : start + size]))
            if found is None or (found[1] and size != len(parts)):
                continue
            if found[0].endswith("developer") and _NOT_SOFTWARE.intersection(parts):
                continue
            entry = index.preferred.get(found[0])
            if entry is not None:
                return entry, "alias", found[0]
    return None


def _code(codes: _Codes, phrases: list[str]) -> str | None:
    for phrase in phrases:
        if phrase in codes.by_title:
            return codes.by_title[phrase]
    return None


@lru_cache(maxsize=4096)
def lookup(title_normalized: str) -> tuple[Occupation, str] | None:
    """(Occupation, how it matched) for an occupation-level title, or None."""
    index = _index()
    words = title_normalized.lower().split()
    if not words:
        return None
    # As written first: "head of sales" is no plural of "head of sale".
    forms = [words]
    if singular(words[-1]) != words[-1]:
        forms.append([*words[:-1], singular(words[-1])])
    esco = next((found for form in forms if (found := _esco(index, form))), None)
    # Codes of the ESCO occupation found, else of the title itself: never one occupation's
    # ESCO URI beside another's ISCO-08 or O*NET code.
    # An alias names the same occupation as its ESCO label ("registered nurse").
    if esco is not None:
        (uuid, pref), how, phrase = esco
        phrases = [pref.lower(), phrase] if how == "alias" else [pref.lower()]
    else:
        phrases = [phrase for form in forms for phrase in _phrases(form)]
    isco, onet = _code(index.isco, phrases), _code(index.onet, phrases)
    if esco is not None:
        return Occupation(title=pref, esco_uri=_URI + uuid, isco08=isco, onet_soc=onet), how
    if isco is not None:
        return Occupation(title=index.isco.names[isco], isco08=isco, onet_soc=onet), "isco-08 title"
    if onet is not None:
        return Occupation(title=index.onet.names[onet], onet_soc=onet), "o*net title"
    return None
