"""The built taxonomy (services/enricher/data/skills/taxonomy.json.gz), loaded once on first use."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

from services.enricher.skills.textnorm import key_forms
from services.enricher.skills.units import MARKERS, YEAR_WORDS

DATA = Path(__file__).resolve().parent.parent / "data" / "skills" / "taxonomy.json.gz"

MODE_PLAIN, MODE_CASE, MODE_CONTEXT = 0, 1, 2
"""How a key may fire: always; only in its written case; in that case and in tech context."""

MARKER, YEAR_WORD = -1, -2
"""Skill indexes of rule keys: "nice to have" markers and year words, found in the same pass."""

Entry = tuple[int, int, int, tuple[str, ...]]  # (key length, skill index, mode, cased forms)


@dataclass(frozen=True, slots=True)
class SkillRecord:
    id: str
    name: str
    category: str
    esco_uri: str | None


@dataclass(frozen=True, slots=True)
class Taxonomy:
    version: str
    skills: tuple[SkillRecord, ...]
    technologies: int
    """Skills below this index are technologies, the rest ESCO skills."""
    automaton: ahocorasick.Automaton

    def lookup(self, key: str) -> Entry | None:
        """The entry of one exact key (" tok tok ")."""
        found: Entry | None = self.automaton.get(key, None)
        return found


def _automaton(rows: list[list]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key, index, mode, forms in rows:
        automaton.add_word(key, (len(key), index, mode, tuple(forms)))
    for words, index in ((MARKERS, MARKER), (YEAR_WORDS, YEAR_WORD)):
        for word in words:
            for key in key_forms(word):
                if key not in automaton:  # a skill's name stays a skill
                    automaton.add_word(key, (len(key), index, MODE_PLAIN, ()))
    automaton.make_automaton()
    return automaton


@cache
def load_taxonomy(path: Path = DATA) -> Taxonomy:
    with gzip.open(path, "rb") as raw:
        data = json.loads(raw.read())
    skills = tuple(SkillRecord(*row) for row in data["skills"])
    technologies = data["counts"]["technologies"]
    return Taxonomy(data["version"], skills, technologies, _automaton(data["keys"]))
