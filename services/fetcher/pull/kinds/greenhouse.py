"""Greenhouse Job Board API: the whole board in one document, descriptions included."""

from services.fetcher.pull.connector import SinglePage, SourceConfig, require

BASE = "https://boards-api.greenhouse.io/v1/boards"


class Greenhouse(SinglePage):
    kind = "greenhouse"
    fmt = "greenhouse"
    url_key = "absolute_url"

    def listing_url(self, source: SourceConfig) -> str:
        return (
            source.url
            or f"{BASE}/{require(source.board, 'a board token', source)}/jobs?content=true"
        )


CONNECTOR = Greenhouse()
