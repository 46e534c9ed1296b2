"""Native job objects of the Greenhouse, Lever and Ashby public job-board APIs."""

from __future__ import annotations

from html import escape
from typing import Any

from shared.posting import NormalizedPosting, SalaryHint

from ..text import unescape_markup
from .common import Draft, get, mapping, parse_date, require_dict, salary_hint, string, strings

_EMPLOYMENT_META = ("employment type", "job type", "time type", "employment", "contract type")
_WORKPLACE_META = ("workplace type", "remote", "location type", "work type", "remote status")
_SALARY_META = ("salary", "salary range", "pay range", "compensation")
# Ashby writes a period as a count and a unit ("1 YEAR"); only a count of one is a plain period.
_ASHBY_INTERVALS = {f"1 {unit}": unit for unit in ("HOUR", "DAY", "WEEK", "MONTH", "YEAR")}


def parse_greenhouse(payload: Any, url: str | None) -> NormalizedPosting:
    """Job Board API job (``content=true``): ``content`` is HTML escaped once more."""
    job = require_dict(payload, "greenhouse")
    draft = Draft("greenhouse")
    draft.set("title", string(job.get("title")), "title")
    draft.set("company", string(job.get("company_name")), "company_name")
    draft.set("url", string(job.get("absolute_url")), "absolute_url")
    draft.set("locations", strings([get(job, "location.name")]), "location.name")
    offices = job.get("offices") or []
    draft.set(
        "locations",
        strings(o.get("location") or o.get("name") for o in offices if isinstance(o, dict)),
        "offices[].location",
    )
    departments = job.get("departments") or []
    names = strings(d.get("name") for d in departments if isinstance(d, dict))
    draft.set("department", ", ".join(names) or None, "departments[].name")
    draft.set("date_posted", parse_date(job.get("first_published")), "first_published")
    draft.set("date_posted", parse_date(job.get("updated_at")), "updated_at")
    draft.set("valid_through", parse_date(job.get("application_deadline")), "application_deadline")
    draft.set("language", string(job.get("language")), "language")
    _greenhouse_metadata(draft, job.get("metadata"))
    content = job.get("content")
    if isinstance(content, str):
        draft.add_html(unescape_markup(content) if "&lt;" in content else content)
    return draft.build(url)


def _greenhouse_metadata(draft: Draft, metadata: Any) -> None:
    """Custom fields: boards name them freely, so match the usual names only."""
    for field in metadata if isinstance(metadata, list) else []:
        name = (string(get(field, "name")) or "").lower()
        value = field.get("value") if isinstance(field, dict) else None
        values = strings(value if isinstance(value, list) else [value])
        source = f"metadata.{get(field, 'name')}"
        if name in _EMPLOYMENT_META:
            draft.set("employment_type", values, source)
        elif name in _WORKPLACE_META and values:
            draft.set("workplace", values[0], source)
        elif name in _SALARY_META:
            if isinstance(value, dict):  # currency fields: {"unit": "USD", "amount": "100"}
                draft.set(
                    "salary",
                    salary_hint(value.get("amount"), value.get("amount"), value.get("unit")),
                    source,
                )
            elif values:
                draft.set("salary", salary_hint(None, None, raw=values[0]), source)


def parse_lever(payload: Any, url: str | None) -> NormalizedPosting:
    """Postings API object: description, then each lists[] block, then additional."""
    job = require_dict(payload, "lever")
    draft = Draft("lever")
    draft.set("title", string(job.get("text")), "text")
    draft.set("url", string(job.get("hostedUrl")), "hostedUrl")
    cats = mapping(job.get("categories"))
    all_locations = cats.get("allLocations")
    all_locations = all_locations if isinstance(all_locations, list) else []
    draft.set("locations", strings([cats.get("location"), *all_locations]), "categories.location")
    draft.set("employment_type", strings([cats.get("commitment")]), "categories.commitment")
    draft.set("department", string(cats.get("department")), "categories.department")
    draft.set("department", string(cats.get("team")), "categories.team")
    workplace = string(job.get("workplaceType"))
    if workplace and workplace.lower() != "unspecified":
        draft.set("workplace", workplace, "workplaceType")
    draft.set("country_hint", string(job.get("country")), "country")
    draft.set("date_posted", parse_date(job.get("createdAt")), "createdAt")
    salary = mapping(job.get("salaryRange"))
    draft.set(
        "salary",
        salary_hint(
            salary.get("min"), salary.get("max"), salary.get("currency"), salary.get("interval")
        ),
        "salaryRange",
    )
    _lever_description(draft, job)
    return draft.build(url)


