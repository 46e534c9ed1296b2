"""Native job objects of the Greenhouse, Lever and Ashby public job-board APIs."""

from __future__ import annotations

import re
from html import escape
from typing import Any

from shared.posting import NormalizedPosting, SalaryHint

from ..text import unescape_markup
from .common import (
    Draft,
    get,
    mapping,
    number,
    parse_date,
    place,
    range_hint,
    require_dict,
    salary_hint,
    string,
    strings,
)

_EMPLOYMENT_META = ("employment type", "job type", "time type", "employment", "contract type")
_WORKPLACE_META = ("workplace type", "remote", "location type", "work type", "remote status")
_PERIOD_META = ("pay frequency", "pay period", "salary frequency", "pay interval", "pay basis")
# Custom fields that carry pay go by many names ("USA: Pay Transparency Range", "Hiring Range",
# "Base Salary Band Minimum"); other money fields (a bonus, a relocation budget) are not pay.
_PAY_NAME = re.compile(
    r"salary|pay (?:range|band|rate|scale)|pay transparency|compensation|hiring range|wage"
    r"|hourly rate|base pay",
    re.I,
)
_NOT_PAY = re.compile(
    r"bonus|equity|commission|stock|relocation|sign[- ]?on|frequency|period", re.I
)
_BOUND = re.compile(r"\b(min|max)(?:imum)?\b", re.I)
# A pay range's own words for its period ("Annual Salary", "hourly rate for this role ...").
_PERIOD_WORD = re.compile(
    r"\b(annual(?:ly)?|yearly|per year|a year|hourly|per hour|an hour|monthly|per month|weekly"
    r"|per week|daily|per day)\b",
    re.I,
)
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
    period = _greenhouse_metadata(draft, job.get("metadata"))
    draft.set(
        "salary", _greenhouse_pay_range(job.get("pay_input_ranges"), period), "pay_input_ranges"
    )
    content = job.get("content")
    if isinstance(content, str):
        draft.add_html(unescape_markup(content) if "&lt;" in content else content)
    return draft.build(url)


def _greenhouse_metadata(draft: Draft, metadata: Any) -> str | None:
    """Custom fields: boards name them freely, so match the usual names only. Returns the pay
    period a field states ("Pay Frequency: Annual"), for the pay ranges read elsewhere."""
    fields = [f for f in metadata if isinstance(f, dict)] if isinstance(metadata, list) else []
    period = next((string(f.get("value")) for f in fields if _field_name(f) in _PERIOD_META), None)
    pay: list[tuple[dict[str, Any], str]] = []
    for field in fields:
        name = _field_name(field)
        value = field.get("value")
        values = strings(value if isinstance(value, list) else [value])
        source = f"metadata.{field.get('name')}"
        if name in _EMPLOYMENT_META:
            draft.set("employment_type", values, source)
        elif name in _WORKPLACE_META and values:
            draft.set("workplace", values[0], source)
        elif _PAY_NAME.search(name) and not _NOT_PAY.search(name) and value not in (None, ""):
            pay.append((field, source))
    if pay:
        draft.set("salary", _metadata_pay(pay, period), pay[0][1])
    return period


def _field_name(field: dict[str, Any]) -> str:
    return (string(field.get("name")) or "").lower()


def _metadata_pay(pay: list[tuple[dict[str, Any], str]], period: str | None) -> SalaryHint | None:
    """The first pay range among the fields; else a minimum and a maximum field together
    ("Base Salary Band Minimum" / "... Maximum"); else one amount; else a text value."""
    bounds: dict[str, tuple[Any, Any]] = {}
    amounts: list[tuple[Any, Any]] = []
    for field, _ in pay:
        value = field.get("value")
        if not isinstance(value, dict):
            continue
        if "min_value" in value or "max_value" in value:
            return range_hint(
                value.get("min_value"), value.get("max_value"), value.get("unit"), period
            )
        bound = _BOUND.search(str(field.get("name")))
        if bound:
            bounds.setdefault(bound.group(1).lower(), (value.get("amount"), value.get("unit")))
        else:
            amounts.append((value.get("amount"), value.get("unit")))
    if bounds:
        low, high = bounds.get("min", (None, None)), bounds.get("max", (None, None))
        return range_hint(low[0], high[0], low[1] or high[1], period)
    if amounts:
        return range_hint(amounts[0][0], amounts[0][0], amounts[0][1], period)
    texts = strings(field.get("value") for field, _ in pay)
    return salary_hint(None, None, raw=texts[0]) if texts else None


