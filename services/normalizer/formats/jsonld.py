"""``jsonld`` and ``html``: schema.org JobPosting objects, alone or inside a job page."""

from __future__ import annotations

import json
import re
from typing import Any

import orjson
from selectolax.lexbor import LexborHTMLParser

from shared.errors import InvalidPayload
from shared.posting import NormalizedPosting, SalaryHint

from ..text import html_tree, page_lines
from .common import (
    Draft,
    get,
    parse_date,
    range_hint,
    require_dict,
    salary_hint,
    string,
    string_raw,
    strings,
)
from .microdata import microdata_posting

# Schema.org text properties that some pages fill instead of putting everything in description.
_EXTRA_TEXT = (
    ("Responsibilities", "responsibilities"),
    ("Qualifications", "qualifications"),
    ("Benefits", "jobBenefits"),
)
_REMOTE_TYPES = frozenset({"telecommute", "remote"})
# Not schema.org terms, but job pages that state a level put it under these keys.
_LEVEL_KEYS = ("seniorityLevel", "experienceLevel", "jobLevel")
_SCRIPT_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
_TYPE_NAME = re.compile(r"[/:#]")
# Below this many characters a JSON-LD description is a stub, and the page text may be the posting.
_THIN_DESCRIPTION = 200


def parse_jsonld(payload: Any, url: str | None) -> NormalizedPosting:
    data = find_job_posting(
        require_dict(payload, "jsonld") if not isinstance(payload, list) else payload
    )
    if data is None:
        raise InvalidPayload("jsonld payload holds no schema.org JobPosting")
    return _from_job_posting(data, url)


def parse_html(payload: Any, url: str | None) -> NormalizedPosting:
    markup = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
    if not isinstance(markup, str) or not markup.strip():
        raise InvalidPayload("html payload must be a non-empty string")
    tree = html_tree(markup)  # one parse serves the JSON-LD, the title and the text
    posting = _embedded_posting(tree) if "ld+json" in markup else None
    if posting is None and "itemprop" in markup:
        posting = microdata_posting(tree)
    if posting is not None:
        return _from_job_posting(posting, url, page=tree)
    draft = Draft("html")
    draft.set("title", _page_title(tree), "html.title")
    draft.lines.extend(page_lines(tree))
    # A page without structured data states its company, if at all, in a labelled line.
    return draft.build(url, label_title=True)


def _embedded_posting(tree: LexborHTMLParser) -> dict[str, Any] | None:
    for script in tree.css("script"):
        if "ld+json" not in (script.attributes.get("type") or "").lower():
            continue
        posting = find_job_posting(_script_json(script.text(deep=True)))
        if posting is not None:
            return posting
    return None


def _script_json(text: str) -> Any:
    """A JSON-LD block as pages write it: often wrapped in a comment or CDATA, and with raw line
    breaks inside strings, which strict JSON refuses; None when it cannot be read."""
    text = _SCRIPT_WRAPPER.sub("", text).strip()
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        pass
    try:
        return json.loads(text, strict=False)
    except ValueError:
        return None


def _page_title(tree: LexborHTMLParser) -> str | None:
    meta = tree.css_first('meta[property="og:title"]')
    if meta is not None and (title := string(meta.attributes.get("content"))):
        return title
    for selector in ("h1", "title"):
        node = tree.css_first(selector)
        if node is not None and (title := string(node.text(deep=True))):
            return title
    return None


def find_job_posting(data: Any) -> dict[str, Any] | None:
    """The first JobPosting in a JSON-LD value (an object, a list, or an @graph), with the nodes
    it names only by "@id" (``"hiringOrganization": {"@id": "#org"}``) filled in from the value."""
    posting = _first_posting(data)
    return with_references(posting, data) if posting is not None else None


def _first_posting(data: Any) -> dict[str, Any] | None:
    if isinstance(data, list):
        return next((p for item in data if (p := _first_posting(item)) is not None), None)
    if not isinstance(data, dict):
        return None
    kind = data.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    # "JobPosting", "schema:JobPosting" or "https://schema.org/JobPosting"
    if any(isinstance(k, str) and _TYPE_NAME.split(k)[-1] == "JobPosting" for k in kinds):
        return data
    return _first_posting(data.get("@graph")) if "@graph" in data else None


def with_references(posting: dict[str, Any], document: Any) -> dict[str, Any]:
    """``posting`` with each property (or list item) that is a bare {"@id"} reference replaced by
    the node of ``document`` carrying that id; unknown ids stay as they are."""
    nodes: dict[str, dict[str, Any]] = {}
    _index_nodes(document, nodes)
    if not nodes:
        return posting

    def resolve(value: Any) -> Any:
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
            return nodes.get(str(value["@id"]), value)
        return value

    return {key: resolve(value) for key, value in posting.items()}


def _index_nodes(value: Any, nodes: dict[str, dict[str, Any]]) -> None:
    if isinstance(value, list):
        for item in value:
            _index_nodes(item, nodes)
    elif isinstance(value, dict):
        ident = value.get("@id")
        if isinstance(ident, str) and not set(value) <= {"@id", "@type"}:
            nodes.setdefault(ident, value)
        _index_nodes(value.get("@graph"), nodes)


