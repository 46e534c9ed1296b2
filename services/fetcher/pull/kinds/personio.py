"""Personio's public XML feed of a company's open positions."""

from __future__ import annotations

from services.fetcher.pull.connector import (
    Found,
    Listing,
    SourceConfig,
    Validators,
    conditional_get,
    require,
)
from services.fetcher.pull.http import PoliteClient
from services.fetcher.pull.xmlfeed import xml_items


class Personio:
    kind = "personio"

    async def list(self, http: PoliteClient, source: SourceConfig, cache: Validators) -> Listing:
        company = require(source.board, "a company subdomain", source)
        url = source.url or f"https://{company}.jobs.personio.de/xml"
        answer, fresh = await conditional_get(http, url, cache)
        if answer is None:
            return Listing([], cache, not_modified=True)
        items = xml_items(answer, root="workzag-jobs", item="position", id_tag="id")
        return Listing([Found(ident, "personio", text) for ident, text, _ in items], fresh)

    async def detail(self, http: PoliteClient, found: Found) -> Found:
        return found


CONNECTOR = Personio()
