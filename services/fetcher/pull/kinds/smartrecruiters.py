"""SmartRecruiters Posting API: a paged list of summaries, then one detail per new posting."""

from __future__ import annotations

from urllib.parse import urlencode

from services.fetcher.pull.connector import (
    Found,
    Listing,
    SourceConfig,
    Validators,
    items_at,
    json_body,
    require,
)
from services.fetcher.pull.errors import BadListing
from services.fetcher.pull.http import PoliteClient

BASE = "https://api.smartrecruiters.com/v1/companies"


class SmartRecruiters:
    kind = "smartrecruiters"

    async def list(self, http: PoliteClient, source: SourceConfig, cache: Validators) -> Listing:
        base = source.url or f"{BASE}/{require(source.board, 'a company id', source)}/postings"
        limit = int(source.options.get("page_size", 100))
        found: dict[str, Found] = {}
        offset, total = 0, None
        while total is None or offset < total:
            url = f"{base}?{urlencode({'limit': limit, 'offset': offset})}"
            data = json_body(await http.get(url))
            items = items_at(data, "content", url)
            total = data.get("totalFound")
            if not isinstance(total, int):
                raise BadListing(f"{url}: no totalFound, cannot tell whether the list is whole")
            if not items and offset < total:
                raise BadListing(f"{url}: empty page at offset {offset} of {total}")
            for item in items:
                ident = str(item.get("id") or "")
                if not ident:
                    raise BadListing(f"{url}: a posting has no id")
                found[ident] = Found(ident, "smartrecruiters", item, None, f"{base}/{ident}")
            offset += len(items)
        return Listing(list(found.values()))

    async def detail(self, http: PoliteClient, found: Found) -> Found:
        if found.detail_url is None:
            return found
        job = json_body(await http.get(found.detail_url))
        if not isinstance(job, dict) or str(job.get("id")) != found.external_id:
            raise BadListing(f"{found.detail_url}: not the posting {found.external_id}")
        link = job.get("postingUrl")
        return Found(found.external_id, found.format, job, link if isinstance(link, str) else None)


CONNECTOR = SmartRecruiters()
