"""Recruitee careers-site API: every published offer of a company."""

from services.fetcher.pull.connector import SinglePage, SourceConfig, require


class Recruitee(SinglePage):
    kind = "recruitee"
    fmt = "recruitee"
    items_key = "offers"
    url_key = "careers_url"

    def listing_url(self, source: SourceConfig) -> str:
        company = require(source.board, "a company subdomain", source)
        return source.url or f"https://{company}.recruitee.com/api/offers/"


CONNECTOR = Recruitee()
