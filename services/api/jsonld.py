"""A posting document as a schema.org JobPosting, shaped by Google's rules for job postings.

Google requires title, description (HTML), datePosted, hiringOrganization and either a
jobLocation or, for a fully remote job, jobLocationType TELECOMMUTE with
applicantLocationRequirements. A value the posting does not state is left out, never guessed;
``missing_required`` names what is then missing.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

REQUIRED = ("title", "description", "datePosted", "hiringOrganization")


def _html(description: dict[str, Any] | None) -> str | None:
    text = (description or {}).get("text") or ""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    if not paragraphs:
        return None
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


def _date(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, datetime) else value


def _place(location: dict[str, Any]) -> dict[str, Any] | None:
    address = {
        "@type": "PostalAddress",
        "addressLocality": location.get("city"),
        "addressRegion": location.get("region"),
        "addressCountry": location.get("country"),
    }
    address = {k: v for k, v in address.items() if v is not None}
    if len(address) == 1:
        return None
    place: dict[str, Any] = {"@type": "Place", "address": address}
    if location.get("lat") is not None and location.get("lon") is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": location["lat"],
            "longitude": location["lon"],
        }
    return place


def _salary(salary: dict[str, Any] | None) -> dict[str, Any] | None:
    if not salary or not salary.get("currency"):
        return None
    low, high = salary.get("min"), salary.get("max")
    if low is None and high is None:
        return None
    value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": salary.get("period")}
    if low is not None and high is not None and low != high:
        value |= {"minValue": low, "maxValue": high}
    else:
        value["value"] = low if low is not None else high
    value = {k: v for k, v in value.items() if v is not None}
    return {"@type": "MonetaryAmount", "currency": salary["currency"], "value": value}


def _where(doc: dict[str, Any]) -> dict[str, Any]:
    locations = doc.get("locations") or []
    places = [p for p in map(_place, locations) if p is not None]
    out: dict[str, Any] = {}
    if doc.get("workplace") == "remote":
        out["jobLocationType"] = "TELECOMMUTE"
        countries = sorted({loc["country"] for loc in locations if loc.get("country")})
        if countries:
            out["applicantLocationRequirements"] = [
                {"@type": "Country", "name": c} for c in countries
            ]
        # A remote job's own offices are not where applicants must be.
        places = [p for p in places if "addressLocality" in p["address"]]
    if places:
        out["jobLocation"] = places
    return out


def job_posting(doc: dict[str, Any]) -> dict[str, Any]:
    source = doc.get("source") or {}
    company = (doc.get("company") or {}).get("name")
    ld: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": doc.get("title"),
        "description": _html(doc.get("description")),
        "datePosted": _date(doc.get("date_posted")),
        "validThrough": _date(doc.get("valid_through")),
        "hiringOrganization": {"@type": "Organization", "name": company} if company else None,
        "employmentType": doc.get("employment_type") or None,
        "baseSalary": _salary(doc.get("salary")),
        "url": source.get("url"),
        "identifier": {
            "@type": "PropertyValue",
            "name": source.get("name"),
            "value": source.get("external_id"),
        }
        if source.get("external_id")
        else None,
        "skills": [s["name"] for s in doc.get("skills") or []] or None,
        **_where(doc),
    }
    return {k: v for k, v in ld.items() if v is not None}


def missing_required(ld: dict[str, Any]) -> list[str]:
    """Google's required properties this JobPosting lacks (empty when it qualifies)."""
    missing = [name for name in REQUIRED if not ld.get(name)]
    remote_ok = ld.get("jobLocationType") == "TELECOMMUTE" and ld.get(
        "applicantLocationRequirements"
    )
    if not ld.get("jobLocation") and not remote_ok:
        missing.append("jobLocation")
    return missing