def _lever_description(draft: Draft, job: dict[str, Any]) -> None:
    """All blocks as one HTML document: one parse instead of one per block."""
    parts = [_lever_block(job, "description", "descriptionPlain")]
    for block in job.get("lists") or []:
        if isinstance(block, dict):
            heading = escape(string(block.get("text")) or "")
            parts.append(f"<h3>{heading}</h3><ul>{block.get('content') or ''}</ul>")
    parts.append(_lever_block(job, "additional", "additionalPlain"))
    parts.append(_lever_block(job, "salaryDescription", "salaryDescriptionPlain"))
    draft.add_html("".join(parts))


def _lever_block(job: dict[str, Any], html_key: str, plain_key: str) -> str:
    markup = job.get(html_key)
    if isinstance(markup, str) and markup.strip():
        return markup
    plain = job.get(plain_key)
    return f"<pre>{escape(plain)}</pre>" if isinstance(plain, str) else ""


def parse_ashby(payload: Any, url: str | None) -> NormalizedPosting:
    job = require_dict(payload, "ashby")
    draft = Draft("ashby")
    draft.set("title", string(job.get("title")), "title")
    draft.set("url", string(job.get("jobUrl")), "jobUrl")
    secondary = job.get("secondaryLocations") or []
    draft.set(
        "locations",
        strings(
            [
                job.get("location"),
                *(get(s, "location") if isinstance(s, dict) else s for s in secondary),
            ]
        ),
        "location",
    )
    draft.set("employment_type", strings([job.get("employmentType")]), "employmentType")
    draft.set("workplace", string(job.get("workplaceType")), "workplaceType")
    if job.get("isRemote") is True:
        draft.set("workplace", "remote", "isRemote")
    draft.set("department", string(job.get("department")), "department")
    draft.set("department", string(job.get("team")), "team")
    draft.set(
        "country_hint",
        string(get(job, "address.postalAddress.addressCountry")),
        "address.postalAddress.addressCountry",
    )
    draft.set("date_posted", parse_date(job.get("publishedAt")), "publishedAt")
    draft.set("salary", _ashby_salary(job.get("compensation")), "compensation.summaryComponents")
    if isinstance(job.get("descriptionHtml"), str) and job["descriptionHtml"].strip():
        draft.add_html(job["descriptionHtml"])
    else:
        draft.add_text(job.get("descriptionPlain"))
    return draft.build(url)


def _ashby_salary(compensation: Any) -> SalaryHint | None:
    if not isinstance(compensation, dict):
        return None
    components = list(compensation.get("summaryComponents") or [])
    for tier in compensation.get("compensationTiers") or []:
        components.extend(get(tier, "components") or [])
    raw = compensation.get("scrapeableCompensationSalarySummary") or compensation.get(
        "compensationTierSummary"
    )
    for part in components:
        if isinstance(part, dict) and str(part.get("compensationType", "")).lower() == "salary":
            return salary_hint(
                part.get("minValue"),
                part.get("maxValue"),
                part.get("currencyCode"),
                _ashby_period(part.get("interval")),
                raw,
            )
    return salary_hint(None, None, raw=raw)


def _ashby_period(interval: Any) -> str | None:
    """The period of an interval such as "1 YEAR"; any other ("2 WEEK") is kept as written."""
    text = string(interval)
    return _ASHBY_INTERVALS.get(text.upper(), text) if text else None
