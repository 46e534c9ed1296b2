"""Occupation from the normalized title: an ESCO occupation, its ISCO-08 unit group and its
O*NET-SOC occupation, each only where the data names the title (built by
scripts/build_occupations.py into data/occupations.tsv, data/isco08.tsv, data/onet_soc.tsv).

- ESCO: a preferred label, a hand-written alias for a board title ESCO lacks
  (data/title_aliases.tsv), a run of words from an occupation's alternative labels, or an
  occupation word of another language anywhere in the title (data/title_aliases_i18n.tsv).
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

from shared.posting import Occupation

_DATA = Path(__file__).parent / "data"
_URI = "http://data.europa.eu/esco/occupation/"
_MAX_WORDS = 5

ALTERNATIVE = "esco alternative label"


@dataclass(frozen=True, slots=True)
class _Codes:
    """Titles -> one code of a classification (titles naming several codes are left out)."""

    by_title: dict[str, str]
    names: dict[str, str]  # code -> the classification's own title


@dataclass(frozen=True, slots=True)
class _Index:
    preferred: dict[str, tuple[str, str]]  # label -> (uuid, preferred label)
    labels: dict[str, list[tuple[str, str]]]  # any 2..5-word run of a label block -> occupations
    aliases: dict[str, str]
    words_in_titles: dict[str, str]  # other languages' occupation words, matched anywhere
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
    labels: dict[str, list[tuple[str, str]]] = {}
    for uuid, pref, block in _rows("occupations.tsv"):
        entry = (uuid, pref)
        preferred.setdefault(pref.lower(), entry)
        words = block.split()
        for n in range(2, _MAX_WORDS + 1):
            for i in range(len(words) - n + 1):
                found = labels.setdefault(" ".join(words[i : i + n]), [])
                if entry not in found:
                    found.append(entry)
    aliases = {title: label.lower() for title, label in _rows("title_aliases.tsv")}
    words_in_titles = {
        word.replace("-", " "): label.lower() for word, label in _rows("title_aliases_i18n.tsv")
    }
    isco, onet = _codes("isco08.tsv", True), _codes("onet_soc.tsv", False)
    return _Index(preferred, labels, aliases, words_in_titles, isco, onet)


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


def _closest(phrase: str, found: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The one occupation a phrase from the run-together label blocks stands for, or None.

    The blocks have no separators, so a phrase may be the tail of a longer, narrower label
    ("security officer" inside "chief ICT security officer") or straddle two labels. An
    occupation whose preferred label is the phrase plus a qualifier is narrower than the title
    says; among several others, only one whose preferred label holds every word of the phrase
    is taken, and never one that shares no word with the phrase. Anything else is too
    ambiguous to state."""
    words = set(phrase.split())
    found = [
        e
        for e in found
        if words & set(e[1].lower().split()) and not e[1].lower().endswith(" " + phrase)
    ]
    if len(found) > 1:
        found = [e for e in found if words <= set(e[1].lower().split())]
    return found[0] if len(found) == 1 else None


def _esco(index: _Index, words: list[str]) -> tuple[tuple[str, str], str, str] | None:
    """(occupation, how, the title words it matched), dropping leading qualifiers one at a
    time: "java backend engineer" -> "backend engineer"."""
    for start in range(len(words)):
        phrase = " ".join(words[start:])
        entry = index.preferred.get(phrase)
        how = "esco preferred label"
        if entry is None and phrase in index.aliases:
            entry, how = index.preferred.get(index.aliases[phrase]), "alias"
        if entry is None and len(words) - start >= 2:
            entry, how = _closest(phrase, index.labels.get(phrase, [])), ALTERNATIVE
        if entry is not None:
            return entry, how, phrase
    return _word_in_title(index, words)


def _word_in_title(index: _Index, words: list[str]) -> tuple[tuple[str, str], str, str] | None:
    """An occupation word of another language anywhere in the title, longest first:
    "python-разработчик" -> разработчик, "programista java" -> programista."""
    parts = " ".join(words).replace("-", " ").split()
    for size in range(min(len(parts), 3), 0, -1):
        for start in range(len(parts) - size + 1):
            phrase = " ".join(parts[start : start + size])
            label = index.words_in_titles.get(phrase)
            entry = index.preferred.get(label) if label else None
            if entry is not None:
                return entry, "alias", phrase
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
    if esco is not None:
        (uuid, pref), how, phrase = esco
        phrases = [pref.lower(), phrase]
    else:
        phrases = [" ".join(form[start:]) for form in forms for start in range(len(form))]
    isco, onet = _code(index.isco, phrases), _code(index.onet, phrases)
    if esco is not None:
        return Occupation(title=pref, esco_uri=_URI + uuid, isco08=isco, onet_soc=onet), how
    if isco is not None:
        return Occupation(title=index.isco.names[isco], isco08=isco, onet_soc=onet), "isco-08 title"
    if onet is not None:
        return Occupation(title=index.onet.names[onet], onet_soc=onet), "o*net title"
    return None
