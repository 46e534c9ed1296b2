"""Skills extraction: an offline, versioned taxonomy (ESCO + curated technologies) and a matcher.

``extract_skills`` finds technologies and precise ESCO skills in a posting's title and description,
maps employer-tagged skills onto the same taxonomy, and returns one ``Skill`` per taxonomy id:
required unless every occurrence sits in a preferred section or a "nice to have" sentence, with the
largest number of years stated next to it and the first evidence.
"""

from __future__ import annotations

import re
from operator import attrgetter

from services.enricher.skills.matcher import Hit, Scan, resolve, scan
from services.enricher.skills.taxonomy import Taxonomy, load_taxonomy
from services.enricher.skills.textnorm import normalize
from services.enricher.skills.units import Unit, posting_units, preferred_flags
from services.enricher.skills.years import attach_years
from shared.posting import NormalizedPosting, Skill

TAXONOMY_VERSION: str = "2026.11.24-esco1.1.1.4"
EVIDENCE_CHARS = 200
_ESCAPE = re.compile(r"\\(?=[^\w\s])")
_START = attrgetter("start")
_validate = Skill.__pydantic_validator__.validate_python


def extract_skills(posting: NormalizedPosting) -> list[Skill]:
    """One Skill per taxonomy id found in the posting's text or its employer tags."""
    taxonomy = load_taxonomy()
    units = posting_units(posting)
    found_skills: dict[str, Skill] = {}
    merged: dict[int, list] = {}  # skill index -> [required, min_years, evidence]
    if units:
        found = scan(units, taxonomy)
        hits = sorted(resolve(found, units), key=_START)
        years = attach_years(found, hits) if found.year_words else {}
        preferred = preferred_flags(units, found.marked)
        for index, hit in enumerate(hits):
            required = not preferred[hit.unit]
            entry = merged.get(hit.skill)
            if entry is None:  # the first occurrence: its evidence
                merged[hit.skill] = [
                    required,
                    years.get(index),
                    _evidence(found, units[hit.unit], hit),
                ]
            else:
                _merge_hit(entry, required, years.get(index))
    for index, (required, min_years, evidence) in merged.items():
        found_skills[taxonomy.skills[index].id] = _skill(
            taxonomy, index, required, min_years, evidence
        )
    for tag in posting.skills:
        for skill in tag_skills(tag, taxonomy):
            _merge(found_skills, skill)
    return list(found_skills.values())


def _merge_hit(entry: list, required: bool, years: float | None) -> None:
    """Fold a later occurrence of a skill into its [required, min_years, evidence]."""
    entry[0] = entry[0] or required
    if years is not None and (entry[1] is None or years > entry[1]):
        entry[1] = years


def tag_skills(tag: str, taxonomy: Taxonomy) -> list[Skill]:
    """Skills for one employer tag: its exact key, else the names inside it, else ``tag:<slug>``."""
    text = tag.strip()
    if not text:
        return []
    _, lower = normalize(text)
    entry = taxonomy.lookup(lower)
    if entry is not None and entry[1] >= 0:
        return [_skill(taxonomy, entry[1], True, None, text)]
    found = scan([Unit(text, True)], taxonomy)
    # A tag is a skill by definition: names that need tech context or a given case count here.
    hits = found.tech or found.esco
    covered = sum(h.end - h.start - 1 for h in hits)
    if hits and covered * 10 >= len(lower.strip().replace("  ", " ")) * 6:
        return [_skill(taxonomy, h.skill, True, None, text) for h in hits]
    slug = re.sub(r"[^\w+#]+", "-", text.lower()).strip("-")
    return [
        Skill(
            id=f"tag:{slug}",
            name=text,
            category="other",
            esco_uri=None,
            required=True,
            min_years=None,
            evidence=text[:EVIDENCE_CHARS],
        )
    ]


def _skill(
    taxonomy: Taxonomy, index: int, required: bool, years: float | None, evidence: str
) -> Skill:
    record = taxonomy.skills[index]
    # The model's own validation, without the keyword-argument round trip of Skill(...)
    skill: Skill = _validate(
        {
            "id": record.id,
            "name": record.name,
            "category": record.category,
            "esco_uri": record.esco_uri,
            "required": required,
            "min_years": years,
            "evidence": evidence,
        }
    )
    return skill


def _merge(skills: dict[str, Skill], new: Skill) -> None:
    old = skills.get(new.id)
    if old is None:
        skills[new.id] = new
        return
    years = [y for y in (old.min_years, new.min_years) if y is not None]
    skills[new.id] = old.model_copy(
        update={
            "required": old.required or new.required,
            "min_years": max(years) if years else None,
        }
    )


def _evidence(found: Scan, unit: Unit, hit: Hit) -> str:
    """The unit the skill was found in, or a window of it around the skill when it is long."""
    text = unit.text.strip()
    if "\\" in text:  # Markdown escapes a board left in: "Domain\-Driven"
        text = _ESCAPE.sub("", text)
    if len(text) <= EVIDENCE_CHARS:
        return text
    start, end = found.unit_span(hit.unit)
    # Normalized offsets only approximate the original ones: look for the name near there.
    at = int((hit.start - start) / max(1, end - start) * len(text))
    first_token = found.lower[hit.start + 1 : hit.end].split(" ", 1)[0]
    near = max(0, at - 150)
    located = text[near : at + 150].lower().find(first_token)
    if located != -1:
        at = near + located
    lo = max(0, min(at - 60, len(text) - EVIDENCE_CHARS))
    window = text[lo : lo + EVIDENCE_CHARS]
    if lo and " " in window[:20]:
        window = window[window.index(" ") + 1 :]
    return window.strip()


__all__ = ["TAXONOMY_VERSION", "extract_skills", "tag_skills"]
