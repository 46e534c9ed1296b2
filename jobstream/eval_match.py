"""What jobstream gave for each evaluated field, and whether it matches the truth.

Match rules (documented in the report header of ``python -m jobstream.evaluate``):

- title, company: equal after folding case, diacritics, punctuation and spacing; a title also
  matches once bracketed asides are dropped from both ("(1099 Contract) Architect" == "Architect"),
  since cleaning a title may remove them.
- employment_type: every value given is one the truth lists (a posting offering full- and
  part-time is not misread when only full-time is extracted).
- country: the first country among the extracted locations is one of the truth's countries.
- city: the first city among the extracted locations names one of the truth's cities (same folded
  name, or the same gazetteer city under another name: "Москва" == "Moscow").
- salary: same currency; same period when the truth states one; min and max each within 1% of
  the truth's when the truth states them, or equal once truncated to a whole unit (JobSpy stores
  "$16.55" as 16).
- seniority, workplace, education: the value given is one the truth allows.
- experience: min_years equal (to 0.01); for a source that states a range bucket (hh.ru's
  "between1And3"), min_years inside the bucket.
- skills: per truth tag, matched when an extracted skill has the same squashed name or the same
  taxonomy id the tag resolves to; counted micro-averaged over tags.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from jobstream.eval_norm import country_code, fold, same_city, squash
from jobstream.eval_truth import currency

_TOLERANCE = 0.01


def _locations(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [loc for loc in doc.get("locations") or [] if isinstance(loc, dict)]


def _first(values: Any) -> Any:
    return next((v for v in values if v), None)


def given(doc: dict[str, Any] | None, field: str) -> Any:
    """The value jobstream gave for a field, or None (empty lists count as None)."""
    if not doc:
        return None
    if field == "company":
        return (doc.get("company") or {}).get("name") or None
    if field == "country":
        return _first(country_code(loc.get("country")) for loc in _locations(doc))
    if field == "city":
        return _first(loc.get("city") for loc in _locations(doc))
    if field == "experience":
        return (doc.get("experience") or {}).get("min_years")
    if field == "education":
        return (doc.get("education") or {}).get("level")
    if field == "salary":
        salary = doc.get("salary")
        return salary if salary and (salary.get("min") or salary.get("max")) else None
    if field == "skills":
        return [s for s in doc.get("skills") or [] if isinstance(s, dict)] or None
    value = doc.get(field)
    return value if value not in ("", []) else None


def _unbracket(text: Any) -> str:
    return re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", str(text))


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    return abs(float(a) - float(b)) <= _TOLERANCE * max(abs(float(b)), 1.0)


def _salary_ok(got: dict[str, Any], want: dict[str, Any]) -> bool:
    if want["currency"] and currency(got.get("currency")) != want["currency"]:
        return False
    if want["period"] and got.get("period") != want["period"]:
        return False
    if want["min"] is not None and not _amount_ok(got.get("min"), want["min"]):
        return False
    return want["max"] is None or _amount_ok(got.get("max"), want["max"])


def _amount_ok(got: Any, want: float) -> bool:
    return _close(got, want) or (got is not None and float(int(float(got))) == want)


def correct(field: str, got: Any, want: Any) -> bool:
    """Whether a given value matches the truth (skills are scored by ``skill_hits``)."""
    if got is None or want is None:
        return False
    if field == "title":
        return fold(str(got)) == fold(str(want)) or fold(_unbracket(got)) == fold(_unbracket(want))
    if field == "company":
        return fold(str(got)) == fold(str(want))
    if field == "employment_type":
        values = {str(v).upper() for v in (got if isinstance(got, list) else [got])}
        return bool(values) and values <= want
    if field == "city":
        return any(same_city(str(got), city) for city in want)
    if field == "salary":
        return _salary_ok(got, want)
    if field == "experience":
        low, high = want
        return low - _TOLERANCE <= float(got) <= high + _TOLERANCE
    if field == "skills":
        return skill_hits(got, want) == len(want)
    return got in want


@cache
def _taxonomy_ids(name: str) -> frozenset[str]:
    """Taxonomy ids the enricher resolves a skill tag to, through its public extract_skills."""
    try:
        from services.enricher.skills import extract_skills
        from shared.posting import Description, NormalizedPosting

        posting = NormalizedPosting(skills=[name], description=Description(text=name))
        return frozenset(skill.id for skill in extract_skills(posting))
    except Exception:  # the taxonomy is optional for the eval: fall back to names alone
        return frozenset()


def skill_hits(extracted: list[dict[str, Any]] | None, tags: list[str]) -> int:
    """How many truth tags an extracted skill list covers."""
    if not extracted:
        return 0
    names = {squash(s.get("name")) for s in extracted} - {""}
    ids = {str(s.get("id")) for s in extracted if s.get("id")}

    def known(name: str) -> bool:
        return squash(name) in names or bool(_taxonomy_ids(name) & ids)

    # A tag written "Swagger/OpenAPI" names one skill two ways; either name counts.
    return sum(1 for tag in tags if any(known(n) for n in [tag, *tag.split("/")] if n.strip()))
