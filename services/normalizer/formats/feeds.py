"""XML feeds (Personio, Indeed-style) and the Swedish JobTech ad."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from shared.errors import InvalidPayload
from shared.posting import NormalizedPosting

from .common import Draft, get, mapping, parse_date, require_dict, salary_hint, string, strings


def xml_root(payload: Any, fmt: str, tag: str) -> ET.Element:
    """The ``tag`` element of an XML payload (the root itself or its first descendant)."""
    if isinstance(payload, ET.Element):
        root = payload
    elif isinstance(payload, str | bytes):
        if isinstance(payload, str):
            payload = payload.lstrip("\ufeff")  # ElementTree refuses a byte-order mark in text
        try:
            root = ET.fromstring(payload)
        except ET.ParseError as exc:
            raise InvalidPayload(f"{fmt} payload is not well-formed XML: {exc}") from exc
    else:
        raise InvalidPayload(f"{fmt} payload must be an XML string, got {type(payload).__name__}")
    found = root if root.tag == tag else root.find(f".//{tag}")
    if found is None:
        raise InvalidPayload(f"{fmt} payload has no <{tag}> element")
    return found


def _text(node: ET.Element, path: str) -> str | None:
    found = node.find(path)
    return string("".join(found.itertext())) if found is not None else None


def parse_personio(payload: Any, url: str | None) -> NormalizedPosting:
    position = xml_root(payload, "personio", "position")
    draft = Draft("personio")
    draft.set("title", _text(position, "name"), "name")
    draft.set("company", _text(position, "subcompany"), "subcompany")
    extra = [string(o.text) for o in position.findall("additionalOffices/office")]
    draft.set("locations", strings([_text(position, "office"), *extra]), "office")
    draft.set("department", _text(position, "department"), "department")
    draft.set(
        "employment_type",
        strings([_text(position, "employmentType"), _text(position, "schedule")]),
        "employmentType",
    )
    draft.set("experience", _text(position, "yearsOfExperience"), "yearsOfExperience")
    draft.set("seniority", _text(position, "seniority"), "seniority")
    draft.set("skills", strings((_text(position, "keywords") or "").split(",")), "keywords")
    draft.set("date_posted", parse_date(_text(position, "createdAt")), "createdAt")
    for block in position.findall("jobDescriptions/jobDescription"):
        draft.add_heading(_text(block, "name"))
        value = block.find("value")
        if value is not None:
            draft.add_text("".join(value.itertext()))
    return draft.build(url)


def parse_indeed_xml(payload: Any, url: str | None) -> NormalizedPosting:
    job = xml_root(payload, "indeed-xml", "job")
    draft = Draft("indeed-xml")
    draft.set("title", _text(job, "title"), "title")
    draft.set("company", _text(job, "company"), "company")
    draft.set("url", _text(job, "url"), "url")
    place = ", ".join(strings([_text(job, "city"), _text(job, "state"), _text(job, "country")]))
    draft.set("locations", strings([place]), "city")
    draft.set("country_hint", _text(job, "country"), "country")
    draft.set("date_posted", parse_date(_text(job, "date")), "date")
    draft.set("valid_through", parse_date(_text(job, "expirationdate")), "expirationdate")
    draft.set("employment_type", strings([_text(job, "jobtype")]), "jobtype")
    draft.set("workplace", _text(job, "remotetype"), "remotetype")
    draft.set("salary", salary_hint(None, None, raw=_text(job, "salary")), "salary")
    draft.set("experience", _text(job, "experience"), "experience")
    draft.set("education", _text(job, "education"), "education")
    draft.set("department", _text(job, "category"), "category")
    description = job.find("description")
    if description is not None:
        draft.add_text("".join(description.itertext()))
    return draft.build(url)


def parse_jobtech(payload: Any, url: str | None) -> NormalizedPosting:
    """JobTech ad: the Swedish-keyed search index document or the English JobSearch hit."""
    ad = require_dict(payload, "jobtech")
    ad = ad["_source"] if isinstance(ad.get("_source"), dict) else ad
    if "rubrik" in ad or "beskrivning" in ad:
        return _jobtech_sv(ad, url)
    draft = Draft("jobtech")
    draft.set("title", string(ad.get("headline")), "headline")
    draft.set("company", string(get(ad, "employer.name")), "employer.name")
    draft.set("url", string(ad.get("webpage_url")), "webpage_url")
    addr = mapping(ad.get("workplace_address"))
    place = ", ".join(strings([addr.get("city") or addr.get("municipality"), addr.get("region")]))
    draft.set("locations", strings([place]), "workplace_address")
    draft.set("country_hint", string(addr.get("country")), "workplace_address.country")
    draft.set(
        "employment_type",
        strings(
            [
                get(ad, "employment_type.label"),
                get(ad, "working_hours_type.label"),
                _fixed_term(get(ad, "duration.label")),
            ]
        ),
        "employment_type.label",
    )
    draft.set(
        "skills",
        _skills(_labels(ad, "must_have.skills") + _labels(ad, "nice_to_have.skills")),
        "must_have.skills",
    )
    education = _labels(ad, "must_have.education_level")
    draft.set("education", education[0] if education else None, "must_have.education_level")
    draft.set(
        "salary", salary_hint(None, None, raw=ad.get("salary_description")), "salary_description"
    )
    draft.set("date_posted", parse_date(ad.get("publication_date")), "publication_date")
    draft.set("valid_through", parse_date(ad.get("application_deadline")), "application_deadline")
    draft.add_text(get(ad, "description.text"))
    return draft.build(url)


def _fixed_term(duration: Any) -> str | None:
    """A stated duration ("3 - 6 månader", "Upp till 10 dagar") makes the employment fixed-term;
    "Tills vidare" (until further notice) does not."""
    label = string(duration)
    if label is None or label.casefold().startswith("tills vidare"):
        return None
    return "Tidsbegränsad anställning" if _DURATION.search(label) else None


_DURATION = re.compile(r"\b(?:dag|dagar|vecka|veckor|månad|månader|år)\b", re.I)


def _labels(ad: dict[str, Any], path: str, key: str = "label") -> list[str]:
    values = get(ad, path)
    return (
        strings(v.get(key) for v in values if isinstance(v, dict))
        if isinstance(values, list)
        else []
    )


def _skills(terms: list[str]) -> list[str]:
    """Taxonomy terms without their qualifier: "Java, programmeringsspråk" names the skill Java,
    "Grafiska gränssnitt, GUI" names Grafiska gränssnitt; the qualifier is a class or a synonym."""
    return strings(term.split(", ", 1)[0] for term in terms)


def _jobtech_sv(ad: dict[str, Any], url: str | None) -> NormalizedPosting:
    draft = Draft("jobtech")
    draft.set("title", string(ad.get("rubrik")), "rubrik")
    draft.set("company", string(get(ad, "arbetsgivare.namn")), "arbetsgivare.namn")
    addr = mapping(ad.get("arbetsplatsadress"))
    place = ", ".join(strings([addr.get("kommun") or addr.get("postort"), addr.get("lan")]))
    draft.set("locations", strings([place]), "arbetsplatsadress")
    draft.set(
        "country_hint",
        string(addr.get("land")) or string(addr.get("landskod")),
        "arbetsplatsadress.land",
    )
    draft.set(
        "employment_type",
        strings([get(ad, "anstallningstyp.term"), get(ad, "arbetstidstyp.term")]),
        "anstallningstyp.term",
    )
    draft.set(
        "skills",
        _skills(
            _labels(ad, "krav.kompetenser", "term") + _labels(ad, "meriterande.kompetenser", "term")
        ),
        "krav.kompetenser",
    )
    education = _labels(ad, "krav.utbildningsniva", "term")
    draft.set("education", education[0] if education else None, "krav.utbildningsniva")
    draft.set("date_posted", parse_date(ad.get("publiceringsdatum")), "publiceringsdatum")
    draft.set("valid_through", parse_date(ad.get("sista_ansokningsdatum")), "sista_ansokningsdatum")
    text = mapping(ad.get("beskrivning"))
    for key in ("annonstext", "information", "behov", "krav", "villkor"):
        draft.add_text(text.get(key))
    return draft.build(url)
