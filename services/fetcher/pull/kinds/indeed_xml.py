"""An Indeed-style XML feed (<source><job><referencenumber>...), as many boards publish."""

from __future__ import annotations

from services.fetcher.pull.connector import Found, OneDocument, SourceConfig, require
from services.fetcher.pull.http import Answer
from services.fetcher.pull.xmlfeed import xml_items


class IndeedXml(OneDocument):
    kind = "indeed-xml"

    def listing_url(self, source: SourceConfig) -> str:
        return require(source.url, "a feed url", source)

    def parse(self, answer: Answer, url: str, source: SourceConfig) -> list[Found]:
        items = xml_items(answer, root="source", item="job", id_tag="referencenumber")
        return [Found(i, "indeed-xml", text, link) for i, text, link in items]


CONNECTOR = IndeedXml()
