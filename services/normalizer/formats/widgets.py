"""Native job objects of Workable, SmartRecruiters and Recruitee."""

from __future__ import annotations

import re
from typing import Any

from shared.posting import NormalizedPosting

from .common import (
    Draft,
    get,
    mapping,
    parse_date,
    place,
    range_hint,
    require_dict,
    string,
    string_raw,
    strings,
)

# Recruitee's employment codes join the hours and the contract: "parttime_fixed_term".
_RECRUITEE_CODE = re.compile(r"(?<=time)_")


def parse_workable(payload: Any, url: str | None) -> NormalizedPosting:
    """Widget (``city``/``country``/``telecommuting``), SPI v3 (``location{}``, ``salary{}``) or
    apply API v2 (``workplace``, ``type``, ``published``) job objects."""
    job = require_dict(payload, "workable")
    draft = Draft("workable")
    draft.set("title", string(job.get("title")) or string(job.get("full_title")), "title")
    draft.set("company", string(job.get("company")), "company")
    draft.set("url", string(job.get("url")) or string(job.get("shortlink")), "url")
    _workable_where(draft, job)
    for key in ("employment_type", "type"):
        draft.set("employment_type", strings([job.get(key)]), key)
    department = job.get("department")
    draft.set(
        "department",
        ", ".join(strings(department if isinstance(department, list) else [department])) or None,
        "department",
    )
    # Workable's "experience" is a LinkedIn-style level ("Mid-Senior level"), not a duration.
    draft.set("seniority", string(job.get("experience")), "experience")
    draft.set("education", string(job.get("education")), "education")
    for key in ("published_on", "published", "created_at"):
        draft.set("date_posted", parse_date(job.get(key)), key)
    pay = mapping(job.get("salary"))
    draft.set(
        "salary",
        range_hint(pay.get("salary_from"), pay.get("salary_to"), pay.get("salary_currency")),
        "salary",
    )
    keywords = job.get("keywords")
    draft.set("skills", strings(keywords) if isinstance(keywords, list) else [], "keywords")
    _workable_description(draft, job)
    return draft.build(url)


def _workable_where(draft: Draft, job: dict[str, Any]) -> None:
    """Places, country and workplace: in ``location{}`` (API) or on the job itself (widget)."""
    loc = mapping(job.get("location")) or job
    draft.set("locations", _workable_places(job, loc), "location")
    draft.set(
        "country_hint",
        string(loc.get("country_code"))
        or string(loc.get("countryCode"))
        or string(loc.get("country")),
        "location.country" if loc is not job else "country",
    )
    for key, value in (
        ("location.workplace_type", loc.get("workplace_type")),
        ("workplace", job.get("workplace")),
    ):
        draft.set("workplace", string(value), key)
    for key in ("telecommuting", "remote"):
        if loc.get(key) is True or job.get(key) is True:
            draft.set("workplace", "remote", key)


def _workable_places(job: dict[str, Any], loc: dict[str, Any]) -> list[str]:
    """The job's location, then its other visible ones, each from its parts when it has them."""
    places = [
        loc,
        *(o for o in job.get("locations") or [] if isinstance(o, dict) and not o.get("hidden")),
    ]
    return strings(
        place(p.get("city"), p.get("region") or p.get("state"), p.get("country"))
        or p.get("location_str")
        for p in places
    )


def _workable_description(draft: Draft, job: dict[str, Any]) -> None:
    """Description, requirements and benefits as parts; the widget sends only ``description``
    and ``full_description``, which is all three in one."""
    if not (string_raw(job.get("requirements")) or string_raw(job.get("benefits"))):
        draft.add_text(job.get("full_description") or job.get("description"))
        return
    draft.add_text(job.get("description"))
    for heading, key in (("Requirements", "requirements"), ("Benefits", "benefits")):
        if string_raw(job.get(key)):
            draft.add_heading(heading)
            draft.add_text(job[key])


