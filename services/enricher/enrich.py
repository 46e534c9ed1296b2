"""The enricher's composition: one NormalizedPosting in, one Enrichment out, pure and offline.

Every field follows the same order: a structured source hint (provenance "source_field", or
"rule" when the normalizer read it from a labelled line, ``hint_fields[name]`` = "text:...")
wins over what the free text states; a field the posting does not state stays None or empty.
"""

from __future__ import annotations

from services.enricher import (
    currency,
    education,
    employment,
    experience,
    geo,
    language,
    salary,
    title,
)
from services.enricher import workplace as workplace_mod
from services.enricher.occupation import lookup as occupation_lookup
from services.enricher.skills import TAXONOMY_VERSION, extract_skills
from shared.posting import (
    Education,
    Enrichment,
    Experience,
    Location,
    NormalizedPosting,
    Provenance,
    Salary,
)

ENRICHER_VERSION = "1.0.0"


def enrich(posting: NormalizedPosting) -> Enrichment:
    text = posting.description.text.replace("\\", "")
    out = Enrichment(enrichment_version=f"{ENRICHER_VERSION}+{TAXONOMY_VERSION}")
    _title(posting, out)
    _experience(posting, text, out)
    _seniority_fallback(out)
    _employment(posting, text, out)
    _locations(posting, text, out)
    _workplace(posting, text, out)
    _education(posting, text, out)
    _salary(posting, text, out)
    _language(posting, text, out)
    out.skills = extract_skills(posting)
    if out.skills:
        out.provenance["skills"] = Provenance(
            method="taxonomy", confidence=0.8, source_field="description.text"
        )
    return out


def _hint_provenance(posting: NormalizedPosting, name: str, evidence: str | None) -> Provenance:
    where = posting.hint_fields.get(name)
    if where and where.startswith("text:"):
        return Provenance(
            method="rule", confidence=0.9, source_field="description.text", evidence=evidence
        )
    return Provenance(
        method="source_field", confidence=0.95, source_field=where or name, evidence=evidence
    )


def _text_provenance(evidence: str | None, confidence: float = 0.75) -> Provenance:
    return Provenance(
        method="rule",
        confidence=confidence,
        source_field="description.text",
        evidence=(evidence or "")[:200] or None,
    )


def _title(posting: NormalizedPosting, out: Enrichment) -> None:
    if not posting.title:
        return
    out.title = title.clean(posting.title) or None
    if out.title is None:
        return
    out.provenance["title"] = Provenance(
        method="rule", confidence=0.95, source_field="title", evidence=posting.title[:200]
    )
    out.title_normalized = title.normalized(out.title)
    _seniority(posting, out.title, out)
    found = occupation_lookup(out.title_normalized) if out.title_normalized else None
    if found:
        out.occupation = found[0]
        out.provenance["occupation"] = Provenance(
            method="taxonomy", confidence=0.8, source_field="title", evidence=found[1]
        )


def _seniority(posting: NormalizedPosting, cleaned_title: str, out: Enrichment) -> None:
    """The level a source field states wins over the title's level word."""
    stated = title.seniority_from_hint(posting.seniority) if posting.seniority else None
    if stated:
        out.seniority = stated
        out.provenance["seniority"] = _hint_provenance(posting, "seniority", posting.seniority)
        return
    level = title.seniority(cleaned_title)
    if level:
        out.seniority = level[0]
        out.provenance["seniority"] = Provenance(
            method="rule", confidence=0.9, source_field="title", evidence=level[1]
        )


def _experience(posting: NormalizedPosting, text: str, out: Enrichment) -> None:
    if posting.experience:
        parsed = experience.parse_statement(posting.experience)
        if parsed:
            out.experience = parsed
            out.provenance["experience"] = _hint_provenance(
                posting, "experience", posting.experience
            )
            return
    found = experience.from_text(text)
    if found:
        out.experience = found.experience
        confidence = 0.85 if found.labelled else 0.75 if found.posting_level else 0.5
        out.provenance["experience"] = _text_provenance(found.evidence, confidence)


def _seniority_fallback(out: Enrichment) -> None:
    if out.seniority is not None or out.experience == Experience():
        return
    level = title.seniority_from_years(out.experience.min_years)
    if level:
        out.seniority = level
        out.provenance["seniority"] = Provenance(
            method="rule",
            confidence=0.5,
            source_field="experience",
            evidence=f"title states no level; from {out.experience.min_years:g}+ years",
        )


