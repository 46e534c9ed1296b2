"""Board API responses split into (external id, one posting payload) pairs."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from shared.errors import InvalidPayload

from .common import content_id, get, load_json
from .detect import detect_format
from .jsonld import find_job_posting, with_references

# Where each JSON listing keeps its postings and which key is the posting's id.
_CONTAINERS = ("jobs", "offers", "content", "postings", "hits", "results", "items", "data")
_ID_KEYS = {
    "greenhouse": "id",
    "lever": "id",
    "ashby": "id",
    "workable": "shortcode",
    "smartrecruiters": "id",
    "recruitee": "id",
    "jobtech": "id",
    "generic": "id",
}


def split_listing(fmt: str, listing: Any) -> list[tuple[str, Any]]:
    if fmt in ("personio", "indeed-xml"):
        return _split_xml(fmt, listing)
    if fmt in ("text", "markdown", "html"):
        return [(content_id(listing), listing)]
    data = load_json(listing)
    if fmt == "jsonld":
        return _split_jsonld(data)
    items = _items(data)
    if fmt == "auto":
        fmt = detect_format(items[0]) if items else "generic"
    return [(_item_id(fmt, item), _with_company(fmt, data, item)) for item in items]


def _items(data: Any) -> list[Any]:
    if isinstance(data, list):
        # Lever's grouped mode: [{"title": group, "postings": [...]}, ...]
        if data and all(isinstance(d, dict) and "postings" in d for d in data):
            return [p for group in data for p in group["postings"]]
        return data
    if not isinstance(data, dict):
        raise InvalidPayload(f"listing must be a JSON list or object, got {type(data).__name__}")
    for key in _CONTAINERS:
        value = data.get(key)
        if isinstance(value, dict) and isinstance(value.get("hits"), list):
            return [h.get("_source", h) if isinstance(h, dict) else h for h in value["hits"]]
        if isinstance(value, list):
            return value
    return [data]


def _item_id(fmt: str, item: Any) -> str:
    value = get(item, _ID_KEYS.get(fmt, "id")) if isinstance(item, dict) else None
    return str(value) if value not in (None, "") else content_id(item)


def _with_company(fmt: str, listing: Any, item: Any) -> Any:
    """Workable's account listing names the company once, not in each job."""
    if fmt == "workable" and isinstance(listing, dict) and isinstance(item, dict):
        name = listing.get("name")
        if isinstance(name, str) and "company" not in item:
            return {**item, "company": name}
    return item


def _split_jsonld(data: Any) -> list[tuple[str, Any]]:
    nodes = (
        data
        if isinstance(data, list)
        else (data.get("@graph") or [data])
        if isinstance(data, dict)
        else []
    )
    out = []
    for node in nodes:
        posting = find_job_posting(node)
        if posting is not None:
            posting = with_references(posting, data)  # an @graph names its organization once
            ident = posting.get("identifier")
            ident = get(ident, "value") if isinstance(ident, dict) else ident
            out.append((str(ident or posting.get("url") or content_id(posting)), posting))
    return out


def _split_xml(fmt: str, listing: Any) -> list[tuple[str, Any]]:
    tag, id_tag = ("position", "id") if fmt == "personio" else ("job", "referencenumber")
    if isinstance(listing, str):
        listing = listing.lstrip("\ufeff")  # ElementTree refuses a byte-order mark in text
    try:
        root = ET.fromstring(listing) if not isinstance(listing, ET.Element) else listing
    except (ET.ParseError, TypeError) as exc:
        raise InvalidPayload(f"{fmt} listing is not well-formed XML: {exc}") from exc
    nodes = [root] if root.tag == tag else root.iter(tag)
    out = []
    for node in nodes:
        text = ET.tostring(node, encoding="unicode")
        ident = (node.findtext(id_tag) or "").strip()
        out.append((ident or content_id(text), text))
    return out
