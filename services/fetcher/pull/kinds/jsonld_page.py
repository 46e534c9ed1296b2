"""A plain job page whose HTML carries schema.org JobPosting JSON-LD (one or several)."""

from __future__ import annotations

from typing import Any

import orjson
from selectolax.lexbor import LexborHTMLParser

from services.fetcher.pull.connector import Found, OneDocument, SourceConfig, require
from services.fetcher.pull.errors import BadListing
from services.fetcher.pull.http import Answer


def job_postings(data: Any) -> list[dict[str, Any]]:
    """Every JobPosting in a JSON-LD value, through lists, @graph and ItemList elements."""
    if isinstance(data, list):
        return [p for item in data for p in job_postings(item)]
    if not isinstance(data, dict):
        return []
    kinds = data.get("@type")
    if "JobPosting" in (kinds if isinstance(kinds, list) else [kinds]):
        return [data]
    nested = data.get("@graph") or data.get("itemListElement") or data.get("item")
    return job_postings(nested) if nested is not None else []


def _ident(posting: dict[str, Any], page_url: str) -> str:
    ident = posting.get("identifier")
    if isinstance(ident, dict):
        ident = ident.get("value")
    return str(ident or posting.get("url") or page_url)


class JsonLdPage(OneDocument):
    kind = "jsonld-page"

    def listing_url(self, source: SourceConfig) -> str:
        return require(source.url, "a page url", source)

    def parse(self, answer: Answer, url: str, source: SourceConfig) -> list[Found]:
        found = []
        for script in LexborHTMLParser(answer.text).css('script[type="application/ld+json"]'):
            try:
                data = orjson.loads(script.text(deep=True))
            except orjson.JSONDecodeError:
                continue
            for posting in job_postings(data):
                link = posting.get("url") if isinstance(posting.get("url"), str) else url
                found.append(Found(_ident(posting, url), "jsonld", posting, link))
        if not found:
            # A page without its JobPosting is more likely broken or blocked than emptied.
            raise BadListing(f"{url}: no schema.org JobPosting on the page")
        return found


CONNECTOR = JsonLdPage()
