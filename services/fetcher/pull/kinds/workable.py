"""Workable's public widget API: the account's jobs, with the company named once on top."""

from typing import Any

from services.fetcher.pull.connector import SinglePage, SourceConfig, require

BASE = "https://apply.workable.com/api/v1/widget/accounts"


class Workable(SinglePage):
    kind = "workable"
    fmt = "workable"
    id_key = "shortcode"
    url_key = "url"

    def listing_url(self, source: SourceConfig) -> str:
        return source.url or f"{BASE}/{require(source.board, 'an account', source)}?details=true"

    def enrich(self, listing: Any, item: dict[str, Any]) -> dict[str, Any]:
        name = listing.get("name") if isinstance(listing, dict) else None
        if isinstance(name, str) and "company" not in item:
            return {**item, "company": name}
        return item


CONNECTOR = Workable()
