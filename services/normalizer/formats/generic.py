"""``generic``: the plain object a board or a user pushes (title, company, location, text).

Such objects name their fields freely ("job_type", "apply_url", "posted_at"); each canonical
field is read from the first of its usual names that the object fills, and that name is what
provenance records.
"""

from __future__ import annotations

from typing import Any

from shared.posting import NormalizedPosting, SalaryHint

from .common import (
    Draft,
    parse_date,
    place,
    range_hint,
    require_dict,
    salary_hint,
    string,
    strings,
)

# Canonical field -> the names pushed objects use for it, the usual one first.
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "job_title"),
    "company": ("company", "company_name", "employer", "organization", "hiring_organization"),
    "url": ("url", "apply_url", "application_url", "job_url", "apply_link", "link"),
    "location": ("location", "locations", "job_location", "place"),
    "employment_type": ("employment_type", "job_type", "employmentType", "contract_type"),
    "date_posted": (
        "date_posted",
        "posted_at",
        "published_at",
        "datePosted",
        "date",
        "posted",
        "publication_date",
        "created_at",
    ),
    "valid_through": ("valid_through", "expires_at", "closing_date", "deadline"),
    "salary": ("salary", "salary_range", "compensation", "pay"),
    "description": ("description", "description_html", "body", "content"),
}
# "remote" as a word rather than a boolean.
_REMOTE_WORDS = frozenset({"true", "yes", "remote", "fully remote", "full remote"})
_NOT_REMOTE_WORDS = frozenset({"false", "no", "none", "n/a", ""})
# Keys of a salary object: the low and high amounts, the currency and the period.
_LOW = ("min", "from", "minimum", "min_value", "min_amount")
_HIGH = ("max", "to", "maximum", "max_value", "max_amount")
_CURRENCY = ("currency", "currency_code")
_PERIOD = ("period", "interval", "unit", "per")


def first(data: dict[str, Any], names: tuple[str, ...]) -> tuple[Any, str]:
    """The first filled value among ``names`` and the name it was under (else None, the first)."""
    for name in names:
        value = data.get(name)
        if value not in (None, "", [], {}):
            return value, name
    return None, names[0]


def parse_generic(payload: Any, url: str | None) -> NormalizedPosting:
    data = require_dict(payload, "generic")
    draft = Draft("generic")
    title, key = first(data, ALIASES["title"])
    draft.set("title", string(title), key)
    company, key = first(data, ALIASES["company"])
    draft.set("company", string(company.get("name") if isinstance(company, dict) else company), key)
    link, key = first(data, ALIASES["url"])
    draft.set("url", string(link), key)
    location, key = first(data, ALIASES["location"])
    draft.set(
        "locations",
        strings(_place(p) for p in (location if isinstance(location, list) else [location])),
        key,
    )
    kind, key = first(data, ALIASES["employment_type"])
    draft.set("employment_type", strings(kind if isinstance(kind, list) else [kind]), key)
    for name in ("date_posted", "valid_through"):
        value, key = first(data, ALIASES[name])
        draft.set(name, parse_date(value), key)
    pay, key = first(data, ALIASES["salary"])
    draft.set("salary", _salary(pay), key)
    if pay is None and any(f"salary_{k}" in data for k in ("min", "max")):
        draft.set(
            "salary",
            _salary({k[7:]: v for k, v in data.items() if k[:7] == "salary_"}),
            "salary_min",
        )
    for name in ("workplace", "department", "experience", "education", "language"):
        draft.set(name, string(data.get(name)), name)
    draft.set("country_hint", string(data.get("country")), "country")
    remote = data.get("remote")
    if remote is True or (isinstance(remote, str) and remote.lower() in _REMOTE_WORDS):
        draft.set("workplace", "remote", "remote")
    elif isinstance(remote, str) and remote.lower() not in _NOT_REMOTE_WORDS:
        draft.set("workplace", string(remote), "remote")  # "hybrid", "remote-first", ...
    skills = data.get("skills")
    draft.set("skills", strings(skills) if isinstance(skills, list) else [], "skills")
    draft.add_text(first(data, ALIASES["description"])[0])
    # A pushed description may carry the labelled header of a text posting ("Job Title : ...");
    # those lines fill only what the object's own fields leave empty.
    return draft.build(url, label_title=True)


def _salary(value: Any) -> SalaryHint | None:
    if isinstance(value, dict):
        low, _ = first(value, _LOW)
        high, _ = first(value, _HIGH)
        currency, _ = first(value, _CURRENCY)
        period, _ = first(value, _PERIOD)
        if period is None and value.get("raw") is None:
            return range_hint(low, high, currency)
        return salary_hint(low, high, currency, period, value.get("raw"))
    return salary_hint(None, None, raw=value) if isinstance(value, str) else None


def _place(value: Any) -> str | None:
    """A location as a string, or as an object of parts ({"city": ..., "country": ...})."""
    if not isinstance(value, dict):
        return string(value)
    country = value.get("country") or value.get("country_code")
    parts = (*(value.get(k) for k in ("city", "region", "state")), country)
    return place(*parts) or string(value.get("name"))
