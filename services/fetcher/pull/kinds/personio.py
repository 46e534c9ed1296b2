"""Personio's public XML feed of a company's open positions."""

from __future__ import annotations

from services.fetcher.pull.connector import Found, OneDocument, SourceConfig, require
from services.fetcher.pull.http import Answer
from services.fetcher.pull.xmlfeed import xml_items


class Personio(OneDocument):
    kind = "personio"

    def listing_url(self, source: SourceConfig) -> str:
        company = require(source.board, "a company subdomain", source)
        return source.url or f"https://{company}.jobs.personio.de/xml"

    def parse(self, answer: Answer, url: str, source: SourceConfig) -> list[Found]:
        items = xml_items(answer, root="workzag-jobs", item="position", id_tag="id")
        return [Found(ident, "personio", text) for ident, text, _ in items]


CONNECTOR = Personio()
