"""Job aggregators' native objects: hh.ru vacancies and JobSpy result rows (Indeed et al.)."""

from __future__ import annotations

import re
from typing import Any

from services.enricher.currency import of_country
from shared.posting import NormalizedPosting

from .common import (
    Draft,
    get,
    mapping,
    number,
    parse_date,
    require_dict,
    salary_hint,
    string,
    strings,
)

_HH_WORKPLACE = {"remote": "remote"}  # schedule ids that state a workplace
# work_format ids that name a workplace; FIELD_WORK (travelling work) names none.
_HH_FORMATS = frozenset({"ON_SITE", "REMOTE", "HYBRID"})
# A JobSpy location's country, when its last part is one: Indeed writes "City, ST, CC", "ST, CC"
# or "CC"; other sites write "City, ST" too, where "CA" or "IN" would be a state, not a country.
_COUNTRY_CODE = re.compile(r"(?:^|,\s*)([A-Z]{2})$")


def parse_hh(payload: Any, url: str | None) -> NormalizedPosting:
    """hh.ru API vacancy, full (``/vacancies/{id}``) or a search item (``snippet`` only)."""
    job = require_dict(payload, "hh")
    draft = Draft("hh")
    draft.set("title", string(job.get("name")), "name")
    draft.set("company", string(get(job, "employer.name")), "employer.name")
    draft.set("url", string(job.get("alternate_url")), "alternate_url")
    draft.set("locations", strings([get(job, "address.raw"), get(job, "area.name")]), "area.name")
    draft.set("employment_type", strings([get(job, "employment.id")]), "employment.id")
    # The newer employment_form (FULL, PART, PROJECT; FLY_IN_FLY_OUT names no hours) and the
    # internship flag stand in when the deprecated employment is gone.
    draft.set("employment_type", strings([get(job, "employment_form.id")]), "employment_form.id")
    if job.get("internship") is True:
        draft.set("employment_type", ["probation"], "internship")
    formats = strings(get(f, "id") for f in job.get("work_format") or [] if isinstance(f, dict))
    stated = [f for f in formats if f.upper() in _HH_FORMATS]  # as the source wrote it
    draft.set("workplace", stated[0] if stated else None, "work_format[].id")
    schedule = string(get(job, "schedule.id"))
    draft.set("workplace", _HH_WORKPLACE.get(schedule or ""), "schedule.id")
    draft.set("experience", string(get(job, "experience.id")), "experience.id")
    draft.set("department", string(get(job, "department.name")), "department.name")
    skills = strings(get(s, "name") for s in job.get("key_skills") or [] if isinstance(s, dict))
    draft.set("skills", skills, "key_skills[].name")
    # salary_range states its mode (MONTH, HOUR; SHIFT, FLY_IN_FLY_OUT and SERVICE are no
    # period); the deprecated salary has none and is a monthly figure, as hh.ru shows it.
    for key in ("salary_range", "salary"):
        pay = mapping(job.get(key))
        period = get(pay, "mode.id") if key == "salary_range" else "MONTH"
        draft.set(
            "salary", salary_hint(pay.get("from"), pay.get("to"), pay.get("currency"), period), key
        )
    draft.set("date_posted", parse_date(job.get("published_at")), "published_at")
    draft.add_html(job.get("description"))
    snippet = mapping(job.get("snippet"))
    for heading, key in (("Обязанности", "responsibility"), ("Требования", "requirement")):
        if isinstance(snippet.get(key), str) and snippet[key].strip():
            draft.add_heading(heading)
            draft.add_html(snippet[key])
    return draft.build(url)


def parse_jobspy(payload: Any, url: str | None) -> NormalizedPosting:
    """A JobSpy ``scrape_jobs`` row as a dict (CSV export: empty cells may be NaN)."""
    row = require_dict(payload, "jobspy")
    draft = Draft("jobspy")
    draft.set("title", string(row.get("title")), "title")
    draft.set("company", string(row.get("company")), "company")
    draft.set("url", string(row.get("job_url")) or string(row.get("job_url_direct")), "job_url")
    draft.set("locations", strings([row.get("location")]), "location")
    kinds = string(row.get("job_type"))
    draft.set("employment_type", strings((kinds or "").split(",")), "job_type")
    if row.get("is_remote") is True or str(row.get("is_remote")).lower() == "true":
        draft.set("workplace", "remote", "is_remote")
    if number(row.get("min_amount")) is not None or number(row.get("max_amount")) is not None:
        draft.set(
            "salary",
            salary_hint(
                row.get("min_amount"),
                row.get("max_amount"),
                string(row.get("currency")) or _jobspy_currency(row),
                row.get("interval"),
            ),
            "min_amount",
        )
    draft.set("seniority", string(row.get("job_level")), "job_level")
    draft.set("date_posted", parse_date(row.get("date_posted")), "date_posted")
    draft.add_text(row.get("description"))
    return draft.build(url)


def _jobspy_currency(row: dict[str, Any]) -> str | None:
    """The currency of amounts a row gives without one: its country's. Indeed's rows always end
    in the country code; another site's only in a three-part "City, ST, CC"."""
    location = string(row.get("location")) or ""
    found = _COUNTRY_CODE.search(location)
    if found is None or (string(row.get("site")) != "indeed" and location.count(",") < 2):
        return None
    return of_country(found.group(1))
