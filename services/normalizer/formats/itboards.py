"""Polish IT boards' list items: NoFluffJobs search results and Just Join IT offers (the API
rocketjobs.pl shares), as their public listing endpoints return them.

Both are structured through and through, with no description in a list item: title, company,
cities, contract types with their pay, level and skill tags are the posting.
"""

from __future__ import annotations

from typing import Any

from shared.posting import NormalizedPosting, SalaryHint

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

_PERIODS = {"hour": "HOUR", "day": "DAY", "week": "WEEK", "month": "MONTH", "year": "YEAR"}
# NoFluffJobs contract codes the enricher would not read as they are; "permanent" (an
# employment contract) names neither hours nor a contractor and stays as it is.
_NOFLUFF_CONTRACTS = {"zlecenie": "umowa zlecenie", "uod": "umowa o dzieło", "intern": "internship"}
_WORKPLACES = {"office": "onsite", "hybrid": "hybrid", "remote": "remote"}


def parse_nofluffjobs(payload: Any, url: str | None) -> NormalizedPosting:
    """A NoFluffJobs search result (``/api/search/posting`` ``postings[]``)."""
    job = require_dict(payload, "nofluffjobs")
    draft = Draft("nofluffjobs")
    draft.set("title", string(job.get("title")), "title")
    draft.set("company", string(job.get("name")), "name")
    slug = string(job.get("url"))
    draft.set("url", f"https://nofluffjobs.com/job/{slug}" if slug else None, "url")
    # A remote posting lists a place named "Remote": the workplace flags say that, not a city.
    places = [p for p in _list(get(job, "location.places")) if _not_remote(p.get("city"))]
    cities = strings(_place(p.get("city"), get(p, "country.name")) for p in places)
    draft.set("locations", list(dict.fromkeys(cities)), "location.places[].city")
    draft.set("workplace", _nofluff_workplace(job), "location.fullyRemote")
    pay = mapping(job.get("salary"))
    kind = string(pay.get("type"))
    draft.set(
        "employment_type",
        strings([_NOFLUFF_CONTRACTS.get(kind.lower(), kind) if kind else None]),
        "salary.type",
    )
    # The board shows every amount per month: PLN/month on B2B and employment contracts alike.
    draft.set(
        "salary",
        salary_hint(pay.get("from"), pay.get("to"), pay.get("currency"), "MONTH"),
        "salary",
    )
    level = job.get("seniority")
    levels = strings(level if isinstance(level, list) else [level])
    draft.set("seniority", levels[0] if levels else None, "seniority")
    tiles = _list(get(job, "tiles.values"))
    tags = strings(
        [job.get("technology"), *(t.get("value") for t in tiles if t.get("type") == "requirement")]
    )
    draft.set("skills", list(dict.fromkeys(tags)), "tiles.values[requirement]")
    draft.set("date_posted", parse_date(job.get("posted")), "posted")
    return draft.build(url)


def _not_remote(city: Any) -> bool:
    return (string(city) or "").casefold() not in ("remote", "zdalnie", "zdalna")


def _place(city: Any, country: Any) -> str | None:
    parts = strings([city, country])
    return ", ".join(parts) if parts and string(city) else None


def _nofluff_workplace(job: dict[str, Any]) -> str | None:
    """Remote only when every flag the item carries says so (its two copies can disagree)."""
    flags = [v for v in (get(job, "location.fullyRemote"), job.get("fullyRemote")) if v is not None]
    if flags and all(v is True for v in flags):
        return "remote"
    if string(get(job, "location.hybridDesc")):
        return "hybrid"
    return None


def parse_justjoin(payload: Any, url: str | None) -> NormalizedPosting:
    """A Just Join IT / rocketjobs.pl offer list item, camelCase (v2) or snake_case (v1)."""
    job = require_dict(payload, "justjoin")
    draft = Draft("justjoin")
    draft.set("title", string(job.get("title")), "title")
    draft.set("company", string(job.get("companyName") or job.get("company_name")), "companyName")
    country = string(job.get("countryCode") or job.get("country_code"))
    cities = strings([job.get("city"), *(get(m, "city") for m in _list(job.get("multilocation")))])
    draft.set("locations", [_place(c, country) or c for c in dict.fromkeys(cities)], "city")
    workplace = string(job.get("workplaceType") or job.get("workplace_type"))
    if workplace is None and job.get("remote") is True:
        workplace = "remote"
    draft.set("workplace", _WORKPLACES.get((workplace or "").lower()), "workplaceType")
    contracts = _list(job.get("employmentTypes") or job.get("employment_types"))
    kinds = strings([job.get("workingTime"), *(c.get("type") for c in contracts)])
    draft.set("employment_type", [k for k in kinds if k.lower() != "any"], "employmentTypes[].type")
    draft.set("salary", _justjoin_pay(contracts), "employmentTypes[]")
    level = string(job.get("experienceLevel") or job.get("experience_level"))
    draft.set("seniority", level, "experienceLevel")
    required = _skill_names(job.get("requiredSkills") or job.get("skills"))
    draft.set("skills", required, "requiredSkills[].name")
    nice = _skill_names(job.get("niceToHaveSkills"))
    if nice:  # tags are required skills; these go where the text reader marks them preferred
        draft.add_heading("Nice to have")
        draft.add_text(", ".join(nice))
    draft.set(
        "date_posted", parse_date(job.get("publishedAt") or job.get("published_at")), "publishedAt"
    )
    slug = string(job.get("slug") or job.get("id"))
    draft.set("url", f"https://justjoin.it/job-offer/{slug}" if slug else None, "slug")
    return draft.build(url)


def _list(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _skill_names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else []
    return strings(get(i, "name") if isinstance(i, dict) else i for i in items)


def _justjoin_pay(contracts: list[dict[str, Any]]) -> SalaryHint | None:
    """The first contract's pay in the currency the employer gave (the board adds conversions)."""
    for contract in contracts:
        pay = mapping(contract.get("salary")) or contract  # v1 nests it, v2 inlines it
        if contract.get("currencySource", "original") != "original":
            continue
        if number(pay.get("from")) is None and number(pay.get("to")) is None:
            continue
        period = _PERIODS.get(str(contract.get("unit") or "month").lower())
        currency = string(pay.get("currency"))
        return salary_hint(
            pay.get("from"), pay.get("to"), currency.upper() if currency else None, period
        )
    return None
