"""Native job objects of Workable, SmartRecruiters and Recruitee."""

from __future__ import annotations

from typing import Any

from shared.posting import NormalizedPosting

from .common import Draft, get, mapping, parse_date, require_dict, salary_hint, string, strings


def parse_workable(payload: Any, url: str | None) -> NormalizedPosting:
    """Widget (``city``/``country``/``telecommuting``) or API (``location{}``) job objects."""
    job = require_dict(payload, "workable")
    draft = Draft("workable")
    draft.set("title", string(job.get("title")) or string(job.get("full_title")), "title")
    draft.set("company", string(job.get("company")), "company")
    draft.set("url", string(job.get("url")) or string(job.get("shortlink")), "url")
    loc = mapping(job.get("location")) or job
    place = string(loc.get("location_str")) or ", ".join(
        strings([loc.get("city"), loc.get("region") or loc.get("state"), loc.get("country")])
    )
    others = [
        ", ".join(strings([o.get("city"), o.get("region"), o.get("country")]))
        for o in job.get("locations") or []
        if isinstance(o, dict) and not o.get("hidden")
    ]
    draft.set("locations", strings([place, *others]), "location")
    draft.set(
        "country_hint",
        string(loc.get("country_code")) or string(loc.get("country")),
        "location.country" if loc is not job else "country",
    )
    if workplace := string(loc.get("workplace_type")):
        draft.set("workplace", workplace, "location.workplace_type")
    for key in ("telecommuting", "remote"):
        if loc.get(key) is True or job.get(key) is True:
            draft.set("workplace", "remote", key)
    draft.set("employment_type", strings([job.get("employment_type")]), "employment_type")
    draft.set("department", string(job.get("department")), "department")
    # Workable's "experience" is a LinkedIn-style level ("Mid-Senior level"), not a duration.
    draft.set("seniority", string(job.get("experience")), "experience")
    draft.set("education", string(job.get("education")), "education")
    draft.set(
        "date_posted", parse_date(job.get("published_on") or job.get("published")), "published_on"
    )
    draft.set("date_posted", parse_date(job.get("created_at")), "created_at")
    draft.add_text(job.get("description"))
    for heading, key in (("Requirements", "requirements"), ("Benefits", "benefits")):
        if job.get(key):
            draft.add_heading(heading)
            draft.add_text(job[key])
    return draft.build(url)


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
    draft.set(
        "employment_type", strings([get(job, "typeOfEmployment.label")]), "typeOfEmployment.label"
    )
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
    place = string(job.get("location")) or ", ".join(
        strings([job.get("city"), job.get("state_name"), job.get("country")])
    )
    draft.set("locations", strings([place]), "location")
    draft.set("country_hint", string(job.get("country_code")), "country_code")
    for key, value in (("remote", "remote"), ("hybrid", "hybrid"), ("on_site", "onsite")):
        if job.get(key) is True:
            draft.set("workplace", value, key)
    draft.set("employment_type", strings([job.get("employment_type_code")]), "employment_type_code")
    draft.set("department", string(job.get("department")), "department")
    draft.set("education", string(job.get("education_code")), "education_code")
    # A level code ("mid_level", "senior_level", "entry_level"), not a duration.
    draft.set("seniority", string(job.get("experience_code")), "experience_code")
    draft.set("date_posted", parse_date(job.get("published_at")), "published_at")
    draft.set("date_posted", parse_date(job.get("created_at")), "created_at")
    salary = mapping(job.get("salary"))
    draft.set(
        "salary",
        salary_hint(
            salary.get("min"), salary.get("max"), salary.get("currency"), salary.get("period")
        ),
        "salary",
    )
    draft.add_text(job.get("description"))
    if job.get("requirements"):
        draft.add_heading("Requirements")
        draft.add_text(job["requirements"])
    return draft.build(url)