def _greenhouse_pay_range(ranges: Any, period: str | None) -> SalaryHint | None:
    """``pay_input_ranges`` (``pay_transparency=true``): amounts in cents; the first range is the
    posting's (boards list one per zone). Its period is stated, if anywhere, in its own title
    or blurb ("Annual Salary"), else by a "Pay Frequency" field."""
    first = ranges[0] if isinstance(ranges, list) and ranges else None
    if not isinstance(first, dict):
        return None
    low, high = number(first.get("min_cents")), number(first.get("max_cents"))
    if low is None and high is None:
        return None
    words = _PERIOD_WORD.search(f"{first.get('title') or ''} {first.get('blurb') or ''}")
    return range_hint(
        low / 100 if low is not None else None,
        high / 100 if high is not None else None,
        first.get("currency_type"),
        words.group(1) if words else period,
    )


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
        range_hint(
            salary.get("min"), salary.get("max"), salary.get("currency"), _lever_period(salary)
        ),
        "salaryRange",
    )
    _lever_description(draft, job)
    return draft.build(url)


def _lever_period(salary: dict[str, Any]) -> str | None:
    """Lever's interval as words: "per-week-salary" reads "per week salary"."""
    interval = string(salary.get("interval"))
    return interval.replace("-", " ") if interval else None


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
    """Posting API job (``location``, ``secondaryLocations``) or the partner feed's and
    ``jobPosting.info``'s object (``organizationName``, ``departmentName``, ``locations[]``)."""
    job = require_dict(payload, "ashby")
    draft = Draft("ashby")
    draft.set("title", string(job.get("title")), "title")
    draft.set("company", string(job.get("organizationName")), "organizationName")
    for key in ("jobUrl", "externalLink", "applyUrl", "applyLink"):
        draft.set("url", string(job.get(key)), key)
    draft.set("locations", _ashby_locations(job), "location")
    draft.set("employment_type", strings([job.get("employmentType")]), "employmentType")
    draft.set("workplace", string(job.get("workplaceType")), "workplaceType")
    primary = next((p for p in _ashby_feed_places(job) if p.get("isPrimaryLocation")), {})
    for where, remote in (
        ("isRemote", job.get("isRemote")),
        ("locations[].isRemote", primary.get("isRemote")),
    ):
        if remote is True:
            draft.set("workplace", "remote", where)
    for key in ("department", "departmentName", "team", "teamName"):
        draft.set("department", string(job.get(key)), key)
    draft.set(
        "country_hint",
        string(get(job, "address.postalAddress.addressCountry"))
        or string(get(primary, "address.addressCountry")),
        "address.postalAddress.addressCountry",
    )
    for key in ("publishedAt", "publishedDate"):
        draft.set("date_posted", parse_date(job.get(key)), key)
    compensation = job.get("compensation") or {"compensationTiers": job.get("compensationTiers")}
    draft.set("salary", _ashby_salary(compensation), "compensation.summaryComponents")
    if isinstance(job.get("descriptionHtml"), str) and job["descriptionHtml"].strip():
        draft.add_html(job["descriptionHtml"])
    else:
        draft.add_text(job.get("descriptionPlain"))
    return draft.build(url)


def _ashby_locations(job: dict[str, Any]) -> list[str]:
    """The primary location, then every other place, each as written ("Miami, FL"); a bare name
    ("London") is read from its postal address instead, which says which London it is."""
    places: list[Any] = [job.get("location") or job.get("locationName")]
    others = job.get("secondaryLocations")
    for item in [*(others if isinstance(others, list) else []), *_ashby_feed_places(job)]:
        if not isinstance(item, dict):
            places.append(item)
            continue
        named = string(item.get("location")) or string(item.get("locationName"))
        address = mapping(item.get("address"))
        address = mapping(address.get("postalAddress")) or address
        if address.get("addressLocality") and (named is None or "," not in named):
            named = place(
                *(address.get(k) for k in ("addressLocality", "addressRegion", "addressCountry"))
            )
        places.append(named)
    return strings(places)


def _ashby_feed_places(job: dict[str, Any]) -> list[dict[str, Any]]:
    places = job.get("locations")
    return [p for p in places if isinstance(p, dict)] if isinstance(places, list) else []


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