def _employment(posting: NormalizedPosting, text: str, out: Enrichment) -> None:
    values = employment.normalize(posting.employment_type)
    if values and posting.hint_fields.get("employment_type", "").startswith("text:"):
        labelled = employment.from_labels(text)  # the normalizer keeps the first labelled line
        values += [v for v in (labelled[0] if labelled else []) if v not in values]
    if values:
        out.employment_type = values
        out.provenance["employment_type"] = _hint_provenance(
            posting, "employment_type", ", ".join(posting.employment_type)
        )
        return
    found = employment.from_text(text)
    if found:
        out.employment_type = found[0]
        out.provenance["employment_type"] = _text_provenance(found[1])
        return
    named = employment.from_title(posting.title) if posting.title else None
    if named:
        out.employment_type = named[0]
        out.provenance["employment_type"] = Provenance(
            method="rule", confidence=0.7, source_field="title", evidence=named[1]
        )


def _workplace(posting: NormalizedPosting, text: str, out: Enrichment) -> None:
    stated = workplace_mod.from_text(text)
    if stated is None and posting.title:
        stated = workplace_mod.from_title(posting.title)
    hint = workplace_mod.normalize(posting.workplace)
    if hint is None and any(_remote(loc) for loc in out.locations):
        hint = "remote"
    if hint:
        value, conflict = workplace_mod.reconcile(hint, stated)
        out.workplace = value
        prov = _hint_provenance(posting, "workplace", conflict or posting.workplace)
        if conflict:
            prov = _text_provenance(conflict, 0.8)
        out.provenance["workplace"] = prov
    elif stated:
        out.workplace = stated[0]
        out.provenance["workplace"] = _text_provenance(stated[1], 0.7)


def _remote(loc: Location) -> bool:
    """ "Remote - US" and "Remote - EMEA" (an area) are both remote places."""
    return loc.kind == "remote" or (
        loc.kind == "area" and workplace_mod.normalize(loc.raw) == "remote"
    )


def _education(posting: NormalizedPosting, text: str, out: Enrichment) -> None:
    parsed = education.parse_statement(posting.education) if posting.education else None
    if parsed:
        out.education = parsed
        out.provenance["education"] = _hint_provenance(posting, "education", posting.education)
        return
    found = education.from_text(text)
    if found and found[0] != Education():
        out.education = found[0]
        out.provenance["education"] = _text_provenance(found[1], 0.7)


def _salary(posting: NormalizedPosting, text: str, out: Enrichment) -> None:
    countries = {loc.country for loc in out.locations if loc.country}
    country = countries.pop() if len(countries) == 1 else None
    if posting.salary:
        value = salary.from_hint(posting.salary)
        if value:
            if posting.salary.currency is None:  # the "$" is the text's, not a source's code
                value = _local_dollar(value, country)
            out.salary = value
            out.provenance["salary"] = _hint_provenance(posting, "salary", value.raw)
            return
    value = salary.from_text(text)
    if value is None:
        return
    confidence = 0.7
    value = _local_dollar(value, country)
    if value.currency is None:
        # "от 170 000 до 900 000" in a posting located only in Kazakhstan is in tenge; with no
        # single country the currency is unknown, and an amount without one is not stated pay.
        code = currency.of_country(country)
        if code is None:
            return
        value = value.model_copy(update={"currency": code})
        confidence = 0.6
    out.salary = value
    out.provenance["salary"] = _text_provenance(value.raw, confidence)


def _local_dollar(value: Salary, country: str | None) -> Salary:
    """A bare "$85,000" in a posting located only in Sydney is in Australian dollars."""
    local = currency.local_dollar(value.raw, country) if value.currency == "USD" else None
    return value.model_copy(update={"currency": local}) if local else value


def _locations(posting: NormalizedPosting, text: str, out: Enrichment) -> None:
    out.locations = geo.geocode(posting.locations, posting.country_hint)
    if out.locations:
        prov = _hint_provenance(posting, "locations", "; ".join(posting.locations)[:200])
        out.provenance["locations"] = prov.model_copy(update={"method": "gazetteer"})
    elif head := geo.from_header(text, posting.title):  # none given, or none placeable
        out.locations = head[0]
        out.provenance["locations"] = _text_provenance(head[1], confidence=0.7)


def _language(posting: NormalizedPosting, text: str, out: Enrichment) -> None:
    if posting.language:
        out.language = posting.language.split("-")[0].lower()
        out.provenance["language"] = _hint_provenance(posting, "language", posting.language)
        return
    found = language.detect(text)
    if found:
        out.language = found[0]
        out.provenance["language"] = Provenance(
            method="model", confidence=found[1], source_field="description.text"
        )
