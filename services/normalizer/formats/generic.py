"""``generic``: the plain object a board or a user pushes (title, company, location, text)."""

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


def parse_generic(payload: Any, url: str | None) -> NormalizedPosting:
    data = require_dict(payload, "generic")
    draft = Draft("generic")
    draft.set("title", string(data.get("title")), "title")
    company = data.get("company")
    draft.set(
        "company", string(company.get("name") if isinstance(company, dict) else company), "company"
    )
    draft.set("url", string(data.get("url")), "url")
    location = data.get("location") or data.get("locations")
    draft.set(
        "locations",
        strings(_place(p) for p in (location if isinstance(location, list) else [location])),
        "location",
    )
    kind = data.get("employment_type")
    draft.set(
        "employment_type", strings(kind if isinstance(kind, list) else [kind]), "employment_type"
    )
    draft.set("date_posted", parse_date(data.get("date_posted")), "date_posted")
    draft.set("valid_through", parse_date(data.get("valid_through")), "valid_through")
    draft.set("salary", _salary(data.get("salary")), "salary")
    for name in ("workplace", "department", "experience", "education", "language"):
        draft.set(name, string(data.get(name)), name)
    draft.set("country_hint", string(data.get("country")), "country")
    if data.get("remote") is True:
        draft.set("workplace", "remote", "remote")
    skills = data.get("skills")
    draft.set("skills", strings(skills) if isinstance(skills, list) else [], "skills")
    draft.add_text(data.get("description"))
    # A pushed description may carry the labelled header of a text posting ("Job Title : ...");
    # those lines fill only what the object's own fields leave empty.
    return draft.build(url, label_title=True)


def _salary(value: Any) -> SalaryHint | None:
    if isinstance(value, dict):
        if value.get("period") is None and value.get("raw") is None:
            return range_hint(value.get("min"), value.get("max"), value.get("currency"))
        return salary_hint(
            value.get("min"),
            value.get("max"),
            value.get("currency"),
            value.get("period"),
            value.get("raw"),
        )
    return salary_hint(None, None, raw=value) if isinstance(value, str) else None


def _place(value: Any) -> str | None:
    """A location as a string, or as an object of parts ({"city": ..., "country": ...})."""
    if not isinstance(value, dict):
        return string(value)
    parts = (value.get(k) for k in ("city", "region", "state", "country"))
    return place(*parts) or string(value.get("name"))
