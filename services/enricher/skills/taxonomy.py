"""The built taxonomy (services/enricher/data/skills/taxonomy.json.gz), loaded once on first use."""

from __future__ import annotations

import contextlib
import ctypes
import gzip
import json
from array import array
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from ahocorasick_rs import BytesAhoCorasick, Implementation, MatchKind

from services.enricher.skills.textnorm import key_forms
from services.enricher.skills.units import MARKERS, YEAR_WORDS

DATA = Path(__file__).resolve().parent.parent / "data" / "skills" / "taxonomy.json.gz"

MODE_PLAIN, MODE_CASE, MODE_CONTEXT, MODE_TAG = 0, 1, 2, 3
"""How a key may fire: always; only in its written case; in that case and in tech context; only as
an employer's skill tag or a part of one ("Продажи": its key has no cased forms, so a scan never
finds it case-checked, and only ``tag_skills``, which takes a tag's keys as they come, counts
it)."""

MARKER, YEAR_WORD, NOT_A_SKILL = -1, -2, -3
"""Skill indexes of rule keys: "nice to have" markers and year words, found in the same pass;
and phrases that hold a technology's name but mean something else ("go-to-market", "Excel at",
"Sous Chef"), which take part in the leftmost-longest choice of technologies and then drop
out."""

NOT_SKILLS = (
    "go to market",
    "go live",
    "go getter",
    "go to person",
    "go to guy",
    "excel at",
    "excel in",
    "you excel",
    "ll excel",
    "will excel",
    "head chef",
    "sous chef",
    "executive chef",
    "pastry chef",
    "commis chef",
    "chef de partie",
    "chef de cuisine",
    "private chef",
    "epic games",
    "ray tracing",
    "ray traced",
    "ray tracer",
    "ray casting",
)

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
    automaton: BytesAhoCorasick
    """Every key, UTF-8 encoded; pattern i has entries[i]. A contiguous NFA: ~7 MB where a
    pyahocorasick trie of the same keys took ~70 MB, so a scan of a posting, which finds the
    automaton cold after the rest of the enrichment, misses the CPU cache far less."""
    entries: tuple[Entry, ...]
    prefixes: dict[str, frozenset[str]]
    """One-word technology names -> the rest of the longer keys they begin ("aws" -> "ec2",
    "s3", ...; "spring" -> "boot", "data", ...), for "AWS (EC2, S3)"."""

    skill_of: array[int]
    """entries[i][1] for every key i, unboxed: a scan reads it for every match, and a tuple of
    tuples costs a cache miss or three per read."""
    mode_of: array[int]
    """entries[i][2] for every key i, unboxed."""

    def find(self, lower: str) -> list[tuple[int, int, Entry]]:
        """Every key in ``lower`` (overlapping ones too) as (start, end, entry), ordered by end;
        ``start`` and ``end`` are the offsets of the key's first and last characters (spaces)."""
        entries = self.entries
        return [(start, stop - 1, entries[key]) for key, start, stop in self.find_keys(lower)]

    def find_keys(self, lower: str) -> list[tuple[int, int, int]]:
        """Every key in ``lower`` as (key index, start, stop): ``find`` with the entry's index
        and the offset past the key's last character."""
        data = lower.encode("utf-8", "surrogatepass")
        found: list[tuple[int, int, int]] = self.automaton.find_matches_as_indexes(
            data, overlapping=True
        )
        if len(data) == len(lower) or not found:  # ASCII: byte offsets are character offsets
            return found
        # A key starts and ends with a space, so its byte offsets fall on characters' first
        # bytes: a character offset is the number of first bytes before it.
        first = np.frombuffer(data, dtype=np.uint8) & 0xC0 != 0x80
        offsets = np.cumsum(first, dtype=np.int64)
        at = np.array([(start, stop - 1) for _, start, stop in found], dtype=np.int64)
        chars = (offsets[at] - 1).tolist()
        return [(m[0], s, e + 1) for m, (s, e) in zip(found, chars, strict=True)]

    def lookup(self, key: str) -> Entry | None:
        """The entry of one exact key (" tok tok ")."""
        for start, end, entry in self.find(key):
            if start == 0 and end == len(key) - 1:
                return entry
        return None


def _automaton(rows: list[list]) -> tuple[BytesAhoCorasick, tuple[Entry, ...]]:
    table: dict[str, Entry] = {}
    for key, index, mode, forms in rows:
        table[key] = (len(key), index, mode, tuple(forms))
    for words, index in ((MARKERS, MARKER), (YEAR_WORDS, YEAR_WORD), (NOT_SKILLS, NOT_A_SKILL)):
        for word in words:
            for key in key_forms(word):
                table.setdefault(key, (len(key), index, MODE_PLAIN, ()))  # a skill stays a skill
    automaton = BytesAhoCorasick(
        [key.encode("utf-8", "surrogatepass") for key in table],
        matchkind=MatchKind.Standard,  # every match, overlapping ones too
        implementation=Implementation.ContiguousNFA,
    )
    return automaton, tuple(table.values())


@cache
def load_taxonomy(path: Path = DATA) -> Taxonomy:
    taxonomy = _build(path)
    _release_freed_heap()
    return taxonomy


def _build(path: Path) -> Taxonomy:
    with gzip.open(path, "rb") as raw:
        data = json.loads(raw.read())
    skills = tuple(SkillRecord(*row) for row in data["skills"])
    technologies = data["counts"]["technologies"]
    rows = data["keys"]
    automaton, entries = _automaton(rows)
    return Taxonomy(
        data["version"],
        skills,
        technologies,
        automaton,
        entries,
        _prefixes(rows, technologies),
        array("i", [entry[1] for entry in entries]),
        array("b", [entry[2] for entry in entries]),
    )


def _prefixes(rows: list[list], technologies: int) -> dict[str, frozenset[str]]:
    tech_keys = [row[0].split() for row in rows if 0 <= row[1] < technologies]
    names = {tokens[0] for tokens in tech_keys if len(tokens) == 1}
    rests: dict[str, set[str]] = {}
    for tokens in tech_keys:
        if len(tokens) > 1 and tokens[0] in names:
            rests.setdefault(tokens[0], set()).add(" ".join(tokens[1:]))
    return {name: frozenset(rest) for name, rest in rests.items()}


def _release_freed_heap() -> None:
    """Building the automaton frees ~35 MB of small blocks that glibc would keep in the heap
    for the life of the process: hand them back to the OS (a no-op where there is no glibc)."""
    with contextlib.suppress(AttributeError, OSError, TypeError):
        ctypes.CDLL(None).malloc_trim(0)  # the process's own symbols: libc's, on Linux
