"""Lever Postings API, on the global or the EU host, followed page by page (skip/limit)."""

from __future__ import annotations

from urllib.parse import urlencode

from services.fetcher.pull.connector import (
    Found,
    Listing,
    SourceConfig,
    Validators,
    items_at,
    json_body,
    postings,
    require,
)
from services.fetcher.pull.errors import BadListing
from services.fetcher.pull.http import PoliteClient

HOSTS = {"global": "https://api.lever.co", "eu": "https://api.eu.lever.co"}


class Lever:
    kind = "lever"

    def base_url(self, source: SourceConfig) -> str:
        if source.url:
            return source.url
        region = str(source.options.get("region", "global"))
        if region not in HOSTS:
            raise BadListing(f"lever region must be one of {sorted(HOSTS)}, not {region!r}")
        return f"{HOSTS[region]}/v0/postings/{require(source.board, 'a company', source)}"

    async def list(self, http: PoliteClient, source: SourceConfig, cache: Validators) -> Listing:
        base, limit = self.base_url(source), int(source.options.get("page_size", 100))
        max_pages = int(source.options.get("max_pages", 50))
        found: dict[str, Found] = {}
        for page in range(max_pages):
            url = f"{base}?{urlencode({'mode': 'json', 'skip': page * limit, 'limit': limit})}"
            items = items_at(json_body(await http.get(url)), None, url)
            for posting in postings(items, "lever", "id", "hostedUrl"):
                found[posting.external_id] = posting
            if len(items) < limit:
                return Listing(list(found.values()))
        raise BadListing(f"{base}: more than {max_pages} pages; the listing would be partial")

    async def detail(self, http: PoliteClient, found: Found) -> Found:
        return found


CONNECTOR = Lever()