def _from_job_posting(
    data: dict[str, Any], url: str | None, page: LexborHTMLParser | None = None
) -> NormalizedPosting:
    draft = Draft("jsonld")
    draft.set("title", string(data.get("title")) or string(data.get("name")), "title")
    if page is not None and "title" not in draft.fields:
        draft.set("title", _page_title(page), "html.title")
    org = data.get("hiringOrganization")
    org = next((o for o in org if o), None) if isinstance(org, list) else org
    draft.set("company", string(get(org, "name") if isinstance(org, dict) else org), "company")
    draft.set("url", string(data.get("url")), "url")
    _locations(draft, data)
    draft.set("employment_type", strings(_as_list(data.get("employmentType"))), "employmentType")
    draft.set(
        "salary",
        _salary(data.get("baseSalary") or data.get("estimatedSalary"), data.get("salaryCurrency")),
        "baseSalary",
    )
    draft.set("date_posted", parse_date(data.get("datePosted")), "datePosted")
    draft.set("valid_through", parse_date(data.get("validThrough")), "validThrough")
    draft.set("skills", _skills(data.get("skills")), "skills")
    draft.set(
        "experience", _requirement(data.get("experienceRequirements")), "experienceRequirements"
    )
    draft.set("education", _requirement(data.get("educationRequirements")), "educationRequirements")
    for key in _LEVEL_KEYS:
        draft.set("seniority", string(data.get(key)), key)
    draft.set("department", string(get(data, "occupationalCategory.name")), "occupationalCategory")
    draft.set("language", string(data.get("inLanguage")), "inLanguage")
    draft.add_text(data.get("description"))
    for heading, key in _EXTRA_TEXT:
        if text := string_raw(data.get(key)):
            draft.add_heading(heading)
            draft.add_text(text)
    stated = sum(len(line.text) for line in draft.lines)
    if page is not None and stated < _THIN_DESCRIPTION:
        # A stub description ("Line Cook") while the page itself carries the posting's text.
        lines = page_lines(page)
        if sum(len(line.text) for line in lines) > 2 * stated:
            draft.lines = lines
    return draft.build(url)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _locations(draft: Draft, data: dict[str, Any]) -> None:
    places = [p for p in _as_list(data.get("jobLocation")) if p]
    names = strings(_place_name(p) for p in places)
    draft.set("locations", names, "jobLocation")
    countries = strings(_country(_as_list(get(p, "address"))[0]) for p in places)
    draft.set(
        "country_hint", countries[0] if countries else None, "jobLocation.address.addressCountry"
    )
    location_types = strings(_as_list(data.get("jobLocationType")))
    if any(kind.lower() in _REMOTE_TYPES for kind in location_types):
        draft.set("workplace", "remote", "jobLocationType")
    required = [r for r in _as_list(data.get("applicantLocationRequirements")) if r]
    if required:
        draft.set(
            "locations", strings(_place_name(r) for r in required), "applicantLocationRequirements"
        )


def _place_name(place: Any) -> str | None:
    if isinstance(place, str):
        return place
    if not isinstance(place, dict):
        return None
    address = place.get("address")
    if isinstance(address, list):  # some pages list the one address
        address = next((a for a in address if a), None)
    if isinstance(address, str):
        return address
    if isinstance(address, dict):
        parts = strings(
            [address.get("addressLocality"), address.get("addressRegion"), _country(address)]
        )
        if parts:
            return ", ".join(parts)
    return string(place.get("name"))


def _country(address: Any) -> str | None:
    country = address.get("addressCountry") if isinstance(address, dict) else None
    return string(country.get("name") if isinstance(country, dict) else country)


def _salary(value: Any, currency: Any = None) -> SalaryHint | None:
    """``baseSalary``; its currency, when the MonetaryAmount omits it, from the posting's own
    ``salaryCurrency``."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict) and not value.get("currency") and currency:
        value = {**value, "currency": currency}
    if isinstance(value, int | float | str):
        return (
            salary_hint(value, value, currency)
            if not isinstance(value, str)
            else salary_hint(None, None, raw=value)
        )
    if not isinstance(value, dict):
        return None
    amount = value.get("value")
    if isinstance(amount, dict):
        exact = amount.get("value")
        return range_hint(
            amount.get("minValue", exact),
            amount.get("maxValue", exact),
            value.get("currency"),
            amount.get("unitText") or value.get("unitText"),
        )
    return range_hint(amount, amount, value.get("currency"), value.get("unitText"))


def _skills(value: Any) -> list[str]:
    if isinstance(value, str):
        return strings(value.split(","))
    return strings(get(v, "name") if isinstance(v, dict) else v for v in _as_list(value))


def _requirement(value: Any) -> str | None:
    if isinstance(value, list):
        return "; ".join(strings(_requirement(v) for v in value)) or None
    if isinstance(value, dict):
        months = value.get("monthsOfExperience")
        if months is not None:
            return f"{months} months"
        return string(value.get("credentialCategory")) or string(value.get("description"))
    return string(value)
