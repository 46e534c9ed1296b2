"""An Indeed-style XML feed (<source><job><referencenumber>...), as many boards publish."""

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


class IndeedXml:
    kind = "indeed-xml"

    async def list(self, http: PoliteClient, source: SourceConfig, cache: Validators) -> Listing:
        url = require(source.url, "a feed url", source)
        answer, fresh = await conditional_get(http, url, cache)
        if answer is None:
            return Listing([], cache, not_modified=True)
        items = xml_items(answer, root="source", item="job", id_tag="referencenumber")
        return Listing([Found(i, "indeed-xml", text, link) for i, text, link in items], fresh)

    async def detail(self, http: PoliteClient, found: Found) -> Found:
        return found


CONNECTOR = IndeedXml()