def parse_smartrecruiters(payload: Any, url: str | None) -> NormalizedPosting:
    job = require_dict(payload, "smartrecruiters")
    draft = Draft("smartrecruiters")
    draft.set("title", string(job.get("name")), "name")
    draft.set("company", string(get(job, "company.name")), "company.name")
    draft.set("url", string(job.get("postingUrl")) or string(job.get("applyUrl")), "postingUrl")
    loc = mapping(job.get("location"))
    place = string(loc.get("fullLocation")) or ", ".join(
        strings([loc.get("city"), loc.get("region"), loc.get("country")])
    )
    draft.set("locations", strings([place]), "location")
    draft.set("country_hint", string(loc.get("country")), "location.country")
    if loc.get("remote") is True:
        draft.set("workplace", "remote", "location.remote")
    elif loc.get("hybrid") is True:
        draft.set("workplace", "hybrid", "location.hybrid")
    # The label is in the posting's language ("Temps partiel"); the id ("part_time") is not.
    kinds = [get(job, "typeOfEmployment.label")]
    if (string(get(job, "language.code")) or "en").lower()[:2] != "en":
        kinds.append(get(job, "typeOfEmployment.id"))
    draft.set("employment_type", strings(kinds), "typeOfEmployment.label")
    draft.set("department", string(get(job, "department.label")), "department.label")
    # The id ("mid_senior_level") reads the same whatever language the label is in.
    draft.set("seniority", string(get(job, "experienceLevel.id")), "experienceLevel.id")
    draft.set("seniority", string(get(job, "experienceLevel.label")), "experienceLevel.label")
    draft.set("date_posted", parse_date(job.get("releasedDate")), "releasedDate")
    draft.set("language", string(get(job, "language.code")), "language.code")
    sections = get(job, "jobAd.sections")
    for key in ("companyDescription", "jobDescription", "qualifications", "additionalInformation"):
        section = get(sections, key)
        if isinstance(section, dict) and section.get("text"):
            draft.add_heading(section.get("title"))
            draft.add_text(section["text"])
    return draft.build(url)


def parse_recruitee(payload: Any, url: str | None) -> NormalizedPosting:
    job = require_dict(payload, "recruitee")
    draft = Draft("recruitee")
    draft.set("title", string(job.get("title")), "title")
    draft.set("company", string(job.get("company_name")), "company_name")
    draft.set("url", string(job.get("careers_url")) or string(job.get("url")), "careers_url")
    offices = [o for o in job.get("locations") or [] if isinstance(o, dict)]
    draft.set(
        "locations",
        strings(place(o.get("city"), o.get("country")) for o in offices),  # as its page shows
        "locations",
    )
    stated = string(job.get("location"))
    draft.set(
        "locations",
        strings([stated or place(job.get("city"), job.get("state_name"), job.get("country"))]),
        "location",
    )
    draft.set("country_hint", string(job.get("country_code")), "country_code")
    for key, value in (("remote", "remote"), ("hybrid", "hybrid"), ("on_site", "onsite")):
        if job.get(key) is True:
            draft.set("workplace", value, key)
    code = string(job.get("employment_type_code")) or ""
    halves = _RECRUITEE_CODE.split(code, 1)  # "parttime", "fixed_term": each half a value
    draft.set("employment_type", strings(halves), "employment_type_code")
    draft.set("department", string(job.get("department")), "department")
    draft.set("education", string(job.get("education_code")), "education_code")
    # A level code ("mid_level", "senior_level", "entry_level"), not a duration.
    draft.set("seniority", string(job.get("experience_code")), "experience_code")
    draft.set("date_posted", parse_date(job.get("published_at")), "published_at")
    draft.set("date_posted", parse_date(job.get("created_at")), "created_at")
    salary = mapping(job.get("salary"))
    draft.set(
        "salary",
        range_hint(
            salary.get("min"), salary.get("max"), salary.get("currency"), salary.get("period")
        ),
        "salary",
    )
    draft.add_text(job.get("description"))
    if job.get("requirements"):
        draft.add_heading("Requirements")
        draft.add_text(job["requirements"])
    return draft.build(url)
